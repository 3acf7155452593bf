"""process.demo.timetable."""

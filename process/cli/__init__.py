"""process.cli."""

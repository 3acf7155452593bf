"""process.access.unit_of_work."""

"""process.programme."""

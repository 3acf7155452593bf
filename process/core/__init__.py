"""process.core."""

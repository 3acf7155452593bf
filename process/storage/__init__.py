"""process.storage."""

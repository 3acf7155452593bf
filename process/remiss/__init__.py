"""process.remiss.rules."""

"""process.decisions.references."""

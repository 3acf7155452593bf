"""process.workflow."""

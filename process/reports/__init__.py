"""process.reports."""

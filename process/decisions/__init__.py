"""process.core.decision_refs."""

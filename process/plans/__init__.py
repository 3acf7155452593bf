"""process.plans.plan_import."""

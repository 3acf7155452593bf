"""Yearly action plans and their measures: the plan file, importing it, reading measures,
firing a measure's triggers, notes, the year-end follow-up, the rollover."""

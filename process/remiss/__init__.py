"""The remiss: opening it with its consulted bodies and reply date (working days),
recording replies, closing it (no answer is an outcome), the overview."""

"""Every table registered on SQLModel.metadata at once (for Alembic and schema checks).

The body, measure, remiss, outbox and web tables live in their own modules and are imported
only by the code that uses them, so that commands like `rsp advance` do not pay for them.
"""

from __future__ import annotations


def load_all_models() -> None:
    """Register every table on SQLModel.metadata."""
    import process.storage.body_tables  # noqa: F401
    import process.storage.checkpoint_table  # noqa: F401
    import process.storage.decision_table  # noqa: F401
    import process.storage.outbox_table  # noqa: F401
    import process.storage.plan_tables  # noqa: F401
    import process.storage.remiss_tables  # noqa: F401
    import process.storage.tables  # noqa: F401
    import process.storage.web_tables  # noqa: F401

"""Storage: the database (SQLite or PostgreSQL), its tables, the Alembic migrations,
and finding a programme by its key."""

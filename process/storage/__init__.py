"""Storage: the database (SQLite or PostgreSQL), its tables, the Alembic migrations,
and finding a programme by its key. The tables are SQLModel classes (the schema, and
the services' ORM code); `core_tables` holds the rows the hot paths (`rsp advance`,
`rsp status`) read and write as Core tables, so that those never build the classes."""

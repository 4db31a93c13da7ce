"""Local persistence of the till: SQLite through SQLAlchemy 2, migrated by Alembic."""

"""Alembic environment for the till database (batch mode: SQLite cannot ALTER much)."""

from __future__ import annotations

from alembic import context

from loyalty_desk.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through loyalty_desk.store.migrate, not the alembic CLI.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

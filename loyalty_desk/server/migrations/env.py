"""Alembic environment for the central server's schema (its own history, not the till's)."""

from __future__ import annotations

from alembic import context

from loyalty_desk.server.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run server migrations through loyalty_desk.server.migrate.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    version_table="alembic_version_server",
)
with context.begin_transaction():
    context.run_migrations()

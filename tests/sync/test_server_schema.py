"""The server's migrations build exactly the schema its models describe (PostgreSQL when
LOYALTY_TEST_DATABASE_URL is set, SQLite otherwise), and the journal carries no index."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from loyalty_desk.server import migrate
from loyalty_desk.server.models import Base
from loyalty_desk.server.service import open_database


def test_migrated_server_schema_matches_the_models(server_url: str) -> None:
    db = open_database(server_url)
    try:
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"version_table": migrate.VERSION_TABLE})
            assert ctx.get_current_revision() == migrate.head_revision()
            assert compare_metadata(ctx, Base.metadata) == []
            # Written on every pushed event, read only whole: no secondary index to update.
            assert inspect(conn).get_indexes("transfer") == []
    finally:
        db.close()

"""Create or upgrade the till database in place, backing the file up first."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from loyalty_desk.store.db import backup_file

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaTooNew(Exception):
    """The file was written by a newer Loyalty Desk; touching it could corrupt it."""


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}


def needs_upgrade(engine: Engine) -> bool:
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(current)
    return current != head_revision()


def upgrade(engine: Engine, db_path: Path, backup_dir: Path, target: str = "head") -> Path | None:
    """Bring the schema to `target`. Returns the backup made first, if there was data."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(current)
    backup: Path | None = None
    if current is not None and current != head_revision() and db_path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        backup = backup_dir / f"before-upgrade-{current}-{stamp}.db"
        backup_file(db_path, backup)
    cfg = _config()
    with engine.connect() as conn:
        # Alembic manages its own transaction; our engine's IMMEDIATE begin covers it.
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        conn.commit()
    return backup

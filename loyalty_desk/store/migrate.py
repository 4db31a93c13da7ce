"""Create or upgrade the till database in place, backing the file up first."""

from __future__ import annotations

import ast
import functools
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from loyalty_desk.store.db import backup_file

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaTooNew(Exception):
    """The file was written by a newer Loyalty Desk; touching it could corrupt it."""


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


# Opening the till checks the schema on every start. Reading the revision graph from the
# scripts' source (without importing alembic, ~0.3 s) keeps the desktop client's cold
# start fast; alembic itself is loaded only when there is something to upgrade.


@functools.cache
def _graph() -> dict[str, tuple[str, ...]]:
    """revision -> its down revisions, read from versions/*.py without running them."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        values: dict[str, object] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                    values[target.id] = ast.literal_eval(node.value)
        revision, down = values.get("revision"), values.get("down_revision")
        if isinstance(revision, str):
            downs = (down,) if isinstance(down, str) else tuple(down or ())  # type: ignore[arg-type]
            graph[revision] = tuple(str(d) for d in downs)
    return graph


def head_revision() -> str:
    graph = _graph()
    referenced = {d for downs in graph.values() for d in downs}
    heads = [r for r in graph if r not in referenced]
    assert len(heads) == 1, f"the migrations have {len(heads)} heads: {heads}"
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not conn.dialect.has_table(conn, "alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    return set(_graph())


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
    from alembic import command

    cfg = _config()
    with engine.connect() as conn:
        # Alembic manages its own transaction; our engine's IMMEDIATE begin covers it.
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        conn.commit()
    return backup

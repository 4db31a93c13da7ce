"""Revision 0002_member_list adds the members-screen indexes to an existing till."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from loyalty_desk.store import migrate
from loyalty_desk.store.db import Database

INDEXES = {
    "ix_member_list_visit",
    "ix_member_list_tier",
    "ix_member_list_balance",
    "ix_member_list_name",
    "ix_member_merged",
}


def test_upgrade_from_0001_adds_the_list_indexes(tmp_path: Path) -> None:
    path = tmp_path / "loyalty.db"
    db = Database(path)
    try:
        migrate.upgrade(db.engine, path, tmp_path / "backups", target="0001")
        names = {ix["name"] for ix in inspect(db.engine).get_indexes("member")}
        assert not INDEXES & names
        migrate.upgrade(db.engine, path, tmp_path / "backups")
        names = {ix["name"] for ix in inspect(db.engine).get_indexes("member")}
        assert names >= INDEXES
        assert migrate.current_revision(db.engine) == migrate.head_revision()
    finally:
        db.close()

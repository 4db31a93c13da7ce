"""Schema upgrades: from the first revision to head in place, backups first, refusing newer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store import migrate
from loyalty_desk.store.db import Database, integrity_ok
from loyalty_desk.store.models import Base


def first_revision() -> str:
    script = ScriptDirectory.from_config(migrate._config())
    bases = script.get_bases()
    assert len(bases) == 1
    return bases[0]


def test_first_revision_database_upgrades_to_head_keeping_data(tmp_path: Path) -> None:
    path = tmp_path / "loyalty.db"
    db = Database(path)
    migrate.upgrade(db.engine, path, tmp_path / "backups", target=first_revision())
    db.close()
    # Data written by a till on the first schema: a store and a member.
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO setting VALUES ('store_id', '"S001"'), ('store_name', '"Old"'),
               ('timezone', '"Asia/Shanghai"'), ('device_id', '"dev-1"');
        INSERT INTO member (id, code, phone, phone_suffix, name, tier, tier_since, tier_grace,
               referral_code, referral_rewarded, balance, debt, online_only, overdraft,
               home_store_id, created_at, updated_at)
        VALUES ('m1', '8000000006', '13812345678', '5678', 'Old Member', 'regular',
               '2025-01-01 00:00:00', 0, '60000006', 0, 0, 0, 0, 0, 'S001',
               '2025-01-01 00:00:00', '2025-01-01 00:00:00');
        """
    )
    conn.commit()
    conn.close()
    result = unwrap(init_store(tmp_path, "S001", "New name"))
    assert not result.created
    if first_revision() != migrate.head_revision():
        assert result.backup is not None and integrity_ok(result.backup)
    desk = unwrap(Desk.open(tmp_path))
    try:
        with desk.read() as s:
            ctx = MigrationContext.configure(s.connection())
            assert ctx.get_current_revision() == migrate.head_revision()
            assert compare_metadata(ctx, Base.metadata) == []
        assert desk.info.store_name == "New name"
    finally:
        desk.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM member WHERE id='m1'").fetchone() == ("Old Member",)
    conn.close()
    assert integrity_ok(path)


def test_a_fresh_database_matches_the_models(desk: Desk) -> None:
    with desk.read() as s:
        assert compare_metadata(MigrationContext.configure(s.connection()), Base.metadata) == []


def test_init_refuses_another_store_id(data_dir: Path) -> None:
    unwrap(init_store(data_dir, "S001"))
    r = init_store(data_dir, "S002")
    assert isinstance(r, Refusal) and r.code is Code.ALREADY_INITIALISED
    bad = init_store(data_dir / "x", "bad id!")
    assert isinstance(bad, Refusal) and bad.code is Code.INVALID_STORE
    tz = init_store(data_dir / "y", "S1", timezone="Mars/Olympus")
    assert isinstance(tz, Refusal) and tz.code is Code.INVALID_TIMEZONE


def test_newer_schema_is_refused_untouched(data_dir: Path) -> None:
    unwrap(init_store(data_dir, "S001"))
    path = Desk.database_path(data_dir)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    r = Desk.open(data_dir)
    assert isinstance(r, Refusal) and r.code is Code.SCHEMA_TOO_NEW
    again = init_store(data_dir, "S001")
    assert isinstance(again, Refusal) and again.code is Code.SCHEMA_TOO_NEW
    assert path.read_bytes() == before


def test_wal_and_full_sync_are_on(desk: Desk) -> None:
    with desk.read() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1

"""The coupon revision upgrades a till made by the first schema, keeping its coupons."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from loyalty_desk.store import migrate
from loyalty_desk.store.db import Database
from loyalty_desk.store.models import Base, Coupon


def test_upgrade_from_0001_keeps_coupons_and_matches_the_models(tmp_path: Path) -> None:
    path = tmp_path / "loyalty.db"
    db = Database(path)
    try:
        migrate.upgrade(db.engine, path, tmp_path / "backups", target="0001")
        moment = datetime(2026, 3, 1, tzinfo=UTC).replace(tzinfo=None)
        with db.transaction() as s:
            s.execute(
                text(
                    "INSERT INTO coupon (code, member_id, kind, min_spend_fen, value_fen, "
                    "valid_from, valid_until, status, issued_at, issued_store_id, rule_version) "
                    "VALUES ('90100000000000000000', NULL, 'winback', 20000, 10000, :t, :t, "
                    "'issued', :t, 'S001', 1)"
                ),
                {"t": moment},
            )
        backup = migrate.upgrade(db.engine, path, tmp_path / "backups")
        assert backup is not None and backup.exists()
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.read() as s:
            row = s.get(Coupon, "90100000000000000000")
            assert row is not None and row.value_fen == 10_000
            assert (row.entry_id, row.voided_at, row.changed_seq) == (None, None, None)
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        db.close()

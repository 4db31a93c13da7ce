"""A till database as the earliest migration made it, for the upgrade tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from loyalty_desk.services import staff
from loyalty_desk.services.desk import Desk
from loyalty_desk.store import migrate
from loyalty_desk.store.db import Database
from tests.test_migrations import first_revision

MANAGER = ("Wang Manager", "2468")


def first_revision_till(data_dir: Path) -> None:
    """A till database exactly as the earliest migration made it, with a store, a manager
    and a member (written in that schema's own columns)."""
    data_dir.mkdir(parents=True)
    path = Desk.database_path(data_dir)
    db = Database(path)
    migrate.upgrade(db.engine, path, data_dir / "backups", target=first_revision())
    db.close()
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO setting VALUES ('store_id', '"S001"'), ('store_name', '"Old till"'),
               ('timezone', '"Asia/Shanghai"'), ('device_id', '"dev-1"');
        INSERT INTO member (id, code, phone, phone_suffix, name, tier, tier_since, tier_grace,
               referral_code, referral_rewarded, balance, debt, online_only, overdraft,
               home_store_id, created_at, updated_at)
        VALUES ('m1', '8000000006', '13812345678', '5678', 'Old Member', 'regular',
               '2025-01-01 00:00:00', 0, '60000006', 0, 0, 0, 0, 0, 'S001',
               '2025-01-01 00:00:00', '2025-01-01 00:00:00');
        """
    )
    conn.execute(
        "INSERT INTO staff (id, name, role, pin_hash, failed_attempts, active, created_at) "
        "VALUES ('s1', ?, 'manager', ?, 0, 1, '2025-01-01 00:00:00')",
        (MANAGER[0], staff.hasher.hash(MANAGER[1])),
    )
    conn.commit()
    conn.close()

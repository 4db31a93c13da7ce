"""Upgrading a till that already has sales computes the activity rows and segment moves."""

from __future__ import annotations

from alembic import command
from sqlalchemy import func, select

from loyalty_desk.services import checkout, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store import migrate
from loyalty_desk.store.db import Database
from loyalty_desk.store.models import MemberActivity, SegmentChange
from tests.conftest import FakeClock
from tests.helpers import check_activity


def test_upgrade_backfills_activity(desk: Desk, clock: FakeClock, manager: str) -> None:
    a = unwrap(members.enroll(desk, "13812345678", "A")).code
    b = unwrap(members.enroll(desk, "13912345678", "B")).code
    for n in range(5):
        unwrap(checkout.earn(desk, a, f"A{n}", 150_000))
        clock.advance(days=20)
    unwrap(checkout.earn(desk, b, "B1", 60_000))
    unwrap(checkout.refund(desk, "A4", 50_000, manager_pin=manager))
    clock.advance(days=200)
    with desk.read() as s:
        rows_before = s.scalar(select(func.count()).select_from(MemberActivity))
    assert rows_before == 2

    data_dir = desk.data_dir
    desk.close()
    # Back to the revision before the reports, as a till of the previous release would be.
    db = Database(Desk.database_path(data_dir))
    cfg = migrate._config()
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002_member_list")
        conn.commit()
    assert migrate.current_revision(db.engine) == "0002_member_list"
    db.close()

    reopened = unwrap(Desk.open(data_dir, clock=clock))  # upgrades in place, after a backup
    try:
        assert list((data_dir / "backups").glob("before-upgrade-*.db"))
        with reopened.read() as s:
            assert s.scalar(select(func.count()).select_from(MemberActivity)) == 2
            assert s.scalar(select(func.count()).select_from(SegmentChange)) >= 3
        check_activity(reopened)
    finally:
        reopened.close()

"""Points expire 12 months after they were earned; expiry is idempotent and automatic."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from loyalty_desk.services import checkout, maintenance, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import LedgerEntry
from tests.conftest import FakeClock
from tests.helpers import check_invariants


def test_points_expire_after_twelve_months_oldest_first(desk: Desk, clock: FakeClock) -> None:
    code = unwrap(members.enroll(desk, "13812345678", "M")).code
    unwrap(checkout.earn(desk, code, "A", 10_000))  # 500 on 2026-03-10
    clock.advance(days=60)
    unwrap(checkout.earn(desk, code, "B", 30_000))  # 300 on 2026-05-09
    clock.set(datetime(2027, 3, 9, 15, 59, tzinfo=UTC))  # 23:59 on 2027-03-09 local
    assert unwrap(maintenance.expire(desk)).points == 0
    clock.set(datetime(2027, 3, 9, 16, 0, tzinfo=UTC))  # midnight: 2027-03-10 local
    first = unwrap(maintenance.expire(desk))
    assert (first.members, first.points) == (1, 500)
    assert unwrap(maintenance.expire(desk)).points == 0  # idempotent
    assert unwrap(members.show(desk, code)).balance == 300
    clock.advance(days=61)
    assert unwrap(maintenance.expire(desk)).points == 300
    assert unwrap(members.show(desk, code)).balance == 0
    check_invariants(desk)


def test_partly_spent_lot_expires_only_what_is_left(desk: Desk, clock: FakeClock) -> None:
    code = unwrap(members.enroll(desk, "13812345678", "M")).code
    unwrap(checkout.earn(desk, code, "A", 20_000))  # 1000
    unwrap(checkout.redeem(desk, code, "S", 400, 100_000))
    clock.advance(days=366)
    assert unwrap(maintenance.expire(desk)).points == 600
    check_invariants(desk)


def test_expiry_runs_once_per_store_day_when_the_store_opens(desk: Desk, clock: FakeClock) -> None:
    code = unwrap(members.enroll(desk, "13812345678", "M")).code
    unwrap(checkout.earn(desk, code, "A", 10_000))
    clock.advance(days=400)
    first = maintenance.open_store(desk)
    assert first is not None and first.points == 500
    assert maintenance.open_store(desk) is None  # same store day: nothing to do
    with desk.read() as s:
        expired = s.scalar(select(func.count()).where(LedgerEntry.kind == "EXPIRE"))
    assert expired == 1

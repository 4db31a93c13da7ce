"""The demo store is made through the real use cases: consistent, reproducible, a year deep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import audit, member_list, settings, staff
from loyalty_desk.services.demo import DEMO_CASHIER, DEMO_MANAGER, DemoResult, create_demo_store
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.member_list import Sort
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import LedgerEntry
from tests.helpers import check_invariants

END = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


def make(folder: Path) -> tuple[DemoResult, Desk]:
    result = create_demo_store(folder, members_count=30, seed=7, end=END)
    assert isinstance(result, DemoResult)
    return result, unwrap(Desk.open(folder, clock=lambda: END))


def test_demo_history_is_real_and_consistent(tmp_path: Path) -> None:
    result, desk = make(tmp_path / "a")
    try:
        assert result.members == 30 and result.receipts > 30 and result.redemptions > 0
        check_invariants(desk)
        assert audit.verify(desk).ok
        assert settings.load(desk).demo
        names = {s.name for s in staff.list_staff(desk)}
        assert names == {DEMO_MANAGER[0], DEMO_CASHIER[0]}
        assert isinstance(staff.sign_in(desk, *DEMO_CASHIER), staff.StaffView)
        with desk.read() as s:
            first, last = s.execute(
                select(func.min(LedgerEntry.occurred_at), func.max(LedgerEntry.occurred_at))
            ).one()
            kinds = set(s.scalars(select(LedgerEntry.kind).distinct()))
        assert last - first > timedelta(days=330)  # a year of history, not one afternoon
        assert {"EARN", "REDEEM"} <= kinds
    finally:
        desk.close()


def test_the_same_seed_makes_the_same_store(tmp_path: Path) -> None:
    _, one = make(tmp_path / "a")
    _, two = make(tmp_path / "b")
    try:
        rows_one = unwrap(member_list.page(one, sort=Sort.NAME, limit=100)).rows
        rows_two = unwrap(member_list.page(two, sort=Sort.NAME, limit=100)).rows
        assert [(m.code, m.name, m.phone, m.balance, m.tier) for m in rows_one] == [
            (m.code, m.name, m.phone, m.balance, m.tier) for m in rows_two
        ]
    finally:
        one.close()
        two.close()


def test_demo_refuses_a_folder_that_holds_a_store(tmp_path: Path) -> None:
    make(tmp_path / "a")[1].close()
    again = create_demo_store(tmp_path / "a", members_count=5)
    assert isinstance(again, Refusal) and again.code is Code.ALREADY_INITIALISED

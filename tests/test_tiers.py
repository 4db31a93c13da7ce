"""Tiers: upgrade after the qualifying purchase, anniversary review, grace, refund undo."""

from __future__ import annotations

from sqlalchemy import select

from loyalty_desk.services import checkout, maintenance, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import TierChange
from tests.conftest import FakeClock
from tests.helpers import check_invariants


def new_member(desk: Desk, phone: str = "13812345678") -> str:
    return unwrap(members.enroll(desk, phone, "M")).code


def buy(desk: Desk, clock: FakeClock, code: str, receipts: list[int], prefix: str = "R") -> None:
    for i, fen in enumerate(receipts):
        clock.advance(days=1)
        unwrap(checkout.earn(desk, code, f"{prefix}{clock.now:%m%d}{i}", fen))


def test_silver_after_2000_yuan_and_2_purchases_earning_at_old_tier(
    desk: Desk, clock: FakeClock
) -> None:
    code = new_member(desk)
    buy(desk, clock, code, [150_000])
    clock.advance(days=1)
    r = unwrap(checkout.earn(desk, code, "Q", 50_000))
    assert r.upgraded_to == "silver"
    assert r.breakdown["tier"] == "regular" and r.points_awarded == 500  # old tier's ×1
    clock.advance(days=1)
    nxt = unwrap(checkout.earn(desk, code, "N", 10_000))
    assert nxt.breakdown["tier"] == "silver" and nxt.points_awarded == 120


def test_gold_needs_10000_yuan_and_5_purchases(desk: Desk, clock: FakeClock) -> None:
    code = new_member(desk)
    buy(desk, clock, code, [400_000, 400_000, 200_000])  # ¥10,000 in 3 purchases: silver
    assert unwrap(members.show(desk, code)).tier == "silver"
    buy(desk, clock, code, [100, 100])
    assert unwrap(members.show(desk, code)).tier == "gold"


def test_anniversary_downgrade_without_purchases(desk: Desk, clock: FakeClock) -> None:
    code = new_member(desk)
    buy(desk, clock, code, [150_000, 60_000])
    assert unwrap(members.show(desk, code)).tier == "silver"
    clock.advance(days=366)
    result = unwrap(maintenance.expire(desk))
    assert result.tier_changes == 1
    view = unwrap(members.show(desk, code))
    assert view.tier == "regular" and view.tier_until is None


def test_anniversary_renews_when_still_qualifying(desk: Desk, clock: FakeClock) -> None:
    code = new_member(desk)
    buy(desk, clock, code, [150_000, 60_000])
    clock.advance(days=300)
    buy(desk, clock, code, [150_000, 60_000], prefix="S")
    until = unwrap(members.show(desk, code)).tier_until
    assert until is not None
    clock.set(until)
    unwrap(maintenance.expire(desk))
    view = unwrap(members.show(desk, code))
    assert view.tier == "silver" and view.tier_until is not None and view.tier_until > until


def test_gold_with_six_purchases_keeps_tier_three_more_months(desk: Desk, clock: FakeClock) -> None:
    code = new_member(desk)
    buy(desk, clock, code, [400_000, 400_000, 200_000, 100, 100])
    assert unwrap(members.show(desk, code)).tier == "gold"
    # Six small purchases during the year; by the anniversary the early big ones have rolled
    # out of the 12-month window, so the spend no longer qualifies but the visits do.
    clock.advance(days=100)
    buy(desk, clock, code, [100] * 6, prefix="S")
    until = unwrap(members.show(desk, code)).tier_until
    assert until is not None
    clock.set(until)
    unwrap(maintenance.expire(desk))
    view = unwrap(members.show(desk, code))
    assert view.tier == "gold"
    with desk.read() as s:
        reasons = [c.reason for c in s.scalars(select(TierChange).order_by(TierChange.id))]
    assert reasons[-1] == "grace"
    assert view.tier_until is not None and (view.tier_until - until).days in range(89, 93)
    clock.set(view.tier_until)
    unwrap(maintenance.expire(desk))
    assert unwrap(members.show(desk, code)).tier == "regular"


def test_refund_of_the_upgrading_purchase_undoes_the_upgrade(
    desk: Desk, clock: FakeClock, manager: str
) -> None:
    code = new_member(desk)
    buy(desk, clock, code, [150_000])
    clock.advance(days=1)
    unwrap(checkout.earn(desk, code, "UP", 60_000))
    assert unwrap(members.show(desk, code)).tier == "silver"
    r = unwrap(checkout.refund(desk, "UP", manager_pin=manager))
    assert r.tier_after == "regular" and r.member.tier == "regular"
    check_invariants(desk)


def test_tier_history_is_kept(desk: Desk, clock: FakeClock) -> None:
    code = new_member(desk)
    buy(desk, clock, code, [150_000, 60_000])
    clock.advance(days=370)
    unwrap(maintenance.expire(desk))
    with desk.read() as s:
        rows = [(c.from_tier, c.to_tier, c.reason) for c in s.scalars(select(TierChange))]
    assert rows == [("regular", "silver", "upgrade"), ("silver", "regular", "downgrade")]
    assert unwrap(members.show(desk, code)).tier == "regular"

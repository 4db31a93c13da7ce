"""Redeeming points and refunding receipts."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import checkout, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import PointLot
from tests.conftest import FakeClock
from tests.helpers import check_invariants, db_fingerprint


def member_with(desk: Desk, points_receipts: list[int], phone: str = "13812345678") -> str:
    code = unwrap(members.enroll(desk, phone, "Member")).code
    for i, fen in enumerate(points_receipts):
        unwrap(checkout.earn(desk, code, f"E{phone[-4:]}-{i}", fen))
    return code


def test_redeem_100_points_is_10_yuan(desk: Desk) -> None:
    code = member_with(desk, [20_000])  # 1000 points
    r = unwrap(checkout.redeem(desk, code, "S1", 300, 50_000))
    assert r.points_redeemed == 300 and r.value_fen == 3_000 and r.member.balance == 700
    check_invariants(desk)


def test_redemption_refusals(desk: Desk) -> None:
    code = member_with(desk, [20_000])  # 1000 points
    before = db_fingerprint(desk)
    cases = [
        ((code, "S1", 99, 50_000), Code.BELOW_MINIMUM),
        ((code, "S1", 1_001, 1_000_000), Code.INSUFFICIENT_POINTS),
        ((code, "S1", 600, 10_000), Code.OVER_RECEIPT_LIMIT),  # ¥60 > half of ¥100
        ((code, "S1", 0, 10_000), Code.INVALID_POINTS),
        ((code, "S1", -100, 10_000), Code.INVALID_POINTS),
        ((code, "S1", 100, 0), Code.INVALID_AMOUNT),
        (("13800000000", "S1", 100, 10_000), Code.UNKNOWN_MEMBER),
    ]
    for args, expected in cases:
        result = checkout.redeem(desk, *args)  # type: ignore[arg-type]
        assert isinstance(result, Refusal) and result.code is expected, (args, result)
    over = checkout.redeem(desk, code, "S1", 600, 10_000)
    assert isinstance(over, Refusal) and over.details["max_points"] == 500
    assert db_fingerprint(desk) == before
    limits = unwrap(checkout.redemption_limits(desk, code, 10_000))
    assert (limits.balance, limits.min_points, limits.max_points) == (1000, 100, 500)


def test_redeem_retry_is_idempotent(desk: Desk) -> None:
    code = member_with(desk, [20_000])
    unwrap(checkout.redeem(desk, code, "S1", 200, 50_000))
    before = db_fingerprint(desk)
    again = unwrap(checkout.redeem(desk, code, "S1", 200, 50_000))
    assert again.replayed and again.member.balance == 800
    other = checkout.redeem(desk, code, "S1", 300, 50_000)
    assert isinstance(other, Refusal) and other.code is Code.RECEIPT_ALREADY_REDEEMED
    assert db_fingerprint(desk) == before


def test_oldest_lots_are_spent_first(desk: Desk, clock: FakeClock) -> None:
    code = unwrap(members.enroll(desk, "13812345678", "M")).code
    unwrap(checkout.earn(desk, code, "OLD", 10_000))  # 500, first purchase
    clock.advance(days=30)
    unwrap(checkout.earn(desk, code, "NEW", 30_000))  # 300
    unwrap(checkout.redeem(desk, code, "S1", 600, 200_000))
    with desk.read() as s:
        lots = {lot.points: lot.remaining for lot in s.scalars(select(PointLot))}
    assert lots == {500: 0, 300: 200}
    check_invariants(desk)


def test_full_refund_reverses_earned_and_restores_redeemed(desk: Desk, manager: str) -> None:
    code = member_with(desk, [20_000])  # 1000
    unwrap(checkout.redeem(desk, code, "SALE", 200, 50_000))  # 800 left
    unwrap(checkout.earn(desk, code, "SALE", 48_000))  # paid 480 after ¥20 off: +480
    r = unwrap(checkout.refund(desk, "SALE", manager_pin=manager))
    assert r.refunded_fen == 48_000 and r.points_reversed == 480 and r.points_restored == 200
    assert r.member.balance == 1000
    check_invariants(desk)
    again = checkout.refund(desk, "SALE", manager_pin=manager)
    assert isinstance(again, Refusal) and again.code is Code.RECEIPT_FULLY_REFUNDED


def test_partial_refunds_add_up_to_exactly_the_earning(desk: Desk, manager: str) -> None:
    code = member_with(desk, [100])  # first purchase out of the way
    unwrap(checkout.earn(desk, code, "P", 33_300))  # 333 points
    parts = [unwrap(checkout.refund(desk, "P", 11_100, manager_pin=manager)) for _ in range(3)]
    assert sum(p.points_reversed for p in parts) == 333
    assert [p.points_reversed for p in parts] == [111, 111, 111]
    over = checkout.refund(desk, "P", 1, manager_pin=manager)
    assert isinstance(over, Refusal) and over.code is Code.RECEIPT_FULLY_REFUNDED
    check_invariants(desk)


def test_refund_more_than_paid_is_refused(desk: Desk, manager: str) -> None:
    code = member_with(desk, [10_000])
    before = db_fingerprint(desk)
    r = checkout.refund(desk, f"E{'5678'}-0", 10_001, manager_pin=manager)
    assert isinstance(r, Refusal) and r.code is Code.REFUND_EXCEEDS_PAID
    assert r.details["refundable_fen"] == 10_000
    unknown = checkout.refund(desk, "NOPE", manager_pin=manager)
    assert isinstance(unknown, Refusal) and unknown.code is Code.UNKNOWN_RECEIPT
    assert db_fingerprint(desk) == before
    assert unwrap(members.show(desk, code)).balance == 500


def test_refund_after_spending_goes_negative_and_is_flagged(desk: Desk, manager: str) -> None:
    code = member_with(desk, [20_000])  # 1000
    unwrap(checkout.redeem(desk, code, "S2", 900, 1_000_000))
    r = unwrap(checkout.refund(desk, "E5678-0", manager_pin=manager))
    assert r.points_reversed == 1000 and r.member.balance == -900
    assert "negative_balance" in r.member.flags
    check_invariants(desk)
    # The next earning repays the debt first.
    e = unwrap(checkout.earn(desk, code, "E3", 100_000))
    assert e.member.balance == e.points_awarded - 900
    check_invariants(desk)


def test_refund_needs_a_manager_pin(desk: Desk, manager: str) -> None:
    member_with(desk, [10_000])
    before = db_fingerprint(desk)
    for pin, code in ((None, Code.MANAGER_PIN_REQUIRED), ("0000", Code.WRONG_PIN)):
        result = checkout.refund(desk, "E5678-0", manager_pin=pin)
        assert isinstance(result, Refusal) and result.code is code
    after = db_fingerprint(desk)
    assert after[:-2] == before[:-2]  # (the staff row's failed-attempt counter changed)


def test_restored_points_keep_their_original_expiry(
    desk: Desk, clock: FakeClock, manager: str
) -> None:
    code = member_with(desk, [20_000])
    with desk.read() as s:
        expiry = s.scalars(select(PointLot.expires_at)).one()
    clock.advance(days=100)
    unwrap(checkout.redeem(desk, code, "S1", 500, 200_000))
    unwrap(checkout.refund(desk, "S1", manager_pin=manager))
    with desk.read() as s:
        lot = s.scalars(select(PointLot)).one()
    assert lot.remaining == 1000 and lot.expires_at == expiry
    check_invariants(desk)


def test_refund_preview_writes_nothing(desk: Desk, manager: str) -> None:
    member_with(desk, [10_000])
    before = db_fingerprint(desk)
    preview = unwrap(checkout.refund(desk, "E5678-0", 5_000, dry_run=True))
    assert preview.preview and preview.points_reversed == 250
    assert db_fingerprint(desk) == before


def test_refund_partial_redemption_restores_in_proportion(
    desk: Desk, clock: FakeClock, manager: str
) -> None:
    code = member_with(desk, [100_000])  # 5000 points, today's cap reached
    clock.advance(days=1)
    unwrap(checkout.redeem(desk, code, "S", 1_000, 100_000))  # ¥100 off a ¥1000 receipt
    unwrap(checkout.earn(desk, code, "S", 90_000))
    half = unwrap(checkout.refund(desk, "S", 45_000, manager_pin=manager))
    # ¥1000 + ¥900 stays below Silver (¥2000): 900 points at ×1, half of them reversed.
    assert half.points_restored == 500 and half.points_reversed == 450
    check_invariants(desk)


def test_backdated_refund_limits(desk: Desk, clock: FakeClock, manager: str) -> None:
    member_with(desk, [10_000])
    result = checkout.refund(desk, "E5678-0", at=clock.now + timedelta(days=1), manager_pin=manager)
    assert isinstance(result, Refusal) and result.code is Code.INVALID_TIME

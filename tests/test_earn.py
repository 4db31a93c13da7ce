"""Earning points: the numbers of DESIGN §5, idempotent receipts, referral bonuses."""

from __future__ import annotations

from datetime import date, timedelta

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import checkout, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock
from tests.helpers import check_invariants, db_fingerprint


def enrol(desk: Desk, phone: str = "13812345678", **kw: object) -> str:
    return unwrap(members.enroll(desk, phone, "Member", **kw)).code  # type: ignore[arg-type]


def test_first_receipt_earns_five_times_then_one(desk: Desk) -> None:
    code = enrol(desk)
    first = unwrap(checkout.earn(desk, code, "R1", 10_000))
    assert first.points_awarded == 500
    assert first.breakdown["bonus"] == "first_purchase" and first.breakdown["base_points"] == 100
    second = unwrap(checkout.earn(desk, code, "R2", 10_000))
    assert second.points_awarded == 100 and second.breakdown["bonus"] is None
    assert second.member.balance == 600
    check_invariants(desk)


def test_ten_thousand_yuan_in_one_day_is_capped(desk: Desk) -> None:
    code = enrol(desk)
    r = unwrap(checkout.earn(desk, code, "BIG", 1_000_000))
    assert r.points_awarded == 5_000
    assert r.breakdown["computed_points"] == 50_000 and r.breakdown["capped_points"] == 45_000
    more = unwrap(checkout.earn(desk, code, "MORE", 50_000))
    assert more.points_awarded == 0 and more.breakdown["capped_points"] == 500


def test_cap_is_per_store_local_day(desk: Desk, clock: FakeClock) -> None:
    code = enrol(desk)
    unwrap(checkout.earn(desk, code, "A", 1_000_000))
    # 10:00 local + 13h = 23:00 local, still the same day in Shanghai
    clock.advance(hours=13)
    assert unwrap(checkout.earn(desk, code, "B", 10_000)).points_awarded == 0
    clock.advance(hours=2)  # 01:00 local, the next day; A and B made the member Silver
    assert unwrap(checkout.earn(desk, code, "C", 10_000)).points_awarded == 120


def test_big_ticket_and_birthday_double(desk: Desk) -> None:
    code = enrol(desk)
    unwrap(checkout.earn(desk, code, "R0", 100))
    assert unwrap(checkout.earn(desk, code, "R1", 100_000)).points_awarded == 2_000
    bday = enrol(desk, "13912345678", birthday=date(1990, 3, 1))
    unwrap(checkout.earn(desk, bday, "B0", 100))
    r = unwrap(checkout.earn(desk, bday, "B1", 20_000))
    assert r.points_awarded == 400 and r.breakdown["bonus"] == "birthday"


def test_same_receipt_twice_awards_once(desk: Desk) -> None:
    code = enrol(desk)
    someone = enrol(desk, "13912345678")
    first = unwrap(checkout.earn(desk, code, "POS-77", 12_345))
    before = db_fingerprint(desk)
    retry = unwrap(checkout.earn(desk, code, "POS-77", 12_345))
    assert retry.replayed and retry.points_awarded == first.points_awarded
    assert db_fingerprint(desk) == before
    other = checkout.earn(desk, code, "POS-77", 12_346)
    assert isinstance(other, Refusal) and other.code is Code.RECEIPT_ALREADY_EARNED
    clash = checkout.earn(desk, someone, "POS-77", 12_345)
    assert isinstance(clash, Refusal) and clash.code is Code.RECEIPT_ALREADY_EARNED
    assert db_fingerprint(desk) == before


def test_bad_earn_input_changes_nothing(desk: Desk, clock: FakeClock) -> None:
    code = enrol(desk)
    before = db_fingerprint(desk)
    cases = [
        (("13899990000", "R", 100), Code.UNKNOWN_MEMBER),
        ((code, "", 100), Code.INVALID_RECEIPT),
        ((code, "has space", 100), Code.INVALID_RECEIPT),
        ((code, "x" * 65, 100), Code.INVALID_RECEIPT),
        ((code, "R", 0), Code.INVALID_AMOUNT),
        ((code, "R", -100), Code.INVALID_AMOUNT),
        ((code, "R", 100_000_001), Code.INVALID_AMOUNT),
    ]
    for args, expected in cases:
        result = checkout.earn(desk, *args)  # type: ignore[arg-type]
        assert isinstance(result, Refusal) and result.code is expected, (args, result)
    future = checkout.earn(desk, code, "R", 100, at=clock.now + timedelta(hours=1))
    assert isinstance(future, Refusal) and future.code is Code.INVALID_TIME
    ancient = checkout.earn(desk, code, "R", 100, at=clock.now - timedelta(days=400))
    assert isinstance(ancient, Refusal) and ancient.code is Code.INVALID_TIME
    assert db_fingerprint(desk) == before


def test_backdated_receipt_uses_its_own_day(desk: Desk, clock: FakeClock) -> None:
    code = enrol(desk, birthday=date(1990, 2, 10))
    unwrap(checkout.earn(desk, code, "R0", 100))
    # A February receipt keyed in on March 10th still earns the birthday bonus.
    r = unwrap(checkout.earn(desk, code, "FEB", 10_000, at=clock.now - timedelta(days=20)))
    assert r.breakdown["bonus"] == "birthday" and r.points_awarded == 200


def test_referral_pays_both_on_first_purchase_only(desk: Desk) -> None:
    referrer = unwrap(members.enroll(desk, "13800000001", "Referrer"))
    new = unwrap(members.enroll(desk, "13800000002", "New", None, referrer.referral_code))
    r = unwrap(checkout.earn(desk, new.code, "R1", 10_000))
    assert r.points_awarded == 500 and r.referral_points == 300 and r.referrer_points == 200
    assert r.member.balance == 800
    assert unwrap(members.show(desk, referrer.code)).balance == 200
    again = unwrap(checkout.earn(desk, new.code, "R2", 10_000))
    assert again.referral_points == 0
    assert unwrap(members.show(desk, referrer.code)).balance == 200
    check_invariants(desk)


def test_dry_run_previews_without_writing(desk: Desk) -> None:
    code = enrol(desk)
    before = db_fingerprint(desk)
    preview = unwrap(checkout.earn(desk, code, "R1", 10_000, dry_run=True))
    assert preview.preview and preview.points_awarded == 500
    assert db_fingerprint(desk) == before

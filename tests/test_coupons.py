"""Coupon life cycle at the till: issue, exchange, redeem, refuse, restore, void."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from loyalty_desk.domain.coupons import Kind, Status, make_code
from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import checkout, coupons, members
from loyalty_desk.services.coupon_keys import install_chain_keys, known_keys
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import AuditLog, Coupon, LedgerEntry, Member, Outbox, PointLot
from tests.conftest import FakeClock
from tests.helpers import check_invariants, db_fingerprint


def enrol(desk: Desk, phone: str = "13812345678", **kw: object) -> str:
    return unwrap(members.enroll(desk, phone, "Member", **kw)).code  # type: ignore[arg-type]


def welcome_code(desk: Desk, member: str) -> str:
    (view,) = unwrap(coupons.list_for_member(desk, member))
    assert view.kind is Kind.NEW_MEMBER
    return view.code


def events(desk: Desk, kind: str) -> list[dict[str, object]]:
    with desk.read() as s:
        rows = s.scalars(select(Outbox).where(Outbox.kind == kind).order_by(Outbox.device_seq))
        return [json.loads(r.payload) for r in rows]


def test_enrolment_issues_the_new_member_coupon(desk: Desk) -> None:
    member = enrol(desk)
    (view,) = unwrap(coupons.list_for_member(desk, member))
    assert (view.kind, view.status, view.member_code) == (Kind.NEW_MEMBER, Status.ISSUED, member)
    assert (view.min_spend_fen, view.value_fen, view.condition_zh) == (10_000, 2_000, "满100减20")
    assert (view.first_day, view.last_day) == (date(2026, 3, 10), date(2026, 4, 8))
    (issued,) = events(desk, "coupon_issued")
    assert issued["data"]["coupon"]["code"] == view.code  # type: ignore[index]
    assert issued["data"]["reason"] == "enrolment"  # type: ignore[index]
    # Written in the enrolment's transaction, right after the member_enrolled event.
    (enrolled,) = events(desk, "member_enrolled")
    assert issued["device_seq"] == enrolled["device_seq"] + 1  # type: ignore[operator]
    check_invariants(desk)


def test_birthday_coupon_at_the_first_visit_of_the_birthday_month(
    desk: Desk, clock: FakeClock
) -> None:
    member = enrol(desk, birthday=date(1990, 3, 25))
    first = unwrap(checkout.earn(desk, member, "B1", 5_000))
    assert first.birthday_coupon is not None
    assert first.to_json()["birthday_coupon"] == first.birthday_coupon
    view = unwrap(coupons.show(desk, first.birthday_coupon))
    assert (view.kind, view.value_fen, view.min_spend_fen) == (Kind.BIRTHDAY, 5_000, 20_000)
    assert (view.first_day, view.last_day) == (date(2026, 3, 10), date(2026, 3, 31))
    assert unwrap(checkout.earn(desk, member, "B2", 5_000)).birthday_coupon is None
    clock.set(clock.now.replace(month=4))
    assert unwrap(checkout.earn(desk, member, "B3", 5_000)).birthday_coupon is None
    clock.set(clock.now.replace(year=2027, month=3, day=2))
    assert unwrap(checkout.earn(desk, member, "B4", 5_000)).birthday_coupon is not None
    other = enrol(desk, "13912345678", birthday=date(1990, 7, 1))
    assert unwrap(checkout.earn(desk, other, "O1", 5_000)).birthday_coupon is None
    kinds = [v.kind for v in unwrap(coupons.list_for_member(desk, member))]
    assert kinds.count(Kind.BIRTHDAY) == 2
    check_invariants(desk)


def test_a_manager_issues_coupons_to_a_member_or_the_bearer(desk: Desk, manager: str) -> None:
    member = enrol(desk)
    before = db_fingerprint(desk)
    for pin, code in ((None, Code.MANAGER_PIN_REQUIRED), ("0000", Code.WRONG_PIN)):
        refused = coupons.issue(desk, member, "winback", manager_pin=pin)
        assert isinstance(refused, Refusal) and refused.code is code
    bad_kind = coupons.issue(desk, member, "free lunch", manager_pin=manager)
    assert isinstance(bad_kind, Refusal) and bad_kind.code is Code.INVALID_COUPON_KIND
    points = coupons.issue(desk, member, "points", manager_pin=manager)
    assert isinstance(points, Refusal) and points.code is Code.INVALID_COUPON_KIND
    assert db_fingerprint(desk) == before
    winback = unwrap(coupons.issue(desk, member, "winback", manager_pin=manager))
    assert (winback.kind, winback.value_fen, winback.member_code) == (Kind.WINBACK, 10_000, member)
    bearer = unwrap(coupons.issue(desk, None, "upsell", manager_pin=manager))
    assert bearer.bearer and bearer.condition_zh == "满3000减500"
    with desk.read() as s:
        actions = list(s.scalars(select(AuditLog.action).where(AuditLog.action == "coupon.issue")))
    assert len(actions) == 2


def test_points_become_a_cash_voucher_in_one_transaction(desk: Desk) -> None:
    member = enrol(desk)
    unwrap(checkout.earn(desk, member, "E1", 20_000))  # first purchase ×5: 1000 points
    before = db_fingerprint(desk)
    for points, code in ((99, Code.BELOW_MINIMUM), (1_001, Code.INSUFFICIENT_POINTS)):
        refused = coupons.exchange_points(desk, member, points)
        assert isinstance(refused, Refusal) and refused.code is code
    assert db_fingerprint(desk) == before
    done = unwrap(coupons.exchange_points(desk, member, 500))
    assert done.member.balance == 500 and done.points == 500
    assert (done.coupon.kind, done.coupon.value_fen, done.coupon.min_spend_fen) == (
        Kind.POINTS,
        5_000,
        5_000,
    )
    assert done.coupon.last_day == date(2026, 6, 7)
    issued = events(desk, "coupon_issued")[-1]
    (entry,) = issued["entries"]  # type: ignore[misc]
    assert (entry["kind"], entry["points"]) == ("REDEEM", -500)
    assert issued["data"]["coupon"]["code"] == done.coupon.code  # type: ignore[index]
    check_invariants(desk)


def test_redeeming_applies_the_discount_once(desk: Desk) -> None:
    member = enrol(desk)
    code = welcome_code(desk, member)
    preview = unwrap(coupons.redeem(desk, code, "SALE-1", 12_000, member, dry_run=True))
    assert preview.preview and preview.discount_fen == 2_000
    assert unwrap(coupons.show(desk, code)).status is Status.ISSUED
    used = unwrap(coupons.redeem(desk, code, "SALE-1", 12_000, member))
    assert (used.discount_fen, used.to_pay_fen, used.replayed) == (2_000, 10_000, False)
    assert used.coupon.status is Status.REDEEMED and used.coupon.redeemed_receipt == "SALE-1"
    (event,) = events(desk, "coupon_redeemed")
    assert event["data"] == {  # type: ignore[comparison-overlap]
        "code": code,
        "receipt_no": "SALE-1",
        "amount_fen": 12_000,
        "discount_fen": 2_000,
        "member_id": event["data"]["member_id"],  # type: ignore[index]
        "cashier_id": None,
    }
    before = db_fingerprint(desk)
    again = unwrap(coupons.redeem(desk, code, "SALE-1", 12_000, member))
    assert again.replayed and again.discount_fen == 2_000
    elsewhere = coupons.redeem(desk, code, "SALE-2", 12_000, member)
    assert isinstance(elsewhere, Refusal) and elsewhere.code is Code.COUPON_ALREADY_USED
    assert "SALE-1" in elsewhere.message
    assert db_fingerprint(desk) == before


def test_every_refusal_says_why_and_changes_nothing(
    desk: Desk, clock: FakeClock, manager: str
) -> None:
    member = enrol(desk)
    other = enrol(desk, "13912345678")
    code = welcome_code(desk, member)
    voided = unwrap(coupons.issue(desk, member, "winback", manager_pin=manager)).code
    unwrap(coupons.void(desk, voided, "printed by mistake", manager_pin=manager))
    bearer = unwrap(coupons.issue(desk, None, "winback", manager_pin=manager)).code
    unwrap(coupons.redeem(desk, bearer, "HAS-ONE", 30_000))
    with desk.read() as s:
        key_id, secret = next(iter(known_keys(s).items()))
    never_issued = make_code(key_id, secret, "00000000001")
    forged = make_code(key_id, b"x" * 32, "00000000001")
    mistyped = code[:5] + str((int(code[5]) + 1) % 10) + code[6:]
    before = db_fingerprint(desk)
    cases = [
        ((code, "R1", 9_999, member), Code.BELOW_MIN_SPEND),
        ((code, "R1", 10_000, other), Code.NOT_THIS_MEMBER),
        ((code, "R1", 10_000, None), Code.NOT_THIS_MEMBER),
        ((mistyped, "R1", 10_000, member), Code.INVALID_CODE),
        ((forged, "R1", 10_000, member), Code.INVALID_CODE),
        (("8123456789", "R1", 10_000, member), Code.INVALID_CODE),
        ((never_issued, "R1", 10_000, member), Code.UNKNOWN_COUPON),
        ((voided, "R1", 30_000, member), Code.COUPON_VOID),
        ((code, "HAS-ONE", 30_000, member), Code.RECEIPT_HAS_COUPON),
        ((bearer, "R1", 30_000, None), Code.COUPON_ALREADY_USED),
        ((code, "R1", 0, member), Code.INVALID_AMOUNT),
        ((code, "bad receipt!", 10_000, member), Code.INVALID_RECEIPT),
        ((code, "R1", 10_000, "13800000000"), Code.UNKNOWN_MEMBER),
    ]
    for args, expected in cases:
        result = coupons.redeem(desk, *args)  # type: ignore[arg-type]
        assert isinstance(result, Refusal) and result.code is expected, (args, result)
        assert result.message
    reasons = [
        coupons.redeem(desk, c, "R1", 10_000, member) for c in (mistyped, forged, "8123456789")
    ]
    assert [r.details["reason"] for r in reasons if isinstance(r, Refusal)] == [
        "mistyped",
        "forged",
        "not_a_coupon",
    ]
    clock.advance(days=30)  # the welcome coupon's last day was day 30, counting day 1
    expired = coupons.redeem(desk, code, "R1", 10_000, member)
    assert isinstance(expired, Refusal) and expired.code is Code.COUPON_EXPIRED
    assert expired.details["valid_until"] == "2026-04-08"
    assert db_fingerprint(desk) == before


def test_full_refund_restores_the_coupon_partial_does_not(desk: Desk, manager: str) -> None:
    member = enrol(desk)
    code = welcome_code(desk, member)
    unwrap(coupons.redeem(desk, code, "SALE", 20_000, member))
    unwrap(checkout.earn(desk, member, "SALE", 18_000))  # paid ¥180 after ¥20 off
    half = unwrap(checkout.refund(desk, "SALE", 9_000, manager_pin=manager))
    assert (
        half.coupons_restored == () and unwrap(coupons.show(desk, code)).status is Status.REDEEMED
    )
    rest = unwrap(checkout.refund(desk, "SALE", manager_pin=manager))
    assert rest.coupons_restored == (code,) and rest.to_json()["coupons_restored"] == [code]
    view = unwrap(coupons.show(desk, code))
    assert view.status is Status.ISSUED and view.redeemed_receipt is None
    (restored,) = events(desk, "coupon_restored")
    assert restored["data"]["code"] == code and restored["data"]["receipt_no"] == "SALE"  # type: ignore[index]
    assert unwrap(coupons.redeem(desk, code, "SALE-2", 10_000, member)).discount_fen == 2_000
    check_invariants(desk)


def test_refund_preview_does_not_restore(desk: Desk, manager: str) -> None:
    member = enrol(desk)
    code = welcome_code(desk, member)
    unwrap(coupons.redeem(desk, code, "SALE", 20_000, member))
    unwrap(checkout.earn(desk, member, "SALE", 18_000))
    before = db_fingerprint(desk)
    preview = unwrap(checkout.refund(desk, "SALE", dry_run=True))
    assert preview.preview and preview.coupons_restored == (code,)
    assert db_fingerprint(desk) == before


def test_coupon_only_receipt_is_restored_by_a_manager(desk: Desk, manager: str) -> None:
    bearer = unwrap(coupons.issue(desk, None, "winback", manager_pin=manager)).code
    unwrap(coupons.redeem(desk, bearer, "CASH-1", 25_000))
    refused = coupons.restore_for_receipt(desk, "CASH-1")
    assert isinstance(refused, Refusal) and refused.code is Code.MANAGER_PIN_REQUIRED
    nothing = coupons.restore_for_receipt(desk, "CASH-2", manager_pin=manager)
    assert isinstance(nothing, Refusal) and nothing.code is Code.COUPON_NOT_USED
    (view,) = unwrap(coupons.restore_for_receipt(desk, "CASH-1", manager_pin=manager))
    assert view.code == bearer and view.status is Status.ISSUED


def test_void_needs_a_manager_and_gives_points_back(desk: Desk, manager: str) -> None:
    member = enrol(desk)
    unwrap(checkout.earn(desk, member, "E1", 20_000))  # 1000 points
    voucher = unwrap(coupons.exchange_points(desk, member, 300)).coupon.code
    for pin, reason, code in (
        (None, "lost slip", Code.MANAGER_PIN_REQUIRED),
        (manager, "x", Code.INVALID_REASON),
    ):
        refused = coupons.void(desk, voucher, reason, manager_pin=pin)
        assert isinstance(refused, Refusal) and refused.code is code
    view = unwrap(coupons.void(desk, voucher, "member changed mind", manager_pin=manager))
    assert view.status is Status.VOID and view.void_reason == "member changed mind"
    assert unwrap(members.show(desk, member)).balance == 1_000
    with desk.read() as s:
        assert s.scalars(select(PointLot.remaining)).one() == 1_000
        reversal = s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "REVERSAL")).one()
    assert reversal.points == 300 and reversal.detail == {"coupon": voucher}
    again = coupons.void(desk, voucher, "twice", manager_pin=manager)
    assert isinstance(again, Refusal) and again.code is Code.COUPON_VOID
    welcome = welcome_code_of(desk, member)
    unwrap(coupons.redeem(desk, welcome, "S1", 10_000, member))
    used = coupons.void(desk, welcome, "too late", manager_pin=manager)
    assert isinstance(used, Refusal) and used.code is Code.COUPON_ALREADY_USED
    (voided,) = events(desk, "coupon_voided")
    assert voided["data"]["reason"] == "member changed mind"  # type: ignore[index]
    check_invariants(desk)


def welcome_code_of(desk: Desk, member: str) -> str:
    views = unwrap(coupons.list_for_member(desk, member))
    return next(v.code for v in views if v.kind is Kind.NEW_MEMBER)


def test_list_puts_usable_coupons_first(desk: Desk, clock: FakeClock, manager: str) -> None:
    member = enrol(desk)
    welcome = welcome_code(desk, member)
    unwrap(coupons.redeem(desk, welcome, "S1", 10_000, member))
    clock.advance(hours=1)
    winback = unwrap(coupons.issue(desk, member, "winback", manager_pin=manager)).code
    listed = unwrap(coupons.list_for_member(desk, member))
    assert [v.code for v in listed] == [winback, welcome]
    assert [v.code for v in unwrap(coupons.list_for_member(desk, member, usable_only=True))] == [
        winback
    ]
    clock.advance(days=31)
    assert unwrap(coupons.list_for_member(desk, member, usable_only=True)) == []


def test_the_till_makes_its_own_key_until_the_chain_key_arrives(desk: Desk) -> None:
    first = welcome_code(desk, enrol(desk))
    assert 90 <= int(first[1:3]) <= 99
    with desk.write() as s:
        assert install_chain_keys(s, {"01": "ab" * 32, "95": "cd" * 32, "02": "nothex"}) == ["01"]
        assert install_chain_keys(s, {"01": "ab" * 32}) == []
    second = welcome_code(desk, enrol(desk, "13912345678"))
    assert second[1:3] == "01"
    # Codes signed with the till's own key keep working here.
    assert unwrap(coupons.show(desk, first)).code == first
    with desk.read() as s:
        assert sorted(known_keys(s)) == sorted(["01", first[1:3]])


def test_bearer_coupon_may_be_used_with_or_without_a_member(desk: Desk, manager: str) -> None:
    member = enrol(desk)
    a = unwrap(coupons.issue(desk, None, "winback", manager_pin=manager)).code
    b = unwrap(coupons.issue(desk, None, "winback", manager_pin=manager)).code
    assert unwrap(coupons.redeem(desk, a, "R1", 20_000)).discount_fen == 10_000
    assert unwrap(coupons.redeem(desk, b, "R2", 20_000, member)).discount_fen == 10_000
    (_, with_member) = events(desk, "coupon_redeemed")
    assert with_member["data"]["member_id"] is not None  # type: ignore[index]


@pytest.mark.parametrize("days", [0, 29])
def test_valid_on_the_first_and_last_day(desk: Desk, clock: FakeClock, days: int) -> None:
    member = enrol(desk)
    code = welcome_code(desk, member)
    clock.advance(days=days)
    assert unwrap(coupons.redeem(desk, code, "R", 10_000, member)).discount_fen == 2_000


def test_birthday_coupon_not_issued_twice_when_pulled_from_another_store(desk: Desk) -> None:
    member = enrol(desk, birthday=date(1990, 3, 1))
    with desk.write() as s:
        row = s.scalars(select(Coupon)).one()
        s.add(
            Coupon(
                code="9" * 20,
                member_id=row.member_id,
                kind=Kind.BIRTHDAY.value,
                min_spend_fen=20_000,
                value_fen=5_000,
                valid_from=row.valid_from - timedelta(days=3),
                valid_until=row.valid_until,
                status=Status.ISSUED.value,
                issued_at=row.issued_at - timedelta(days=3),
                issued_store_id="S002",
                rule_version=1,
            )
        )
    assert unwrap(checkout.earn(desk, member, "B1", 5_000)).birthday_coupon is None


def test_a_merged_members_coupons_follow_the_merge(desk: Desk) -> None:
    old = enrol(desk)
    new = enrol(desk, "13912345678")
    old_coupon = welcome_code(desk, old)
    with desk.write() as s:
        merged = s.scalars(select(Member).where(Member.code == old)).one()
        survivor = s.scalars(select(Member).where(Member.code == new)).one()
        merged.merged_into = survivor.id
    listed = {v.code for v in unwrap(coupons.list_for_member(desk, new))}
    assert old_coupon in listed and len(listed) == 2
    used = unwrap(coupons.redeem(desk, old_coupon, "M1", 10_000, new))
    assert used.discount_fen == 2_000

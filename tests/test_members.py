"""Enrolling and finding members."""

from __future__ import annotations

from datetime import date

from loyalty_desk.domain.codes import is_member_code, is_referral_code
from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import checkout, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock
from tests.helpers import check_invariants, db_fingerprint


def test_enrol_gives_digit_codes_and_masks_phone(desk: Desk) -> None:
    m = unwrap(members.enroll(desk, "13812345678", "张三", date(2000, 2, 29)))
    assert is_member_code(m.code) and is_referral_code(m.referral_code)
    assert m.phone_masked == "138****5678"
    assert m.to_json()["phone_masked"] == "138****5678" and "phone" not in m.to_json()
    assert m.tier == "regular" and m.balance == 0 and m.birthday == date(2000, 2, 29)
    check_invariants(desk)


def test_phone_belongs_to_one_member(desk: Desk) -> None:
    first = unwrap(members.enroll(desk, "13812345678", "张三"))
    before = db_fingerprint(desk)
    again = members.enroll(desk, "138 1234 5678", "李四")
    assert isinstance(again, Refusal) and again.code is Code.PHONE_ALREADY_ENROLLED
    assert again.details["member_code"] == first.code and first.code in again.message
    assert db_fingerprint(desk) == before


def test_bad_enrolments_change_nothing(desk: Desk) -> None:
    before = db_fingerprint(desk)
    cases = [
        (("12345", "A"), Code.INVALID_PHONE),
        (("13812345678", ""), Code.INVALID_NAME),
        (("13812345678", "x" * 41), Code.INVALID_NAME),
        (("13812345678", "A", date(2099, 1, 1)), Code.INVALID_DATE),
        (("13812345678", "A", None, "61234567"), Code.UNKNOWN_REFERRER),
    ]
    for args, code in cases:
        result = members.enroll(desk, *args)  # type: ignore[arg-type]
        assert isinstance(result, Refusal) and result.code is code, (args, result)
    assert db_fingerprint(desk) == before


def test_find_by_phone_code_suffix_and_qr(desk: Desk, clock: FakeClock) -> None:
    a = unwrap(members.enroll(desk, "13800001234", "A"))
    b = unwrap(members.enroll(desk, "13900001234", "B"))
    unwrap(members.enroll(desk, "13700005678", "C"))
    clock.advance(minutes=5)
    unwrap(checkout.earn(desk, b.code, "R-B", 1000))  # B visited last
    found = unwrap(members.find(desk, "1234"))
    assert found.mode == "suffix" and [m.code for m in found.members] == [b.code, a.code]
    assert unwrap(members.find(desk, "13800001234")).members[0].code == a.code
    assert unwrap(members.find(desk, a.code)).mode == "code"
    assert unwrap(members.find(desk, f" {a.code}\n")).members[0].name == "A"
    assert unwrap(members.find(desk, "138000")).mode == "prefix"
    assert unwrap(members.find(desk, "0000")).members == ()
    for junk in ("abc", "12", "' OR 1=1 --", "8000000000"):
        assert isinstance(members.find(desk, junk), Refusal)


def test_last_4_digits_that_look_like_a_country_code(desk: Desk) -> None:
    # Found by the 1M-member benchmark: "0086" was taken for the +86 prefix and refused.
    a = unwrap(members.enroll(desk, "18332970086", "A"))
    found = unwrap(members.find(desk, "0086"))
    assert found.mode == "suffix" and [m.code for m in found.members] == [a.code]
    assert unwrap(members.find(desk, "008618332970086")).members[0].code == a.code
    assert unwrap(members.find(desk, "+86 183 3297 0086")).members[0].code == a.code


def test_suffix_list_is_at_most_20(desk: Desk) -> None:
    for i in range(25):
        unwrap(members.enroll(desk, f"138{i:04d}4321", f"M{i}"))
    assert len(unwrap(members.find(desk, "4321")).members) == 20


def test_show_unknown_member(desk: Desk) -> None:
    result = members.show(desk, "13899998888")
    assert isinstance(result, Refusal) and result.code is Code.UNKNOWN_MEMBER
    bad = members.show(desk, "hello")
    assert isinstance(bad, Refusal) and bad.code is Code.INVALID_QUERY


def test_member_panel_shows_expiring_points_and_birthday(desk: Desk, clock: FakeClock) -> None:
    m = unwrap(members.enroll(desk, "13812345678", "Z", date(1990, 3, 15)))
    unwrap(checkout.earn(desk, m.code, "R1", 10_000))
    view = unwrap(members.show(desk, m.code))
    assert view.birthday_month  # March, the store's current month
    assert view.expiring_30d == 0
    clock.advance(days=340)
    assert unwrap(members.show(desk, m.code)).expiring_30d == view.balance


def test_update_name_and_phone_needs_manager(desk: Desk) -> None:
    m = unwrap(members.enroll(desk, "13812345678", "Z"))
    renamed = unwrap(members.update_member(desk, m.code, name="Zed"))
    assert renamed.name == "Zed"
    refused = members.update_member(desk, m.code, phone="13912345678")
    assert isinstance(refused, Refusal) and refused.code is Code.MANAGER_PIN_REQUIRED
    moved = unwrap(members.update_member(desk, m.code, phone="13912345678", approver_name="Boss"))
    assert moved.phone == "13912345678"
    assert unwrap(members.find(desk, "5678")).members[0].code == m.code
    check_invariants(desk)

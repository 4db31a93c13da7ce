"""A manager's batch for a segment: the right members, one coupon each, one multi-page PDF."""

from __future__ import annotations

from loyalty_desk.domain.coupons import Kind
from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.domain.segments import Segment, parse_segment
from loyalty_desk.services import checkout, coupon_batch, coupons, members, vouchers
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock
from tests.helpers import check_invariants, db_fingerprint
from tests.pdf_check import decode_qr, page_count, rasterise


def shop(desk: Desk, phone: str, amounts: list[int]) -> str:
    code = unwrap(members.enroll(desk, phone, f"M{phone[-4:]}")).code
    for i, fen in enumerate(amounts):
        unwrap(checkout.earn(desk, code, f"R{phone}-{i}", fen))
    return code


def test_batch_for_dormant_members(desk: Desk, clock: FakeClock, manager: str) -> None:
    asleep = [shop(desk, f"138000{i:05d}", [80_000]) for i in range(3)]
    clock.advance(days=200)
    core = shop(desk, "13900000001", [130_000] * 4)
    basic = shop(desk, "13900000002", [60_000])
    shop(desk, "13900000003", [])  # joined today, no purchase yet: no segment
    before = db_fingerprint(desk)
    refusals = [
        (("sleepy", "winback", manager), Code.INVALID_SEGMENT),
        (("dormant", "points", manager), Code.INVALID_COUPON_KIND),
        (("dormant", "winback", None), Code.MANAGER_PIN_REQUIRED),
    ]
    for (segment, kind, pin), expected in refusals:
        refused = coupon_batch.issue_batch(desk, segment, kind, manager_pin=pin)
        assert isinstance(refused, Refusal) and refused.code is expected
    assert db_fingerprint(desk) == before

    batch = unwrap(coupon_batch.issue_batch(desk, "沉睡", "winback", manager_pin=manager))
    assert batch.segment is Segment.DORMANT and len(batch.codes) == 3
    owners = sorted(unwrap(coupons.show(desk, code)).member_code or "" for code in batch.codes)
    assert owners == sorted(asleep)
    for member in asleep:
        kinds = [v.kind for v in unwrap(coupons.list_for_member(desk, member, usable_only=True))]
        assert kinds == [Kind.WINBACK]  # the welcome coupon expired long ago
    assert [c for c in batch.codes if c in {core, basic}] == []
    core_batch = unwrap(coupon_batch.issue_batch(desk, "core", "upsell", manager_pin=manager))
    assert [unwrap(coupons.show(desk, c)).member_code for c in core_batch.codes] == [core]
    check_invariants(desk)

    seen: list[tuple[int, int]] = []
    contents = unwrap(vouchers.voucher_contents(desk, batch.codes))
    data = vouchers.render_batch(
        contents, vouchers.Layout(page=vouchers.PageSize.A6), lambda d, t: seen.append((d, t))
    )
    assert page_count(data) == 3 and seen == [(1, 3), (2, 3), (3, 3)]
    images = rasterise(data, dpi=120)
    assert [decode_qr(image) for image in images] == [[code] for code in batch.codes]
    thermal = vouchers.render_batch(contents, vouchers.Layout(format=vouchers.Format.ESCPOS))
    assert thermal.count(b"\x1d\x56\x00") == 3  # one cut per voucher


def test_segment_names_in_english_and_chinese() -> None:
    assert parse_segment("沉睡") is Segment.DORMANT and parse_segment(" Core ") is Segment.CORE
    assert parse_segment("sleepy") is None


def test_an_empty_segment_issues_nothing(desk: Desk, manager: str) -> None:
    shop(desk, "13900000001", [60_000])
    before = db_fingerprint(desk)
    empty = coupon_batch.issue_batch(desk, "core", "upsell", manager_pin=manager)
    assert isinstance(empty, Refusal) and empty.code is Code.EMPTY_SEGMENT
    assert db_fingerprint(desk) == before

"""Coupon codes and rules in the domain: shape, signature, check digit, validity, use checks."""

from __future__ import annotations

import random
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from loyalty_desk.domain.codes import is_member_code, is_referral_code
from loyalty_desk.domain.coupons import (
    CODE_LENGTH,
    CodeCheck,
    CouponState,
    Kind,
    Status,
    check_code,
    check_exchange,
    check_use,
    condition_zh,
    discount_fen,
    group_code,
    looks_like_coupon,
    make_code,
    new_code,
    normalise_code,
    parse_keys,
    parse_kind,
    points_voucher_terms,
    promotion_terms,
    signing_key_id,
    window,
)
from loyalty_desk.domain.errors import Code
from loyalty_desk.domain.people import PHONE_PATTERN
from loyalty_desk.domain.rules import DEFAULT_RULES

KEY = bytes(range(32))
KEYS = {"01": KEY}
serials = st.text(alphabet="0123456789", min_size=11, max_size=11)


@given(serials)
def test_codes_are_20_digits_and_never_another_kind_of_code(serial: str) -> None:
    code = make_code("01", KEY, serial)
    assert len(code) == CODE_LENGTH and code.isdigit() and code.startswith("9")
    assert looks_like_coupon(code) and check_code(code, KEYS) is CodeCheck.GENUINE
    assert not is_member_code(code) and not is_referral_code(code)
    assert not PHONE_PATTERN.match(code)
    assert not looks_like_coupon("8123456789") and not looks_like_coupon("13812345678")


@given(serials, st.integers(min_value=0, max_value=CODE_LENGTH - 1), st.integers(1, 9))
def test_every_single_mistyped_digit_is_caught(serial: str, position: int, shift: int) -> None:
    code = make_code("01", KEY, serial)
    wrong = str((int(code[position]) + shift) % 10)
    typo = code[:position] + wrong + code[position + 1 :]
    verdict = check_code(typo, KEYS)
    # The check digit catches it; a changed prefix makes it no coupon code at all.
    assert verdict in (CodeCheck.MISTYPED, CodeCheck.NOT_A_COUPON)


@given(serials, st.integers(min_value=1, max_value=CODE_LENGTH - 2))
def test_swapped_neighbours_are_caught(serial: str, position: int) -> None:
    code = make_code("01", KEY, serial)
    a, b = code[position], code[position + 1]
    if a == b or {a, b} == {"0", "9"}:  # Luhn's one blind spot (09 <-> 90)
        return
    swapped = code[:position] + b + a + code[position + 2 :]
    assert check_code(swapped, KEYS) is CodeCheck.MISTYPED


def test_forged_codes_fail_the_signature() -> None:
    genuine = make_code("01", KEY, "12345678901")
    other_key = make_code("01", bytes(32), "12345678901")  # right shape, wrong secret
    assert check_code(other_key, KEYS) is CodeCheck.FORGED
    rng = random.Random(7)
    forged = [
        make_code("01", rng.randbytes(32), f"{rng.randrange(10**11):011d}") for _ in range(200)
    ]
    verdicts = [check_code(code, KEYS) for code in forged]
    # 5 signature digits: a random code passes 1 time in 100,000.
    assert verdicts.count(CodeCheck.FORGED) >= 199
    assert check_code(genuine, {"02": KEY}) is CodeCheck.UNKNOWN_KEY
    assert check_code("not a code", KEYS) is CodeCheck.NOT_A_COUPON


def test_typed_codes_may_carry_the_printed_spaces() -> None:
    code = new_code("01", KEY, random.Random(1))
    printed = group_code(code)
    assert printed.count(" ") == 4 and normalise_code(f" {printed}\n") == code
    assert check_code(printed.replace(" ", "-"), KEYS) is CodeCheck.GENUINE


def test_keys_setting_and_signing_key_choice() -> None:
    raw = {"01": KEY.hex(), "03": KEY.hex(), "95": KEY.hex(), "x": "00", "04": "zz", "05": "ab"}
    keys = parse_keys(raw)
    assert sorted(keys) == ["01", "03", "95"]
    assert signing_key_id(keys) == "03"  # the newest chain key
    assert signing_key_id({"95": KEY}) == "95"  # the till's own key until the chain's arrives
    assert signing_key_id({}) is None
    assert parse_keys(None) == {}


def test_kind_names() -> None:
    assert parse_kind("new-member") is Kind.NEW_MEMBER and parse_kind("WINBACK") is Kind.WINBACK
    assert parse_kind("points") is Kind.POINTS and parse_kind("free lunch") is None


def test_terms_follow_the_rule_set() -> None:
    rules = DEFAULT_RULES.coupons
    welcome = promotion_terms(rules, Kind.NEW_MEMBER, date(2026, 3, 10))
    assert (welcome.min_spend_fen, welcome.value_fen) == (10_000, 2_000)
    assert (welcome.first_day, welcome.last_day) == (date(2026, 3, 10), date(2026, 4, 8))
    assert welcome.condition_zh == "满100减20"
    birthday = promotion_terms(rules, Kind.BIRTHDAY, date(2028, 2, 3))
    assert (birthday.value_fen, birthday.last_day) == (5_000, date(2028, 2, 29))
    assert promotion_terms(rules, Kind.WINBACK, date(2026, 1, 1)).condition_zh == "满200减100"
    assert promotion_terms(rules, Kind.UPSELL, date(2026, 1, 1)).condition_zh == "满3000减500"
    voucher = points_voucher_terms(rules, DEFAULT_RULES.redemption, 500, date(2026, 3, 10))
    assert (voucher.value_fen, voucher.min_spend_fen) == (5_000, 5_000)  # 500 points = ¥50
    assert voucher.last_day == date(2026, 6, 7)  # 90 days
    assert window(date(2026, 12, 31), 0) == (date(2026, 12, 31), date(2026, 12, 31))
    assert condition_zh(1_050, 1_050) == "抵扣10.50元（消费满10.50元可用）"


def test_exchange_limits() -> None:
    redemption = DEFAULT_RULES.redemption
    codes = [check_exchange(redemption, p, 1_000) for p in (0, 99, 1_001)]
    assert [r.code if r else None for r in codes] == [
        Code.INVALID_POINTS,
        Code.BELOW_MINIMUM,
        Code.INSUFFICIENT_POINTS,
    ]
    assert check_exchange(redemption, 1_000, 1_000) is None


def state(**changes: object) -> CouponState:
    base: dict[str, object] = {
        "code": "9" * 20,
        "status": Status.ISSUED,
        "min_spend_fen": 10_000,
        "value_fen": 2_000,
        "first_day": date(2026, 3, 10),
        "last_day": date(2026, 4, 8),
    }
    return CouponState(**{**base, **changes})  # type: ignore[arg-type]


def test_use_checks_in_the_order_a_cashier_acts_on() -> None:
    day = date(2026, 3, 20)
    assert check_use(state(), day, 10_000, True) is None
    cases = [
        (state(status=Status.VOID), day, 10_000, True, Code.COUPON_VOID),
        (state(status=Status.REDEEMED), date(2027, 1, 1), 1, False, Code.COUPON_ALREADY_USED),
        (state(), date(2026, 3, 9), 10_000, True, Code.COUPON_NOT_YET_VALID),
        (state(), date(2026, 4, 9), 10_000, False, Code.COUPON_EXPIRED),
        (state(), day, 1, False, Code.NOT_THIS_MEMBER),
        (state(), day, 9_999, True, Code.BELOW_MIN_SPEND),
    ]
    for coupon, today, amount, member_ok, expected in cases:
        refusal = check_use(coupon, today, amount, member_ok)
        assert refusal is not None and refusal.code is expected, (expected, refusal)
    assert check_use(state(), date(2026, 4, 8), 10_000, True) is None  # the last day counts
    used = check_use(state(status=Status.REDEEMED, redeemed_receipt="R9"), day, 1, True)
    assert used is not None and "R9" in used.message
    assert discount_fen(state(value_fen=5_000, min_spend_fen=0), 3_000) == 3_000

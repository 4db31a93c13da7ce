"""Parsing what people type: amounts, phones, names, dates, codes."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loyalty_desk.domain.codes import (
    is_member_code,
    is_referral_code,
    luhn_valid,
    member_code_from_qr,
    new_member_code,
    new_referral_code,
)
from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.domain.money import MAX_AMOUNT_FEN, format_yuan, parse_yuan
from loyalty_desk.domain.people import (
    mask_phone,
    parse_date,
    validate_birthday,
    validate_name,
    validate_phone,
)


@pytest.mark.parametrize(
    ("text", "fen"),
    [("1234.50", 123450), ("0.01", 1), ("100", 10000), ("¥88.8", 8880), (" 1,000.00 ", 100000)],
)
def test_parse_yuan_accepts_money(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    "text",
    [
        "1.005",
        "1.500",
        "-5",
        "-0.01",
        "abc",
        "",
        "1e3",
        "NaN",
        "inf",
        "0",
        "0.00",
        "١٢٣",
        "1..2",
        "10000000.01",
        "99999999999",
    ],
)
def test_parse_yuan_refuses_what_a_cashier_cannot_mean(text: str) -> None:
    result = parse_yuan(text)
    assert isinstance(result, Refusal)
    assert result.code is Code.INVALID_AMOUNT


def test_three_decimals_says_so() -> None:
    result = parse_yuan("12.345")
    assert isinstance(result, Refusal) and "2 decimals" in result.message


@given(st.integers(min_value=1, max_value=MAX_AMOUNT_FEN))
def test_format_and_parse_round_trip(fen: int) -> None:
    assert parse_yuan(format_yuan(fen)) == fen


@given(st.text(max_size=30))
def test_parse_yuan_never_raises(text: str) -> None:
    result = parse_yuan(text)
    assert isinstance(result, Refusal) or (isinstance(result, int) and 0 < result <= MAX_AMOUNT_FEN)


@pytest.mark.parametrize("phone", ["13812345678", "+86 138 1234 5678", "0086-13812345678"])
def test_valid_mobiles(phone: str) -> None:
    assert validate_phone(phone) == "13812345678"


@pytest.mark.parametrize(
    "phone",
    [
        "12345678901",
        "1381234567",
        "138123456789",
        "02112345678",
        "abc",
        "",
        "１３８１２３４５６７８",
    ],
)
def test_invalid_mobiles(phone: str) -> None:
    result = validate_phone(phone)
    assert isinstance(result, Refusal) and result.code is Code.INVALID_PHONE


def test_mask_phone() -> None:
    assert mask_phone("13812345678") == "138****5678"


@pytest.mark.parametrize("name", ["张三", "Ōsaka Jane", "👩‍👩‍👧 family", "محمد", "x" * 40])
def test_names_any_unicode(name: str) -> None:
    assert validate_name(name) == name


@pytest.mark.parametrize(
    "name", ["", "   ", "x" * 41, "bad\x00name", "evil\u202ename", "tab\there"]
)
def test_names_refused(name: str) -> None:
    result = validate_name(name)
    assert isinstance(result, Refusal) and result.code is Code.INVALID_NAME


def test_birthdays() -> None:
    assert parse_date("2000-02-29") == date(2000, 2, 29)
    assert isinstance(parse_date("2001-02-29"), Refusal)
    assert isinstance(parse_date("29/02/2000"), Refusal)
    assert isinstance(validate_birthday(date(2030, 1, 1), date(2026, 1, 1)), Refusal)
    assert isinstance(validate_birthday(date(1800, 1, 1), date(2026, 1, 1)), Refusal)


def test_codes_are_digits_with_check_digit() -> None:
    import random

    rng = random.Random(7)
    for _ in range(200):
        code = new_member_code(rng)
        assert code.isdigit() and len(code) == 10 and is_member_code(code)
        ref = new_referral_code(rng)
        assert ref.isdigit() and len(ref) == 8 and is_referral_code(ref)
        assert not is_member_code(ref) and not is_referral_code(code)
    code = new_member_code(rng)
    typo = code[:3] + str((int(code[3]) + 1) % 10) + code[4:]
    assert not luhn_valid(typo)
    assert member_code_from_qr(code) == code
    assert member_code_from_qr("https://example.com/m/1") is None


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_block_cache_agrees_with_phonenumbers(phone: str) -> None:
    import phonenumbers

    parsed = phonenumbers.parse(phone, "CN")
    direct = phonenumbers.number_type(
        parsed
    ) == phonenumbers.PhoneNumberType.MOBILE and phonenumbers.is_valid_number(parsed)
    assert (validate_phone(phone) == phone) == direct

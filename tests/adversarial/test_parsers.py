"""Bad input at every parser of the till: a clear refusal or a sound value, never a fault,
and a refused use case leaves the database exactly as it was.

The strategies mix random text (all of Unicode, lone surrogates included: a command-line
argument that is not UTF-8 arrives as one), control characters, right-to-left text, emoji,
very long strings and the shapes the parser is closest to accepting.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loyalty_desk.domain.codes import member_code_from_qr
from loyalty_desk.domain.coupons import CodeCheck, check_code
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.money import MAX_AMOUNT_FEN, parse_yuan
from loyalty_desk.domain.people import (
    NAME_MAX,
    PHONE_PATTERN,
    parse_date,
    validate_name,
    validate_phone,
)
from loyalty_desk.services import checkout, coupons, member_list, members, staff
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from tests.adversarial.conftest import EXAMPLES, PIN, tried
from tests.helpers import db_fingerprint

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Text from anywhere: every code point, lone surrogates included.
ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "\n",
        "\r\n",
        "\t",
        "\u202e",  # right-to-left override
        "\u2066",
        "\u200b",  # zero width space
        "\ufeff",
        "\ud800",  # lone surrogate
        "\udcff",  # what surrogateescape makes of a non-UTF-8 byte
        "مرحبا",
        "שלום",
        "😀",
        "👨‍👩‍👧‍👦",
        "王小明",
        "１２３",  # full-width digits
        "٣",  # Arabic-Indic digit
        "' OR '1'='1",
        "'; DROP TABLE member; --",
        "%",
        "_",
        "\\",
        "=cmd|' /C calc'!A0",
        "9" * 400,
        "a" * 5000,
    ]
)
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=60),
    st.lists(NASTY, min_size=1, max_size=4).map("".join),
    st.tuples(st.text(ANY_CHAR, max_size=3), NASTY, st.text("0123456789.-,¥ ", max_size=15)).map(
        "".join
    ),
)


@pytest.fixture(scope="module", autouse=True)
def known_member(desk: Desk) -> None:
    unwrap(members.enroll(desk, "13812345678", "Known Member"))
    unwrap(checkout.earn(desk, "13812345678", "SEED-1", 500_000))


# -- pure parsers ---------------------------------------------------------------------------


@FUZZ
@given(st.one_of(TEXT, st.from_regex(r"-?[0-9]{0,14}(\.[0-9]{0,4})?", fullmatch=True)))
def test_amounts(text: str) -> None:
    tried("amount (yuan text)")
    fen = parse_yuan(text)
    if isinstance(fen, Refusal):
        assert fen.message
        return
    assert isinstance(fen, int) and 0 < fen <= MAX_AMOUNT_FEN
    # What was accepted is what a cashier could have typed: digits, one point, 2 decimals.
    plain = text.strip().replace(",", "").lstrip("¥￥").strip()
    assert re.fullmatch(r"[0-9]+(\.[0-9]{1,2})?", plain), text


@FUZZ
@given(st.one_of(TEXT, st.from_regex(r"(\+86|0086)?1[0-9]{10}", fullmatch=True)))
def test_phones(text: str) -> None:
    tried("phone")
    phone = validate_phone(text)
    if not isinstance(phone, Refusal):
        assert PHONE_PATTERN.match(phone) and phone.isascii()


@FUZZ
@given(TEXT)
def test_names(text: str) -> None:
    tried("name")
    name = validate_name(text)
    if isinstance(name, Refusal):
        return
    assert 0 < len(name) <= NAME_MAX
    # Whatever is accepted can be stored and printed: valid UTF-8, no control characters.
    name.encode("utf-8")
    assert not any(ch < " " for ch in name)


@FUZZ
@given(
    st.one_of(
        TEXT,
        st.dates(date(1, 1, 1), date(9999, 12, 31)).map(str),
        st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    )
)
def test_dates(text: str) -> None:
    tried("date")
    day = parse_date(text)
    assert isinstance(day, (date, Refusal))


def test_feb_29_and_far_dates() -> None:
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    for bad in ("2023-02-29", "0000-01-01", "2024-13-01", "99999-01-01", "2024-2-9"):
        tried("date")
        assert isinstance(parse_date(bad), Refusal), bad


@FUZZ
@given(st.one_of(TEXT, st.binary(max_size=80).map(lambda b: b.decode("latin-1"))))
def test_scanner_payloads_are_not_member_codes(text: str) -> None:
    tried("QR / scanner payload")
    code = member_code_from_qr(text)
    assert code is None or (code.isascii() and code.isdigit() and len(code) == 10)
    assert isinstance(check_code(text, {"01": b"k" * 32}), CodeCheck)


OTHER_SYSTEMS_QR = [
    "https://u.wechat.com/EJ3sT2xYz",  # WeChat contact card
    "wxp://f2f0abcdef1234567890",  # WeChat Pay
    "https://qr.alipay.com/fkx12345abcdefg",  # Alipay
    "WIFI:T:WPA;S:Store;P:secret;;",
    "BEGIN:VCARD\nFN:王小明\nTEL:13812345678\nEND:VCARD",
    "6901234567892",  # EAN-13 of a product
    "12345678",  # EAN-8
    "880000000",  # a member code cut short
    "88000000000",  # one digit too many
    "9" * 19,  # a coupon code cut short
    "\x1b[2J",
]


# -- use cases: refused, and nothing written --------------------------------------------------


def _refused_unchanged(desk: Desk, call: object) -> None:
    before = db_fingerprint(desk)
    result = call() if callable(call) else call
    if isinstance(result, Refusal):
        assert result.message
        assert db_fingerprint(desk) == before


@FUZZ
@given(st.one_of(TEXT, st.sampled_from(OTHER_SYSTEMS_QR)))
def test_lookup_and_scan_fields(desk: Desk, text: str) -> None:
    """The checkout's one field takes a phone, last 4 digits, a member code or a scan."""
    tried("member lookup / scan")
    found = members.find(desk, text)
    assert isinstance(found, (members.FindResult, Refusal))
    tried("member list search")
    mode = member_list.classify(text)
    if not isinstance(mode, Refusal):
        assert not isinstance(member_list.count(desk, text), Exception)
        member_list.page(desk, search=text)
    tried("member reference")
    _refused_unchanged(desk, lambda: checkout.earn(desk, text, "R-LOOKUP", 10_000))


@pytest.mark.parametrize("payload", OTHER_SYSTEMS_QR)
def test_other_systems_qr_codes_find_nobody(desk: Desk, payload: str) -> None:
    tried("QR / scanner payload")
    found = members.find(desk, payload)
    assert isinstance(found, Refusal) or found.members == ()
    assert isinstance(coupons.redeem(desk, payload, "R-QR", 50_000), Refusal)


@FUZZ
@given(name=TEXT, phone=st.one_of(TEXT, st.just("13912345678")))
def test_enrolment(desk: Desk, name: str, phone: str) -> None:
    tried("member edit (name)")
    _refused_unchanged(desk, lambda: members.update_member(desk, "13812345678", name=name))
    tried("enrolment (phone + name)")
    before = db_fingerprint(desk)
    result = members.enroll(desk, phone, name)
    if isinstance(result, Refusal):
        assert db_fingerprint(desk) == before
        return
    # Accepted: the name reads back as it was validated.
    assert members.show(desk, result.code).name == validate_name(name)  # type: ignore[union-attr]


@FUZZ
@given(receipt=TEXT, amount=st.integers(-(2**70), 2**70))
def test_receipts_and_amounts_in_fen(desk: Desk, receipt: str, amount: int) -> None:
    tried("receipt number + amount")
    _refused_unchanged(desk, lambda: checkout.earn(desk, "13812345678", receipt, amount))
    _refused_unchanged(desk, lambda: checkout.redeem(desk, "13812345678", receipt, 100, amount))


@FUZZ
@given(points=st.integers(-(2**70), 2**70), amount=st.integers(-(2**40), 2**40))
def test_redeem_points(desk: Desk, points: int, amount: int) -> None:
    tried("points to redeem")
    _refused_unchanged(desk, lambda: checkout.redeem(desk, "13812345678", "R-PTS", points, amount))


@FUZZ
@given(
    st.one_of(
        TEXT,
        st.from_regex(r"9[0-9]{19}", fullmatch=True),
        st.from_regex(r"9[0-9 -]{19,30}", fullmatch=True),
    )
)
def test_coupon_codes(desk: Desk, code: str) -> None:
    tried("coupon code")
    _refused_unchanged(desk, lambda: coupons.redeem(desk, code, "R-COUPON", 50_000))
    assert isinstance(coupons.show(desk, code), Refusal)


@FUZZ
@given(pin=TEXT, name=st.one_of(st.none(), TEXT))
def test_pins(desk: Desk, pin: str, name: str | None) -> None:
    tried("PIN")
    result = staff.verify_manager_pin(desk, pin, name)
    assert isinstance(result, Refusal) or pin == PIN


def test_a_name_with_a_lone_surrogate_is_refused(desk: Desk) -> None:
    """`loyalty-desk enroll --name $'\\xff'`: Python hands the byte over as U+DCFF; SQLite
    could not store it and the enrolment died with UnicodeEncodeError."""
    before = db_fingerprint(desk)
    for name in ("\udcff", "Wang\ud800", "\udc80\udc81"):
        refused = members.enroll(desk, "13912340000", name)
        assert isinstance(refused, Refusal), name
        assert db_fingerprint(desk) == before
    found = member_list.count(desk, "\udcff")
    assert isinstance(found, (int, Refusal))
    assert isinstance(members.find(desk, "\udcff"), Refusal)


def test_a_rule_file_in_another_encoding_is_refused(desk: Desk, tmp_path: Path) -> None:
    """A rules file saved by a Windows editor in GBK: a refusal, not UnicodeDecodeError."""
    path = tmp_path / "rules.toml"
    path.write_bytes("# 积分规则\n[earning]\n".encode("gbk"))
    from loyalty_desk.services import rules

    before = db_fingerprint(desk)
    result = rules.publish_local(desk, path, date(2030, 1, 1), manager_pin=PIN)
    assert isinstance(result, Refusal) and "UTF-8" in result.message
    assert db_fingerprint(desk) == before

"""Coupons: signed digit codes a till can trust offline, and the rules for using them.

A coupon code is 20 digits, printed in groups of four and encoded as-is in the QR code:

    9 KK SSSSSSSSSSS MMMMM C
    |  |      |        |   +- Luhn check digit over the 19 digits before it
    |  |      |        +----- HMAC-SHA256(key, "KK" + serial), reduced to 5 digits
    |  |      +-------------- 11-digit random serial
    |  +--------------------- key id: 00-89 chain keys (from the server), 90-99 till-local
    +------------------------ prefix 9

It cannot be taken for a member code (10 digits, starts with 8), a phone (11 digits, starts
with 1) or a referral code (8 digits, starts with 6), so the checkout field routes a scan
by its shape. The check digit catches a mistyped digit or swapped neighbours before any
key is consulted; the signature tells a forged code from a genuine one without the network.
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from loyalty_desk.domain.codes import luhn_check_digit, luhn_valid
from loyalty_desk.domain.errors import Code, Refusal, phrase, refusal
from loyalty_desk.domain.money import format_yuan
from loyalty_desk.domain.rules import CouponKind, CouponRules, RedemptionRules

CODE_LENGTH = 20
CODE_PREFIX = "9"
KEY_ID_DIGITS = 2
SERIAL_DIGITS = 11
MAC_DIGITS = 5
LOCAL_KEY_IDS = tuple(f"{n:02d}" for n in range(90, 100))
_MAC_CONTEXT = b"loyalty-desk coupon v1|"
_SEPARATORS = re.compile(r"[\s\-]")
_KEY_ID = re.compile(r"^[0-9]{2}$")


class Kind(StrEnum):
    NEW_MEMBER = "new_member"
    BIRTHDAY = "birthday"
    WINBACK = "winback"
    UPSELL = "upsell"
    POINTS = "points"  # points exchanged for a cash voucher

    @property
    def label_zh(self) -> str:
        return _LABELS_ZH[self]

    @property
    def label_en(self) -> str:
        return _LABELS_EN[self]


_LABELS_ZH = {
    Kind.NEW_MEMBER: "新会员礼券",
    Kind.BIRTHDAY: "生日礼券",
    Kind.WINBACK: "回归礼券",
    Kind.UPSELL: "满额礼券",
    Kind.POINTS: "积分兑换券",
}
_LABELS_EN = {
    Kind.NEW_MEMBER: "New member coupon",
    Kind.BIRTHDAY: "Birthday coupon",
    Kind.WINBACK: "Welcome-back coupon",
    Kind.UPSELL: "Spend-more coupon",
    Kind.POINTS: "Points voucher",
}

# The kinds a manager hands out; points vouchers are bought with the member's own points.
PROMOTION_KINDS = (Kind.NEW_MEMBER, Kind.BIRTHDAY, Kind.WINBACK, Kind.UPSELL)


def parse_kind(text: str) -> Kind | None:
    name = text.strip().lower().replace("-", "_")
    aliases = {"new": Kind.NEW_MEMBER, "welcome": Kind.NEW_MEMBER, "win_back": Kind.WINBACK}
    try:
        return aliases.get(name) or Kind(name)
    except ValueError:
        return None


class Status(StrEnum):
    ISSUED = "issued"
    REDEEMED = "redeemed"
    VOID = "void"


# -- codes ---------------------------------------------------------------------------------


class CodeCheck(StrEnum):
    GENUINE = "genuine"
    NOT_A_COUPON = "not_a_coupon"  # wrong length or prefix: some other kind of code
    MISTYPED = "mistyped"  # the check digit does not match
    UNKNOWN_KEY = "unknown_key"  # signed with a key this till has not received
    FORGED = "forged"  # well-formed, but the signature is wrong


def normalise_code(text: str) -> str:
    """What the cashier typed or the scanner sent, without the spaces and dashes of print."""
    return _SEPARATORS.sub("", text.strip())


def looks_like_coupon(text: str) -> bool:
    """The shape the checkout field routes to coupons (before any check digit is checked)."""
    code = normalise_code(text)
    return (
        len(code) == CODE_LENGTH
        and code.startswith(CODE_PREFIX)
        and code.isascii()
        and code.isdigit()
    )


def key_id_of(code: str) -> str:
    return code[1 : 1 + KEY_ID_DIGITS]


def _mac(secret: bytes, key_id: str, serial: str) -> str:
    digest = hmac.new(secret, _MAC_CONTEXT + (key_id + serial).encode("ascii"), hashlib.sha256)
    return f"{int.from_bytes(digest.digest()[:8], 'big') % 10**MAC_DIGITS:0{MAC_DIGITS}d}"


def make_code(key_id: str, secret: bytes, serial: str) -> str:
    assert _KEY_ID.match(key_id) and len(serial) == SERIAL_DIGITS and serial.isdigit()
    body = CODE_PREFIX + key_id + serial + _mac(secret, key_id, serial)
    return body + luhn_check_digit(body)


def new_code(key_id: str, secret: bytes, rng: random.Random) -> str:
    serial = "".join(rng.choice("0123456789") for _ in range(SERIAL_DIGITS))
    return make_code(key_id, secret, serial)


def check_code(text: str, keys: Mapping[str, bytes]) -> CodeCheck:
    code = normalise_code(text)
    if not looks_like_coupon(code):
        return CodeCheck.NOT_A_COUPON
    if not luhn_valid(code):
        return CodeCheck.MISTYPED
    key_id = key_id_of(code)
    secret = keys.get(key_id)
    if secret is None:
        return CodeCheck.UNKNOWN_KEY
    serial = code[1 + KEY_ID_DIGITS : 1 + KEY_ID_DIGITS + SERIAL_DIGITS]
    mac = code[1 + KEY_ID_DIGITS + SERIAL_DIGITS : -1]
    if not hmac.compare_digest(mac, _mac(secret, key_id, serial)):
        return CodeCheck.FORGED
    return CodeCheck.GENUINE


def code_refusal(text: str, verdict: CodeCheck) -> Refusal:
    """What the cashier is told about a code that cannot be taken."""
    messages = {
        CodeCheck.NOT_A_COUPON: (
            f"'{text.strip()}' is not a coupon code (coupon codes are 20 digits starting with 9)."
        ),
        CodeCheck.MISTYPED: (
            "The coupon code does not add up (check digit): a digit was mistyped or misread; "
            "type it again or scan the QR code."
        ),
        CodeCheck.UNKNOWN_KEY: (
            "This coupon was signed with a key this till has not received yet; "
            "sync the till and try again."
        ),
        CodeCheck.FORGED: (
            "This is not a genuine coupon code (its signature does not match). If it was "
            "issued in another store just now, sync the till and try again."
        ),
    }
    return Refusal(Code.INVALID_CODE, messages[verdict], details={"reason": str(verdict)})


def group_code(code: str) -> str:
    """9012 3456 7890 1234 5678: how the code is printed for people to read and type."""
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def coupon_qr_payload(code: str) -> str:
    """The QR code carries the very digits printed under it, nothing else."""
    return code


# -- keys ----------------------------------------------------------------------------------


def parse_keys(raw: object) -> dict[str, bytes]:
    """The till setting {key_id: hex secret} as bytes; malformed entries are left out."""
    keys: dict[str, bytes] = {}
    if not isinstance(raw, Mapping):
        return keys
    for key_id, secret in raw.items():
        if not (isinstance(key_id, str) and _KEY_ID.match(key_id) and isinstance(secret, str)):
            continue
        try:
            value = bytes.fromhex(secret)
        except ValueError:
            continue
        if len(value) >= 16:
            keys[key_id] = value
    return keys


def signing_key_id(keys: Mapping[str, bytes]) -> str | None:
    """New codes are signed with the newest chain key, or the till's own key before that."""
    chain = sorted(k for k in keys if k not in LOCAL_KEY_IDS)
    if chain:
        return chain[-1]
    local = sorted(k for k in keys if k in LOCAL_KEY_IDS)
    return local[-1] if local else None


# -- terms and validity --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Terms:
    kind: Kind
    min_spend_fen: int
    value_fen: int
    first_day: date  # store-local, inclusive
    last_day: date  # store-local, inclusive

    @property
    def condition_zh(self) -> str:
        return condition_zh(self.min_spend_fen, self.value_fen)


def _yuan(fen: int) -> str:
    text = format_yuan(fen)
    return text[:-3] if text.endswith(".00") else text


def condition_zh(min_spend_fen: int, value_fen: int) -> str:
    """满100减20 — the way a Chinese shopper reads a discount."""
    if min_spend_fen <= value_fen:
        return f"抵扣{_yuan(value_fen)}元（消费满{_yuan(max(min_spend_fen, value_fen))}元可用）"
    return f"满{_yuan(min_spend_fen)}减{_yuan(value_fen)}"


def condition_en(min_spend_fen: int, value_fen: int) -> str:
    if min_spend_fen <= value_fen:
        return f"{_yuan(value_fen)} yuan off a purchase of {_yuan(value_fen)} yuan or more"
    return f"{_yuan(value_fen)} yuan off a purchase of {_yuan(min_spend_fen)} yuan or more"


def kind_rules(rules: CouponRules, kind: Kind) -> CouponKind:
    assert kind is not Kind.POINTS
    return {
        Kind.NEW_MEMBER: rules.new_member,
        Kind.BIRTHDAY: rules.birthday,
        Kind.WINBACK: rules.winback,
        Kind.UPSELL: rules.upsell,
    }[kind]


def last_day_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def window(issue_day: date, valid_days: int) -> tuple[date, date]:
    """Valid for `valid_days` calendar days counting the day of issue; 0 means the rest of
    the month of issue (the birthday coupon, handed out in the birthday month)."""
    if valid_days <= 0:
        return issue_day, last_day_of_month(issue_day)
    return issue_day, issue_day + timedelta(days=valid_days - 1)


def promotion_terms(rules: CouponRules, kind: Kind, issue_day: date) -> Terms:
    spec = kind_rules(rules, kind)
    first, last = window(issue_day, spec.valid_days)
    return Terms(kind, spec.min_spend_fen, spec.value_fen, first, last)


def points_voucher_terms(
    coupons: CouponRules, redemption: RedemptionRules, points: int, issue_day: date
) -> Terms:
    """N points buy a cash voucher of N/10 yuan at the redemption rate (100 points = 10 yuan).

    Its minimum spend is its own value, so the voucher can never pay more than the receipt.
    """
    value = points * redemption.fen_per_point
    first, last = window(issue_day, coupons.points_voucher_valid_days)
    return Terms(Kind.POINTS, value, value, first, last)


def check_exchange(redemption: RedemptionRules, points: int, balance: int) -> Refusal | None:
    if points <= 0:
        return refusal(Code.INVALID_POINTS, "Choose how many points to exchange (more than 0).")
    if points < redemption.min_points:
        return refusal(
            Code.BELOW_MINIMUM,
            "At least {min_points} points can be exchanged for a voucher.",
            details={"minimum": redemption.min_points},
            min_points=redemption.min_points,
        )
    if points > balance:
        return refusal(
            Code.INSUFFICIENT_POINTS,
            "The member has {balance} points; {points} cannot be exchanged.",
            details={"balance": balance},
            balance=balance,
            points=points,
        )
    return None


# -- using a coupon ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CouponState:
    """What a redemption is checked against (store-local days, like the printed voucher)."""

    code: str
    status: Status
    min_spend_fen: int
    value_fen: int
    first_day: date
    last_day: date
    redeemed_receipt: str | None = None
    redeemed_store: str | None = None


def check_use(
    coupon: CouponState,
    today: date,
    amount_fen: int,
    member_matches: bool,
    *,
    member_given: bool = True,
) -> Refusal | None:
    """Single use, dates, member, minimum spend — in the order a cashier can act on."""
    if coupon.status is Status.VOID:
        return refusal(
            Code.COUPON_VOID, "This coupon was cancelled by a manager and cannot be used."
        )
    if coupon.status is Status.REDEEMED:
        receipt_no, store_id = coupon.redeemed_receipt, coupon.redeemed_store
        where = phrase(" on receipt {receipt_no}", receipt_no=receipt_no) if receipt_no else ""
        store = phrase(" in store {store_id}", store_id=store_id) if store_id else ""
        return refusal(
            Code.COUPON_ALREADY_USED,
            "This coupon was already used{where}{store}; a coupon can be used once.",
            details={"receipt_no": coupon.redeemed_receipt, "store_id": coupon.redeemed_store},
            where=where,
            store=store,
        )
    if today < coupon.first_day:
        return refusal(
            Code.COUPON_NOT_YET_VALID,
            "This coupon can be used from {first_day}.",
            details={"valid_from": coupon.first_day.isoformat()},
            first_day=coupon.first_day.isoformat(),
        )
    if today > coupon.last_day:
        return refusal(
            Code.COUPON_EXPIRED,
            "This coupon expired on {last_day}.",
            details={"valid_until": coupon.last_day.isoformat()},
            last_day=coupon.last_day.isoformat(),
        )
    if not member_matches:
        if not member_given:
            return refusal(
                Code.NOT_THIS_MEMBER,
                "This coupon is bound to a member: find that member at the till first (phone or "
                "member code), then apply the coupon.",
            )
        return refusal(
            Code.NOT_THIS_MEMBER,
            "This coupon belongs to another member; it can only be used on a purchase of the "
            "member it was issued to.",
        )
    if amount_fen < coupon.min_spend_fen:
        return refusal(
            Code.BELOW_MIN_SPEND,
            "This coupon needs a purchase of at least {min_spend_yuan} yuan; the receipt is "
            "{amount_yuan} yuan.",
            details={"min_spend_fen": coupon.min_spend_fen, "amount_fen": amount_fen},
            min_spend_yuan=format_yuan(coupon.min_spend_fen),
            amount_yuan=format_yuan(amount_fen),
        )
    return None


def discount_fen(coupon: CouponState, amount_fen: int) -> int:
    """The coupon's value, never more than the receipt (no change is given on a coupon)."""
    return min(coupon.value_fen, amount_fen)

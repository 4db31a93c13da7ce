"""What a cashier types about a person: phone, name, birthday — validated, normalised."""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date

import phonenumbers

from loyalty_desk.domain.errors import Code, Refusal, refusal

PHONE_PATTERN = re.compile(r"^1[3-9][0-9]{9}$")
NAME_MAX = 40
# Bidi overrides and isolates would let a name reorder the text around it on a receipt.
_BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
# Control characters; line and paragraph separators (they break a printed receipt line);
# lone surrogates: a command-line argument that is not UTF-8 arrives as U+DC80–U+DCFF,
# which no database or printer can encode.
_REFUSED_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}


def normalise_phone(text: str) -> str:
    """Drop what people put around a number: spaces, dashes, a +86 / 0086 prefix.

    "0086" alone is the last 4 digits of a phone (one member in 10,000 has them), not a
    prefix: only what comes after it makes it one."""
    digits = re.sub(r"[\s\-()]", "", text.strip())
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086") and len(digits) > 4:
        digits = digits[4:]
    return digits


def validate_phone(text: str) -> str | Refusal:
    """A mainland mobile number, 11 digits, accepted by phonenumbers as MOBILE."""
    phone = normalise_phone(text)
    if not PHONE_PATTERN.match(phone):
        return refusal(
            Code.INVALID_PHONE,
            "'{text}' is not a mainland mobile number (11 digits starting with 13–19).",
            text=text,
        )
    if not _mobile_range(phone[:7]):
        return refusal(
            Code.INVALID_PHONE, "{phone} is not an assigned mobile number range.", phone=phone
        )
    return phone


@functools.lru_cache(maxsize=8192)
def _mobile_range(prefix: str) -> bool:
    """Is this number block (号段, the first 7 digits) an assigned mobile range?

    Mainland mobile numbering is decided by the block: the last 4 digits are free. Caching
    per block keeps bulk imports fast (phonenumbers is thorough but slow).
    """
    try:
        parsed = phonenumbers.parse(prefix + "0000", "CN")
    except phonenumbers.NumberParseException:
        return False
    return bool(
        phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE
        and phonenumbers.is_valid_number(parsed)
    )


def storable(text: str) -> bool:
    """Can this text be stored at all? Lone surrogates (U+D800–U+DFFF, what Python makes of
    bytes that are not UTF-8) cannot be encoded for SQLite, PostgreSQL or a printer."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def mask_phone(phone: str) -> str:
    """138****1234: enough for the member to recognise, not enough to copy."""
    if len(phone) < 8:
        return "*" * len(phone)
    return f"{phone[:3]}****{phone[-4:]}"


def validate_name(text: str) -> str | Refusal:
    name = unicodedata.normalize("NFC", text).strip()
    if not name:
        return refusal(Code.INVALID_NAME, "The name is empty.")
    for ch in name:
        if unicodedata.category(ch) in _REFUSED_CATEGORIES or ch in _BIDI_CONTROLS:
            return refusal(
                Code.INVALID_NAME, "The name contains control characters; type it again."
            )
    if len(name) > NAME_MAX:
        return refusal(
            Code.INVALID_NAME,
            "The name is {n_name} characters; at most {name_max} fit.",
            n_name=len(name),
            name_max=NAME_MAX,
        )
    return name


def parse_date(text: str, *, field: str = "date") -> date | Refusal:
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text.strip()):
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        return refusal(
            Code.INVALID_DATE,
            "'{text}' is not a real {field}; write it as YYYY-MM-DD.",
            text=text,
            field=field,
        )


def validate_birthday(value: date, today: date) -> date | Refusal:
    if value > today:
        return refusal(Code.INVALID_DATE, "A birthday of {value} is in the future.", value=value)
    if value.year < 1900:
        return refusal(
            Code.INVALID_DATE, "A birthday of {value} is too far in the past.", value=value
        )
    return value

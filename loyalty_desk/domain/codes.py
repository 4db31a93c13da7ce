"""Digits-only codes people and scanners handle: member codes, referral codes, PINs.

Digits only, because a scanner behind a Chinese input method swallows letters. Every code
ends in a Luhn check digit so a mistyped or misread code is caught before any lookup.
Lengths are chosen so that no kind can be mistaken for another or for a phone (11 digits).
"""

from __future__ import annotations

import random
import re

MEMBER_CODE_LENGTH = 10
MEMBER_CODE_PREFIX = "8"
REFERRAL_CODE_LENGTH = 8
REFERRAL_CODE_PREFIX = "6"
PIN_PATTERN = re.compile(r"^[0-9]{4,12}$")


def luhn_check_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(code: str) -> bool:
    return code.isascii() and code.isdigit() and luhn_check_digit(code[:-1]) == code[-1]


def _make(prefix: str, length: int, rng: random.Random) -> str:
    digits = length - len(prefix) - 1
    body = f"{prefix}{rng.randrange(10**digits):0{digits}d}"
    return body + luhn_check_digit(body)


def new_member_code(rng: random.Random) -> str:
    return _make(MEMBER_CODE_PREFIX, MEMBER_CODE_LENGTH, rng)


def new_referral_code(rng: random.Random) -> str:
    return _make(REFERRAL_CODE_PREFIX, REFERRAL_CODE_LENGTH, rng)


def is_member_code(text: str) -> bool:
    return (
        len(text) == MEMBER_CODE_LENGTH and text.startswith(MEMBER_CODE_PREFIX) and luhn_valid(text)
    )


def is_referral_code(text: str) -> bool:
    return (
        len(text) == REFERRAL_CODE_LENGTH
        and text.startswith(REFERRAL_CODE_PREFIX)
        and luhn_valid(text)
    )


def member_qr_payload(member_code: str) -> str:
    """What the member's QR code encodes: the member code itself, digits only.

    Keeping the payload equal to the code means a card printed in one store scans in every
    store, and a scanner typing it into any field of the till finds the member.
    """
    return member_code


def member_code_from_qr(payload: str) -> str | None:
    text = payload.strip()
    return text if is_member_code(text) else None

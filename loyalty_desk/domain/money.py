"""Money is integer fen (分). Text from people is parsed with Decimal, never float."""

from __future__ import annotations

import re
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from loyalty_desk.domain.errors import Code, Refusal, refusal

# One receipt above a million yuan is a typo or an attack, not a sale.
MAX_AMOUNT_FEN = 100_000_000


_AMOUNT = re.compile(r"^(?P<whole>[0-9]{1,12})(?:\.(?P<frac>[0-9]{1,2}))?$")
_AMOUNT_LOOSE = re.compile(r"^-?[0-9]*\.?[0-9]*$")


def parse_yuan(text: str, *, allow_zero: bool = False, field: str = "amount") -> int | Refusal:
    """Parse "1234.50" into 123450 fen; refuse what a cashier could not have meant."""
    raw = text.strip().replace(",", "").lstrip("¥￥").strip()
    if not raw:
        return refusal(
            Code.INVALID_AMOUNT, "The {field} is empty; enter it in yuan, e.g. 128.50.", field=field
        )
    if raw.startswith("-") and _AMOUNT_LOOSE.match(raw):
        return refusal(
            Code.INVALID_AMOUNT, "The {field} cannot be negative ({text}).", field=field, text=text
        )
    match = _AMOUNT.match(raw)
    if match is None:
        if _AMOUNT_LOOSE.match(raw) and "." in raw and len(raw.split(".")[1]) > 2:
            return refusal(
                Code.INVALID_AMOUNT, "'{text}' has more than 2 decimals (fen).", text=text
            )
        return refusal(
            Code.INVALID_AMOUNT,
            "'{text}' is not an amount; enter it in yuan, e.g. 128.50.",
            text=text,
        )
    fen = int(match["whole"]) * 100 + int((match["frac"] or "0").ljust(2, "0"))
    if fen == 0 and allow_zero:
        return 0
    return check_fen(fen, field)


def check_fen(fen: object, field: str = "amount") -> int | Refusal:
    """An amount already in fen (from code, not a person): a whole, positive, sane number."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        return refusal(
            Code.INVALID_AMOUNT, "The {field} must be a whole number of fen.", field=field
        )
    if fen <= 0:
        return refusal(Code.INVALID_AMOUNT, "The {field} must be more than 0.", field=field)
    if fen > MAX_AMOUNT_FEN:
        return refusal(
            Code.INVALID_AMOUNT,
            "{amount_yuan} yuan is over the limit of {max_yuan} for one receipt.",
            amount_yuan=format_yuan(fen),
            max_yuan=format_yuan(MAX_AMOUNT_FEN),
        )
    return fen


def format_yuan(fen: int) -> str:
    """123450 -> '1234.50' (no currency sign: the UI and documents add their own)."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), 100)
    return f"{sign}{whole}.{part:02d}"


def round_half_up(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def floor_int(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_FLOOR))

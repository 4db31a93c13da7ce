"""Business-rule refusals: error records the caller can show, never exceptions for faults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Code(StrEnum):
    """Stable refusal codes; scripts and POS integrations match on these."""

    INVALID_AMOUNT = "INVALID_AMOUNT"
    INVALID_PHONE = "INVALID_PHONE"
    INVALID_NAME = "INVALID_NAME"
    INVALID_DATE = "INVALID_DATE"
    INVALID_TIME = "INVALID_TIME"
    INVALID_POINTS = "INVALID_POINTS"
    INVALID_RECEIPT = "INVALID_RECEIPT"
    INVALID_QUERY = "INVALID_QUERY"
    INVALID_PIN = "INVALID_PIN"
    INVALID_ROLE = "INVALID_ROLE"
    INVALID_REASON = "INVALID_REASON"
    INVALID_RULES = "INVALID_RULES"
    INVALID_CODE = "INVALID_CODE"
    PHONE_ALREADY_ENROLLED = "PHONE_ALREADY_ENROLLED"
    UNKNOWN_MEMBER = "UNKNOWN_MEMBER"
    UNKNOWN_REFERRER = "UNKNOWN_REFERRER"
    UNKNOWN_RECEIPT = "UNKNOWN_RECEIPT"
    UNKNOWN_STAFF = "UNKNOWN_STAFF"
    RECEIPT_ALREADY_EARNED = "RECEIPT_ALREADY_EARNED"
    RECEIPT_ALREADY_REDEEMED = "RECEIPT_ALREADY_REDEEMED"
    RECEIPT_FULLY_REFUNDED = "RECEIPT_FULLY_REFUNDED"
    REFUND_EXCEEDS_PAID = "REFUND_EXCEEDS_PAID"
    INSUFFICIENT_POINTS = "INSUFFICIENT_POINTS"
    BELOW_MINIMUM = "BELOW_MINIMUM"
    OVER_RECEIPT_LIMIT = "OVER_RECEIPT_LIMIT"
    ADJUST_BELOW_ZERO = "ADJUST_BELOW_ZERO"
    MANAGER_PIN_REQUIRED = "MANAGER_PIN_REQUIRED"
    WRONG_PIN = "WRONG_PIN"
    ACCOUNT_LOCKED = "ACCOUNT_LOCKED"
    NOT_A_MANAGER = "NOT_A_MANAGER"
    STAFF_EXISTS = "STAFF_EXISTS"
    MEMBER_MERGED = "MEMBER_MERGED"
    NOT_INITIALISED = "NOT_INITIALISED"
    ALREADY_INITIALISED = "ALREADY_INITIALISED"
    INVALID_STORE = "INVALID_STORE"
    INVALID_TIMEZONE = "INVALID_TIMEZONE"
    INVALID_FILE = "INVALID_FILE"
    SCHEMA_TOO_NEW = "SCHEMA_TOO_NEW"
    DATABASE_DAMAGED = "DATABASE_DAMAGED"
    ONLINE_ONLY = "ONLINE_ONLY"
    AUDIT_BROKEN = "AUDIT_BROKEN"
    COUPON_EXPIRED = "COUPON_EXPIRED"
    COUPON_NOT_YET_VALID = "COUPON_NOT_YET_VALID"
    COUPON_ALREADY_USED = "COUPON_ALREADY_USED"
    COUPON_VOID = "COUPON_VOID"
    COUPON_NOT_USED = "COUPON_NOT_USED"
    BELOW_MIN_SPEND = "BELOW_MIN_SPEND"
    NOT_THIS_MEMBER = "NOT_THIS_MEMBER"
    UNKNOWN_COUPON = "UNKNOWN_COUPON"
    RECEIPT_HAS_COUPON = "RECEIPT_HAS_COUPON"
    INVALID_COUPON_KIND = "INVALID_COUPON_KIND"
    INVALID_SEGMENT = "INVALID_SEGMENT"
    EMPTY_SEGMENT = "EMPTY_SEGMENT"
    INVALID_FORMAT = "INVALID_FORMAT"
    PRINTER_UNAVAILABLE = "PRINTER_UNAVAILABLE"
    INVALID_SETTING = "INVALID_SETTING"
    LAST_MANAGER = "LAST_MANAGER"
    # Syncing with the central server (issue 4).
    NOT_REGISTERED = "NOT_REGISTERED"
    INVALID_URL = "INVALID_URL"
    INVALID_REGISTRATION_CODE = "INVALID_REGISTRATION_CODE"
    STORE_MISMATCH = "STORE_MISMATCH"
    SERVER_UNREACHABLE = "SERVER_UNREACHABLE"
    SERVER_ERROR = "SERVER_ERROR"
    UNAUTHORISED = "UNAUTHORISED"
    DEVICE_REVOKED = "DEVICE_REVOKED"
    TOKEN_EXPIRED = "TOKEN_EXPIRED"
    PROTOCOL_MISMATCH = "PROTOCOL_MISMATCH"
    CLONE_DETECTED = "CLONE_DETECTED"
    SYNC_TOO_OLD = "SYNC_TOO_OLD"
    OFFLINE_LIMIT = "OFFLINE_LIMIT"
    # Central server administration.
    UNKNOWN_STORE = "UNKNOWN_STORE"
    STORE_EXISTS = "STORE_EXISTS"
    UNKNOWN_DEVICE = "UNKNOWN_DEVICE"
    UNKNOWN_CASE = "UNKNOWN_CASE"
    INVALID_EVENT = "INVALID_EVENT"
    # Chain reports over HTTP (admin and store manager tokens).
    UNKNOWN_TOKEN = "UNKNOWN_TOKEN"
    NOT_YOUR_STORE = "NOT_YOUR_STORE"


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a use case refused to act. Nothing was written when one is returned.

    `message` is the English sentence (logs, JSON, the sync protocol). `template` is the
    same sentence with its figures as `{named}` placeholders and `values` holds them, so a
    screen can say it in the reader's language (loyalty_desk/refusal_texts.py) with the
    same figures. A refusal passed on from elsewhere (the server's reply) has no template.
    """

    code: Code
    message: str
    details: Mapping[str, Any] = field(default_factory=dict)
    template: str = ""
    values: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": str(self.code), "message": self.message}
        if self.details:
            out["details"] = dict(self.details)
        return out


class Refused(Exception):
    """Carries a Refusal out of nested service code up to the use-case boundary.

    Service functions catch it at their edge, roll back, and *return* the Refusal,
    so callers deal in values; it never escapes `services`.
    """

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message)
        self.refusal = refusal


@dataclass(frozen=True, slots=True)
class Phrase:
    """A part of a refusal's sentence that is translated as well (" on receipt {receipt_no}")."""

    template: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format_map(english(self.values))


def phrase(template: str, **values: Any) -> Phrase:
    return Phrase(template, values)


def english(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values as the English sentence shows them: a refusal given as the reason of another
    by its message, a list of refusals joined with '; '."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, Refusal):
            value = value.message
        elif isinstance(value, list | tuple) and value and isinstance(value[0], Refusal):
            value = "; ".join(r.message for r in value)
        out[name] = value
    return out


def refusal(
    code: Code, template: str, details: Mapping[str, Any] | None = None, **values: Any
) -> Refusal:
    """A refusal whose sentence is `template` (a literal, the key of its translations)
    with `values` filled in; `details` are for programs (JSON), not for the sentence."""
    message = template.format_map(english(values))
    return Refusal(code, message, dict(details or {}), template, values)


def refuse(
    code: Code, template: str, details: Mapping[str, Any] | None = None, **values: Any
) -> Refused:
    return Refused(refusal(code, template, details, **values))


def passed_on(code: Code, message: str, details: Mapping[str, Any] | None = None) -> Refused:
    """A refusal whose sentence came from elsewhere as text (the server's reply, a printer
    driver): it has no template; the screens translate it by matching the catalogue."""
    return Refused(Refusal(code, message, dict(details or {})))

"""Coupons as the till shows, prints and announces them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from loyalty_desk.domain.coupons import (
    CouponState,
    Kind,
    Status,
    condition_en,
    condition_zh,
    group_code,
)
from loyalty_desk.domain.people import mask_phone
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.events import iso
from loyalty_desk.store.models import Coupon, Member


@dataclass(frozen=True, slots=True)
class CouponView:
    code: str
    kind: Kind
    status: Status
    member_code: str | None  # None: a bearer coupon, anyone may use it
    member_name: str | None
    member_phone: str | None
    min_spend_fen: int
    value_fen: int
    first_day: date  # store-local, inclusive
    last_day: date  # store-local, inclusive
    issued_at: datetime
    issued_store_id: str
    redeemed_at: datetime | None
    redeemed_receipt: str | None
    redeemed_store_id: str | None
    voided_at: datetime | None
    void_reason: str | None

    @property
    def bearer(self) -> bool:
        return self.member_code is None

    @property
    def code_grouped(self) -> str:
        return group_code(self.code)

    @property
    def phone_masked(self) -> str | None:
        return mask_phone(self.member_phone) if self.member_phone else None

    @property
    def condition_zh(self) -> str:
        return condition_zh(self.min_spend_fen, self.value_fen)

    @property
    def condition_en(self) -> str:
        return condition_en(self.min_spend_fen, self.value_fen)

    def usable_on(self, day: date) -> bool:
        return self.status is Status.ISSUED and self.first_day <= day <= self.last_day

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": str(self.kind),
            "status": str(self.status),
            "member_code": self.member_code,
            "member_name": self.member_name,
            "phone_masked": self.phone_masked,
            "min_spend_fen": self.min_spend_fen,
            "value_fen": self.value_fen,
            "condition": self.condition_zh,
            "valid_from": self.first_day.isoformat(),
            "valid_until": self.last_day.isoformat(),
            "issued_at": iso(self.issued_at),
            "issued_store_id": self.issued_store_id,
            "redeemed_at": iso(self.redeemed_at),
            "redeemed_receipt": self.redeemed_receipt,
            "redeemed_store_id": self.redeemed_store_id,
            "voided_at": iso(self.voided_at),
            "void_reason": self.void_reason,
        }


def days_of(desk: Desk, row: Coupon) -> tuple[date, date]:
    """The store-local days a coupon is valid on: valid_until is the exclusive midnight."""
    return local_date(row.valid_from, desk.tz), local_date(
        row.valid_until - timedelta(seconds=1), desk.tz
    )


def coupon_state(desk: Desk, row: Coupon) -> CouponState:
    first, last = days_of(desk, row)
    return CouponState(
        code=row.code,
        status=Status(row.status),
        min_spend_fen=row.min_spend_fen,
        value_fen=row.value_fen,
        first_day=first,
        last_day=last,
        redeemed_receipt=row.redeemed_receipt,
        redeemed_store=row.redeemed_store_id,
    )


def coupon_view(session: Session, desk: Desk, row: Coupon) -> CouponView:
    member = session.get(Member, row.member_id) if row.member_id else None
    first, last = days_of(desk, row)
    return CouponView(
        code=row.code,
        kind=Kind(row.kind),
        status=Status(row.status),
        member_code=member.code if member else None,
        member_name=member.name if member else None,
        member_phone=member.phone if member else None,
        min_spend_fen=row.min_spend_fen,
        value_fen=row.value_fen,
        first_day=first,
        last_day=last,
        issued_at=row.issued_at,
        issued_store_id=row.issued_store_id,
        redeemed_at=row.redeemed_at,
        redeemed_receipt=row.redeemed_receipt,
        redeemed_store_id=row.redeemed_store_id,
        voided_at=row.voided_at,
        void_reason=row.void_reason,
    )


def coupon_record(row: Coupon) -> dict[str, Any]:
    """The coupon as announced to the central server and as it comes back on a pull."""
    return {
        "code": row.code,
        "member_id": row.member_id,
        "kind": row.kind,
        "min_spend_fen": row.min_spend_fen,
        "value_fen": row.value_fen,
        "valid_from": iso(row.valid_from),
        "valid_until": iso(row.valid_until),
        "status": row.status,
        "issued_at": iso(row.issued_at),
        "issued_store_id": row.issued_store_id,
        "redeemed_at": iso(row.redeemed_at),
        "redeemed_receipt": row.redeemed_receipt,
        "redeemed_store_id": row.redeemed_store_id,
        "rule_version": row.rule_version,
        "entry_id": row.entry_id,
        "voided_at": iso(row.voided_at),
        "void_reason": row.void_reason,
    }

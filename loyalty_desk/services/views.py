"""What use cases hand back: small immutable values, ready for a screen or for JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from loyalty_desk.domain.people import mask_phone
from loyalty_desk.domain.tiers import Tier


def _iso(moment: datetime | date | None) -> str | None:
    return moment.isoformat() if moment is not None else None


@dataclass(frozen=True, slots=True)
class MemberSummary:
    """One row of a pick list: enough to recognise the member, nothing more."""

    id: str
    code: str
    name: str
    phone: str
    tier: Tier
    balance: int
    last_visit_at: datetime | None

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    def to_json(self, *, unmasked: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "phone_masked": self.phone_masked,
            "tier": str(self.tier),
            "balance": self.balance,
            "last_visit": _iso(self.last_visit_at),
        }
        if unmasked:
            out["phone"] = self.phone
        return out


@dataclass(frozen=True, slots=True)
class MemberView:
    """The member panel: everything a cashier needs at the till."""

    id: str
    code: str
    name: str
    phone: str
    tier: Tier
    tier_until: datetime | None
    balance: int
    balance_value_fen: int
    expiring_30d: int
    debt: int
    online_only: bool
    overdraft: bool
    birthday: date | None
    birthday_month: bool
    referral_code: str
    last_visit_at: datetime | None
    created_at: datetime
    first_purchase_done: bool

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    @property
    def flags(self) -> tuple[str, ...]:
        out: list[str] = []
        if self.balance < 0:
            out.append("negative_balance")
        if self.online_only:
            out.append("online_only")
        if self.overdraft:
            out.append("overdraft")
        return tuple(out)

    def to_json(self, *, unmasked: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "phone_masked": self.phone_masked,
            "tier": str(self.tier),
            "tier_until": _iso(self.tier_until),
            "balance": self.balance,
            "balance_value_fen": self.balance_value_fen,
            "expiring_30d": self.expiring_30d,
            "flags": list(self.flags),
            "birthday": _iso(self.birthday),
            "birthday_month": self.birthday_month,
            "referral_code": self.referral_code,
            "last_visit": _iso(self.last_visit_at),
            "member_since": _iso(self.created_at),
        }
        if unmasked:
            out["phone"] = self.phone
        return out


@dataclass(frozen=True, slots=True)
class HistoryLine:
    entry_id: str
    kind: str
    points: int
    balance_after: int
    occurred_at: datetime
    store_id: str
    receipt_no: str | None
    amount_fen: int | None
    reason: str | None
    expires_at: datetime | None  # for entries that created a lot
    lot_remaining: int | None
    synced: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.entry_id,
            "kind": self.kind,
            "points": self.points,
            "balance_after": self.balance_after,
            "at": _iso(self.occurred_at),
            "store_id": self.store_id,
            "receipt_no": self.receipt_no,
            "amount_fen": self.amount_fen,
            "reason": self.reason,
            "expires_at": _iso(self.expires_at),
            "lot_remaining": self.lot_remaining,
            "synced": self.synced,
        }

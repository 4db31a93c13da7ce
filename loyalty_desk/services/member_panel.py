"""Everything the member panel at the till shows: the member and their usable coupons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.services import members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.views import HistoryLine, MemberView
from loyalty_desk.store.models import Coupon


@dataclass(frozen=True, slots=True)
class CouponLine:
    code: str
    kind: str
    min_spend_fen: int
    value_fen: int
    valid_until: datetime


@dataclass(frozen=True, slots=True)
class MemberCard:
    member: MemberView
    coupons: tuple[CouponLine, ...]
    recent: tuple[HistoryLine, ...]  # the newest ledger entries, for "what happened last"


RECENT = 5


def usable_coupons(desk: Desk, member_id: str, limit: int = 20) -> list[CouponLine]:
    """Issued to this member, not used or voided, valid now; soonest to lapse first."""
    now = desk.now()
    with desk.read() as s:
        rows = s.scalars(
            select(Coupon)
            .where(
                Coupon.member_id == member_id,
                Coupon.status == "issued",
                Coupon.valid_from <= now,
                Coupon.valid_until > now,
            )
            .order_by(Coupon.valid_until)
            .limit(limit)
        )
        return [
            CouponLine(c.code, c.kind, c.min_spend_fen, c.value_fen, c.valid_until) for c in rows
        ]


def card(desk: Desk, ref: str) -> MemberCard | Refusal:
    """The member by code, phone or id, with what they can use today and their last visits."""
    view = members.show(desk, ref)
    if isinstance(view, Refusal):
        return view
    recent = members.history(desk, view.code, limit=RECENT)
    lines = () if isinstance(recent, Refusal) else tuple(recent)
    return MemberCard(view, tuple(usable_coupons(desk, view.id)), lines)

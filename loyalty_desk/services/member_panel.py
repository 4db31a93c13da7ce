"""Everything the member panel at the till shows: the member, the coupons they can use
today, and their last few ledger entries."""

from __future__ import annotations

from dataclasses import dataclass

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.services import coupons, members
from loyalty_desk.services.coupon_views import CouponView
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.views import HistoryLine, MemberView

RECENT = 5


@dataclass(frozen=True, slots=True)
class MemberCard:
    member: MemberView
    coupons: tuple[CouponView, ...]  # usable today
    recent: tuple[HistoryLine, ...]  # the newest ledger entries, for "what happened last"


def card(desk: Desk, ref: str) -> MemberCard | Refusal:
    """The member by code, phone or id, with what they can use today and their last visits."""
    view = members.show(desk, ref)
    if isinstance(view, Refusal):
        return view
    usable = coupons.list_for_member(desk, view.code, usable_only=True)
    recent = members.history(desk, view.code, limit=RECENT)
    return MemberCard(
        view,
        () if isinstance(usable, Refusal) else tuple(usable),
        () if isinstance(recent, Refusal) else tuple(recent),
    )

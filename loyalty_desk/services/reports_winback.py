"""Win-back list (issue 6 item 4): members worth bringing back, most valuable first.

- dormant: members who bought before and are now dormant (no purchase for 180 days, or under
  500 yuan in 12 months) — members who never bought are not "back" material and are left out;
- slipping: core and potential members whose last purchase is `slipping_days` ago or more:
  still in a good segment, but their visits have stopped.
Both as of now, from the activity rows, with last visit and lifetime spend; one command
(`issue_winback_coupons`) gives everyone on it a win-back coupon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from loyalty_desk.domain.coupons import Kind as CouponKind
from loyalty_desk.domain.coupons import promotion_terms
from loyalty_desk.domain.errors import Code, Refusal, Refused, refuse
from loyalty_desk.domain.ids import new_id
from loyalty_desk.domain.segments import Segment
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.services import activity, audit
from loyalty_desk.services import reports_queries as q
from loyalty_desk.services.coupon_issue import issue_to_members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_common import MemberList, member_line
from loyalty_desk.services.staff import verify_manager_pin
from loyalty_desk.services.usecase import use_case

SLIPPING_DAYS = 60
LIST_LIMIT = 200


@dataclass(frozen=True)
class WinbackReport:
    store_id: str
    store_name: str
    as_of: datetime
    slipping_days: int
    dormant: MemberList
    slipping: MemberList

    def member_codes(self) -> list[str]:
        return [m.code for m in (*self.slipping.members, *self.dormant.members)]

    def to_json(self, *, unmasked: bool = False) -> dict[str, Any]:
        return {
            "store_id": self.store_id,
            "store_name": self.store_name,
            "as_of": self.as_of.isoformat(),
            "slipping_days": self.slipping_days,
            "dormant": self.dormant.to_json(unmasked=unmasked),
            "slipping": self.slipping.to_json(unmasked=unmasked),
        }


def _listed(
    s: Session,
    desk: Desk,
    cond: list[Any],
    title: str,
    limit: int,
    offset: int,
) -> MemberList:
    a = q.TILL.activity
    total = int(s.scalar(select(func.count()).select_from(a).where(*cond)) or 0)
    ids = list(
        s.scalars(
            select(a.c.member_id)
            .where(*cond)
            .order_by(a.c.lifetime_spend_fen.desc(), a.c.member_id)
            .limit(limit)
            .offset(offset)
        )
    )
    rows = q.member_rows(s, ids)
    lines = []
    for member_id in ids:
        row = rows[member_id]
        last = row.last_visit_at or row.last_purchase_at
        note = f"last visit {local_date(last, desk.tz).isoformat()}" if last else "no visit"
        lines.append(member_line(row, desk, note=note, figure_fen=int(row.lifetime_spend_fen)))
    return MemberList(title, total, tuple(lines), "Lifetime spend")


@use_case
def winback_list(
    desk: Desk,
    *,
    slipping_days: int = SLIPPING_DAYS,
    limit: int = LIST_LIMIT,
    offset: int = 0,
) -> WinbackReport:
    activity.catch_up(desk)
    now = desk.now()
    a = q.TILL.activity
    with desk.read() as s:
        dormant = _listed(
            s,
            desk,
            [a.c.segment == Segment.DORMANT.value],
            "Dormant 沉睡",
            limit,
            offset,
        )
        slipping = _listed(
            s,
            desk,
            [
                a.c.segment.in_((Segment.CORE.value, Segment.POTENTIAL.value)),
                a.c.last_purchase_at <= now - timedelta(days=slipping_days),
            ],
            f"Slipping: no purchase for {slipping_days} days",
            limit,
            offset,
        )
    return WinbackReport(
        desk.info.store_id, desk.info.store_name, now, slipping_days, dormant, slipping
    )


@dataclass(frozen=True, slots=True)
class WinbackIssue:
    """Win-back coupons handed to the list: one transaction, one audit row."""

    issued: tuple[str, ...]  # coupon codes
    skipped: int  # members who already hold an unused win-back coupon
    approved_by: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "issued": len(self.issued),
            "codes": list(self.issued),
            "skipped_already_holding": self.skipped,
            "approved_by": self.approved_by,
        }


@use_case
def issue_winback_coupons(
    desk: Desk,
    *,
    slipping_days: int = SLIPPING_DAYS,
    manager_pin: str | None = None,
    manager_name: str | None = None,
) -> WinbackIssue:
    """A win-back coupon (满200减100) for everyone on the win-back list — dormant buyers and
    slipping members — who does not hold an unused one yet."""
    now = desk.now()
    rules = desk.rules_at(now)
    terms = promotion_terms(rules.coupons, CouponKind.WINBACK, local_date(now, desk.tz))
    if terms.value_fen <= 0:
        raise refuse(
            Code.INVALID_COUPON_KIND,
            "The win-back coupon is switched off in rule version {version}.",
            version=rules.version,
        )
    approver = None
    if rules.approvals.issue_coupon_needs_manager:
        verdict = verify_manager_pin(desk, manager_pin, manager_name)
        if isinstance(verdict, Refusal):
            raise Refused(verdict)
        approver = verdict
    activity.catch_up(desk)
    a, c = q.TILL.activity, q.TILL.coupon
    batch_id = new_id()
    with desk.write() as s:
        listed = list(
            s.scalars(
                select(a.c.member_id).where(
                    or_(
                        a.c.segment == Segment.DORMANT.value,
                        and_(
                            a.c.segment.in_((Segment.CORE.value, Segment.POTENTIAL.value)),
                            a.c.last_purchase_at <= now - timedelta(days=slipping_days),
                        ),
                    )
                )
            )
        )
        holding = set(
            s.scalars(
                select(c.c.member_id).where(
                    c.c.kind == CouponKind.WINBACK.value,
                    c.c.status == "issued",
                    c.c.valid_until > now,
                )
            )
        )
        chosen = [m for m in listed if m not in holding]
        if not chosen:
            raise refuse(
                Code.EMPTY_SEGMENT,
                "Nobody on the win-back list is without a win-back coupon; nothing was issued.",
            )
        codes = issue_to_members(
            s,
            desk,
            chosen,
            terms,
            now,
            rule_version=rules.version,
            reason="winback list",
            batch_id=batch_id,
            approved_by=approver.id if approver else None,
        )
        audit.record(
            s,
            desk,
            "coupon.winback",
            actor=approver.name if approver else None,
            subject=batch_id,
            detail={"issued": len(codes), "skipped": len(listed) - len(chosen)},
        )
    return WinbackIssue(
        tuple(codes), len(listed) - len(chosen), approver.name if approver else None
    )

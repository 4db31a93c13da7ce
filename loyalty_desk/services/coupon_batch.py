"""A manager's batch: every member of a segment gets a coupon of one kind, in one go.

Segments (DESIGN §5) are defined by the reports area (`domain/segments.py`, issue 6). Until
that lands, `segment_member_ids` selects them here with the thresholds of
`domain.rules.SegmentRules`; it is the one function to point at the reports module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from loyalty_desk.domain.coupons import PROMOTION_KINDS, Kind, parse_kind, promotion_terms
from loyalty_desk.domain.errors import Code, Refused, refuse
from loyalty_desk.domain.ids import new_id
from loyalty_desk.domain.rules import SegmentRules
from loyalty_desk.domain.timeutil import add_months_utc, as_utc, local_date
from loyalty_desk.services import audit
from loyalty_desk.services.coupon_issue import issue_coupon
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.staff import StaffView, verify_manager_pin
from loyalty_desk.services.usecase import use_case
from loyalty_desk.store.models import Member, Receipt


class Segment(StrEnum):
    CORE = "core"
    POTENTIAL = "potential"
    BASIC = "basic"
    DORMANT = "dormant"

    @property
    def label_zh(self) -> str:
        return {v: k for k, v in _SEGMENT_ZH.items()}[self]


_SEGMENT_ZH = {
    "核心": Segment.CORE,
    "潜力": Segment.POTENTIAL,
    "基础": Segment.BASIC,
    "沉睡": Segment.DORMANT,
}


def parse_segment(text: str) -> Segment | None:
    name = text.strip().lower()
    try:
        return _SEGMENT_ZH.get(name) or Segment(name)
    except ValueError:
        return None


def classify(
    rules: SegmentRules,
    spend_fen: int,
    purchases: int,
    days_since_purchase: int | None,
    days_since_enrolment: int,
) -> Segment | None:
    """DESIGN §5: core ≥5,000 yuan and ≥4 purchases in 12 months; potential ≥2,000 and ≥2;
    basic ≥500 and ≥1; dormant: under 500 yuan, or no purchase for 6 months.

    A member who joined less than 6 months ago and has not bought yet is in no segment: too
    new to be asleep (they hold the new-member coupon).
    """
    idle = days_since_purchase if days_since_purchase is not None else days_since_enrolment
    if idle >= rules.dormant_after_days:
        return Segment.DORMANT
    if purchases == 0:
        return None
    if spend_fen < rules.basic_min_spend_fen:
        return Segment.DORMANT
    if spend_fen >= rules.core_min_spend_fen and purchases >= rules.core_min_purchases:
        return Segment.CORE
    if spend_fen >= rules.potential_min_spend_fen and purchases >= rules.potential_min_purchases:
        return Segment.POTENTIAL
    return Segment.BASIC


def segment_member_ids(session: Session, desk: Desk, segment: Segment, at: datetime) -> list[str]:
    """The members of `segment` at `at`, from their receipts of the rolling 12 months."""
    rules = desk.rules_at(at).segments
    start = add_months_utc(at, -12, desk.tz)
    net = Receipt.paid_fen - Receipt.refunded_fen
    stats = (
        select(
            Receipt.member_id.label("member_id"),
            func.sum(net).label("spend"),
            func.sum(case((net > 0, 1), else_=0)).label("purchases"),
            func.max(case((net > 0, Receipt.occurred_at), else_=None)).label("last"),
        )
        .where(Receipt.occurred_at >= start, Receipt.occurred_at <= at)
        .group_by(Receipt.member_id)
        .subquery()
    )
    rows = session.execute(
        select(Member.id, Member.created_at, stats.c.spend, stats.c.purchases, stats.c.last)
        .outerjoin(stats, stats.c.member_id == Member.id)
        .where(Member.merged_into.is_(None))
        .order_by(Member.code)
    )
    chosen: list[str] = []
    for member_id, created_at, spend, purchases, last in rows:
        since_purchase = _days(at, last) if last is not None else None
        found = classify(
            rules, int(spend or 0), int(purchases or 0), since_purchase, _days(at, created_at)
        )
        if found is segment:
            chosen.append(member_id)
    return chosen


def _days(at: datetime, then: Any) -> int:
    moment = then if isinstance(then, datetime) else datetime.fromisoformat(str(then))
    return (at - as_utc(moment)) // timedelta(days=1)


@dataclass(frozen=True, slots=True)
class BatchResult:
    batch_id: str
    segment: Segment
    kind: Kind
    codes: tuple[str, ...]
    approved_by: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "segment": str(self.segment),
            "kind": str(self.kind),
            "issued": len(self.codes),
            "codes": list(self.codes),
            "approved_by": self.approved_by,
        }


@use_case
def issue_batch(
    desk: Desk,
    segment: str,
    kind: str,
    *,
    manager_pin: str | None = None,
    manager_name: str | None = None,
) -> BatchResult:
    """Every member of the segment gets one coupon of `kind`: one transaction, one
    coupon_issued event per coupon, one audit row for the batch."""
    chosen_segment = parse_segment(segment)
    if chosen_segment is None:
        names = ", ".join(s.value for s in Segment)
        raise refuse(Code.INVALID_SEGMENT, f"'{segment}' is not a segment ({names}).")
    chosen_kind = parse_kind(kind)
    if chosen_kind is None or chosen_kind not in PROMOTION_KINDS:
        names = ", ".join(k.value for k in PROMOTION_KINDS)
        raise refuse(Code.INVALID_COUPON_KIND, f"A batch hands out one of: {names}.")
    now = desk.now()
    rules = desk.rules_at(now)
    terms = promotion_terms(rules.coupons, chosen_kind, local_date(now, desk.tz))
    if terms.value_fen <= 0:
        raise refuse(
            Code.INVALID_COUPON_KIND,
            f"The {chosen_kind.label_en.lower()} is switched off in rule version {rules.version}.",
        )
    approver: StaffView | None = None
    if rules.approvals.issue_coupon_needs_manager:
        verdict = verify_manager_pin(desk, manager_pin, manager_name)
        if not isinstance(verdict, StaffView):
            raise Refused(verdict)
        approver = verdict
    batch_id = new_id()
    with desk.write() as s:
        chosen = segment_member_ids(s, desk, chosen_segment, now)
        if not chosen:
            raise refuse(
                Code.EMPTY_SEGMENT,
                f"No member is in the {chosen_segment.value} segment today; nothing was issued.",
            )
        codes: list[str] = []
        for member_id in chosen:
            member = s.get(Member, member_id)
            row = issue_coupon(
                s,
                desk,
                member,
                terms,
                now,
                rule_version=rules.version,
                reason="batch",
                batch_id=batch_id,
                approved_by=approver.id if approver else None,
            )
            codes.append(row.code)
        audit.record(
            s,
            desk,
            "coupon.batch",
            actor=approver.name if approver else None,
            subject=batch_id,
            detail={
                "segment": chosen_segment.value,
                "kind": chosen_kind.value,
                "issued": len(codes),
            },
        )
        return BatchResult(
            batch_id, chosen_segment, chosen_kind, tuple(codes), approver.name if approver else None
        )

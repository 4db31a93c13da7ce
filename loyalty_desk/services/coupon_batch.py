"""A manager's batch: every member of a segment gets a coupon of one kind, in one go.

The segment is the one the manager reads in the reports (`domain/segments.py`,
`services/reports_segments.py`): a batch for "dormant" reaches the members the report
counts as dormant, except never-buyers who joined too recently to be asleep.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from loyalty_desk.domain.coupons import PROMOTION_KINDS, Kind, parse_kind, promotion_terms
from loyalty_desk.domain.errors import Code, Refused, refuse
from loyalty_desk.domain.ids import new_id
from loyalty_desk.domain.segments import Segment, parse_segment
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.services import activity, audit
from loyalty_desk.services.coupon_issue import issue_to_members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_segments import segment_member_ids
from loyalty_desk.services.staff import StaffView, verify_manager_pin
from loyalty_desk.services.usecase import use_case


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
    activity.catch_up(desk)  # segments as of now, not as of this morning's daily job
    chosen_segment = parse_segment(segment)
    if chosen_segment is None:
        names = ", ".join(s.value for s in Segment)
        raise refuse(
            Code.INVALID_SEGMENT,
            "'{segment}' is not a segment ({names}).",
            segment=segment,
            names=names,
        )
    chosen_kind = parse_kind(kind)
    if chosen_kind is None or chosen_kind not in PROMOTION_KINDS:
        names = ", ".join(k.value for k in PROMOTION_KINDS)
        raise refuse(Code.INVALID_COUPON_KIND, "A batch hands out one of: {names}.", names=names)
    now = desk.now()
    rules = desk.rules_at(now)
    terms = promotion_terms(rules.coupons, chosen_kind, local_date(now, desk.tz))
    if terms.value_fen <= 0:
        raise refuse(
            Code.INVALID_COUPON_KIND,
            "The {lower} is switched off in rule version {version}.",
            lower=chosen_kind.label_en.lower(),
            version=rules.version,
        )
    approver: StaffView | None = None
    if rules.approvals.issue_coupon_needs_manager:
        verdict = verify_manager_pin(desk, manager_pin, manager_name)
        if not isinstance(verdict, StaffView):
            raise Refused(verdict)
        approver = verdict
    batch_id = new_id()
    with desk.write() as s:
        joined_before = now - timedelta(days=rules.segments.dormant_after_days)
        chosen = segment_member_ids(s, chosen_segment, joined_before=joined_before)
        if not chosen:
            raise refuse(
                Code.EMPTY_SEGMENT,
                "No member is in the {value} segment today; nothing was issued.",
                value=chosen_segment.value,
            )
        codes = issue_to_members(
            s,
            desk,
            chosen,
            terms,
            now,
            rule_version=rules.version,
            reason="batch",
            batch_id=batch_id,
            approved_by=approver.id if approver else None,
        )
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

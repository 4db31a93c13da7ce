"""Manual point adjustments: a manager's decision, with a reason, in the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loyalty_desk.domain.errors import Code, Refusal, Refused, refuse
from loyalty_desk.services import audit
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.events import Event
from loyalty_desk.services.ledger import Kind, credit, debit
from loyalty_desk.services.members import member_view, resolve_member
from loyalty_desk.services.staff import verify_manager_pin
from loyalty_desk.services.usecase import use_case
from loyalty_desk.services.views import MemberView


@dataclass(frozen=True, slots=True)
class AdjustResult:
    member: MemberView
    points: int
    reason: str
    approved_by: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            **self.member.to_json(),
            "points": self.points,
            "reason": self.reason,
            "approved_by": self.approved_by,
        }


@use_case
def adjust(
    desk: Desk,
    member_ref: str,
    points: int,
    reason: str,
    *,
    manager_pin: str | None = None,
    manager_name: str | None = None,
) -> AdjustResult:
    if isinstance(points, bool) or not isinstance(points, int) or points == 0:
        raise refuse(Code.INVALID_POINTS, "An adjustment is a whole number of points, not 0.")
    now = desk.now()
    rules = desk.rules_at(now)
    if abs(points) > rules.limits.max_adjust_points:
        raise refuse(
            Code.INVALID_POINTS,
            "{points} points is beyond the adjustment limit of {max_adjust_points}.",
            points=points,
            max_adjust_points=rules.limits.max_adjust_points,
        )
    why = " ".join(reason.split())
    if not 3 <= len(why) <= 200:
        raise refuse(Code.INVALID_REASON, "Give a reason for the adjustment (3–200 characters).")
    approver = None
    if rules.approvals.adjust_needs_manager:
        verdict = verify_manager_pin(desk, manager_pin, manager_name)
        if isinstance(verdict, Refusal):
            raise Refused(verdict)
        approver = verdict
    with desk.write() as s:
        member = resolve_member(s, member_ref)
        if points < 0 and member.balance + points < 0:
            raise refuse(
                Code.ADJUST_BELOW_ZERO,
                "The member has {balance} points; taking {points} would go below zero.",
                details={"balance": member.balance},
                balance=member.balance,
                points=-points,
            )
        event = Event(s, "points_adjusted", now, desk.info.store_id, desk.info.device_id)
        fields: dict[str, Any] = {
            "occurred_at": now,
            "rule_version": rules.version,
            "reason": why,
            "cashier_id": approver.id if approver else None,
        }
        if points > 0:
            credit(desk, event, member, Kind.ADJUST, points, **fields)
        else:
            debit(desk, event, member, Kind.ADJUST, -points, **fields)
        event.data = {"member_id": member.id, "approved_by": approver.id if approver else None}
        event.seal()
        audit.record(
            s,
            desk,
            "adjust",
            actor=approver.name if approver else None,
            subject=member.code,
            detail={"points": points, "reason": why},
        )
        return AdjustResult(
            member_view(s, desk, member), points, why, approver.name if approver else None
        )

"""What syncing left for a manager to look at, as the till recorded it.

Three sources, one list, newest first:

- events the server did not take: rejected by a business rule, quarantined (same id, other
  content), or still failing to send (`sync.problems`);
- events the server took but that opened a case: an overdraft from offline redemptions, a
  coupon used twice or after it was voided, an unknown coupon, a member code drawn twice, a
  phone enrolled in two stores (the server's `conflicts` on the event's result);
- members this till learned were merged into another (`member.merged_into`).

Each item names the event or member it is about; the screen says what happened and what
to do from `category` and `code`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from loyalty_desk.services import sync
from loyalty_desk.services.desk import Desk
from loyalty_desk.store.models import Member, Outbox

LIMIT = 500


class Category(StrEnum):
    REJECTED = "rejected"  # refused by the server's rules; not in the chain's ledger
    QUARANTINED = "quarantined"  # same event id, other content; set aside by the server
    FAILING = "failing"  # not accepted yet; retried by the background sync
    CONFLICT = "conflict"  # accepted, and the server opened a case for a manager
    MERGED = "merged"  # a member enrolled twice, merged into the earlier enrolment


_CATEGORIES = {c.value: c for c in Category}


@dataclass(frozen=True, slots=True)
class SyncProblem:
    category: Category
    code: str | None  # the refusal code, or the conflict (overdraft, coupon_double_redeemed…)
    message: str | None  # the server's words, where it gave any
    at: datetime  # when the event happened (for a merge: when this till learned it)
    event_kind: str | None
    event_id: str | None
    device_seq: int | None
    member_id: str | None
    member_name: str | None
    member_code: str | None
    receipt_no: str | None
    merged_into_code: str | None  # the member a merged one lives on as
    attempts: int

    def to_json(self) -> dict[str, Any]:
        return {
            "category": str(self.category),
            "code": self.code,
            "message": self.message,
            "at": self.at.isoformat(),
            "event_kind": self.event_kind,
            "event_id": self.event_id,
            "device_seq": self.device_seq,
            "member_id": self.member_id,
            "member_name": self.member_name,
            "member_code": self.member_code,
            "receipt_no": self.receipt_no,
            "merged_into_code": self.merged_into_code,
            "attempts": self.attempts,
        }


def sync_problems(desk: Desk, limit: int = LIMIT) -> list[SyncProblem]:
    """Everything above, newest first, at most `limit` items."""
    found: list[SyncProblem] = []
    for p in sync.problems(desk, limit):
        found.append(
            SyncProblem(
                category=_CATEGORIES.get(p.status, Category.FAILING),
                code=p.code,
                message=p.message,
                at=p.created_at,
                event_kind=p.kind,
                event_id=p.event_id,
                device_seq=p.device_seq,
                member_id=p.member_id,
                member_name=None,
                member_code=None,
                receipt_no=p.receipt_no,
                merged_into_code=None,
                attempts=p.attempts,
            )
        )
    found += _conflicts(desk, limit)
    found += _merges(desk, limit)
    found.sort(key=lambda p: p.at, reverse=True)
    return _with_members(desk, found[:limit])


def _conflicts(desk: Desk, limit: int) -> list[SyncProblem]:
    out: list[SyncProblem] = []
    with desk.read() as s:
        rows = s.scalars(
            select(Outbox)
            .where(Outbox.result.like('%"conflicts":["%'))
            .order_by(Outbox.device_seq.desc())
            .limit(limit)
        )
        for row in rows:
            result = json.loads(row.result or "{}")
            if result.get("status") not in ("accepted", "noted"):
                continue  # a refused event is listed as such already
            data = json.loads(row.payload).get("data", {})
            for conflict in result.get("conflicts") or []:
                if conflict == "quarantine":
                    continue
                out.append(
                    SyncProblem(
                        category=Category.CONFLICT,
                        code=str(conflict),
                        message=result.get("message"),
                        at=row.created_at,
                        event_kind=row.kind,
                        event_id=row.event_id,
                        device_seq=row.device_seq,
                        member_id=data.get("member_id") or (data.get("member") or {}).get("id"),
                        member_name=None,
                        member_code=None,
                        receipt_no=data.get("receipt_no"),
                        merged_into_code=None,
                        attempts=row.attempts or 0,
                    )
                )
    return out


def _merges(desk: Desk, limit: int) -> list[SyncProblem]:
    winner = aliased(Member)
    with desk.read() as s:
        rows = s.execute(
            select(Member, winner.code)
            .join(winner, winner.id == Member.merged_into, isouter=True)
            .where(Member.merged_into.is_not(None))
            .order_by(Member.updated_at.desc())
            .limit(limit)
        ).all()
        return [
            SyncProblem(
                category=Category.MERGED,
                code="merged",
                message=None,
                at=member.updated_at,
                event_kind=None,
                event_id=None,
                device_seq=None,
                member_id=member.id,
                member_name=member.name,
                member_code=member.code,
                receipt_no=None,
                merged_into_code=winner_code,
                attempts=0,
            )
            for member, winner_code in rows
        ]


def _with_members(desk: Desk, problems: list[SyncProblem]) -> list[SyncProblem]:
    """Name the members the events are about (one query for the whole list)."""
    wanted = {p.member_id for p in problems if p.member_id and p.member_name is None}
    if not wanted:
        return problems
    with desk.read() as s:
        known = {
            m.id: (m.name, m.code)
            for m in s.scalars(select(Member).where(Member.id.in_(sorted(wanted))))
        }
    out = []
    for p in problems:
        name, code = known.get(p.member_id or "", (None, None))
        if p.member_name is None and name is not None:
            p = replace(p, member_name=name, member_code=code)
        out.append(p)
    return out

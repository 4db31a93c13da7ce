"""The audit log: who did what, hash-chained so an edited, deleted or moved row shows."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from loyalty_desk.services.desk import Desk, read_setting, write_setting
from loyalty_desk.store.models import AuditLog
from loyalty_desk.sync.canonical import canonical_json

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


def row_hash(
    seq: int,
    at: datetime,
    actor: str | None,
    action: str,
    subject: str | None,
    detail: str,
    prev_hash: str,
) -> str:
    body = canonical_json(
        {
            "seq": seq,
            "at": at.isoformat(),
            "actor": actor,
            "action": action,
            "subject": subject,
            "detail": detail,
            "prev": prev_hash,
        }
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def record(
    session: Session,
    desk: Desk,
    action: str,
    *,
    actor: str | None,
    subject: str | None,
    detail: dict[str, Any],
) -> AuditLog:
    """Append one audit row inside the caller's transaction."""
    last = session.scalars(select(AuditLog).order_by(AuditLog.seq.desc()).limit(1)).first()
    seq = 1 if last is None else last.seq + 1
    prev = GENESIS if last is None else last.hash
    at = desk.now()
    text = canonical_json(detail)
    digest = row_hash(seq, at, actor, action, subject, text, prev)
    row = AuditLog(
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        subject=subject,
        detail=text,
        prev_hash=prev,
        hash=digest,
    )
    session.add(row)
    # The head is kept apart from the chain so that deleting the newest rows shows too.
    write_setting(session, HEAD_KEY, {"seq": seq, "hash": digest})
    return row


@dataclass(frozen=True, slots=True)
class AuditReport:
    rows: int
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(desk: Desk) -> AuditReport:
    problems: list[str] = []
    count = 0
    with desk.read() as s:
        prev = GENESIS
        expected_seq = 1
        for row in s.scalars(select(AuditLog).order_by(AuditLog.seq)):
            count += 1
            if row.seq != expected_seq:
                problems.append(f"row {expected_seq} is missing (next row is {row.seq}).")
            if row.prev_hash != prev:
                problems.append(f"row {row.seq} does not follow the row before it.")
            digest = row_hash(
                row.seq, row.at, row.actor, row.action, row.subject, row.detail, row.prev_hash
            )
            if digest != row.hash:
                problems.append(f"row {row.seq} was changed after it was written.")
            prev = row.hash
            expected_seq = row.seq + 1
        head = read_setting(s, HEAD_KEY)
    if head is None and count:
        problems.append("the chain head record is missing.")
    elif head is not None and (head["seq"] != expected_seq - 1 or head["hash"] != prev):
        problems.append(f"rows after {expected_seq - 1} were deleted (head is row {head['seq']}).")
    return AuditReport(rows=count, problems=tuple(problems))

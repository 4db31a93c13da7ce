"""Reading the audit log on screen: newest first, a page at a time."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from loyalty_desk.services.desk import Desk
from loyalty_desk.store.models import AuditLog


@dataclass(frozen=True, slots=True)
class AuditLine:
    seq: int
    at: datetime
    actor: str | None
    action: str
    subject: str | None
    detail: dict[str, Any]


def recent(desk: Desk, *, before_seq: int | None = None, limit: int = 200) -> list[AuditLine]:
    with desk.read() as s:
        query = select(AuditLog).order_by(AuditLog.seq.desc()).limit(limit)
        if before_seq is not None:
            query = query.where(AuditLog.seq < before_seq)
        out = []
        for row in s.scalars(query):
            try:
                detail = json.loads(row.detail)
            except ValueError:
                detail = {"text": row.detail}
            out.append(
                AuditLine(
                    row.seq,
                    row.at,
                    row.actor,
                    row.action,
                    row.subject,
                    detail if isinstance(detail, dict) else {"value": detail},
                )
            )
        return out

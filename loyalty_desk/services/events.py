"""Announcing facts to the central server: one outbox event per use case, same transaction.

The outbox row is written first (ledger entries reference it), and its payload is sealed
when the use case has written everything the event announces.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from loyalty_desk.domain.ids import new_id
from loyalty_desk.store.models import LedgerEntry, Outbox


def canonical_json(payload: Any) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def payload_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def next_device_seq(session: Session) -> int:
    # The write transaction holds SQLite's write lock, so max+1 is gap-free and unique.
    current = session.scalar(select(func.max(Outbox.device_seq)))
    return (current or 0) + 1


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def entry_json(entry: LedgerEntry, expires_at: datetime | None = None) -> dict[str, Any]:
    out = {
        "id": entry.id,
        "member_id": entry.member_id,
        "kind": entry.kind,
        "points": entry.points,
        "receipt_no": entry.receipt_no,
        "amount_fen": entry.amount_fen,
        "rule_version": entry.rule_version,
        "reverses_id": entry.reverses_id,
        "occurred_at": iso(entry.occurred_at),
        "cashier_id": entry.cashier_id,
        "offline": entry.offline,
        "known_balance": entry.known_balance,
        "reason": entry.reason,
        "detail": entry.detail,
    }
    if expires_at is not None:
        # The lot this entry opened expires then; the server keeps the till's date.
        out["expires_at"] = iso(expires_at)
    return out


class Event:
    """An event being written: carries its id and device_seq to the entries it announces."""

    def __init__(self, session: Session, kind: str, at: datetime, store_id: str, device_id: str):
        self.session = session
        self.kind = kind
        self.event_id = new_id()
        self.device_seq = next_device_seq(session)
        self.store_id = store_id
        self.device_id = device_id
        self.at = at
        self.data: dict[str, Any] = {}
        self.entries: list[LedgerEntry] = []
        self.expiries: dict[str, datetime] = {}  # entry id -> expiry of the lot it opened
        session.add(
            Outbox(
                event_id=self.event_id,
                device_seq=self.device_seq,
                kind=kind,
                payload="{}",
                payload_hash="",
                created_at=at,
                attempts=0,
            )
        )
        session.flush()

    def seal(self) -> None:
        body = {
            "event_id": self.event_id,
            "device_seq": self.device_seq,
            "device_id": self.device_id,
            "store_id": self.store_id,
            "kind": self.kind,
            "created_at": iso(self.at),
            "data": self.data,
            "entries": [entry_json(e, self.expiries.get(e.id)) for e in self.entries],
        }
        row = self.session.get(Outbox, self.event_id)
        assert row is not None
        row.payload = canonical_json(body)
        row.payload_hash = payload_hash(row.payload)

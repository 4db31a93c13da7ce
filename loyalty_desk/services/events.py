"""Announcing facts to the central server: one outbox event per use case, same transaction.

The outbox row is written first (ledger entries reference it), and its payload is sealed
when the use case has written everything the event announces. Writes here are SQLAlchemy
Core statements on the use case's connection: this is the till's hottest path.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, literal, select, update
from sqlalchemy.orm import Session

from loyalty_desk.domain.ids import new_id
from loyalty_desk.store.models import Outbox, table_of
from loyalty_desk.sync.canonical import canonical_json, payload_hash

OUTBOX = table_of(Outbox)
# The next device_seq. The write transaction holds SQLite's write lock, so max + 1 is
# gap-free and unique. Statements are built once (every use case writes an event): one
# built per call costs its cache key each time.
_NEXT_SEQ = func.coalesce(func.max(OUTBOX.c.device_seq), 0) + 1
_NEXT_SEQ_QUERY = select(_NEXT_SEQ)
# The event's row and its device_seq in one statement.
_OPEN = (
    insert(OUTBOX)
    .from_select(
        ["event_id", "device_seq", "kind", "payload", "payload_hash", "created_at", "attempts"],
        select(
            bindparam("event_id", type_=OUTBOX.c.event_id.type),
            _NEXT_SEQ,
            bindparam("kind", type_=OUTBOX.c.kind.type),
            literal("{}"),
            literal(""),
            bindparam("created_at", type_=OUTBOX.c.created_at.type),
            literal(0),
        ),
    )
    .returning(OUTBOX.c.device_seq)
)
_SEAL = (
    update(OUTBOX)
    .where(OUTBOX.c.event_id == bindparam("event"))
    .values(payload=bindparam("text"), payload_hash=bindparam("digest"))
)

# The ledger-entry fields an event announces (the rest are the event's own: store, device, seq).
ENTRY_FIELDS = (
    "id", "member_id", "kind", "points", "receipt_no", "amount_fen", "rule_version",
    "reverses_id", "occurred_at", "cashier_id", "offline", "known_balance", "reason", "detail",
)  # fmt: skip


def next_device_seq(session: Session) -> int:
    """For writers of many events at once (an import); `Event` takes its own in its INSERT."""
    return int(session.connection().execute(_NEXT_SEQ_QUERY).scalar_one())


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def entry_json(entry: dict[str, Any]) -> dict[str, Any]:
    out = {name: entry.get(name) for name in ENTRY_FIELDS}
    out["occurred_at"] = iso(entry["occurred_at"])
    if entry.get("expires_at") is not None:
        # The lot this entry opened expires then; the server keeps the till's date.
        out["expires_at"] = iso(entry["expires_at"])
    return out


class Event:
    """An event being written: carries its id and device_seq to the entries it announces."""

    def __init__(self, session: Session, kind: str, at: datetime, store_id: str, device_id: str):
        self.session = session
        self.conn: Connection = session.connection()
        self.kind = kind
        self.event_id = new_id()
        self.store_id = store_id
        self.device_id = device_id
        self.at = at
        self.data: dict[str, Any] = {}
        self.entries: list[dict[str, Any]] = []  # ledger rows as inserted
        opened = self.conn.execute(
            _OPEN, {"event_id": self.event_id, "kind": kind, "created_at": at}
        )
        self.device_seq: int = opened.scalar_one()

    def seal(self) -> None:
        body = {
            "event_id": self.event_id,
            "device_seq": self.device_seq,
            "device_id": self.device_id,
            "store_id": self.store_id,
            "kind": self.kind,
            "created_at": iso(self.at),
            "data": self.data,
            "entries": [entry_json(e) for e in self.entries],
        }
        text = canonical_json(body)
        self.conn.execute(
            _SEAL, {"event": self.event_id, "text": text, "digest": payload_hash(text)}
        )

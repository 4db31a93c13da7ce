"""POST /v1/sync/push: a device's events, in device_seq order, applied exactly once.

Per event: a known id with the same payload hash returns the stored result; the same id
with another payload is quarantined; a gap in device_seq stops the batch; a business
refusal is recorded as rejected and the queue moves on. An event already handled at its
position by a *different* event means two tills share one identity (a cloned database):
the batch stops with CLONE_DETECTED and the till must register again.

Each event is applied atomically (its checks run before anything is posted); the batch is
one transaction, so a crash mid-batch leaves nothing and the till's retry starts over.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, RowMapping, Select, bindparam, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from loyalty_desk.domain.errors import Code
from loyalty_desk.server import failpoints
from loyalty_desk.server import models as m
from loyalty_desk.server.apply import DeviceContext, apply_event, open_case
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.errors import ApiError
from loyalty_desk.server.unit import Unit, among, chunks
from loyalty_desk.sync.canonical import canonical_json, payload_hash
from loyalty_desk.sync.protocol import EventIn, EventResult, Halt, PushReply, PushRequest

RETRIES = 5


@dataclass(frozen=True, slots=True)
class Header:
    event_id: str
    device_seq: int
    device_id: str
    store_id: str


def sealed_texts(events: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Each event's canonical text and its hash, computed once for the batch and its retries.

    JSON may spell a lone surrogate ("\\ud800"): no database can store it and no hash can be
    computed, so such a batch is refused whole, before any write."""
    out = []
    for raw in events:
        text = canonical_json(raw)
        try:
            out.append((text, payload_hash(text)))
        except UnicodeEncodeError as exc:
            raise ApiError(
                400,
                Code.INVALID_EVENT,
                "An event holds text that is not valid Unicode (a lone surrogate).",
            ) from exc
    return out


def header(raw: dict[str, Any]) -> Header | None:
    """Where an event belongs, read before anything else; None if it cannot be placed."""
    fields = (raw.get("event_id"), raw.get("device_seq"), raw.get("device_id"))
    event_id, seq, device_id = fields
    store_id = raw.get("store_id")
    if not (
        isinstance(event_id, str)
        and 0 < len(event_id) <= 40
        and isinstance(seq, int)
        and not isinstance(seq, bool)
        and 1 <= seq <= 2**62
        and isinstance(device_id, str)
        and isinstance(store_id, str)
    ):
        return None
    return Header(event_id, seq, device_id, store_id)


def claimed_points(raw: dict[str, Any]) -> int:
    total = 0
    entries = raw.get("entries")
    if isinstance(entries, list):
        for e in entries:
            if isinstance(e, dict):
                p = e.get("points")
                if isinstance(p, int) and not isinstance(p, bool) and abs(p) <= 10**12:
                    total += p
    return total


def _ids(raw: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Member ids and entry ids an event mentions, to read them all up front."""
    members: set[str] = set()
    entries: set[str] = set()
    data = raw.get("data")
    if isinstance(data, dict):
        for key in ("member_id",):
            if isinstance(data.get(key), str):
                members.add(data[key])
        record = data.get("member")
        if isinstance(record, dict):
            for key in ("id", "referrer_id"):
                if isinstance(record.get(key), str):
                    members.add(record[key])
    items = raw.get("entries")
    if isinstance(items, list):
        for e in items:
            if isinstance(e, dict):
                if isinstance(e.get("member_id"), str):
                    members.add(e["member_id"])
                if isinstance(e.get("id"), str):
                    entries.add(e["id"])
    return members, entries


# The caller's device row, read FOR UPDATE (one push at a time per device), or ApiError.
Authenticate = Callable[[Connection], RowMapping]


def push(
    db: ServerDatabase, authenticate: Authenticate, request: PushRequest, now: datetime
) -> PushReply:
    texts = sealed_texts(request.events)
    for attempt in range(RETRIES):
        try:
            reply = _push_once(db, authenticate, request, texts, now)
        except (IntegrityError, OperationalError) as exc:
            # Two pushes enrolling the same phone at once, or a deadlock between them: the
            # loser rolled back completely; running it again sees the winner's rows.
            if attempt == RETRIES - 1 or not _transient(exc):
                raise
            time.sleep(0.02 * (attempt + 1))
            continue
        failpoints.hit("push.after_commit")
        return reply
    raise AssertionError("unreachable")


_DEVICE_UPDATE = (
    update(m.Device)
    .where(m.Device.id == bindparam("device_id"))
    .values(
        last_seq=bindparam("last"),
        event_count=m.Device.event_count + bindparam("count"),
        points_total=m.Device.points_total + bindparam("points"),
        last_seen_at=bindparam("now"),
    )
)


@cache
def _events_query(postgres: bool) -> Select[Any]:
    return select(m.Event).where(among(m.Event.event_id, postgres))


@cache
def _entries_query(postgres: bool) -> Select[Any]:
    return select(m.Entry.id).where(among(m.Entry.id, postgres))


def _transient(exc: DBAPIError) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    text = str(exc.orig).lower()
    return any(w in text for w in ("deadlock", "could not serialize", "locked", "busy"))


def _push_once(
    db: ServerDatabase,
    authenticate: Authenticate,
    request: PushRequest,
    texts: list[tuple[str, str]],
    now: datetime,
) -> PushReply:
    with db.write() as conn:
        # Checked in the push's own transaction: one round of BEGIN/COMMIT less per batch.
        device = authenticate(conn)
        device_id = device["id"]
        if request.device_id != device_id:
            raise ApiError(403, "FORBIDDEN", "A till pushes only its own device's events.")
        if device["revoked_at"] is not None:
            raise ApiError(401, Code.DEVICE_REVOKED, "This till was revoked; register it again.")
        heads = [header(raw) for raw in request.events]
        for h in heads:
            if h is not None and (h.device_id != device_id or h.store_id != device["store_id"]):
                raise ApiError(
                    403,
                    "FORBIDDEN",
                    f"Event {h.event_id} belongs to device {h.device_id} of store "
                    f"{h.store_id}; a till pushes only its own events.",
                )
        u = Unit(conn, now)
        ids = [h.event_id for h in heads if h is not None]
        known: dict[str, dict[str, Any]] = {}
        for part in chunks(ids):
            for found in conn.execute(_events_query(db.postgres), {"ids": part}).mappings():
                known[found["event_id"]] = dict(found)
        member_ids: set[str] = set()
        entry_ids: set[str] = set()
        for raw in request.events:
            mids, eids = _ids(raw)
            member_ids |= mids
            entry_ids |= eids
        for part in chunks(sorted(entry_ids)):
            u.entry_ids.update(conn.execute(_entries_query(db.postgres), {"ids": part}).scalars())
        u.load_members(member_ids)
        u.load_lots(s.merged_into or s.id for s in u.members.values())
        ctx = DeviceContext(device_id, device["store_id"], device["timezone"])
        expected = int(device["last_seq"]) + 1
        results: list[EventResult] = []
        halt: Halt | None = None
        count = points = 0
        for raw, h, (text, digest) in zip(request.events, heads, texts, strict=True):
            if h is None:
                halt = Halt(
                    code=Code.INVALID_EVENT,
                    message="An event without a readable event_id/device_seq; nothing after "
                    "it was applied.",
                    expected_seq=expected,
                )
                break
            failpoints.hit("push.before_event")
            stored = known.get(h.event_id)
            if h.device_seq < expected:
                if (
                    stored is not None
                    and stored["device_id"] == device_id
                    and stored["device_seq"] == h.device_seq
                ):
                    if stored["payload_hash"] == digest:
                        results.append(_stored_result(stored))
                    else:
                        results.append(_quarantine(u, raw, h, text, digest))
                    continue
                halt = Halt(
                    code=Code.CLONE_DETECTED,
                    message=f"Another till already sent event #{h.device_seq} as this device: "
                    "this database is a copy. Register this till again to continue.",
                    expected_seq=expected,
                )
                break
            if h.device_seq > expected:
                halt = Halt(
                    code="SEQUENCE_GAP",
                    message=f"Expected event #{expected}, got #{h.device_seq}.",
                    expected_seq=expected,
                )
                break
            if stored is not None:
                results.append(_quarantine(u, raw, h, text, digest))
            else:
                event, outcome = apply_event(u, ctx, raw)
                kind = event.kind if event is not None else str(raw.get("kind"))[:32]
                row = {
                    "event_id": h.event_id,
                    "device_id": device_id,
                    "device_seq": h.device_seq,
                    "store_id": h.store_id,
                    "kind": kind,
                    "payload_hash": digest,
                    "payload": text,
                    "status": outcome.status,
                    "code": outcome.code,
                    "message": (outcome.message or "")[:500] or None,
                    "conflicts": ",".join(outcome.conflicts) or None,
                    "received_at": now,
                }
                u.add(m.Event, **row)
                known[h.event_id] = row
                results.append(_stored_result(row, replayed=False))
            expected += 1
            count += 1
            points += claimed_points(raw)
            failpoints.hit("push.after_event")
        conn.execute(
            _DEVICE_UPDATE,
            {
                "device_id": device_id,
                "last": expected - 1,
                "count": count,
                "points": points,
                "now": now,
            },
        )
        u.flush()
        failpoints.hit("push.before_commit")
    return PushReply(acked_through=expected - 1, results=results, halt=halt, server_time=now)


def _stored_result(row: dict[str, Any], *, replayed: bool = True) -> EventResult:
    return EventResult(
        event_id=row["event_id"],
        device_seq=row["device_seq"],
        status=row["status"],
        code=row["code"],
        message=row["message"],
        conflicts=[c for c in (row["conflicts"] or "").split(",") if c],
        replayed=replayed,
    )


def _quarantine(u: Unit, raw: dict[str, Any], h: Header, text: str, digest: str) -> EventResult:
    u.add(
        m.Quarantine,
        event_id=h.event_id,
        device_id=h.device_id,
        device_seq=h.device_seq,
        payload_hash=digest,
        payload=text,
        received_at=u.now,
    )
    try:
        event = EventIn.model_validate(raw)
        open_case(
            u,
            "quarantine",
            member_id=None,
            event=event,
            detail={"event_id": h.event_id, "device_seq": h.device_seq, "kind": event.kind},
        )
    except ValueError:
        u.add(
            m.Case,
            kind="quarantine",
            member_id=None,
            store_id=h.store_id,
            event_id=h.event_id,
            detail=json.dumps({"event_id": h.event_id, "device_seq": h.device_seq}),
            opened_at=u.now,
            closed_at=None,
            closed_note=None,
        )
    return EventResult(
        event_id=h.event_id,
        device_seq=h.device_seq,
        status="quarantined",
        code="DUPLICATE_EVENT_ID",
        message="An event with this id but other content was already recorded; this copy is "
        "kept in quarantine for a manager.",
        conflicts=["quarantine"],
    )

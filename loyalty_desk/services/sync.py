"""Syncing a till with the central server: register once, then push, pull, check (DESIGN §4).

`sync_once` is what `loyalty-desk sync` and the background runner call:

1. push: the outbox in device_seq order, 100 events a request; each reply is marked in one
   local transaction (a lost reply is simply pushed again: the server dedupes);
2. pull: pages of changes since the cursor, each stored in one transaction
   (services/sync_apply.py) before the cursor moves;
3. check: the server's count and points total for this device against the till's own; on a
   mismatch every event is pushed again (safe: idempotent) and the audit log records it.

Failures are values: a `Refusal` carrying the partial summary; `sync_state.last_error` says
what went wrong for the status bar until the next success clears it.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from loyalty_desk.domain.errors import Code, Refusal, passed_on, refusal, refuse
from loyalty_desk.domain.ids import new_id
from loyalty_desk.services import audit
from loyalty_desk.services.coupon_keys import install_chain_keys
from loyalty_desk.services.desk import Desk, write_setting
from loyalty_desk.services.events import Event
from loyalty_desk.services.ledger import Kind
from loyalty_desk.services.sync_apply import apply_page
from loyalty_desk.services.sync_client import (
    STOPPED,
    Client,
    SyncFailure,
    client_for,
    mark_reachable,
    mark_unreachable,
    transport_for,
)
from loyalty_desk.services.usecase import use_case
from loyalty_desk.store import deferred_indexes
from loyalty_desk.store.models import LedgerEntry, Member, Outbox, SyncState
from loyalty_desk.sync.canonical import canonical_json, payload_hash
from loyalty_desk.sync.protocol import DEFAULT_PULL_LIMIT, MAX_PUSH_EVENTS
from loyalty_desk.sync.transport import Transport, check_server_url

Progress = Callable[[int, int], None]
FIRST_PULL_LIMIT = 5000  # bigger pages when the till starts from nothing
BULK_PULL_MIN = 20_000  # feed rows from which a new till builds its indexes after the pull
MAX_GAP_RETRIES = 3


# -- registration ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegisterResult:
    server_url: str
    store_id: str
    store_name: str
    device_id: str
    new_device: bool  # registered under a new device id (after a clone or a revocation)
    already_known: int  # unsynced events the server turned out to have already

    def to_json(self) -> dict[str, Any]:
        return {
            "server_url": self.server_url,
            "store_id": self.store_id,
            "store_name": self.store_name,
            "device_id": self.device_id,
            "new_device": self.new_device,
            "already_known": self.already_known,
        }


def _first_unacked(s: Session) -> int | None:
    return s.scalar(select(func.min(Outbox.device_seq)).where(Outbox.acked_at.is_(None)))


def _next_seq(s: Session) -> int:
    return int(s.scalar(select(func.max(Outbox.device_seq))) or 0) + 1


@use_case
def register(
    desk: Desk, server_url: str, code: str, *, transport: Transport | None = None
) -> RegisterResult:
    """Register this till with the chain's server using a one-time code from a manager."""
    url = check_server_url(server_url)
    if url is None:
        raise refuse(
            Code.INVALID_URL,
            "'{server_url}' is not a server address (http://…).",
            server_url=server_url,
        )
    clean = code.strip().replace(" ", "")
    if not clean.replace("-", "").isdigit() or len(clean.replace("-", "")) != 12:
        raise refuse(
            Code.INVALID_REGISTRATION_CODE,
            "A registration code is 12 digits (1234-5678-9012), issued on the server with "
            "`loyalty-desk server store code STORE`.",
        )
    with desk.read() as s:
        state = s.get(SyncState, 1)
        start = _first_unacked(s) or _next_seq(s)
        pending = list(
            s.scalars(
                select(Outbox.event_id)
                .where(Outbox.device_seq >= start)
                .order_by(Outbox.device_seq)
                .limit(100_000)
            )
        )
    # A till whose identity is spoiled (its database was copied, or it was revoked) comes
    # back as a new device; its unsynced events move to the new identity with it.
    device_id = desk.info.device_id
    if state is not None and state.status in ("clone", "revoked"):
        device_id = new_id()
    client = Client(transport or transport_for(desk, url, timeout=30.0), None)
    body = {
        "code": clean,
        "device_id": device_id,
        "store_id": desk.info.store_id,
        "timezone": desk.info.timezone,
        "start_seq": start,
        "pending_event_ids": pending,
    }
    try:
        reply = client.call("POST", "/v1/register", body=body)
    except SyncFailure as failure:
        if failure.code != Code.DEVICE_REVOKED or device_id != desk.info.device_id:
            raise passed_on(failure.code, failure.message) from failure
        device_id = new_id()
        try:
            reply = client.call("POST", "/v1/register", body={**body, "device_id": device_id})
        except SyncFailure as again:
            raise passed_on(again.code, again.message) from again
    data = reply.body
    now = desk.now()
    new_device = device_id != desk.info.device_id
    with desk.write() as s:
        known: dict[str, str] = data["known_events"]
        _mark_known(s, known, now)
        if new_device:
            write_setting(s, "device_id", device_id)
            _reseal(s, device_id, int(data["start_seq"]))
        state = s.get(SyncState, 1)
        if state is None:
            state = SyncState(id=1, pull_cursor=0, clock_offset_ms=0)
            s.add(state)
        if state.server_url != url:
            state.pull_cursor = 0  # another server: everything comes down again
            state.feed_epoch = None
        state.server_url = url
        state.device_token = data["device_token"]
        state.token_expires_at = datetime.fromisoformat(data["token_expires_at"])
        state.status = "ok"
        state.last_error = None
        state.last_error_code = None
        state.device_start_seq = int(data["start_seq"])
        state.applied_through = int(data["applied_through"])
        state.checked_through = int(data["start_seq"]) - 1
        state.checked_points = 0
        state.clock_offset_ms = _offset_ms(data["server_time"], now)
        install_chain_keys(s, data.get("coupon_keys") or {})
        event = Event(s, "device_registered", now, desk.info.store_id, device_id)
        event.data = {"server_url": url, "device_id": device_id}
        event.seal()
        state.registration_event_id = event.event_id
        audit.record(
            s,
            desk,
            "sync.register",
            actor=None,
            subject=device_id,
            detail={"server_url": url, "new_device": new_device, "known": len(known)},
        )
    if new_device:
        desk.info = replace(desk.info, device_id=device_id)
    return RegisterResult(
        url, data["store_id"], data["store_name"], device_id, new_device, len(known)
    )


def _offset_ms(server_time: str, local: datetime) -> int:
    return int((datetime.fromisoformat(server_time) - local).total_seconds() * 1000)


def _mark_known(s: Session, known: dict[str, str], now: datetime) -> None:
    for event_id, status in known.items():
        row = s.get(Outbox, event_id)
        if row is None or row.acked_at is not None:
            continue
        row.acked_at = now
        row.result = canonical_json({"status": status, "replayed": True})
        _entry_status(s, row, status)


def _entry_status(s: Session, event: Outbox, status: str) -> None:
    # By device_seq first (indexed): ledger_entry has no index on event_id, and a till holds
    # an entry for every member of the chain, so matching on event_id alone scanned them
    # all for every acknowledged event (a 100,000-event backlog synced at 70 events/s).
    s.execute(
        update(LedgerEntry)
        .where(
            LedgerEntry.device_seq == event.device_seq,
            LedgerEntry.event_id == event.event_id,
            LedgerEntry.kind != Kind.SYNC.value,
        )
        .values(sync_status="acked" if status in ("accepted", "noted") else "rejected")
    )


def _reseal(s: Session, device_id: str, start_seq: int) -> None:
    """Unsynced events move to the till's new device id (the server never accepted them
    under the old one): same event ids, new payloads."""
    for row in s.scalars(
        select(Outbox).where(Outbox.device_seq >= start_seq, Outbox.acked_at.is_(None))
    ):
        body = json.loads(row.payload)
        body["device_id"] = device_id
        row.payload = canonical_json(body)
        row.payload_hash = payload_hash(row.payload)
        s.execute(
            update(LedgerEntry)
            .where(LedgerEntry.device_seq == row.device_seq, LedgerEntry.event_id == row.event_id)
            .values(device_id=device_id)
        )


# -- sync --------------------------------------------------------------------------------


@dataclass
class SyncSummary:
    pushed: int = 0  # events sent (a retried batch counts again)
    acked: int = 0  # events the server accepted (or already had)
    rejected: int = 0  # refused by a business rule: see `loyalty-desk sync problems`
    quarantined: int = 0  # same id, other content: kept by the server for a manager
    conflicts: int = 0  # cases the server opened for this till's events (overdrafts, …)
    pulled: int = 0  # members received
    merged: int = 0  # members this till learned were merged into another
    rules: int = 0  # new rule versions
    coupons: int = 0
    repushed: bool = False  # the consistency check failed and everything went again
    consistent: bool | None = None
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed,
            "acked": self.acked,
            "rejected": self.rejected,
            "quarantined": self.quarantined,
            "pulled": self.pulled,
            "merged": self.merged,
            "conflicts": self.conflicts,
            "rules": self.rules,
            "coupons": self.coupons,
            "repushed": self.repushed,
            "consistent": self.consistent,
            "seconds": round(self.seconds, 3),
            "notes": list(self.notes),
        }


def sync_once(
    desk: Desk, progress: Progress | None = None, *, pull_limit: int | None = None
) -> SyncSummary | Refusal:
    """Push, pull, check. Safe to run again at any point: every step is idempotent."""
    started = time.perf_counter()
    summary = SyncSummary()
    with desk.read() as s:
        state = s.get(SyncState, 1)
        if state is not None and state.status == "clone":
            return refusal(
                Code.CLONE_DETECTED,
                "This till's database is a copy of another till's. Register it again "
                "(`loyalty-desk register`) to sync as a till of its own; nothing is lost.",
            )
    try:
        client = client_for(desk, state)
        _push_all(desk, client, summary)
        _pull_all(desk, client, summary, progress, pull_limit)
        _check(desk, client, summary)
    except SyncFailure as failure:
        summary.seconds = time.perf_counter() - started
        _record_failure(desk, failure)
        return Refusal(failure.code, failure.message, {"summary": summary.to_json()})
    summary.seconds = time.perf_counter() - started
    _record_success(desk)
    return summary


def _record_failure(desk: Desk, failure: SyncFailure) -> None:
    if failure.code == Code.SERVER_UNREACHABLE:
        mark_unreachable(desk)
    with desk.write() as s:
        state = s.get(SyncState, 1)
        if state is None:
            return
        state.last_error = failure.message[:500]
        state.last_error_code = failure.code
        if failure.code in STOPPED:
            state.status = STOPPED[failure.code]


def _record_success(desk: Desk) -> None:
    mark_reachable(desk)
    with desk.write() as s:
        state = s.get(SyncState, 1)
        assert state is not None
        now = desk.now()
        state.last_push_at = now
        state.last_pull_at = now
        state.last_error = None
        state.last_error_code = None
        state.status = "ok"
        state.server_synced_at = now + timedelta(milliseconds=state.clock_offset_ms or 0)


# -- push --------------------------------------------------------------------------------


def _push_all(desk: Desk, client: Client, summary: SyncSummary) -> None:
    gaps = 0
    while True:
        with desk.read() as s:
            rows = list(
                s.scalars(
                    select(Outbox)
                    .where(Outbox.acked_at.is_(None))
                    .order_by(Outbox.device_seq)
                    .limit(MAX_PUSH_EVENTS)
                )
            )
        if not rows:
            return
        body = {"device_id": desk.info.device_id, "events": [json.loads(r.payload) for r in rows]}
        summary.pushed += len(rows)
        try:
            reply = client.call("POST", "/v1/sync/push", body=body)
        except SyncFailure as failure:
            _note_attempt(desk, [r.event_id for r in rows], failure.message)
            raise
        data = reply.body
        _mark_results(desk, data, summary)
        halt = data.get("halt")
        if halt:
            code = halt["code"]
            if code == Code.CLONE_DETECTED:
                raise SyncFailure(Code.CLONE_DETECTED, halt["message"])
            if code == "SEQUENCE_GAP" and gaps < MAX_GAP_RETRIES:
                # The server lacks events this till believes it sent (the server was
                # restored from a backup): send them again from where it stands.
                gaps += 1
                _unack_from(desk, int(halt["expected_seq"]))
                summary.notes.append(f"re-sending from event #{halt['expected_seq']}")
                continue
            raise SyncFailure(Code.SERVER_ERROR, f"The server stopped the push: {halt['message']}")
        if len(rows) < MAX_PUSH_EVENTS:
            return


def _note_attempt(desk: Desk, event_ids: list[str], error: str) -> None:
    with desk.write() as s:
        s.execute(
            update(Outbox)
            .where(Outbox.event_id.in_(event_ids))
            .values(attempts=Outbox.attempts + 1, last_error=error[:300])
        )


def _mark_results(desk: Desk, data: dict[str, Any], summary: SyncSummary) -> None:
    """One transaction: every event the server answered for is acknowledged."""
    now = desk.now()
    with desk.write() as s:
        for result in data.get("results", []):
            row = s.get(Outbox, result["event_id"])
            if row is None or row.device_seq != result["device_seq"]:
                continue
            status = result["status"]
            if row.acked_at is None:
                row.acked_at = now
                row.attempts = (row.attempts or 0) + 1
                row.last_error = None
                row.result = canonical_json(
                    {k: result.get(k) for k in ("status", "code", "message", "conflicts")}
                )
                _entry_status(s, row, status)
            if status in ("accepted", "noted"):
                summary.acked += 1
            elif status == "rejected":
                summary.rejected += 1
            else:
                summary.quarantined += 1
            if not result.get("replayed"):
                summary.conflicts += len(result.get("conflicts") or [])
        state = s.get(SyncState, 1)
        if state is not None:
            state.applied_through = max(state.applied_through or 0, int(data["acked_through"]))


def _unack_from(desk: Desk, seq: int) -> None:
    with desk.write() as s:
        s.execute(update(Outbox).where(Outbox.device_seq >= seq).values(acked_at=None, result=None))
        state = s.get(SyncState, 1)
        if state is not None:
            state.applied_through = min(state.applied_through or 0, seq - 1)
            state.checked_through = min(state.checked_through or 0, seq - 1)


# -- pull --------------------------------------------------------------------------------


def _pull_all(
    desk: Desk,
    client: Client,
    summary: SyncSummary,
    progress: Progress | None,
    limit: int | None,
) -> None:
    deferred_indexes.restore(desk.db.engine)  # a first pull cut short left them aside
    with desk.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None
        cursor = state.pull_cursor or 0
        epoch = state.feed_epoch
        empty = s.scalar(select(Member.id).limit(1)) is None
    start = cursor
    page_limit = limit or (FIRST_PULL_LIMIT if cursor == 0 else DEFAULT_PULL_LIMIT)

    def fetch(after: int) -> dict[str, Any]:
        reply = client.call("GET", "/v1/sync/pull", params={"cursor": after, "limit": page_limit})
        body: dict[str, Any] = reply.body
        return body

    # The next page downloads while this one is stored: the server's reading and encoding
    # overlap the till's writing (a first pull moves a million members).
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull") as ahead:
        page = fetch(cursor)
        restored = epoch is not None and page.get("epoch") != epoch and cursor > 0
        if page.get("reset") or restored:
            summary.notes.append("the server was restored from a backup: pulling everything")
            cursor = start = 0
            page = fetch(0)
        # A new till taking in a big chain builds its lookup indexes once, at the end.
        bulk = empty and start == 0 and int(page.get("head") or 0) >= BULK_PULL_MIN
        if bulk:
            deferred_indexes.set_aside(desk.db.engine)
        collecting = gc.isenabled()
        if bulk:
            # Decoding and storing a million members makes tens of millions of short-lived
            # dicts, tuples and strings, all freed by reference counting as each page is
            # stored; none of them form cycles. The cycle collector would still walk the
            # heap every few hundred allocations: about a tenth of the pull's CPU.
            gc.disable()
        try:
            _pull_pages(desk, page, fetch, ahead, summary, progress, start, bulk)
        finally:
            if collecting:
                gc.enable()
            if bulk:
                deferred_indexes.restore(desk.db.engine)
    if summary.rules:
        desk.reload_rules()


def _pull_pages(
    desk: Desk,
    page: dict[str, Any],
    fetch: Callable[[int], dict[str, Any]],
    ahead: ThreadPoolExecutor,
    summary: SyncSummary,
    progress: Progress | None,
    start: int,
    bulk: bool,
) -> None:
    while True:
        following: Future[dict[str, Any]] | None = None
        if page.get("more"):
            following = ahead.submit(fetch, int(page["cursor"]))
        try:
            done = apply_page(desk, page, bulk=bulk)
        except BaseException:
            if following is not None:
                following.cancel()
            raise
        summary.pulled += done.members
        summary.merged += done.merged
        summary.rules += done.rules
        summary.coupons += done.coupons
        cursor = int(page["cursor"])
        if progress is not None:
            progress(cursor - start, max(int(page["head"]) - start, cursor - start))
        if following is None:
            break
        page = following.result()


# -- consistency -------------------------------------------------------------------------


def _local_totals(s: Session, lo: int, hi: int) -> tuple[int, int]:
    """Events and their points (as pushed, no SYNC entries) with device_seq in [lo, hi]."""
    events = s.scalar(select(func.count()).where(Outbox.device_seq >= lo, Outbox.device_seq <= hi))
    points = s.scalar(
        select(func.coalesce(func.sum(LedgerEntry.points), 0)).where(
            LedgerEntry.device_seq >= lo,
            LedgerEntry.device_seq <= hi,
            LedgerEntry.kind != Kind.SYNC.value,
        )
    )
    return int(events or 0), int(points or 0)


def _compare(desk: Desk, client: Client) -> tuple[bool, str]:
    server = client.call("GET", "/v1/sync/check").body
    with desk.write() as s:
        state = s.get(SyncState, 1)
        assert state is not None
        if server.get("new_token"):
            state.device_token = client.token = server["new_token"]
            state.token_expires_at = datetime.fromisoformat(server["new_token_expires_at"])
        start = int(server["start_seq"])
        applied = int(server["applied_through"])
        through = max(state.checked_through or 0, start - 1)
        if through > applied:
            through = start - 1
        base = state.checked_points if through >= start else 0
        _, more = _local_totals(s, through + 1, applied)
        events, _ = _local_totals(s, start, applied)
        points = base + more
        ok = events == int(server["event_count"]) and points == int(server["points_total"])
        if ok:
            state.checked_through = applied
            state.checked_points = points
        detail = (
            f"server {server['event_count']} events / {server['points_total']} points, "
            f"till {events} / {points} (device_seq {start}–{applied})"
        )
        return ok, detail


def _check(desk: Desk, client: Client, summary: SyncSummary) -> None:
    ok, detail = _compare(desk, client)
    summary.consistent = ok
    if ok:
        return
    # The server and the till disagree about what this till sent: send everything again.
    with desk.write() as s:
        state = s.get(SyncState, 1)
        assert state is not None
        audit.record(
            s, desk, "sync.mismatch", actor=None, subject=desk.info.device_id, detail={"d": detail}
        )
        start = state.device_start_seq or 1
    _unack_from(desk, start)
    with desk.write() as s:
        state = s.get(SyncState, 1)
        assert state is not None
        state.checked_through = start - 1
        state.checked_points = 0
    summary.repushed = True
    _push_all(desk, client, summary)
    ok, detail = _compare(desk, client)
    summary.consistent = ok
    if not ok:
        summary.notes.append(f"consistency mismatch persists: {detail}")


# -- the manager's view ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProblemEvent:
    event_id: str
    device_seq: int
    kind: str
    status: str  # rejected | quarantined | failing (not accepted yet, with an error)
    code: str | None
    message: str | None
    created_at: datetime
    member_id: str | None
    receipt_no: str | None
    attempts: int

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "device_seq": self.device_seq,
            "kind": self.kind,
            "status": self.status,
            "code": self.code,
            "message": self.message,
            "created_at": self.created_at.isoformat(),
            "member_id": self.member_id,
            "receipt_no": self.receipt_no,
            "attempts": self.attempts,
        }


def problems(desk: Desk, limit: int = 500) -> list[ProblemEvent]:
    """Events the server rejected or quarantined, and events that keep failing to send."""
    out: list[ProblemEvent] = []
    with desk.read() as s:
        rows = s.scalars(
            select(Outbox)
            .where(
                Outbox.result.like('%"status":"rejected"%')
                | Outbox.result.like('%"status":"quarantined"%')
                | (Outbox.acked_at.is_(None) & Outbox.last_error.is_not(None))
            )
            .order_by(Outbox.device_seq.desc())
            .limit(limit)
        )
        for row in rows:
            result = json.loads(row.result) if row.result else {}
            data = json.loads(row.payload).get("data", {})
            out.append(
                ProblemEvent(
                    event_id=row.event_id,
                    device_seq=row.device_seq,
                    kind=row.kind,
                    status=result.get("status") or "failing",
                    code=result.get("code"),
                    message=result.get("message") or row.last_error,
                    created_at=row.created_at,
                    member_id=data.get("member_id") or (data.get("member") or {}).get("id"),
                    receipt_no=data.get("receipt_no"),
                    attempts=row.attempts or 0,
                )
            )
    return out

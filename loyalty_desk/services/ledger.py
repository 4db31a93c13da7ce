"""Appending to the points ledger, keeping lots, debt and the cached balance in step.

Invariant after every use case: member.balance == sum(ledger points)
                                              == sum(lot remaining) - member.debt.

Rows are written with SQLAlchemy Core on the use case's connection (the award path is the
till's hottest); the member's cached balance and debt are ORM attributes flushed with the
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import bindparam, insert, select, update

from loyalty_desk.domain.ids import new_id
from loyalty_desk.domain.lots import LotView, plan_fifo, split_restore
from loyalty_desk.domain.timeutil import add_months_utc
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.events import Event
from loyalty_desk.store.models import LedgerEntry, LotMovement, Member, PointLot, table_of

LEDGER = table_of(LedgerEntry)
LOTS = table_of(PointLot)
MOVES = table_of(LotMovement)

# Statements built once: a statement built anew per call costs its cache key every time.
_NEW_ENTRY = insert(LEDGER)
_NEW_LOT = insert(LOTS)
_TAKE = (
    update(LOTS)
    .where(LOTS.c.id == bindparam("lot"))
    .values(remaining=LOTS.c.remaining + bindparam("delta"))
)


class Kind(StrEnum):
    EARN = "EARN"
    REDEEM = "REDEEM"
    EXPIRE = "EXPIRE"
    ADJUST = "ADJUST"
    REVERSAL = "REVERSAL"
    REFERRAL = "REFERRAL"
    BONUS = "BONUS"
    # The server's view folded in by a pull (services/sync_apply.py); never pushed.
    SYNC = "SYNC"


@dataclass(frozen=True, slots=True)
class Posted:
    """A ledger entry as written."""

    id: str
    kind: str
    points: int
    member_id: str


def _append(
    desk: Desk,
    event: Event,
    member: Member,
    kind: Kind,
    points: int,
    *,
    occurred_at: datetime,
    rule_version: int,
    receipt_no: str | None = None,
    amount_fen: int | None = None,
    reverses_id: str | None = None,
    cashier_id: str | None = None,
    reason: str | None = None,
    detail: dict[str, Any] | None = None,
    offline: bool = True,
) -> Posted:
    now = desk.now()
    entry_id = new_id()
    row: dict[str, Any] = {
        "id": entry_id,
        "member_id": member.id,
        "store_id": desk.info.store_id,
        "device_id": desk.info.device_id,
        "device_seq": event.device_seq,
        "event_id": event.event_id,
        "kind": str(kind),
        "points": points,
        "receipt_no": receipt_no,
        "amount_fen": amount_fen,
        "rule_version": rule_version,
        "reverses_id": reverses_id,
        "occurred_at": occurred_at,
        "created_at": now,
        "cashier_id": cashier_id,
        "offline": offline,
        "known_balance": member.balance,
        "sync_status": "pending",
        "reason": reason,
        "detail": detail,
    }
    event.conn.execute(_NEW_ENTRY, row)
    event.entries.append(row)
    member.balance += points
    member.updated_at = now
    return Posted(entry_id, str(kind), points, member.id)


def credit(
    desk: Desk, event: Event, member: Member, kind: Kind, points: int, **fields: Any
) -> Posted:
    """New points: repay any debt first, the rest becomes a lot expiring after N months."""
    assert points >= 0
    entry = _append(desk, event, member, kind, points, **fields)
    repay = min(member.debt, points)
    member.debt -= repay
    occurred_at: datetime = fields["occurred_at"]
    if points > 0:
        _open_lot(desk, event, entry.id, member.id, occurred_at, points, points - repay)
    return entry


def _open_lot(
    desk: Desk,
    event: Event,
    entry_id: str,
    member_id: str,
    occurred_at: datetime,
    points: int,
    remaining: int,
) -> None:
    expires_at = add_months_utc(occurred_at, desk.rules_at(occurred_at).expiry.months, desk.tz)
    event.conn.execute(
        _NEW_LOT,
        {
            "id": entry_id,
            "member_id": member_id,
            "earned_at": occurred_at,
            "expires_at": expires_at,
            "points": points,
            "remaining": remaining,
        },
    )
    for row in reversed(event.entries):  # the event announces the lot's expiry with it
        if row["id"] == entry_id:
            row["expires_at"] = expires_at
            break


def open_lots(event: Event, member_id: str) -> list[LotView]:
    rows = event.conn.execute(
        select(LOTS.c.id, LOTS.c.expires_at, LOTS.c.remaining)
        .where(LOTS.c.member_id == member_id, LOTS.c.remaining > 0)
        .order_by(LOTS.c.expires_at, LOTS.c.id)
    )
    return [LotView(lot_id, expires_at, remaining) for lot_id, expires_at, remaining in rows]


def _move(event: Event, entry_id: str, changes: list[tuple[str, int]]) -> None:
    """Apply signed lot changes and record them against the entry that made them."""
    if not changes:
        return
    event.conn.execute(_TAKE, [{"lot": lot, "delta": delta} for lot, delta in changes])
    event.conn.execute(
        insert(MOVES),
        [{"entry_id": entry_id, "lot_id": lot, "points": delta} for lot, delta in changes],
    )


def debit(
    desk: Desk,
    event: Event,
    member: Member,
    kind: Kind,
    points: int,
    *,
    first_lot: str | None = None,
    allow_debt: bool = False,
    **fields: Any,
) -> Posted:
    """Take points oldest-lot-first (a reversal takes from its own earning's lot first).

    What the lots cannot cover becomes debt — only where the caller allows it (reversals).
    """
    assert points >= 0
    entry = _append(desk, event, member, kind, -points, **fields)
    lots = open_lots(event, member.id)
    takes: list[tuple[str, int]] = []
    left = points
    first = next((lot for lot in lots if lot.lot_id == first_lot), None)
    if first is not None and left > 0:
        take = min(first.remaining, left)
        takes.append((first.lot_id, take))
        left -= take
        lots = [
            lot
            if lot.lot_id != first_lot
            else LotView(lot.lot_id, lot.expires_at, lot.remaining - take)
            for lot in lots
        ]
    more, left = plan_fifo(lots, left)
    takes.extend(more)
    if left > 0:
        assert allow_debt, "debit beyond the lots must be refused before posting"
        member.debt += left
    _move(event, entry.id, [(lot_id, -take) for lot_id, take in takes])
    return entry


def restore(
    desk: Desk, event: Event, member: Member, points: int, original_entry_id: str, **fields: Any
) -> Posted:
    """Give spent points back into the lots they were taken from (their original expiry)."""
    assert points >= 0
    entry = _append(
        desk, event, member, Kind.REVERSAL, points, reverses_id=original_entry_id, **fields
    )
    repay = min(member.debt, points)
    member.debt -= repay
    consumed = [
        (lot_id, -moved)
        for lot_id, moved in event.conn.execute(
            select(MOVES.c.lot_id, MOVES.c.points)
            .where(MOVES.c.entry_id == original_entry_id)
            .order_by(MOVES.c.id)
        )
    ]
    # After a sync the server may already have refilled a lot (it plans spends on its own
    # books): a lot never grows past its size, and what fits nowhere becomes a lot of its own.
    plan = split_restore(consumed, points - repay)
    room = dict(
        event.conn.execute(
            select(LOTS.c.id, LOTS.c.points - LOTS.c.remaining).where(
                LOTS.c.id.in_([lot_id for lot_id, _ in plan])
            )
        ).all()
    )
    gives: list[tuple[str, int]] = []
    left = points - repay
    for lot_id, give in plan:
        fits = min(give, int(room.get(lot_id, 0)))
        if fits > 0:
            gives.append((lot_id, fits))
            room[lot_id] = int(room[lot_id]) - fits
            left -= fits
    _move(event, entry.id, gives)
    if left > 0:
        _open_lot(desk, event, entry.id, member.id, fields["occurred_at"], left, left)
    return entry


def expire_lots(
    desk: Desk, event: Event, member: Member, lots: list[LotView], at: datetime
) -> Posted:
    total = sum(lot.remaining for lot in lots)
    entry = _append(
        desk,
        event,
        member,
        Kind.EXPIRE,
        -total,
        occurred_at=at,
        rule_version=desk.rules_at(at).version,
        detail={"lots": [[lot.lot_id, lot.remaining] for lot in lots]},
    )
    _move(event, entry.id, [(lot.lot_id, -lot.remaining) for lot in lots])
    return entry

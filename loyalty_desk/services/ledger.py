"""Appending to the points ledger, keeping lots, debt and the cached balance in step.

Invariant after every use case: member.balance == sum(ledger points)
                                              == sum(lot remaining) - member.debt.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from loyalty_desk.domain.ids import new_id
from loyalty_desk.domain.lots import LotView, plan_fifo, split_restore
from loyalty_desk.domain.timeutil import add_months_utc
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.events import Event
from loyalty_desk.store.models import LedgerEntry, LotMovement, Member, PointLot


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
) -> LedgerEntry:
    entry = LedgerEntry(
        id=new_id(),
        member_id=member.id,
        store_id=desk.info.store_id,
        device_id=desk.info.device_id,
        device_seq=event.device_seq,
        event_id=event.event_id,
        kind=str(kind),
        points=points,
        receipt_no=receipt_no,
        amount_fen=amount_fen,
        rule_version=rule_version,
        reverses_id=reverses_id,
        occurred_at=occurred_at,
        created_at=desk.now(),
        cashier_id=cashier_id,
        offline=offline,
        known_balance=member.balance,
        sync_status="pending",
        reason=reason,
        detail=detail,
    )
    event.session.add(entry)
    event.entries.append(entry)
    member.balance += points
    member.updated_at = desk.now()
    return entry


def credit(
    desk: Desk, event: Event, member: Member, kind: Kind, points: int, **fields: Any
) -> LedgerEntry:
    """New points: repay any debt first, the rest becomes a lot expiring after N months."""
    assert points >= 0
    entry = _append(desk, event, member, kind, points, **fields)
    event.session.flush()
    repay = min(member.debt, points)
    member.debt -= repay
    occurred_at: datetime = fields["occurred_at"]
    months = desk.rules_at(occurred_at).expiry.months
    if points > 0:
        expires_at = add_months_utc(occurred_at, months, desk.tz)
        event.session.add(
            PointLot(
                id=entry.id,
                member_id=member.id,
                earned_at=occurred_at,
                expires_at=expires_at,
                points=points,
                remaining=points - repay,
            )
        )
        event.expiries[entry.id] = expires_at
    return entry


def open_lots(session: Session, member_id: str) -> list[PointLot]:
    return list(
        session.scalars(
            select(PointLot)
            .where(PointLot.member_id == member_id, PointLot.remaining > 0)
            .order_by(PointLot.expires_at, PointLot.id)
        )
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
) -> LedgerEntry:
    """Take points oldest-lot-first (a reversal takes from its own earning's lot first).

    What the lots cannot cover becomes debt — only where the caller allows it (reversals).
    """
    assert points >= 0
    entry = _append(desk, event, member, kind, -points, **fields)
    event.session.flush()
    lots = open_lots(event.session, member.id)
    by_id = {lot.id: lot for lot in lots}
    takes: list[tuple[str, int]] = []
    left = points
    if first_lot is not None and first_lot in by_id and left > 0:
        take = min(by_id[first_lot].remaining, left)
        takes.append((first_lot, take))
        left -= take
    rest = [
        LotView(lot.id, lot.expires_at, lot.remaining - sum(t for i, t in takes if i == lot.id))
        for lot in lots
    ]
    more, left = plan_fifo(rest, left)
    takes.extend(more)
    if left > 0:
        assert allow_debt, "debit beyond the lots must be refused before posting"
        member.debt += left
    for lot_id, take in takes:
        by_id[lot_id].remaining -= take
        event.session.add(LotMovement(entry_id=entry.id, lot_id=lot_id, points=-take))
    return entry


def restore(
    desk: Desk, event: Event, member: Member, points: int, original_entry_id: str, **fields: Any
) -> LedgerEntry:
    """Give spent points back into the lots they were taken from (their original expiry)."""
    assert points >= 0
    entry = _append(
        desk, event, member, Kind.REVERSAL, points, reverses_id=original_entry_id, **fields
    )
    event.session.flush()
    repay = min(member.debt, points)
    member.debt -= repay
    consumed = [
        (m.lot_id, -m.points)
        for m in event.session.scalars(
            select(LotMovement)
            .where(LotMovement.entry_id == original_entry_id)
            .order_by(LotMovement.id)
        )
    ]
    left = points - repay
    for lot_id, give in split_restore(consumed, left):
        lot = event.session.get(PointLot, lot_id)
        assert lot is not None
        # After a sync the server may already have refilled this lot (it plans spends on its
        # own books): a lot never grows past its size.
        fits = min(give, lot.points - lot.remaining)
        if fits > 0:
            lot.remaining += fits
            left -= fits
            event.session.add(LotMovement(entry_id=entry.id, lot_id=lot_id, points=fits))
    if left > 0:  # what fits nowhere becomes a lot of its own, like new points
        occurred_at: datetime = fields["occurred_at"]
        expires_at = add_months_utc(occurred_at, desk.rules_at(occurred_at).expiry.months, desk.tz)
        event.session.add(
            PointLot(
                id=entry.id,
                member_id=member.id,
                earned_at=occurred_at,
                expires_at=expires_at,
                points=left,
                remaining=left,
            )
        )
        event.expiries[entry.id] = expires_at
    return entry


def expire_lots(
    desk: Desk, event: Event, member: Member, lots: list[PointLot], at: datetime
) -> LedgerEntry:
    total = sum(lot.remaining for lot in lots)
    entry = _append(
        desk,
        event,
        member,
        Kind.EXPIRE,
        -total,
        occurred_at=at,
        rule_version=desk.rules_at(at).version,
        detail={"lots": [[lot.id, lot.remaining] for lot in lots]},
    )
    event.session.flush()
    for lot in lots:
        event.session.add(LotMovement(entry_id=entry.id, lot_id=lot.id, points=-lot.remaining))
        lot.remaining = 0
    return entry

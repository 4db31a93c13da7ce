"""Folding the central server's view of a member into the till's own (DESIGN §4).

Balance shown at the till = the server's last snapshot + the till's own events the server
has not applied yet ("pending"). Lots follow the same rule: each lot starts from what the
server says is left of it, then the till's pending spends and give-backs on that lot are
applied again. What no longer fits (a lot cannot go below 0 or above its size) is settled
against the member's total: the oldest lots give up points first, and a shortfall below
zero becomes debt, exactly as the server books it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class LotState:
    lot_id: str
    expires_at: datetime
    points: int  # the lot's size when it was created
    remaining: int  # what the till holds now


@dataclass(frozen=True, slots=True)
class ServerView:
    """What the server holds for a member, including this till's events up to a seq."""

    balance: int  # lots remaining - debt
    remaining: Mapping[str, int]  # open lots: lot id -> points left


@dataclass(frozen=True, slots=True)
class Pending:
    """This till's effects that the server has not applied yet."""

    points: int = 0  # sum of the pending ledger entries' points
    moves: Mapping[str, int] | None = None  # lot id -> net points taken (<0) or given (>0)
    lots: frozenset[str] = frozenset()  # lots created by pending entries (server knows none)


@dataclass(frozen=True, slots=True)
class RebasePlan:
    balance: int
    debt: int
    remaining: dict[str, int]  # new remaining of every lot the till holds for the member
    extra_lot_points: int  # points that fit in no lot: the caller opens a new lot for them


def rebase(server: ServerView, lots: Iterable[LotState], pending: Pending) -> RebasePlan:
    """The member's balance, debt and lots after applying `pending` on top of `server`."""
    moves = pending.moves or {}
    ordered = sorted(lots, key=lambda lot: (lot.expires_at, lot.lot_id))
    target: dict[str, int] = {}
    for lot in ordered:
        if lot.lot_id in pending.lots:
            base = lot.remaining
        else:
            base = server.remaining.get(lot.lot_id, 0) + moves.get(lot.lot_id, 0)
        target[lot.lot_id] = min(max(base, 0), lot.points)
    balance = server.balance + pending.points
    if balance < 0:
        return RebasePlan(balance, -balance, dict.fromkeys(target, 0), 0)
    excess = sum(target.values()) - balance
    for lot in ordered:  # too many points in lots: the oldest give them up first
        if excess <= 0:
            break
        take = min(target[lot.lot_id], excess)
        target[lot.lot_id] -= take
        excess -= take
    for lot in reversed(ordered):  # too few: fill the latest lots back up to their size
        if excess >= 0:
            break
        give = min(lot.points - target[lot.lot_id], -excess)
        target[lot.lot_id] += give
        excess += give
    return RebasePlan(balance, 0, target, -excess if excess < 0 else 0)

"""Point lots: what is left of each earning. Spending and expiry take the oldest first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from loyalty_desk.domain.money import round_half_up


@dataclass(frozen=True, slots=True)
class LotView:
    lot_id: str
    expires_at: datetime
    remaining: int


def plan_fifo(lots: Iterable[LotView], points: int) -> tuple[list[tuple[str, int]], int]:
    """Take `points` from lots in expiry order; returns the takes and what could not be taken."""
    takes: list[tuple[str, int]] = []
    left = points
    for lot in sorted(lots, key=lambda lot: (lot.expires_at, lot.lot_id)):
        if left <= 0:
            break
        take = min(lot.remaining, left)
        if take > 0:
            takes.append((lot.lot_id, take))
            left -= take
    return takes, left


def proportional_cumulative(total: int, part_cumulative: int, whole: int) -> int:
    """How much of `total` belongs to `part_cumulative` out of `whole`, rounded half up.

    Used cumulatively (after each partial refund, the total share so far) so that partial
    refunds adding up to the whole receipt reverse exactly what the receipt earned.
    """
    if whole <= 0:
        return 0
    if part_cumulative >= whole:
        return total
    return round_half_up(Decimal(total) * Decimal(part_cumulative) / Decimal(whole))


def split_restore(consumed: Sequence[tuple[str, int]], points: int) -> list[tuple[str, int]]:
    """Give back `points` to the lots they came from, latest-expiring lot first.

    Restoring into the latest lots first keeps the member's points alive the longest
    that the original spend allows.
    """
    out: list[tuple[str, int]] = []
    left = points
    for lot_id, amount in reversed(consumed):
        if left <= 0:
            break
        give = min(amount, left)
        out.append((lot_id, give))
        left -= give
    return out

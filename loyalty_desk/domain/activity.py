"""A member's buying activity through time, and the segment moves it causes.

Reports need every member's rolling-12-month spend and purchases, and their segment both now
and at the end of earlier periods. Aggregating millions of receipts per member at report time
is far too slow, so the till keeps one activity row per member and a log of segment moves,
both derived from the member's receipts and refunds with the functions here.

Between two facts (a purchase, a refund) a member's activity still changes on its own: a
receipt leaves the 12-month window, the 180-day dormancy mark passes. `sweep` walks every such
moment in order, so the log dates each move at the exact moment it happened, whenever the
till gets round to recording it.

The window is the tiers' (services.tiers.rolling_stats): receipts from the start of the
store-local day 12 months before the moment, up to the moment; a refund counts from the
moment it happened; a purchase counts if what is left of it after refunds is more than 0.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from loyalty_desk.domain.rules import SegmentRules
from loyalty_desk.domain.segments import Activity, Segment, classify
from loyalty_desk.domain.timeutil import add_months, local_date, local_midnight_utc

WINDOW_MONTHS = 12


@dataclass(frozen=True, slots=True)
class Purchase:
    key: str  # the receipt's id
    at: datetime
    paid_fen: int


@dataclass(frozen=True, slots=True)
class RefundFact:
    key: str  # the refunded receipt's id
    at: datetime
    amount_fen: int


@dataclass(frozen=True, slots=True)
class Earlier:
    """What the member bought before the purchases a History holds (net of every refund),
    when only the recent ones are replayed: enough for lifetime totals and the last purchase.
    Any window after the cut-off starts after these purchases, so they move no segment."""

    spend_fen: int = 0
    purchases: int = 0
    last_purchase_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class State:
    """A member's activity at one moment."""

    at: datetime
    spend_12m_fen: int
    purchases_12m: int
    last_purchase_at: datetime | None
    lifetime_spend_fen: int
    lifetime_purchases: int
    segment: Segment

    def activity(self) -> Activity:
        return Activity(self.spend_12m_fen, self.purchases_12m, days_between(self))


@dataclass(frozen=True, slots=True)
class Move:
    at: datetime
    from_segment: Segment
    to_segment: Segment


def days_between(state: State) -> int | None:
    if state.last_purchase_at is None:
        return None
    return (state.at - state.last_purchase_at).days


def window_start(moment: datetime, tz: ZoneInfo) -> datetime:
    return _window_start(local_date(moment, tz), tz)


@functools.lru_cache(maxsize=8192)
def _window_start(day: date, tz: ZoneInfo) -> datetime:
    return local_midnight_utc(add_months(day, -WINDOW_MONTHS), tz)


def leaves_window(moment: datetime, tz: ZoneInfo) -> datetime:
    """The first moment at which a purchase made at `moment` is outside the window."""
    return _leaves_window(local_date(moment, tz), tz)


@functools.lru_cache(maxsize=8192)
def _leaves_window(day: date, tz: ZoneInfo) -> datetime:
    later = add_months(day, WINDOW_MONTHS)
    # add_months clamps month ends (a 29 Feb purchase), so step until the window has moved on.
    while add_months(later, -WINDOW_MONTHS) <= day:
        later += timedelta(days=1)
    return local_midnight_utc(later, tz)


class History:
    """One member's purchases and refunds, swept in time order."""

    def __init__(
        self,
        purchases: Iterable[Purchase],
        refunds: Iterable[RefundFact],
        rules: SegmentRules,
        tz: ZoneInfo,
        earlier: Earlier | None = None,
    ) -> None:
        self.purchases = sorted(purchases, key=lambda p: (p.at, p.key))
        self.earlier = earlier or Earlier()
        self.refunds = sorted(refunds, key=lambda r: (r.at, r.key))
        self.rules = rules
        self.tz = tz
        self.dormant_after = timedelta(days=rules.dormant_after_days)

    def moments(self) -> list[datetime]:
        """Every moment the activity can change: facts, window exits, dormancy marks."""
        found: set[datetime] = set()
        for p in self.purchases:
            found.add(p.at)
            found.add(leaves_window(p.at, self.tz))
            found.add(p.at + self.dormant_after)
        found.update(r.at for r in self.refunds)
        return sorted(found)

    def sweep(self, moments: Sequence[datetime]) -> Iterator[State]:
        """The state at each of `moments` (ascending), in one pass over the facts."""
        purchases, refunds = self.purchases, self.refunds
        net: dict[str, int] = {}
        index_of = {p.key: i for i, p in enumerate(purchases)}
        lo = hi = ri = 0  # window [lo, hi) over purchases; refunds applied before ri
        spend = count = 0
        life_spend, life_count = self.earlier.spend_fen, self.earlier.purchases
        for moment in moments:
            while hi < len(purchases) and purchases[hi].at <= moment:
                p = purchases[hi]
                net[p.key] = p.paid_fen
                spend += p.paid_fen
                count += p.paid_fen > 0
                life_spend += p.paid_fen
                life_count += p.paid_fen > 0
                hi += 1
            while ri < len(refunds) and refunds[ri].at <= moment:
                r = refunds[ri]
                ri += 1
                if r.key not in net:
                    continue  # a refund never precedes its purchase; ignore bad data
                before = net[r.key]
                after = before - r.amount_fen
                net[r.key] = after
                lost = (before > 0) - (after > 0)
                life_spend -= r.amount_fen
                life_count -= lost
                if index_of[r.key] >= lo:
                    spend -= r.amount_fen
                    count -= lost
            start = window_start(moment, self.tz)
            while lo < hi and purchases[lo].at < start:
                gone = net[purchases[lo].key]
                spend -= gone
                count -= gone > 0
                lo += 1
            last = self.earlier.last_purchase_at
            for i in range(hi - 1, -1, -1):
                if net[purchases[i].key] > 0:
                    last = purchases[i].at
                    break
            activity = Activity(spend, count, None if last is None else (moment - last).days)
            yield State(
                at=moment,
                spend_12m_fen=spend,
                purchases_12m=count,
                last_purchase_at=last,
                lifetime_spend_fen=life_spend,
                lifetime_purchases=life_count,
                segment=classify(self.rules, activity),
            )

    def state_at(self, moment: datetime) -> State:
        return next(self.sweep([moment]))

    def moves(self, until: datetime, *, after: datetime | None = None) -> list[Move]:
        """Segment moves up to `until` (and after `after`, when given); dormant before all."""
        out: list[Move] = []
        current = Segment.DORMANT
        moments = [m for m in self.moments() if m <= until]
        if after is not None:
            # The state at `after` itself is where the moves after it start from (a History
            # holding only recent purchases is exact from there on, not before).
            moments = sorted({*moments, after})
        for state in self.sweep(moments):
            if state.segment is not current:
                if after is None or state.at > after:
                    out.append(Move(state.at, current, state.segment))
                current = state.segment
        return out

    def next_change(self, moment: datetime) -> datetime | None:
        """The first moment after `moment` at which the activity may change by itself."""
        later = [m for m in self.moments() if m > moment]
        return later[0] if later else None

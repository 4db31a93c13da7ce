"""Tiers report: how many members hold each tier, the moves of the period, and the members
close to the next tier — a list a manager can act on (issue 6 item 3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from loyalty_desk.domain.money import format_yuan
from loyalty_desk.domain.periods import Period
from loyalty_desk.domain.tiers import Tier, TierStats, TierThreshold, next_threshold
from loyalty_desk.services import activity
from loyalty_desk.services import reports_queries as q
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_common import (
    MemberList,
    Progress,
    ReportHeader,
    header,
    member_line,
    no_progress,
    window,
)
from loyalty_desk.services.usecase import use_case

CLOSE_WITHIN = Decimal("0.10")  # within 10% of the next tier's spend
LIST_LIMIT = 200
TIERS = (Tier.DIAMOND, Tier.GOLD, Tier.SILVER, Tier.REGULAR)


def counts_at(s: Session, mg: q.Merges, moment: datetime, now: datetime) -> dict[Tier, int]:
    """Members per tier at `moment`: today's tiers with every later change undone (each
    change starts from the tier the last one ended on, so summing them is exact)."""
    current = q.tier_counts_now(s)
    counts = {t: current.get(t.value, 0) for t in TIERS}
    if moment >= now:
        return counts
    for first, last, n in q.tier_flows(s, moment, mg):
        counts[Tier(last)] -= n
        counts[Tier(first)] += n
    # Members who joined since: rolled back to regular above, but not members yet at `moment`.
    joined_since = q.members_joined_before(s, now + q.TICK) - q.members_joined_before(s, moment)
    counts[Tier.REGULAR] -= joined_since
    return counts


@dataclass(frozen=True, slots=True)
class TierCount:
    tier: Tier
    members: int
    previous: int

    def to_json(self) -> dict[str, Any]:
        return {
            "tier": str(self.tier),
            "label_zh": self.tier.label_zh,
            "members": self.members,
            "previous": self.previous,
        }


@dataclass(frozen=True, slots=True)
class TierMove:
    reason: str  # upgrade | renew | grace | downgrade | refund
    from_tier: Tier
    to_tier: Tier
    changes: int

    def to_json(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "from": str(self.from_tier),
            "to": str(self.to_tier),
            "changes": self.changes,
        }


@dataclass(frozen=True)
class TierReport:
    header: ReportHeader
    counts: tuple[TierCount, ...]
    moves: tuple[TierMove, ...]
    close: MemberList  # close to the next tier, as of now

    @property
    def upgrades(self) -> int:
        return sum(m.changes for m in self.moves if m.to_tier.rank > m.from_tier.rank)

    @property
    def downgrades(self) -> int:
        return sum(m.changes for m in self.moves if m.to_tier.rank < m.from_tier.rank)

    def to_json(self, *, unmasked: bool = False) -> dict[str, Any]:
        return {
            **self.header.to_json(),
            "tiers": [c.to_json() for c in self.counts],
            "upgrades": self.upgrades,
            "downgrades": self.downgrades,
            "moves": [m.to_json() for m in self.moves],
            "close_to_next_tier": self.close.to_json(unmasked=unmasked),
        }


def close_gap(
    thresholds: tuple[TierThreshold, ...], tier: Tier, stats: TierStats, within: Decimal
) -> tuple[TierThreshold, int, int] | None:
    """(next tier, spend still needed, purchases still needed) for a member close to it:
    not qualifying yet, within `within` of its spend and at most one purchase short."""
    nxt = next_threshold(thresholds, tier)
    if nxt is None:
        return None
    floor = int((Decimal(nxt.min_spend_fen) * (1 - within)).to_integral_value(ROUND_FLOOR))
    if stats.spend_fen < floor or stats.purchases < nxt.min_purchases - 1:
        return None
    if stats.spend_fen >= nxt.min_spend_fen and stats.purchases >= nxt.min_purchases:
        return None  # qualifies already: the upgrade happens with the next purchase
    return (
        nxt,
        max(0, nxt.min_spend_fen - stats.spend_fen),
        max(0, nxt.min_purchases - stats.purchases),
    )


def close_to_next(
    s: Session,
    desk: Desk,
    now: datetime,
    within: Decimal = CLOSE_WITHIN,
    limit: int = LIST_LIMIT,
    offset: int = 0,
) -> MemberList:
    """Members close to the next tier (`close_gap`), the smallest spend gap first."""
    rules = desk.rules_at(now).tiers
    a, mem = q.TILL.activity, q.TILL.member
    lowest = min(
        int((Decimal(t.min_spend_fen) * (1 - within)).to_integral_value(ROUND_FLOOR))
        for t in rules.thresholds
    )
    # Everyone within reach of some tier, from the spend index; the tier decides the rest.
    candidates = s.execute(
        select(a.c.member_id, mem.c.tier, a.c.spend_12m_fen, a.c.purchases_12m)
        .select_from(a.join(mem, mem.c.id == a.c.member_id))
        .where(a.c.spend_12m_fen >= lowest, mem.c.merged_into.is_(None))
    ).all()
    close: list[tuple[int, str, str]] = []
    for member_id, tier, spend, purchases in candidates:
        found = close_gap(rules.thresholds, Tier(tier), TierStats(spend, purchases), within)
        if found is not None:
            nxt, spend_gap, purchase_gap = found
            need = [f"¥{format_yuan(spend_gap)}"] if spend_gap else []
            need += [f"{purchase_gap} purchase"] if purchase_gap else []
            close.append((spend_gap, member_id, f"{nxt.tier.value}: needs {' and '.join(need)}"))
    close.sort()
    page = close[offset : offset + limit]
    rows = q.member_rows(s, [member_id for _, member_id, _ in page])
    lines = tuple(
        member_line(rows[member_id], desk, note=note, figure_fen=gap)
        for gap, member_id, note in page
    )
    return MemberList("Close to the next tier", len(close), lines, "Spend still needed")


@use_case
def tier_report(
    desk: Desk,
    period: Period,
    *,
    within: Decimal = CLOSE_WITHIN,
    limit: int = LIST_LIMIT,
    progress: Progress = no_progress,
) -> TierReport:
    progress(0, 3, "activity")
    activity.catch_up(desk)
    head = header(desk, period)
    now = desk.now()
    with desk.read() as s:
        mg = q.merges(s)
        progress(1, 3, "tiers")
        current = counts_at(s, mg, head.as_of, now)
        before = counts_at(s, mg, min(period.start_utc(desk.tz), now), now)
        moves = tuple(
            TierMove(reason, Tier(a), Tier(b), n)
            for reason, a, b, n in sorted(q.tier_moves_in(s, window(desk, period), mg))
        )
        progress(2, 3, "close to next tier")
        close = close_to_next(s, desk, now, within, limit)
    progress(3, 3, "done")
    return TierReport(
        header=head,
        counts=tuple(TierCount(t, current[t], before[t]) for t in TIERS),
        moves=moves,
        close=close,
    )

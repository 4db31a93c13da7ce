"""Tiers and the rolling-12-month rules that move members between them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Tier(StrEnum):
    REGULAR = "regular"
    SILVER = "silver"
    GOLD = "gold"
    DIAMOND = "diamond"

    @property
    def rank(self) -> int:
        return _ORDER.index(self)

    @property
    def label_zh(self) -> str:
        return _LABELS_ZH[self]


_ORDER = [Tier.REGULAR, Tier.SILVER, Tier.GOLD, Tier.DIAMOND]
_LABELS_ZH = {Tier.REGULAR: "普通", Tier.SILVER: "银卡", Tier.GOLD: "金卡", Tier.DIAMOND: "钻石"}


@dataclass(frozen=True, slots=True)
class TierStats:
    """What the member bought in the rolling 12 months (net of refunds)."""

    spend_fen: int
    purchases: int


@dataclass(frozen=True, slots=True)
class TierThreshold:
    tier: Tier
    min_spend_fen: int
    min_purchases: int


def qualifying_tier(thresholds: tuple[TierThreshold, ...], stats: TierStats) -> Tier:
    best = Tier.REGULAR
    for t in thresholds:
        if (
            stats.spend_fen >= t.min_spend_fen
            and stats.purchases >= t.min_purchases
            and t.tier.rank > best.rank
        ):
            best = t.tier
    return best


def next_threshold(thresholds: tuple[TierThreshold, ...], current: Tier) -> TierThreshold | None:
    higher = sorted(
        (t for t in thresholds if t.tier.rank > current.rank), key=lambda t: t.tier.rank
    )
    return higher[0] if higher else None

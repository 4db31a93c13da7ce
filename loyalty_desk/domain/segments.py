"""Member segments (DESIGN §5) and RFM scores, from what a member bought in 12 months.

Segments, highest first — a member is in the first one whose spend AND purchase minimums
the member meets over the 12 months up to the moment of the report:
    core 核心       ≥ 5,000 yuan and ≥ 4 purchases
    potential 潜力  ≥ 2,000 yuan and ≥ 2 purchases
    basic 基础      ≥   500 yuan and ≥ 1 purchase
    dormant 沉睡    anyone else, and anyone with no purchase in the last 180 days.
(The strategy paper's ranges "2,000–5,000 and 2–3 purchases" are what is left of potential
once core is taken out; a member with 8,000 yuan in 2 purchases is potential, not nobody.)

RFM scores 1–5 on fixed breakpoints a manager can read ("R5 = bought in the last 30 days"),
not on quintiles of the day's data, so a score means the same thing next month.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from loyalty_desk.domain.money import round_half_up
from loyalty_desk.domain.rules import SegmentRules


class Segment(StrEnum):
    CORE = "core"
    POTENTIAL = "potential"
    BASIC = "basic"
    DORMANT = "dormant"

    @property
    def label_zh(self) -> str:
        return _ZH[self]

    @property
    def label_en(self) -> str:
        return self.value.capitalize()

    @property
    def rank(self) -> int:
        """Higher is better: dormant 0 … core 3."""
        return _ORDER.index(self)


def parse_segment(text: str) -> Segment | None:
    """A segment by its English or Chinese name, as a manager types it."""
    name = text.strip().lower()
    for segment in Segment:
        if name in (segment.value, _ZH[segment]):
            return segment
    return None


_ORDER = [Segment.DORMANT, Segment.BASIC, Segment.POTENTIAL, Segment.CORE]
_ZH = {
    Segment.CORE: "核心",
    Segment.POTENTIAL: "潜力",
    Segment.BASIC: "基础",
    Segment.DORMANT: "沉睡",
}
SEGMENTS_BEST_FIRST = (Segment.CORE, Segment.POTENTIAL, Segment.BASIC, Segment.DORMANT)


@dataclass(frozen=True, slots=True)
class Activity:
    """A member's 12 months up to the report moment, net of refunds."""

    spend_fen: int
    purchases: int
    days_since_purchase: int | None  # whole days since the last purchase; None: none in 12 months


@dataclass(frozen=True, slots=True)
class SegmentBand:
    segment: Segment
    min_spend_fen: int
    min_purchases: int


def bands(rules: SegmentRules) -> tuple[SegmentBand, ...]:
    """The active segments, best first (dormant is everyone left over)."""
    return (
        SegmentBand(Segment.CORE, rules.core_min_spend_fen, rules.core_min_purchases),
        SegmentBand(
            Segment.POTENTIAL, rules.potential_min_spend_fen, rules.potential_min_purchases
        ),
        SegmentBand(Segment.BASIC, rules.basic_min_spend_fen, rules.basic_min_purchases),
    )


def classify(rules: SegmentRules, activity: Activity) -> Segment:
    days = activity.days_since_purchase
    if days is None or days >= rules.dormant_after_days:
        return Segment.DORMANT
    for band in bands(rules):
        if activity.spend_fen >= band.min_spend_fen and activity.purchases >= band.min_purchases:
            return band.segment
    return Segment.DORMANT


@dataclass(frozen=True, slots=True)
class RfmScale:
    """Breakpoints for scores 2..5 (below the first one scores 1)."""

    # Recency: fewer days since the last purchase than these score 5, 4, 3, 2.
    recency_days: tuple[int, int, int, int] = (30, 60, 90, 180)
    # Frequency: at least this many purchases in 12 months score 2, 3, 4, 5.
    frequency: tuple[int, int, int, int] = (2, 3, 5, 10)
    # Monetary: at least this much spend in 12 months scores 2, 3, 4, 5 (500 / 2,000 / 5,000 /
    # 15,000 yuan: the segment thresholds, and a top band for the chain's best customers).
    monetary_fen: tuple[int, int, int, int] = (50_000, 200_000, 500_000, 1_500_000)


DEFAULT_RFM = RfmScale()


@dataclass(frozen=True, slots=True)
class RfmScore:
    recency: int
    frequency: int
    monetary: int

    @property
    def code(self) -> str:
        return f"{self.recency}{self.frequency}{self.monetary}"


def recency_score(scale: RfmScale, days_since_purchase: int | None) -> int:
    if days_since_purchase is None:
        return 1
    for score, limit in zip((5, 4, 3, 2), scale.recency_days, strict=True):
        if days_since_purchase < limit:
            return score
    return 1


def at_least_score(value: int, breakpoints: tuple[int, int, int, int]) -> int:
    score = 1
    for step, limit in enumerate(breakpoints, start=2):
        if value >= limit:
            score = step
    return score


def rfm(scale: RfmScale, activity: Activity) -> RfmScore:
    return RfmScore(
        recency_score(scale, activity.days_since_purchase),
        at_least_score(activity.purchases, scale.frequency),
        at_least_score(activity.spend_fen, scale.monetary_fen),
    )


# -- customer lifetime value -------------------------------------------------------------

CLV_YEARS = 5
CLV_DISCOUNT = Fraction(1, 10)  # money next year is worth 10% less to the chain today


def lifetime_value_fen(
    annual_value_fen: int,
    retention: Fraction,
    *,
    years: int = CLV_YEARS,
    discount: Fraction = CLV_DISCOUNT,
) -> int:
    """What a member is expected to spend over the next `years`, in today's money.

    Year t (0-based) counts with the chance the member is still buying, retention**t, and
    the discount (1 + d)**-t: the textbook retention model, on a finite horizon so a
    segment that keeps everyone is not worth infinitely much.
    """
    if not 0 <= retention <= 1:
        raise ValueError(f"retention {retention} is not a share")
    factor = sum(
        ((retention / (1 + discount)) ** t for t in range(years)),
        start=Fraction(0),
    )
    return round_half_up(Decimal(annual_value_fen) * Decimal(factor.numerator) / factor.denominator)

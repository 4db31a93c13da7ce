"""Customer lifetime value per segment (issue 6): retention from a window of segment moves,
and each segment's members, yearly spend and lifetime value. One definition for the till's
KPI report and the server's chain report; only how they count their members differs."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

from loyalty_desk.domain.money import round_half_up
from loyalty_desk.domain.segments import SEGMENTS_BEST_FIRST, Segment, lifetime_value_fen

RETENTION_LOOKBACK_DAYS = 90  # the segment moves a retention rate is measured on


@dataclass(frozen=True, slots=True)
class SegmentValue:
    segment: Segment
    members: int
    annual_value_fen: int | None  # average spend of the last 12 months per member
    retention: Decimal | None  # share still buying a year on, from the last 90 days' moves
    lifetime_value_fen: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "segment": str(self.segment),
            "label_zh": self.segment.label_zh,
            "members": self.members,
            "annual_value_fen": self.annual_value_fen,
            "retention": float(self.retention) if self.retention is not None else None,
            "lifetime_value_fen": self.lifetime_value_fen,
        }


def retention(
    flows: list[tuple[str, str, int]], counts_then: dict[Segment, int], days: int
) -> dict[Segment, Decimal | None]:
    """Per segment, the yearly share that does not fall dormant, from `days` of moves: the
    members who went from it to dormant, of those in it at the start, compounded to a year."""
    out: dict[Segment, Decimal | None] = {}
    for seg in SEGMENTS_BEST_FIRST:
        if seg is Segment.DORMANT or counts_then.get(seg, 0) <= 0:
            out[seg] = None
            continue
        lost = sum(n for a, b, n in flows if a == seg.value and b == Segment.DORMANT.value)
        kept = Decimal(counts_then[seg] - lost) / Decimal(counts_then[seg])
        with localcontext() as ctx:
            ctx.prec = 28
            yearly = kept ** (Decimal(365) / Decimal(days)) if kept > 0 else Decimal(0)
        out[seg] = yearly.quantize(Decimal("0.0001"))
    return out


def segment_value(
    segment: Segment, members: int, spend_fen: int, averaged_over: int, kept: Decimal | None
) -> SegmentValue:
    """`spend_fen`: the 12-month spend of the `averaged_over` members it is summed over."""
    annual = round_half_up(Decimal(spend_fen) / averaged_over) if averaged_over else None
    clv = (
        lifetime_value_fen(annual, Fraction(kept))
        if annual is not None and kept is not None
        else None
    )
    return SegmentValue(segment, members, annual, kept, clv)

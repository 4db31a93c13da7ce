"""Customer lifetime value per segment for the chain report, per home store and chain-wide.

The till keeps an activity row and a log of segment moves per member; the server keeps
neither, so it works out every member's activity from its own receipts and refunds at two
moments, the report's and RETENTION_LOOKBACK_DAYS before, and classifies both with the
till's definitions (domain/segments.py, domain/lifetime.py). Retention counts the members
of a segment then who are dormant now (the till's log gives the same net moves)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from loyalty_desk.domain.activity import window_start
from loyalty_desk.domain.lifetime import (
    RETENTION_LOOKBACK_DAYS,
    SegmentValue,
    retention,
    segment_value,
)
from loyalty_desk.domain.rules import RuleSet
from loyalty_desk.domain.segments import SEGMENTS_BEST_FIRST, Activity, Segment, classify
from loyalty_desk.server import report_queries as q

LOOKBACK = timedelta(days=RETENTION_LOOKBACK_DAYS)
NO_MEMBERS = tuple(segment_value(seg, 0, 0, 0, None) for seg in SEGMENTS_BEST_FIRST)


def segments_at(
    conn: Connection, moment: datetime, tz: ZoneInfo, rules: RuleSet
) -> dict[str, tuple[str, Segment, int]]:
    """Member id -> (home store, segment, 12-month spend) at `moment`."""
    out: dict[str, tuple[str, Segment, int]] = {}
    for member_id, a in q.member_activity(conn, moment, window_start(moment, tz)).items():
        days = None if a.last_purchase_at is None else (moment - a.last_purchase_at).days
        segment = classify(rules.segments, Activity(a.spend_fen, a.purchases, days))
        out[member_id] = (a.home_store_id, segment, a.spend_fen)
    return out


def lifetime_values(
    conn: Connection, moment: datetime, tz: ZoneInfo, rules_now: RuleSet, rules_then: RuleSet
) -> dict[str, tuple[SegmentValue, ...]]:
    """Scope (home store, or q.CHAIN) -> every segment's members, yearly spend, retention
    and lifetime value at `moment`."""
    then = moment - LOOKBACK
    now_of = segments_at(conn, moment, tz, rules_now)
    then_of = segments_at(conn, then, tz, rules_then)
    counts: dict[str, Counter[Segment]] = defaultdict(Counter)
    spend: dict[str, Counter[Segment]] = defaultdict(Counter)
    counts_then: dict[str, Counter[Segment]] = defaultdict(Counter)
    moves: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for member_id, (store, segment, fen) in now_of.items():
        for scope in (store, q.CHAIN):
            counts[scope][segment] += 1
            spend[scope][segment] += fen
            if member_id in then_of:
                earlier = then_of[member_id][1]
                counts_then[scope][earlier] += 1
                moves[scope][(earlier.value, segment.value)] += 1
    out: dict[str, tuple[SegmentValue, ...]] = {}
    for scope in counts:
        flows = [(a, b, n) for (a, b), n in moves[scope].items() if a != b]
        kept = retention(flows, dict(counts_then[scope]), RETENTION_LOOKBACK_DAYS)
        out[scope] = tuple(
            segment_value(seg, counts[scope][seg], spend[scope][seg], counts[scope][seg], kept[seg])
            for seg in SEGMENTS_BEST_FIRST
        )
    return out

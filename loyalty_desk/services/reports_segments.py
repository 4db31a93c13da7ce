"""Segments report: members per segment at the end of the period and of the one before, who
moved between them, RFM scores, and the members behind every cell.

Counts come from the activity rows (now) rolled back through the segment-move log to the
moment asked for, so a past period costs the moves since then, never a pass over receipts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from loyalty_desk.domain.errors import Code, refuse
from loyalty_desk.domain.periods import Period
from loyalty_desk.domain.segments import (
    DEFAULT_RFM,
    SEGMENTS_BEST_FIRST,
    RfmScale,
    Segment,
)
from loyalty_desk.services import activity
from loyalty_desk.services import reports_queries as q
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_common import (
    MemberLine,
    MemberList,
    Progress,
    ReportHeader,
    header,
    member_line,
    no_progress,
)
from loyalty_desk.services.usecase import use_case

ACTIVE = (Segment.CORE, Segment.POTENTIAL, Segment.BASIC)
LIST_LIMIT = 200


def counts_now(session: Session, now: datetime) -> dict[Segment, int]:
    rows = q.segment_counts_now(session)
    active = {seg: rows.get(seg.value, 0) for seg in ACTIVE}
    total = q.members_joined_before(session, now + q.TICK)
    return {**active, Segment.DORMANT: total - sum(active.values())}


def roll_back(
    later: dict[Segment, int],
    moves: list[tuple[str, str, int]],
    members_then: int,
) -> dict[Segment, int]:
    """Counts at an earlier moment: undo every move logged since then (from → to; a
    member's intermediate moves cancel out)."""
    active = {seg: later[seg] for seg in ACTIVE}
    for first, last, n in moves:
        if Segment(last) in active:
            active[Segment(last)] -= n
        if Segment(first) in active:
            active[Segment(first)] += n
    return {**active, Segment.DORMANT: members_then - sum(active.values())}


def counts_at(session: Session, moment: datetime, now: datetime) -> dict[Segment, int]:
    current = counts_now(session, now)
    if moment >= now:
        return current
    flows = q.segment_flows(session, moment, None)
    return roll_back(current, flows, q.members_joined_before(session, moment))


@dataclass(frozen=True, slots=True)
class SegmentCount:
    segment: Segment
    members: int
    previous: int

    def to_json(self) -> dict[str, Any]:
        return {
            "segment": str(self.segment),
            "label_zh": self.segment.label_zh,
            "members": self.members,
            "previous": self.previous,
        }


@dataclass(frozen=True, slots=True)
class Move:
    from_segment: Segment
    to_segment: Segment
    members: int

    def to_json(self) -> dict[str, Any]:
        return {"from": str(self.from_segment), "to": str(self.to_segment), "members": self.members}


@dataclass(frozen=True, slots=True)
class RfmCell:
    recency: int
    frequency: int
    members: int
    spend_12m_fen: int  # of all the cell's members

    def to_json(self) -> dict[str, Any]:
        return {
            "recency": self.recency,
            "frequency": self.frequency,
            "members": self.members,
            "spend_12m_fen": self.spend_12m_fen,
        }


@dataclass(frozen=True)
class SegmentReport:
    header: ReportHeader
    counts: tuple[SegmentCount, ...]
    moves: tuple[Move, ...]  # only real moves: from one segment to another
    rfm: tuple[RfmCell, ...]  # 25 cells, as of now
    rfm_monetary: tuple[tuple[int, int], ...]  # (M score, members), as of now

    @property
    def moved(self) -> int:
        return sum(m.members for m in self.moves)

    def to_json(self) -> dict[str, Any]:
        return {
            **self.header.to_json(),
            "segments": [c.to_json() for c in self.counts],
            "moved": self.moved,
            "moves": [m.to_json() for m in self.moves],
            "rfm": [c.to_json() for c in self.rfm],
            "rfm_monetary": [{"score": s, "members": n} for s, n in self.rfm_monetary],
        }


def moves_between(session: Session, after: datetime, until: datetime) -> tuple[Move, ...]:
    moves = [
        Move(Segment(a), Segment(b), n)
        for a, b, n in q.segment_moves(session, after, until)
        if a != b
    ]
    order = {s: i for i, s in enumerate(SEGMENTS_BEST_FIRST)}
    return tuple(sorted(moves, key=lambda m: (order[m.from_segment], order[m.to_segment])))


# -- RFM ------------------------------------------------------------------------------------


def _score_at_least(column: Any, breakpoints: tuple[int, int, int, int]) -> Any:

    return case(
        *(
            (column >= limit, score)
            for score, limit in zip((5, 4, 3, 2), reversed(breakpoints), strict=True)
        ),
        else_=1,
    )


def recency_expr(column: Any, scale: RfmScale, now: datetime) -> Any:
    """R score in SQL: bought less than N days before `now` (the same rule as domain.rfm)."""

    return case(
        *(
            (column > now - timedelta(days=limit), score)
            for score, limit in zip((5, 4, 3, 2), scale.recency_days, strict=True)
        ),
        else_=1,
    )


def frequency_expr(column: Any, scale: RfmScale) -> Any:
    return _score_at_least(column, scale.frequency)


def monetary_expr(column: Any, scale: RfmScale) -> Any:
    return _score_at_least(column, scale.monetary_fen)


def rfm_grid(
    session: Session, now: datetime, scale: RfmScale = DEFAULT_RFM
) -> tuple[tuple[RfmCell, ...], tuple[tuple[int, int], ...]]:
    a = q.TILL.activity
    r = recency_expr(a.c.last_purchase_at, scale, now).label("r")
    f = frequency_expr(a.c.purchases_12m, scale).label("f")
    mon = monetary_expr(a.c.spend_12m_fen, scale).label("m")
    sub = select(r, f, mon, a.c.spend_12m_fen.label("spend")).subquery()
    cells: Counter[tuple[int, int]] = Counter()
    spend: Counter[tuple[int, int]] = Counter()
    monetary: Counter[int] = Counter()
    for rr, ff, mm, n, total in session.execute(
        select(sub.c.r, sub.c.f, sub.c.m, func.count(), func.sum(sub.c.spend)).group_by(
            sub.c.r, sub.c.f, sub.c.m
        )
    ):
        cells[(rr, ff)] += n
        spend[(rr, ff)] += int(total or 0)
        monetary[mm] += n
    # Members who never bought have no activity row: R1 F1 M1.
    never = q.members_joined_before(session, now + q.TICK) - sum(cells.values())
    cells[(1, 1)] += never
    monetary[1] += never
    grid = tuple(
        RfmCell(rr, ff, cells[(rr, ff)], spend[(rr, ff)])
        for rr in range(5, 0, -1)
        for ff in range(5, 0, -1)
    )
    return grid, tuple((score, monetary[score]) for score in range(5, 0, -1))


# -- the report -----------------------------------------------------------------------------


@use_case
def segment_report(
    desk: Desk, period: Period, *, progress: Progress = no_progress
) -> SegmentReport:
    progress(0, 4, "activity")
    activity.catch_up(desk)
    head = header(desk, period)
    now = desk.now()
    earlier = min(period.start_utc(desk.tz), now)
    with desk.read() as s:
        progress(1, 4, "segments")
        current = counts_at(s, head.as_of, now)
        progress(2, 4, "moves")
        flows = q.segment_flows(s, earlier, head.as_of)
        before = roll_back(current, flows, q.members_joined_before(s, earlier))
        moves = moves_between(s, earlier, head.as_of)
        progress(3, 4, "rfm")
        grid, monetary = rfm_grid(s, now)
    progress(4, 4, "done")
    return SegmentReport(
        header=head,
        counts=tuple(SegmentCount(seg, current[seg], before[seg]) for seg in SEGMENTS_BEST_FIRST),
        moves=moves,
        rfm=grid,
        rfm_monetary=monetary,
    )


# -- the members behind a cell ----------------------------------------------------------------


def _page(
    s: Session,
    desk: Desk,
    ids: list[str],
    total: int,
    title: str,
    note: str = "",
) -> MemberList:
    rows = q.member_rows(s, ids)
    lines: list[MemberLine] = [member_line(rows[i], desk, note=note) for i in ids if i in rows]
    return MemberList(title, total, tuple(lines))


def _segment_ids_now(
    s: Session, segment: Segment, limit: int, offset: int
) -> tuple[list[str], int]:
    a, mem = q.TILL.activity, q.TILL.member
    cond = [a.c.segment == segment.value]
    in_rows = int(s.scalar(select(func.count()).select_from(a).where(*cond)) or 0)
    ids = list(
        s.scalars(
            select(a.c.member_id)
            .where(*cond)
            .order_by(a.c.lifetime_spend_fen.desc(), a.c.member_id)
            .limit(limit)
            .offset(offset)
        )
    )
    if segment is not Segment.DORMANT:
        return ids, in_rows
    # Dormant also holds everyone who never bought (no activity row): listed after the rest.
    never = (
        select(mem.c.id)
        .where(mem.c.merged_into.is_(None))
        .where(~select(a.c.member_id).where(a.c.member_id == mem.c.id).exists())
    )
    never_count = int(s.scalar(select(func.count()).select_from(never.subquery())) or 0)
    if len(ids) < limit:
        skip = max(0, offset - in_rows)
        ids += list(
            s.scalars(
                never.order_by(mem.c.created_at.desc(), mem.c.id)
                .limit(limit - len(ids))
                .offset(skip)
            )
        )
    return ids, in_rows + never_count


@use_case
def segment_members(
    desk: Desk,
    period: Period,
    *,
    segment: Segment | None = None,
    move: tuple[Segment, Segment] | None = None,
    rfm: tuple[int, int] | None = None,
    limit: int = LIST_LIMIT,
    offset: int = 0,
) -> MemberList:
    """The members behind one cell: a segment (at the period's end), a move between two
    segments during the period, or an RFM cell (R, F; as of now). Best customers first."""
    chosen = [x for x in (segment, move, rfm) if x is not None]
    if len(chosen) != 1:
        raise refuse(
            Code.INVALID_QUERY, "Say which members to list: one segment, one move or one RFM cell."
        )
    if rfm is not None and not all(1 <= v <= 5 for v in rfm):
        raise refuse(
            Code.INVALID_QUERY,
            "RFM scores run from 1 to 5, not {r},{f}.",
            r=rfm[0],
            f=rfm[1],
        )
    if not 1 <= limit <= 100_000 or offset < 0:
        raise refuse(Code.INVALID_QUERY, "A page lists 1 to 100,000 members from offset 0 on.")
    activity.catch_up(desk)
    head = header(desk, period)
    now = desk.now()
    with desk.read() as s:
        if move is not None:
            earlier = min(period.start_utc(desk.tz), now)
            moved = q.moved_members(s, earlier, head.as_of, move[0].value, move[1].value)
            a = q.TILL.activity
            total = int(s.scalar(select(func.count()).select_from(moved)) or 0)
            ids = list(
                s.scalars(
                    select(moved.c.member_id)
                    .select_from(moved.outerjoin(a, a.c.member_id == moved.c.member_id))
                    .order_by(a.c.lifetime_spend_fen.desc(), moved.c.member_id)
                    .limit(limit)
                    .offset(offset)
                )
            )
            title = f"{move[0].label_en} → {move[1].label_en}"
            return _page(s, desk, ids, total, title)
        if rfm is not None:
            return _rfm_members(s, desk, now, rfm, limit, offset)
        assert segment is not None
        if head.as_of >= now:
            ids, total = _segment_ids_now(s, segment, limit, offset)
        else:
            ids, total = _segment_ids_at(s, segment, head.as_of, now, limit, offset)
        return _page(s, desk, ids, total, f"{segment.label_en} {segment.label_zh}")


def _segment_ids_at(
    s: Session,
    segment: Segment,
    moment: datetime,
    now: datetime,
    limit: int,
    offset: int,
) -> tuple[list[str], int]:
    """Members whose segment at `moment` was `segment`: unchanged since, or changed from it."""
    a, mem = q.TILL.activity, q.TILL.member
    moved = q.moved_members(s, moment, now, None, None)
    stayed = select(a.c.member_id.label("member_id")).where(
        a.c.segment == segment.value, a.c.member_id.not_in(select(moved.c.member_id))
    )
    came = select(moved.c.member_id).where(moved.c.first == segment.value)
    both = stayed.union(came).subquery()
    joined = mem.c.created_at < moment
    cond = [mem.c.merged_into.is_(None), joined]
    source = both.join(mem, mem.c.id == both.c.member_id).outerjoin(
        a, a.c.member_id == both.c.member_id
    )
    total = int(s.scalar(select(func.count()).select_from(source).where(*cond)) or 0)
    ids = list(
        s.scalars(
            select(both.c.member_id)
            .select_from(source)
            .where(*cond)
            .order_by(a.c.lifetime_spend_fen.desc(), both.c.member_id)
            .limit(limit)
            .offset(offset)
        )
    )
    if segment is Segment.DORMANT:
        never = (
            select(mem.c.id)
            .where(mem.c.merged_into.is_(None), joined)
            .where(~select(a.c.member_id).where(a.c.member_id == mem.c.id).exists())
        )
        never_count = int(s.scalar(select(func.count()).select_from(never.subquery())) or 0)
        if len(ids) < limit:
            skip = max(0, offset - total)
            ids += list(
                s.scalars(
                    never.order_by(mem.c.created_at.desc(), mem.c.id)
                    .limit(limit - len(ids))
                    .offset(skip)
                )
            )
        total += never_count
    return ids, total


def _rfm_members(
    s: Session,
    desk: Desk,
    now: datetime,
    cell: tuple[int, int],
    limit: int,
    offset: int,
    scale: RfmScale = DEFAULT_RFM,
) -> MemberList:
    a = q.TILL.activity
    cond = [
        recency_expr(a.c.last_purchase_at, scale, now) == cell[0],
        frequency_expr(a.c.purchases_12m, scale) == cell[1],
    ]
    total = int(s.scalar(select(func.count()).select_from(a).where(and_(*cond))) or 0)
    ids = list(
        s.scalars(
            select(a.c.member_id)
            .where(*cond)
            .order_by(a.c.lifetime_spend_fen.desc(), a.c.member_id)
            .limit(limit)
            .offset(offset)
        )
    )
    return _page(s, desk, ids, total, f"R{cell[0]} F{cell[1]}")


def segment_member_ids(
    session: Session,
    segment: Segment,
    *,
    buyers_only: bool = False,
    joined_before: datetime | None = None,
) -> list[str]:
    """Every member in `segment` now, from the activity rows (for batch actions such as
    coupons for a segment). Dormant includes members who never bought unless `buyers_only`;
    `joined_before` keeps out never-buyers who joined after that moment (too new to be
    asleep: they still hold their welcome coupon).
    The rows are as of the last `activity.catch_up` (the daily job runs it)."""
    a, mem = q.TILL.activity, q.TILL.member
    ids = list(session.scalars(select(a.c.member_id).where(a.c.segment == segment.value)))
    if segment is Segment.DORMANT and not buyers_only:
        never_bought = (
            select(mem.c.id)
            .where(mem.c.merged_into.is_(None))
            .where(~select(a.c.member_id).where(a.c.member_id == mem.c.id).exists())
        )
        if joined_before is not None:
            never_bought = never_bought.where(mem.c.created_at < joined_before)
        ids += list(session.scalars(never_bought))
    return ids

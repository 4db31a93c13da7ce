"""The raw totals behind the manager reports: SQLAlchemy Core queries, one job each.

Every query takes a session and a `Tables` (the till's by default), reads only what a
covering index holds where the volume is large (1M members, 10M ledger entries: DESIGN §6),
and returns plain numbers. The arithmetic on top is pure (domain/kpis.py, domain/segments.py),
so another database with the same columns — the central server's ledger — can feed it.

Merged duplicate accounts: their receipts count as the surviving member's (`Merges`), and
the merged accounts themselves are never counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Row,
    Table,
    and_,
    case,
    func,
    literal,
    select,
)
from sqlalchemy.orm import Session

from loyalty_desk.store import models as m


@dataclass(frozen=True)
class Tables:
    """The tables the reports read; another database with the same columns can stand in."""

    member: Table
    receipt: Table
    refund: Table
    ledger: Table
    lot: Table
    coupon: Table
    tier_change: Table
    activity: Table
    segment_change: Table


def _table(model: type[m.Base]) -> Table:
    return cast(Table, model.__table__)


TILL = Tables(
    member=_table(m.Member),
    receipt=_table(m.Receipt),
    refund=_table(m.Refund),
    ledger=_table(m.LedgerEntry),
    lot=_table(m.PointLot),
    coupon=_table(m.Coupon),
    tier_change=_table(m.TierChange),
    activity=_table(m.MemberActivity),
    segment_change=_table(m.SegmentChange),
)

CREDIT_KINDS = ("EARN", "REFERRAL", "BONUS")
TICK = timedelta(microseconds=1)  # "joined by now" includes a member enrolled this instant
ALL_KINDS = ("EARN", "REDEEM", "EXPIRE", "ADJUST", "REVERSAL", "REFERRAL", "BONUS")


@dataclass(frozen=True)
class Window:
    """[start, end) in UTC."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class Merges:
    """Merged account id -> the account it lives on in (following chains of merges)."""

    survivor: dict[str, str]

    def canonical(self, column: Any) -> ColumnElement[Any]:
        """`column` (a member id) mapped to the surviving account; itself when none merged."""
        if not self.survivor:
            return column  # type: ignore[no-any-return]
        mapped = case(
            *((column == merged, literal(into)) for merged, into in self.survivor.items()),
            else_=column,
        )
        # The inner CASE only runs for the few merged ids: the IN test is a quick lookup.
        return case((column.in_(list(self.survivor)), mapped), else_=column)

    @property
    def ids(self) -> list[str]:
        return list(self.survivor)


def merges(session: Session, t: Tables = TILL) -> Merges:
    mem = t.member
    direct = dict(
        session.execute(
            select(mem.c.id, mem.c.merged_into).where(mem.c.merged_into.is_not(None))
        ).all()
    )
    survivor: dict[str, str] = {}
    for merged, into in direct.items():
        hops = 0
        while into in direct and hops < 10:
            into = direct[into]
            hops += 1
        survivor[merged] = into
    return Merges(survivor)


# -- members ----------------------------------------------------------------------------


def members_joined_before(session: Session, moment: datetime, t: Tables = TILL) -> int:
    mem = t.member
    return int(
        session.scalar(
            select(func.count())
            .select_from(mem)
            .where(mem.c.merged_into.is_(None), mem.c.created_at < moment)
        )
        or 0
    )


def members_joined(session: Session, w: Window, t: Tables = TILL) -> int:
    mem = t.member
    return int(
        session.scalar(
            select(func.count())
            .select_from(mem)
            .where(
                mem.c.merged_into.is_(None),
                mem.c.created_at >= w.start,
                mem.c.created_at < w.end,
            )
        )
        or 0
    )


# -- receipts and refunds -----------------------------------------------------------------


def receipt_totals(session: Session, w: Window, t: Tables = TILL) -> tuple[int, int]:
    """(receipts, paid fen) of the period."""
    r = t.receipt
    count, paid = session.execute(
        select(func.count(), func.coalesce(func.sum(r.c.paid_fen), 0)).where(
            r.c.occurred_at >= w.start, r.c.occurred_at < w.end
        )
    ).one()
    return int(count), int(paid)


def refund_total(session: Session, w: Window, t: Tables = TILL) -> int:
    f = t.refund
    return int(
        session.scalar(
            select(func.coalesce(func.sum(f.c.amount_fen), 0)).where(
                f.c.occurred_at >= w.start, f.c.occurred_at < w.end
            )
        )
        or 0
    )


@dataclass(frozen=True)
class Visits:
    active: int  # members with a purchase in the period
    repeat: int  # … with two or more
    previously_active: int  # members with a purchase in the period before
    previously_repeat: int
    churned: int  # active before, not now


def visits(
    session: Session, current: Window, previous: Window, mg: Merges, t: Tables = TILL
) -> Visits:
    """Who bought in this period and the one before: one pass over both periods' receipts."""
    r = t.receipt
    who = mg.canonical(r.c.member_id).label("who")
    now = func.sum(case((r.c.occurred_at >= current.start, 1), else_=0)).label("now")
    before = func.sum(case((r.c.occurred_at < previous.end, 1), else_=0)).label("before")
    per = (
        select(who, now, before)
        .where(r.c.occurred_at >= previous.start, r.c.occurred_at < current.end)
        .group_by(who)
        .subquery()
    )
    row = session.execute(
        select(
            func.count().filter(per.c.now > 0),
            func.count().filter(per.c.now > 1),
            func.count().filter(per.c.before > 0),
            func.count().filter(per.c.before > 1),
            func.count().filter(and_(per.c.before > 0, per.c.now == 0)),
        )
    ).one()
    return Visits(*(int(v) for v in row))


def top_spenders(
    session: Session, w: Window, mg: Merges, limit: int, t: Tables = TILL
) -> list[tuple[str, int, int]]:
    """(member id, receipts, paid fen) of the period's biggest spenders."""
    r = t.receipt
    who = mg.canonical(r.c.member_id).label("who")
    spend = func.sum(r.c.paid_fen).label("spend")
    rows = session.execute(
        select(who, func.count(), spend)
        .where(r.c.occurred_at >= w.start, r.c.occurred_at < w.end)
        .group_by(who)
        .order_by(spend.desc(), who)
        .limit(limit)
    ).all()
    return [(str(a), int(b), int(c)) for a, b, c in rows]


# -- points -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PointFlows:
    issued: int
    reversed: int
    redeemed: int
    restored: int
    expired: int
    adjusted_out: int


def point_flows(session: Session, w: Window, t: Tables = TILL) -> PointFlows:
    e = t.ledger
    rows = session.execute(
        select(
            e.c.kind,
            func.coalesce(func.sum(case((e.c.points > 0, e.c.points), else_=0)), 0),
            func.coalesce(func.sum(case((e.c.points < 0, -e.c.points), else_=0)), 0),
        )
        .where(e.c.kind.in_(ALL_KINDS), e.c.occurred_at >= w.start, e.c.occurred_at < w.end)
        .group_by(e.c.kind)
    ).all()
    plus = {kind: int(p) for kind, p, _ in rows}
    minus = {kind: int(n) for kind, _, n in rows}
    return PointFlows(
        issued=sum(plus.get(k, 0) for k in CREDIT_KINDS) + plus.get("ADJUST", 0),
        reversed=minus.get("REVERSAL", 0),
        redeemed=minus.get("REDEEM", 0),
        restored=plus.get("REVERSAL", 0),
        expired=minus.get("EXPIRE", 0),
        adjusted_out=minus.get("ADJUST", 0),
    )


def points_since(session: Session, moment: datetime, t: Tables = TILL) -> int:
    """The net points of every entry dated at or after `moment`."""
    e = t.ledger
    return int(
        session.scalar(
            select(func.coalesce(func.sum(e.c.points), 0)).where(
                e.c.kind.in_(ALL_KINDS), e.c.occurred_at >= moment
            )
        )
        or 0
    )


def open_points_between(
    session: Session, start: datetime | None, end: datetime | None, t: Tables = TILL
) -> int:
    """Unspent points in lots expiring in [start, end)."""
    lot = t.lot
    cond = [lot.c.remaining > 0]
    if start is not None:
        cond.append(lot.c.expires_at >= start)
    if end is not None:
        cond.append(lot.c.expires_at < end)
    return int(
        session.scalar(select(func.coalesce(func.sum(lot.c.remaining), 0)).where(*cond)) or 0
    )


def total_debt(session: Session, t: Tables = TILL) -> int:
    mem = t.member
    return int(
        session.scalar(select(func.coalesce(func.sum(mem.c.debt), 0)).where(mem.c.debt > 0)) or 0
    )


def open_expiry_range(
    session: Session, t: Tables = TILL
) -> tuple[datetime | None, datetime | None]:
    """The earliest and the latest expiry of lots with points left."""
    lot = t.lot
    first = session.scalar(select(func.min(lot.c.expires_at)).where(lot.c.remaining > 0))
    last = session.scalar(select(func.max(lot.c.expires_at)).where(lot.c.remaining > 0))
    return first, last


# -- coupons ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CouponCounts:
    kind: str
    issued: int
    issued_used: int  # of those issued in the period, how many are used by now
    used: int  # used during the period, whenever issued
    discount_fen: int  # face value of the coupons used during the period


def coupon_counts(session: Session, w: Window, t: Tables = TILL) -> list[CouponCounts]:
    c = t.coupon
    issued = {
        kind: (int(n), int(u))
        for kind, n, u in session.execute(
            select(
                c.c.kind,
                func.count(),
                func.coalesce(func.sum(case((c.c.status == "redeemed", 1), else_=0)), 0),
            )
            .where(c.c.issued_at >= w.start, c.c.issued_at < w.end)
            .group_by(c.c.kind)
        )
    }
    used = {
        kind: (int(n), int(v))
        for kind, n, v in session.execute(
            select(c.c.kind, func.count(), func.coalesce(func.sum(c.c.value_fen), 0))
            .where(
                c.c.redeemed_at.is_not(None),
                c.c.redeemed_at >= w.start,
                c.c.redeemed_at < w.end,
            )
            .group_by(c.c.kind)
        )
    }
    kinds = sorted(set(issued) | set(used))
    return [
        CouponCounts(
            k,
            issued.get(k, (0, 0))[0],
            issued.get(k, (0, 0))[1],
            used.get(k, (0, 0))[0],
            used.get(k, (0, 0))[1],
        )
        for k in kinds
    ]


# -- segments ------------------------------------------------------------------------------


def segment_counts_now(session: Session, mg: Merges, t: Tables = TILL) -> dict[str, int]:
    """Members per segment in the activity rows (members who never bought have none)."""
    a = t.activity
    query = select(a.c.segment, func.count()).group_by(a.c.segment)
    if mg.ids:
        query = query.where(a.c.member_id.not_in(mg.ids))
    return {seg: int(n) for seg, n in session.execute(query).all()}


def segment_moves(
    session: Session, after: datetime, until: datetime, t: Tables = TILL
) -> list[tuple[str, str, int]]:
    """(segment just after `after`… from, segment at `until` to, members) for every member
    whose segment changed in (after, until] — including changes that returned it home."""
    ch = t.segment_change
    firsts = (
        select(
            ch.c.member_id,
            func.first_value(ch.c.from_segment)
            .over(partition_by=ch.c.member_id, order_by=(ch.c.at, ch.c.id))
            .label("first"),
            func.first_value(ch.c.to_segment)
            .over(partition_by=ch.c.member_id, order_by=(ch.c.at.desc(), ch.c.id.desc()))
            .label("last"),
        )
        .where(ch.c.at > after, ch.c.at <= until)
        .distinct()
        .subquery()
    )
    rows = session.execute(
        select(firsts.c.first, firsts.c.last, func.count()).group_by(firsts.c.first, firsts.c.last)
    ).all()
    return [(str(a), str(b), int(n)) for a, b, n in rows]


def moved_members(
    session: Session,
    after: datetime,
    until: datetime,
    from_segment: str | None,
    to_segment: str | None,
    t: Tables = TILL,
) -> Any:
    """A subquery of (member_id, first, last) for members whose segment changed in the window,
    optionally only those from / to the given segments."""
    ch = t.segment_change
    firsts = (
        select(
            ch.c.member_id.label("member_id"),
            func.first_value(ch.c.from_segment)
            .over(partition_by=ch.c.member_id, order_by=(ch.c.at, ch.c.id))
            .label("first"),
            func.first_value(ch.c.to_segment)
            .over(partition_by=ch.c.member_id, order_by=(ch.c.at.desc(), ch.c.id.desc()))
            .label("last"),
        )
        .where(ch.c.at > after, ch.c.at <= until)
        .distinct()
        .subquery()
    )
    query = select(firsts.c.member_id, firsts.c.first, firsts.c.last)
    if from_segment is not None:
        query = query.where(firsts.c.first == from_segment)
    if to_segment is not None:
        query = query.where(firsts.c.last == to_segment)
    return query.subquery()


def activity_spend_by_segment(
    session: Session, mg: Merges, t: Tables = TILL
) -> dict[str, tuple[int, int]]:
    """segment -> (members, total 12-month spend) from the activity rows."""
    a = t.activity
    query = select(a.c.segment, func.count(), func.coalesce(func.sum(a.c.spend_12m_fen), 0))
    if mg.ids:
        query = query.where(a.c.member_id.not_in(mg.ids))
    rows = session.execute(query.group_by(a.c.segment)).all()
    return {str(s): (int(n), int(v)) for s, n, v in rows}


# -- tiers ---------------------------------------------------------------------------------


def tier_counts_now(session: Session, t: Tables = TILL) -> dict[str, int]:
    mem = t.member
    rows = session.execute(
        select(mem.c.tier, func.count()).where(mem.c.merged_into.is_(None)).group_by(mem.c.tier)
    ).all()
    return {str(tier): int(n) for tier, n in rows}


def tier_changes_after(
    session: Session, after: datetime, until: datetime | None, mg: Merges, t: Tables = TILL
) -> list[tuple[str, str, int]]:
    """(tier just before the first change after `after`, tier after the last one, members)."""
    tc = t.tier_change
    cond = [tc.c.at > after]
    if until is not None:
        cond.append(tc.c.at <= until)
    if mg.ids:
        cond.append(tc.c.member_id.not_in(mg.ids))
    firsts = (
        select(
            tc.c.member_id,
            func.first_value(tc.c.from_tier)
            .over(partition_by=tc.c.member_id, order_by=(tc.c.at, tc.c.id))
            .label("first"),
            func.first_value(tc.c.to_tier)
            .over(partition_by=tc.c.member_id, order_by=(tc.c.at.desc(), tc.c.id.desc()))
            .label("last"),
        )
        .where(*cond)
        .distinct()
        .subquery()
    )
    rows = session.execute(
        select(firsts.c.first, firsts.c.last, func.count()).group_by(firsts.c.first, firsts.c.last)
    ).all()
    return [(str(a), str(b), int(n)) for a, b, n in rows]


def tier_moves_in(
    session: Session, w: Window, mg: Merges, t: Tables = TILL
) -> list[tuple[str, str, str, int]]:
    """(reason, from, to, changes) of the tier changes recorded in the period."""
    tc = t.tier_change
    cond = [tc.c.at >= w.start, tc.c.at < w.end]
    if mg.ids:
        cond.append(tc.c.member_id.not_in(mg.ids))
    rows = session.execute(
        select(tc.c.reason, tc.c.from_tier, tc.c.to_tier, func.count())
        .where(*cond)
        .group_by(tc.c.reason, tc.c.from_tier, tc.c.to_tier)
    ).all()
    return [(str(a), str(b), str(c), int(n)) for a, b, c, n in rows]


# -- member rows for lists -------------------------------------------------------------------


def member_rows(session: Session, ids: Sequence[str], t: Tables = TILL) -> dict[str, Row[Any]]:
    """Name, phone, tier and activity of the given members, by id."""
    mem, a = t.member, t.activity
    out: dict[str, Row[Any]] = {}
    for chunk in _chunks(list(ids), 500):
        rows = session.execute(
            select(
                mem.c.id,
                mem.c.code,
                mem.c.name,
                mem.c.phone,
                mem.c.tier,
                mem.c.balance,
                mem.c.created_at,
                mem.c.last_visit_at,
                a.c.segment,
                a.c.spend_12m_fen,
                a.c.purchases_12m,
                a.c.last_purchase_at,
                a.c.lifetime_spend_fen,
                a.c.lifetime_purchases,
            )
            .select_from(mem.outerjoin(a, a.c.member_id == mem.c.id))
            .where(mem.c.id.in_(chunk))
        ).all()
        out.update({row.id: row for row in rows})
    return out


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]

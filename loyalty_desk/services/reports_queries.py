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
    Column,
    ColumnElement,
    Integer,
    MetaData,
    Row,
    String,
    Table,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    literal_column,
    select,
)
from sqlalchemy.orm import Session

from loyalty_desk.domain import kpis
from loyalty_desk.domain.kpis import PointFlows
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

TICK = timedelta(microseconds=1)  # "joined by now" includes a member enrolled this instant
# Written into the SQL, not bound: SQLite uses a partial index (WHERE remaining > 0) only
# when it can see the query's condition implies it.
ZERO: ColumnElement[int] = literal_column("0")
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
    """Members (not merged) who joined before `moment`. Reports ask this for several recent
    moments: the total is counted once per session, then only the members who joined since."""
    mem = t.member
    memo: dict[object, int] = session.info.setdefault("members_joined_before", {})
    if moment not in memo:
        if "total" not in memo:
            memo["total"] = int(
                session.scalar(
                    select(func.count()).select_from(mem).where(mem.c.merged_into.is_(None))
                )
                or 0
            )
        since = session.scalar(
            select(func.count())
            .select_from(mem)
            .where(mem.c.merged_into.is_(None), mem.c.created_at >= moment)
        )
        memo[moment] = memo["total"] - int(since or 0)
    return memo[moment]


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
class Visits(kpis.Visits):
    top: tuple[tuple[str, int, int], ...]  # (member id, receipts, paid fen), biggest first


_per_member = Table(
    "report_per_member",
    MetaData(),
    Column("who", String(36)),
    Column("now", Integer),
    Column("before", Integer),
    Column("spend", Integer),
    prefixes=["TEMPORARY"],
)


def visits(
    session: Session,
    current: Window,
    previous: Window,
    mg: Merges,
    top: int = 10,
    t: Tables = TILL,
) -> Visits:
    """Who bought in this period and in the one just before it, and the biggest spenders:
    one pass over both periods' receipts into a per-member temporary table."""
    r = t.receipt
    who = mg.canonical(r.c.member_id)
    now = case((r.c.occurred_at >= current.start, 1), else_=0)
    per = (
        select(
            who,
            func.sum(now),
            func.sum(1 - now),
            func.sum(case((r.c.occurred_at >= current.start, r.c.paid_fen), else_=0)),
        )
        .where(r.c.occurred_at >= previous.start, r.c.occurred_at < current.end)
        .group_by(who)
    )
    _per_member.create(session.connection(), checkfirst=True)
    session.execute(delete(_per_member))
    session.execute(insert(_per_member).from_select(["who", "now", "before", "spend"], per))
    p = _per_member.c
    row = session.execute(
        select(
            func.count().filter(p.now > 0),
            func.count().filter(p.now > 1),
            func.count().filter(p.before > 0),
            func.count().filter(p.before > 1),
            func.count().filter(and_(p.before > 0, p.now == 0)),
        )
    ).one()
    best = session.execute(
        select(p.who, p.now, p.spend).where(p.now > 0).order_by(p.spend.desc(), p.who).limit(top)
    ).all()
    session.execute(delete(_per_member))
    active, repeat, before, before_repeat, churned = (int(v) for v in row)
    return Visits(
        active,
        repeat,
        before,
        before_repeat,
        churned,
        tuple((str(a), int(b), int(c)) for a, b, c in best),
    )


# -- points -------------------------------------------------------------------------------


def _kind(e: Table) -> ColumnElement[Any]:
    # `kind || ''` keeps SQLite off ix_ledger_kind_time (kind, occurred_at), which it would
    # otherwise prefer without statistics and then read a million rows from the table for a
    # month's totals; the covering (occurred_at, kind, points) index answers alone.
    return e.c.kind + ""


def point_flows(session: Session, w: Window, t: Tables = TILL) -> PointFlows:
    e = t.ledger
    rows = session.execute(
        select(
            e.c.kind,
            func.coalesce(func.sum(case((e.c.points > 0, e.c.points), else_=0)), 0),
            func.coalesce(func.sum(case((e.c.points < 0, -e.c.points), else_=0)), 0),
        )
        .where(_kind(e).in_(ALL_KINDS), e.c.occurred_at >= w.start, e.c.occurred_at < w.end)
        .group_by(e.c.kind)
    ).all()
    return PointFlows.of(
        {kind: int(p) for kind, p, _ in rows}, {kind: int(n) for kind, _, n in rows}
    )


def points_since(session: Session, moment: datetime, t: Tables = TILL) -> int:
    """The net points of every entry dated at or after `moment`."""
    e = t.ledger
    return int(
        session.scalar(
            select(func.coalesce(func.sum(e.c.points), 0)).where(
                _kind(e).in_(ALL_KINDS), e.c.occurred_at >= moment
            )
        )
        or 0
    )


def open_points_between(
    session: Session, start: datetime | None, end: datetime | None, t: Tables = TILL
) -> int:
    """Unspent points in lots expiring in [start, end)."""
    lot = t.lot
    cond = [lot.c.remaining > ZERO]
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
        session.scalar(select(func.coalesce(func.sum(mem.c.debt), 0)).where(mem.c.debt > ZERO)) or 0
    )


def open_expiry_range(
    session: Session, t: Tables = TILL
) -> tuple[datetime | None, datetime | None]:
    """The earliest and the latest expiry of lots with points left."""
    lot = t.lot
    first = session.scalar(select(func.min(lot.c.expires_at)).where(lot.c.remaining > ZERO))
    last = session.scalar(select(func.max(lot.c.expires_at)).where(lot.c.remaining > ZERO))
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


def segment_counts_now(session: Session, t: Tables = TILL) -> dict[str, int]:
    """Members per segment in the activity rows (members who never bought have none, and
    merged accounts have none: services.activity.after_merge)."""
    a = t.activity
    query = select(a.c.segment, func.count()).group_by(a.c.segment)
    return {seg: int(n) for seg, n in session.execute(query).all()}


def segment_flows(
    session: Session, after: datetime, until: datetime | None, t: Tables = TILL
) -> list[tuple[str, str, int]]:
    """(from, to, changes) of the logged moves in (after, until]. Summed over a member's moves
    the middle ones cancel out, so these undo any window's moves exactly for counting."""
    ch = t.segment_change
    cond = [ch.c.at > after]
    if until is not None:
        cond.append(ch.c.at <= until)
    rows = session.execute(
        select(ch.c.from_segment, ch.c.to_segment, func.count())
        .where(*cond)
        .group_by(ch.c.from_segment, ch.c.to_segment)
    ).all()
    return [(str(a), str(b), int(n)) for a, b, n in rows]


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


def activity_spend_by_segment(session: Session, t: Tables = TILL) -> dict[str, tuple[int, int]]:
    """segment -> (members, total 12-month spend) from the activity rows."""
    a = t.activity
    query = select(a.c.segment, func.count(), func.coalesce(func.sum(a.c.spend_12m_fen), 0))
    rows = session.execute(query.group_by(a.c.segment)).all()
    return {str(s): (int(n), int(v)) for s, n, v in rows}


# -- tiers ---------------------------------------------------------------------------------


def tier_counts_now(session: Session, t: Tables = TILL) -> dict[str, int]:
    """Members per tier, merged accounts left out (counted from the tier index, then the
    few merged accounts taken off)."""
    mem = t.member
    memo: dict[str, int] | None = session.info.get("tier_counts_now")
    if memo is not None:
        return dict(memo)
    counts = {
        str(tier): int(n)
        for tier, n in session.execute(select(mem.c.tier, func.count()).group_by(mem.c.tier)).all()
    }
    for tier, n in session.execute(
        select(mem.c.tier, func.count()).where(mem.c.merged_into.is_not(None)).group_by(mem.c.tier)
    ).all():
        counts[str(tier)] -= int(n)
    session.info["tier_counts_now"] = dict(counts)
    return counts


def tier_flows(
    session: Session, after: datetime, mg: Merges, t: Tables = TILL
) -> list[tuple[str, str, int]]:
    """(from, to, changes) of the tier changes after `after`."""
    tc = t.tier_change
    cond = [tc.c.at > after]
    if mg.ids:
        cond.append(tc.c.member_id.not_in(mg.ids))
    rows = session.execute(
        select(tc.c.from_tier, tc.c.to_tier, func.count())
        .where(*cond)
        .group_by(tc.c.from_tier, tc.c.to_tier)
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

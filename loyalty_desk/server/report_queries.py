"""The raw totals behind the chain's KPI report, from the central ledger, per store.

The server's counterpart of services/reports_queries.py (the till's): the same totals, read
from the server's tables, handed to the same pure definitions (domain/kpis.py). Every query
answers for all stores at once (`{store_id: value}`); the chain's figure is the sum, except
for counts of distinct members (active, repeat, churned, top), which have their own query.

Which store a figure belongs to: a receipt, refund, ledger entry or coupon use to the store
where it happened; a member, their points and the liability to the member's home store
(where they enrolled; a merged member's is the earlier enrolment's).

Entries are already booked on the surviving member of a merge (server/ledger.move_member),
and merged accounts are never counted as members.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    null,
    select,
    union_all,
)

from loyalty_desk.domain.kpis import PointFlows, Visits
from loyalty_desk.domain.timeutil import as_utc
from loyalty_desk.server import models as m

CHAIN = ""  # the key of the whole chain's figure in per-scope results
# Written into the SQL, not bound: a partial index (WHERE remaining > 0) is used only when
# the planner can see the query's condition implies it.
ZERO: ColumnElement[int] = literal_column("0")

E = m.Entry.__table__.c
MEM = m.Member.__table__.c


@dataclass(frozen=True)
class Window:
    """[start, end) in UTC."""

    start: datetime
    end: datetime


def _int(value: Any) -> int:
    return int(value or 0)


# -- members ------------------------------------------------------------------------------


def members(conn: Connection, w: Window) -> dict[str, tuple[int, int]]:
    """Home store -> (members who joined before the end, members who joined in the window)."""
    joined = MEM.created_at
    rows = conn.execute(
        select(
            MEM.home_store_id,
            func.count().filter(joined < w.end),
            func.count().filter(and_(joined >= w.start, joined < w.end)),
        )
        .where(MEM.merged_into.is_(None))
        .group_by(MEM.home_store_id)
    ).all()
    return {str(s): (_int(total), _int(new)) for s, total, new in rows}


# -- receipts and refunds -------------------------------------------------------------------


def receipts(conn: Connection, w: Window) -> dict[str, tuple[int, int]]:
    """Store -> (member receipts, paid fen): a receipt is the EARN entry a till books for
    every member purchase (even one that earned 0 points)."""
    rows = conn.execute(
        select(E.store_id, func.count(), func.coalesce(func.sum(E.amount_fen), 0))
        .where(E.kind == "EARN", E.occurred_at >= w.start, E.occurred_at < w.end)
        .group_by(E.store_id)
    ).all()
    return {str(s): (_int(n), _int(paid)) for s, n, paid in rows}


def refunds(conn: Connection, w: Window) -> dict[str, int]:
    r = m.Refund.__table__.c
    rows = conn.execute(
        select(r.store_id, func.coalesce(func.sum(r.amount_fen), 0))
        .where(r.occurred_at >= w.start, r.occurred_at < w.end)
        .group_by(r.store_id)
    ).all()
    return {str(s): _int(v) for s, v in rows}


TopSpenders = dict[str, list[tuple[str, int, int]]]


def visits(
    conn: Connection, current: Window, previous: Window, top: int, only: str | None = None
) -> tuple[dict[str, Visits], TopSpenders]:
    """Per store and for the chain (key CHAIN): who bought in this period and in the one
    before, and the biggest spenders of this period — (member id, receipts, paid fen),
    biggest first, ties by member id. A member who bought in two stores is active in both
    and once in the chain. With `only`, that store's alone (no chain figures).

    One statement: both periods' receipts are aggregated once per (store, member) into a
    materialised CTE, which the counts and the rankings then read (the aggregation is the
    expensive part: a million members' receipts)."""
    now = case((E.occurred_at >= current.start, 1), else_=0)
    per = (
        select(
            E.store_id.label("store_id"),
            E.member_id.label("member_id"),
            func.sum(now).label("now"),
            func.sum(1 - now).label("before"),
            func.sum(case((E.occurred_at >= current.start, E.amount_fen), else_=0)).label("spend"),
        )
        .where(
            E.kind == "EARN",
            E.occurred_at >= previous.start,
            E.occurred_at < current.end,
            *([E.store_id == only] if only is not None else []),
        )
        .group_by(E.store_id, E.member_id)
        .cte("per")
        .prefix_with("MATERIALIZED")
    )
    whole = (
        select(
            per.c.member_id,
            func.sum(per.c.now).label("now"),
            func.sum(per.c.before).label("before"),
            func.sum(per.c.spend).label("spend"),
        )
        .group_by(per.c.member_id)
        .cte("whole")
    )

    def counts(p: Any) -> list[Any]:
        return [
            cast(func.count().filter(p.now > 0), BigInteger),
            cast(func.count().filter(p.now > 1), BigInteger),
            cast(func.count().filter(p.before > 0), BigInteger),
            cast(func.count().filter(p.before > 1), BigInteger),
            cast(func.count().filter(and_(p.before > 0, p.now == 0)), BigInteger),
        ]

    no_member = cast(null(), String)
    zero = cast(literal(0), BigInteger)
    chain_key = cast(literal(CHAIN), String)
    parts: list[Any] = [
        select(literal("v"), per.c.store_id, no_member, *counts(per.c)).group_by(per.c.store_id)
    ]
    scopes: list[tuple[Any, Any]] = [(per.c.store_id, per.c)]
    if only is None:
        parts.append(select(literal("v"), chain_key, no_member, *counts(whole.c)))
        scopes.append((chain_key, whole.c))
    if top > 0:
        for scope, p in scopes:
            by_spend = (p.spend.desc(), p.member_id)
            rank = (
                func.row_number().over(partition_by=p.store_id, order_by=by_spend)
                if p is per.c
                else func.row_number().over(order_by=by_spend)
            )
            ranked = (
                select(scope.label("scope"), p.member_id, p.now, p.spend, rank.label("rank"))
                .where(p.now > 0)
                .subquery()
            )
            r = ranked.c
            parts.append(
                select(
                    literal("t"),
                    r.scope,
                    r.member_id,
                    cast(r.now, BigInteger),
                    cast(r.spend, BigInteger),
                    cast(r.rank, BigInteger),
                    zero,
                    zero,
                ).where(r.rank <= top)
            )
    out: dict[str, Visits] = {}
    tops: TopSpenders = defaultdict(list)
    ranked_rows: list[tuple[str, int, str, int, int]] = []
    for what, scope, member_id, a, b, c, d, e in conn.execute(union_all(*parts)):
        if what == "v":
            out[str(scope)] = Visits(_int(a), _int(b), _int(c), _int(d), _int(e))
        else:
            ranked_rows.append((str(scope), _int(c), str(member_id), _int(a), _int(b)))
    for scope, _, member_id, n, spend in sorted(ranked_rows):
        tops[scope].append((member_id, n, spend))
    return out, tops


def member_rows(conn: Connection, ids: Sequence[str]) -> dict[str, Any]:
    """Code, name, phone, home store and balance of the given members, by id."""
    out: dict[str, Any] = {}
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), 500):
        part = wanted[i : i + 500]
        for row in conn.execute(
            select(
                MEM.id,
                MEM.code,
                MEM.name,
                MEM.phone,
                MEM.home_store_id,
                MEM.points,
                MEM.debt,
                MEM.created_at,
                MEM.last_visit_at,
            ).where(MEM.id.in_(part))
        ):
            out[row.id] = row
    return out


# -- points ---------------------------------------------------------------------------------


def point_flows(conn: Connection, w: Window) -> dict[str, PointFlows]:
    """Store -> the points each kind of entry moved in the window, as the server applied
    them (an EXPIRE takes what the lots still held), split as the till's report does."""
    plus = func.coalesce(func.sum(case((E.applied > 0, E.applied), else_=0)), 0)
    minus = func.coalesce(func.sum(case((E.applied < 0, -E.applied), else_=0)), 0)
    rows = conn.execute(
        select(E.store_id, E.kind, plus, minus)
        .where(E.occurred_at >= w.start, E.occurred_at < w.end)
        .group_by(E.store_id, E.kind)
    ).all()
    gained: dict[str, dict[str, int]] = defaultdict(dict)
    lost: dict[str, dict[str, int]] = defaultdict(dict)
    for store, kind, p, n in rows:
        gained[str(store)][str(kind)] = _int(p)
        lost[str(store)][str(kind)] = _int(n)
    return {store: PointFlows.of(gained[store], lost[store]) for store in gained}


def balances(conn: Connection) -> dict[str, tuple[int, int]]:
    """Home store -> (points its members hold now, their debt now)."""
    rows = conn.execute(
        select(
            MEM.home_store_id,
            func.coalesce(func.sum(MEM.points), 0),
            func.coalesce(func.sum(MEM.debt), 0),
        )
        .where(MEM.merged_into.is_(None))
        .group_by(MEM.home_store_id)
    ).all()
    return {str(s): (_int(p), _int(d)) for s, p, d in rows}


def points_since(
    conn: Connection, moments: Sequence[datetime], only: str | None = None
) -> list[dict[str, int]]:
    """For each of `moments`: home store (or `only` that one) -> the net points of its
    members' entries dated at or after it. One pass over the entries since the earliest."""
    if not moments:
        return []
    sums = [
        func.coalesce(func.sum(E.applied).filter(E.occurred_at >= moment), 0) for moment in moments
    ]
    rows = conn.execute(
        select(MEM.home_store_id, *sums)
        .select_from(m.Entry.__table__.join(m.Member.__table__, MEM.id == E.member_id))
        .where(
            E.occurred_at >= min(moments),
            *([MEM.home_store_id == only] if only is not None else []),
        )
        .group_by(MEM.home_store_id)
    ).all()
    return [{str(row[0]): _int(row[i + 1]) for row in rows} for i in range(len(moments))]


def open_expiry_range(conn: Connection) -> tuple[datetime | None, datetime | None]:
    lot = m.Lot.__table__.c
    first, last = conn.execute(
        select(func.min(lot.expires_at), func.max(lot.expires_at)).where(lot.remaining > ZERO)
    ).one()
    return first, last


def open_points_between(conn: Connection, start: datetime, end: datetime) -> dict[str, int]:
    """Store that issued them -> unspent points in lots expiring in [start, end): read from
    the partial index of open lots alone (one month of a million members' lots at a time)."""
    lot = m.Lot.__table__.c
    rows = conn.execute(
        select(lot.store_id, func.coalesce(func.sum(lot.remaining), 0))
        .where(lot.remaining > ZERO, lot.expires_at >= start, lot.expires_at < end)
        .group_by(lot.store_id)
    ).all()
    return {str(s): _int(v) for s, v in rows}


# -- coupons --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CouponCounts:
    issued: int = 0
    issued_used: int = 0  # of those issued in the window, how many are used by now
    used: int = 0  # used during the window, whenever issued
    discount_fen: int = 0  # face value of the coupons used during the window


def coupon_counts(conn: Connection, w: Window) -> dict[str, dict[str, CouponCounts]]:
    """Store -> kind -> counts: issued where the coupon was issued, used where it was used.
    Coupons the till announced before kinds were kept on the server count as 'unknown'."""
    c = m.Coupon.__table__.c
    kind = func.coalesce(c.kind, "unknown")
    issued = conn.execute(
        select(
            c.issued_store_id,
            kind,
            func.count(),
            func.count().filter(c.status == "redeemed"),
        )
        .where(c.issued_at >= w.start, c.issued_at < w.end)
        .group_by(c.issued_store_id, kind)
    ).all()
    used = conn.execute(
        select(
            c.redeemed_store_id,
            kind,
            func.count(),
            func.coalesce(func.sum(c.value_fen), 0),
        )
        .where(c.redeemed_at.is_not(None), c.redeemed_at >= w.start, c.redeemed_at < w.end)
        .group_by(c.redeemed_store_id, kind)
    ).all()
    parts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for store, k, n, u in issued:
        parts[str(store)][str(k)].update(issued=_int(n), issued_used=_int(u))
    for store, k, n, v in used:
        parts[str(store)][str(k)].update(used=_int(n), discount_fen=_int(v))
    return {
        store: {k: CouponCounts(**fields) for k, fields in kinds.items()}
        for store, kinds in parts.items()
    }


# -- stores and rules -------------------------------------------------------------------------


def stores(conn: Connection) -> dict[str, str]:
    s = m.Store.__table__.c
    return {str(i): str(n) for i, n in conn.execute(select(s.id, s.name).order_by(s.id))}


def rule_body_at(conn: Connection, moment: datetime) -> str | None:
    """The rule set in force at `moment` (the latest version effective by then), as stored."""
    r = m.RuleVersion.__table__.c
    body: str | None = conn.execute(
        select(r.body).where(r.effective_from <= moment).order_by(r.version.desc()).limit(1)
    ).scalar()
    return body


# -- member activity ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberActivity:
    """A member's purchases up to a moment, net of the refunds made by then."""

    home_store_id: str
    spend_fen: int  # in the 12-month window
    purchases: int  # in the 12-month window, those with something left after refunds
    last_purchase_at: datetime | None  # the latest with something left, at any time


def member_activity(
    conn: Connection, moment: datetime, window_start: datetime
) -> dict[str, MemberActivity]:
    """Member id -> activity, for every member who had joined before `moment`, as the till's
    activity rows count it (domain/activity.py): receipts (EARN entries) from `window_start`
    up to and including `moment`, each less the refunds of it made by `moment`."""
    r = m.Refund.__table__.c
    refunded = (
        select(r.store_id, r.receipt_no, func.sum(r.amount_fen).label("fen"))
        .where(r.occurred_at <= moment)
        .group_by(r.store_id, r.receipt_no)
        .subquery()
    )
    net = func.coalesce(E.amount_fen, 0) - func.coalesce(refunded.c.fen, 0)
    recent = E.occurred_at >= window_start
    bought = (
        select(
            E.member_id.label("member_id"),
            func.coalesce(func.sum(net).filter(recent), 0).label("spend"),
            func.count().filter(and_(recent, net > 0)).label("purchases"),
            func.max(E.occurred_at).filter(net > 0).label("last"),
        )
        .select_from(
            m.Entry.__table__.outerjoin(
                refunded,
                and_(refunded.c.store_id == E.store_id, refunded.c.receipt_no == E.receipt_no),
            )
        )
        .where(E.kind == "EARN", E.occurred_at <= moment)
        .group_by(E.member_id)
        .subquery()
    )
    rows = conn.execute(
        select(MEM.id, MEM.home_store_id, bought.c.spend, bought.c.purchases, bought.c.last)
        .select_from(m.Member.__table__.outerjoin(bought, bought.c.member_id == MEM.id))
        .where(MEM.merged_into.is_(None), MEM.created_at < moment)
    ).all()
    return {
        str(i): MemberActivity(str(store), _int(spend), _int(n), _when(last))
        for i, store, spend, n, last in rows
    }


def _when(value: Any) -> datetime | None:
    """An aggregate's timestamp: SQLite hands back the stored text."""
    if value is None or isinstance(value, datetime):
        return as_utc(value) if value is not None else None
    return as_utc(datetime.fromisoformat(str(value)))

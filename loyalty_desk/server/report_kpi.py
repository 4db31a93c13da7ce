"""The chain's KPI report (issue 6 item 8): the till's KPIs, per store and for the chain.

The definitions are the till's (domain/kpis.py: the same PeriodTotals, the same lines and
rates, the same period logic of domain/periods.py); only the totals come from the central
ledger (server/report_queries.py). Days are in the chain's time zone, one for the whole
report, so that the stores add up to the chain.

What the server cannot compute, and why:
- share of store sales: no node knows the sales of non-members (the till does not either;
  the figure needs the store's total sales from the POS, which the server is never sent);
- segment moves and tier figures: the server keeps no segment log nor tiers (the tills
  derive them from their own receipts); lifetime value per segment it works out from its
  own receipts at two moments instead (server/report_lifetime.py);
- a receipt that earned points at a till before it was first synced counts from when the
  till pushed it: until then the server has not heard of it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import text

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.domain.kpis import (
    CouponLine,
    KpiLine,
    LiabilityMonth,
    PeriodTotals,
    PointFlows,
    Visits,
    expiry_months,
    kpi_lines,
    period_totals,
)
from loyalty_desk.domain.lifetime import SegmentValue
from loyalty_desk.domain.people import mask_phone
from loyalty_desk.domain.periods import Period, period_between
from loyalty_desk.domain.redemption import points_value_fen
from loyalty_desk.domain.rules import DEFAULT_RULES, RuleSet, rules_from_mapping
from loyalty_desk.domain.timeutil import DEFAULT_TIMEZONE, local_date, local_midnight_utc, zone
from loyalty_desk.server import report_queries as q
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.errors import ApiError
from loyalty_desk.server.report_lifetime import LOOKBACK, NO_MEMBERS, lifetime_values

TOP_MEMBERS = 10
MAX_TOP = 100
CHAIN = q.CHAIN
ENV_TIMEZONE = "LOYALTY_SERVER_TIMEZONE"  # the chain's business days (default Asia/Shanghai)


def chain_timezone(name: str | None = None) -> ZoneInfo:
    """The time zone the report's days are in: given, else the server's setting."""
    wanted = name or os.environ.get(ENV_TIMEZONE) or DEFAULT_TIMEZONE
    tz = zone(wanted)
    if tz is None:
        raise ApiError(400, Code.INVALID_TIMEZONE, f"'{wanted}' is not a time zone.")
    return tz


# Days a chain could have figures for; beyond them the period before would leave the calendar.
EARLIEST, LATEST = date(1970, 1, 1), date(2999, 12, 31)


def report_period(first: date, last: date) -> Period:
    """The period from two days, as the till reads them (a whole week or month is one)."""
    for day in (first, last):
        if not EARLIEST <= day <= LATEST:
            raise ApiError(
                400, Code.INVALID_DATE, f"{day} is out of range ({EARLIEST} to {LATEST})."
            )
    period = period_between(first, last)
    if isinstance(period, Refusal):
        raise ApiError(400, period.code, period.message)
    return period


@dataclass(frozen=True, slots=True)
class TopMember:
    code: str
    name: str
    phone: str
    home_store_id: str
    receipts: int
    spend_fen: int
    balance: int  # points held minus debt, now

    def to_json(self, *, unmasked: bool = False) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "phone": self.phone if unmasked else mask_phone(self.phone),
            "home_store_id": self.home_store_id,
            "receipts": self.receipts,
            "spend_fen": self.spend_fen,
            "balance": self.balance,
        }


@dataclass(frozen=True)
class ScopeReport:
    """The KPIs of one store, or of the whole chain (`store_id` None)."""

    store_id: str | None
    name: str
    lines: tuple[KpiLine, ...]
    liability: tuple[LiabilityMonth, ...]
    debt_points: int
    coupons: tuple[CouponLine, ...]
    top_members: tuple[TopMember, ...]
    segment_values: tuple[SegmentValue, ...]  # members by home store

    def line(self, key: str) -> KpiLine:
        for line in self.lines:
            if line.key == key:
                return line
        raise KeyError(key)

    def value(self, key: str) -> Any:
        return self.line(key).current

    def to_json(self, *, unmasked: bool = False) -> dict[str, Any]:
        return {
            "store_id": self.store_id,
            "name": self.name,
            "kpis": [line.to_json() for line in self.lines],
            "liability_by_expiry_month": [m.to_json() for m in self.liability],
            "debt_points": self.debt_points,
            "coupons": [c.to_json() for c in self.coupons],
            "top_members": [t.to_json(unmasked=unmasked) for t in self.top_members],
            "lifetime_value_by_segment": [v.to_json() for v in self.segment_values],
        }


@dataclass(frozen=True)
class ChainKpiReport:
    period: Period
    previous: Period
    timezone: str
    as_of: datetime
    generated_at: datetime
    chain: ScopeReport | None  # None when the report was asked for one store
    stores: tuple[ScopeReport, ...]

    def store(self, store_id: str) -> ScopeReport:
        for scope in self.stores:
            if scope.store_id == store_id:
                return scope
        raise KeyError(store_id)

    @property
    def scopes(self) -> tuple[ScopeReport, ...]:
        return ((self.chain,) if self.chain is not None else ()) + self.stores

    def to_json(self, *, unmasked: bool = False) -> dict[str, Any]:
        return {
            "period": self.period.to_json(),
            "previous": self.previous.to_json(),
            "timezone": self.timezone,
            "as_of": self.as_of.isoformat(),
            "generated_at": self.generated_at.isoformat(),
            "phones": "full" if unmasked else "masked",
            "chain": self.chain.to_json(unmasked=unmasked) if self.chain is not None else None,
            "stores": [s.to_json(unmasked=unmasked) for s in self.stores],
        }


# -- assembling -------------------------------------------------------------------------------

T = TypeVar("T")


def _total(parts: dict[str, T], empty: T) -> T:
    """The chain's figure: every store's summed field by field (dataclasses, tuples, ints)."""
    values = list(parts.values())
    if not values:
        return empty
    first = values[0]
    if isinstance(first, int):
        return sum(values, 0)  # type: ignore[arg-type, return-value]
    if isinstance(first, tuple):
        return tuple(sum(v[i] for v in values) for i in range(len(first)))  # type: ignore
    names = [f.name for f in fields(first)]  # type: ignore[arg-type]
    return type(first)(**{n: sum(getattr(v, n) for v in values) for n in names})


def _with_chain(parts: dict[str, T], empty: T) -> dict[str, T]:
    return {**parts, CHAIN: _total(parts, empty)}


def rules_at(conn: Any, moment: datetime) -> RuleSet:
    body = q.rule_body_at(conn, moment)
    if body is None:
        return DEFAULT_RULES
    parsed = rules_from_mapping(json.loads(body))
    return parsed if isinstance(parsed, RuleSet) else DEFAULT_RULES


@dataclass(frozen=True)
class _Side:
    """One period's totals for every scope (stores and CHAIN)."""

    members: dict[str, tuple[int, int]]
    receipts: dict[str, tuple[int, int]]
    refunds: dict[str, int]
    flows: dict[str, PointFlows]
    outstanding: dict[str, int]


def _side(conn: Any, w: q.Window, since: dict[str, int], held: dict[str, tuple[int, int]]) -> _Side:
    """`since`: per home store, the net points of entries after the period's standing moment."""
    outstanding = {s: points - debt - since.get(s, 0) for s, (points, debt) in held.items()} | {
        s: -v for s, v in since.items() if s not in held
    }
    return _Side(
        members=_with_chain(q.members(conn, w), (0, 0)),
        receipts=_with_chain(q.receipts(conn, w), (0, 0)),
        refunds=_with_chain(q.refunds(conn, w), 0),
        flows=_with_chain(q.point_flows(conn, w), PointFlows()),
        outstanding=_with_chain(outstanding, 0),
    )


def _totals(
    side: _Side, scope: str, visits: Visits, rules: RuleSet, *, previous: bool
) -> PeriodTotals:
    outstanding = side.outstanding.get(scope, 0)
    return period_totals(
        members=side.members.get(scope, (0, 0)),
        visits=visits,
        receipts=side.receipts.get(scope, (0, 0)),
        refunds_fen=side.refunds.get(scope, 0),
        flows=side.flows.get(scope, PointFlows()),
        outstanding_points=outstanding,
        outstanding_value_fen=points_value_fen(rules, outstanding),
        previous=previous,
    )


def _liability(conn: Any, tz: ZoneInfo, rules: RuleSet) -> dict[str, tuple[LiabilityMonth, ...]]:
    """Per scope, unspent points now by the month they expire in (every month from the first
    open lot's to the last's; lots past their date that no till has expired yet count in
    their own month, as on the till). A store's are the points it issued: lots remember
    where they were earned, whoever holds them."""
    first, last = q.open_expiry_range(conn)
    if first is None or last is None:
        return {}
    months = expiry_months(local_date(first, tz), local_date(last, tz))
    per_month = [
        _with_chain(
            q.open_points_between(conn, local_midnight_utc(a, tz), local_midnight_utc(b, tz)), 0
        )
        for a, b in months
    ]
    scopes = {scope for found in per_month for scope in found}
    return {
        scope: tuple(
            LiabilityMonth(month, found.get(scope, 0), points_value_fen(rules, found.get(scope, 0)))
            for (month, _), found in zip(months, per_month, strict=True)
        )
        for scope in scopes
    }


def _coupons(counts: dict[str, dict[str, q.CouponCounts]]) -> dict[str, tuple[CouponLine, ...]]:
    chain: dict[str, q.CouponCounts] = {}
    for kind in {k for kinds in counts.values() for k in kinds}:
        per_store = {s: kinds[kind] for s, kinds in counts.items() if kind in kinds}
        chain[kind] = _total(per_store, q.CouponCounts())
    return {
        scope: tuple(
            CouponLine.of(k, c.issued, c.used, c.issued_used, c.discount_fen)
            for k, c in sorted(kinds.items())
        )
        for scope, kinds in {**counts, CHAIN: chain}.items()
    }


def chain_kpi_report(
    db: ServerDatabase,
    period: Period,
    *,
    now: datetime,
    tz: ZoneInfo,
    store: str | None = None,
    top: int = TOP_MEMBERS,
) -> ChainKpiReport:
    """Every KPI of `period` next to the period before, for each store and the chain, or
    for `store` alone. Read in one snapshot of the database."""
    if not 0 <= top <= MAX_TOP:
        raise ApiError(400, Code.INVALID_QUERY, f"Top members: 0 to {MAX_TOP}, not {top}.")
    previous = period.previous()
    current_w = q.Window(period.start_utc(tz), period.end_utc(tz))
    previous_w = q.Window(previous.start_utc(tz), previous.end_utc(tz))
    as_of = min(current_w.end, now)
    before = min(previous_w.end, now)
    with db.read() as conn:
        if db.postgres:
            # Per-member aggregates of a month's receipts (a million members) fit in memory
            # instead of spilling to disk; compiling each query would cost more than it saves.
            conn.execute(text("SET LOCAL work_mem = '256MB'"))
            conn.execute(text("SET LOCAL jit = off"))
        names = q.stores(conn)
        if store is not None and store not in names:
            raise ApiError(404, Code.UNKNOWN_STORE, f"No store {store} on this server.")
        held = q.balances(conn)
        since_end, since_before = q.points_since(conn, [as_of, before], store)
        now_side = _side(conn, current_w, since_end, held)
        before_side = _side(conn, previous_w, since_before, held)
        visits, spenders = q.visits(conn, current_w, previous_w, top, store)
        rules_now, rules_end, rules_before = (
            rules_at(conn, now),
            rules_at(conn, as_of),
            rules_at(conn, before),
        )
        liability = _liability(conn, tz, rules_now)
        coupons = _coupons(q.coupon_counts(conn, current_w))
        rows = q.member_rows(conn, [m for group in spenders.values() for m, _, _ in group])
        values = lifetime_values(conn, as_of, tz, rules_end, rules_at(conn, as_of - LOOKBACK))
    seen = set(now_side.members) | set(now_side.receipts) | set(now_side.flows) | set(held)
    store_ids = sorted((set(names) | seen) - {CHAIN})
    if store is not None:
        store_ids = [store]

    def scope_report(scope: str) -> ScopeReport:
        v = visits.get(scope, Visits(0, 0, 0, 0, 0))
        current = _totals(now_side, scope, v, rules_end, previous=False)
        earlier = _totals(before_side, scope, v, rules_before, previous=True)
        tops = tuple(
            TopMember(
                code=rows[m].code,
                name=rows[m].name,
                phone=rows[m].phone,
                home_store_id=rows[m].home_store_id,
                receipts=n,
                spend_fen=spend,
                balance=int(rows[m].points) - int(rows[m].debt),
            )
            for m, n, spend in spenders.get(scope, [])
            if m in rows
        )
        return ScopeReport(
            store_id=scope or None,
            name=names.get(scope, scope) if scope else "Chain 全连锁",
            lines=kpi_lines(current, earlier),
            liability=liability.get(scope, ()),
            debt_points=held.get(scope, (0, 0))[1] if scope else sum(d for _, d in held.values()),
            coupons=coupons.get(scope, ()),
            top_members=tops,
            segment_values=values.get(scope, NO_MEMBERS),
        )

    return ChainKpiReport(
        period=period,
        previous=previous,
        timezone=tz.key,
        as_of=as_of,
        generated_at=now,
        chain=scope_report(CHAIN) if store is None else None,
        stores=tuple(scope_report(s) for s in store_ids),
    )

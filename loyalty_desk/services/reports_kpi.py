"""The KPI report of a period, compared with the period before (issue 6 item 1).

One implementation for the Reports screen, the CLI and the exports. The figures and their
definitions are in domain/kpis.py; this module only gathers the totals from the till
(services/reports_queries.py) within the report budget (DESIGN §6: 1M members, 10M ledger
entries, ≤ 3 s), using two read connections at once where the work is heaviest.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from loyalty_desk.domain import kpis
from loyalty_desk.domain.errors import Code, refuse
from loyalty_desk.domain.kpis import (
    CouponLine,
    KpiLine,
    LiabilityMonth,
    PeriodTotals,
    PointFlows,
    expiry_months,
    kpi_lines,
)
from loyalty_desk.domain.lifetime import (
    RETENTION_LOOKBACK_DAYS,
    SegmentValue,
    retention,
    segment_value,
)
from loyalty_desk.domain.periods import Period
from loyalty_desk.domain.redemption import points_value_fen
from loyalty_desk.domain.segments import SEGMENTS_BEST_FIRST, Segment
from loyalty_desk.domain.timeutil import add_months, local_date, local_midnight_utc
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
from loyalty_desk.services.reports_segments import counts_at, roll_back
from loyalty_desk.services.usecase import use_case

TOP_MEMBERS = 10


@dataclass(frozen=True, slots=True)
class FlowPoint:
    """Points issued and redeemed on one day/week/month of the period (for the chart)."""

    first: date
    issued: int
    redeemed: int

    def to_json(self) -> dict[str, Any]:
        return {"from": self.first.isoformat(), "issued": self.issued, "redeemed": self.redeemed}


@dataclass(frozen=True)
class KpiReport:
    header: ReportHeader
    lines: tuple[KpiLine, ...]
    flows: tuple[FlowPoint, ...]
    flow_step: str  # day | week | month
    liability: tuple[LiabilityMonth, ...]
    debt_points: int
    coupons: tuple[CouponLine, ...]
    segment_values: tuple[SegmentValue, ...]
    top_members: MemberList

    def line(self, key: str) -> KpiLine:
        for line in self.lines:
            if line.key == key:
                return line
        raise KeyError(key)

    def to_json(self, *, unmasked: bool = False) -> dict[str, Any]:
        return {
            **self.header.to_json(),
            "kpis": [line.to_json() for line in self.lines],
            "points_over_time": {
                "step": self.flow_step,
                "points": [f.to_json() for f in self.flows],
            },
            "liability_by_expiry_month": [m.to_json() for m in self.liability],
            "debt_points": self.debt_points,
            "coupons": [c.to_json() for c in self.coupons],
            "lifetime_value_by_segment": [v.to_json() for v in self.segment_values],
            "top_members": self.top_members.to_json(unmasked=unmasked),
        }


# -- pieces --------------------------------------------------------------------------------


def flow_buckets(period: Period) -> tuple[str, list[tuple[date, date]]]:
    """Days for up to two months, weeks up to half a year, months beyond: (first, next first)."""
    days = period.days
    step = "day" if days <= 62 else "week" if days <= 190 else "month"
    out: list[tuple[date, date]] = []
    first = period.first
    end = period.last + timedelta(days=1)
    while first < end:
        if step == "day":
            nxt = first + timedelta(days=1)
        elif step == "week":
            nxt = first + timedelta(days=7 - first.weekday())
        else:
            nxt = add_months(first.replace(day=1), 1)
        out.append((first, min(nxt, end)))
        first = min(nxt, end)
    return step, out


def liability(s: Any, desk: Desk, now: datetime) -> tuple[tuple[LiabilityMonth, ...], int]:
    """Unspent points by the store-local month they expire in (lots past their date that the
    daily job has not expired yet count in their own month)."""
    rules = desk.rules_at(now)
    first_lot, latest = q.open_expiry_range(s)
    months: list[LiabilityMonth] = []
    if first_lot is not None and latest is not None:
        for month, nxt in expiry_months(
            local_date(first_lot, desk.tz), local_date(latest, desk.tz)
        ):
            points = q.open_points_between(
                s, local_midnight_utc(month, desk.tz), local_midnight_utc(nxt, desk.tz)
            )
            months.append(LiabilityMonth(month, points, points_value_fen(rules, points)))
    return tuple(months), q.total_debt(s)


def segment_values(s: Any, desk: Desk, moment: datetime, now: datetime) -> tuple[SegmentValue, ...]:
    """Members per segment, their average yearly spend, retention and lifetime value."""
    counts = counts_at(s, moment, now)
    spend = q.activity_spend_by_segment(s)
    since = moment - timedelta(days=RETENTION_LOOKBACK_DAYS)
    flows = q.segment_flows(s, since, moment)
    then = roll_back(counts, flows, q.members_joined_before(s, since))
    kept = retention(flows, then, RETENTION_LOOKBACK_DAYS)
    out = []
    for seg in SEGMENTS_BEST_FIRST:
        members_now, spend_now = spend.get(seg.value, (0, 0))
        if seg is Segment.DORMANT:
            members_now = counts[seg]  # includes members who never bought (no spend)
        out.append(segment_value(seg, counts[seg], spend_now, members_now, kept[seg]))
    return tuple(out)


def period_totals(
    s: Any,
    desk: Desk,
    w: q.Window,
    moment: datetime,
    visits: q.Visits,
    flows: PointFlows,
    balance_now: int,
    previous: bool,
) -> PeriodTotals:
    outstanding = balance_now - q.points_since(s, moment)
    return kpis.period_totals(
        members=(q.members_joined_before(s, w.end), q.members_joined(s, w)),
        visits=visits,
        receipts=q.receipt_totals(s, w),
        refunds_fen=q.refund_total(s, w),
        flows=flows,
        outstanding_points=outstanding,
        outstanding_value_fen=points_value_fen(desk.rules_at(moment), outstanding),
        previous=previous,
    )


def _sum_flows(parts: list[PointFlows]) -> PointFlows:
    return PointFlows(
        *(sum(getattr(p, name) for p in parts) for name in PointFlows.__dataclass_fields__)
    )


# -- the report -----------------------------------------------------------------------------


@use_case
def kpi_report(
    desk: Desk,
    period: Period,
    *,
    store_sales_fen: int | None = None,
    previous_store_sales_fen: int | None = None,
    top: int = TOP_MEMBERS,
    progress: Progress = no_progress,
) -> KpiReport:
    """Every KPI of `period` next to the period before it."""
    if not 0 <= top <= 1_000:
        raise refuse(Code.INVALID_QUERY, "Top members: 0 to 1,000, not {top}.", top=top)
    for given in (store_sales_fen, previous_store_sales_fen):
        if given is not None and given <= 0:
            raise refuse(Code.INVALID_AMOUNT, "The store's sales must be more than 0.")
    steps = 7
    progress(0, steps, "activity")
    activity.catch_up(desk)
    head = header(desk, period)
    now = desk.now()
    current, previous = window(desk, period), window(desk, head.previous)
    before_moment = min(previous.end, now)
    with ThreadPoolExecutor(max_workers=1) as pool, desk.read() as s:
        mg = q.merges(s)
        # The pass over both periods' receipts per member runs on a second connection
        # meanwhile (SQLite works on both cores: it releases the GIL while it runs).
        visits_job: Future[q.Visits] = pool.submit(
            _on_own_connection, desk, q.visits, current, previous, mg, top
        )
        before_job: Future[PointFlows] = pool.submit(
            _on_own_connection, desk, q.point_flows, previous
        )
        progress(1, steps, "points")
        step, buckets = flow_buckets(period)
        flows: list[FlowPoint] = []
        parts: list[PointFlows] = []
        for first, nxt in buckets:
            part = q.point_flows(
                s, q.Window(local_midnight_utc(first, desk.tz), local_midnight_utc(nxt, desk.tz))
            )
            parts.append(part)
            flows.append(FlowPoint(first, part.issued, part.redeemed))
        flows_now = _sum_flows(parts)
        flows_before = before_job.result()
        progress(2, steps, "liability")
        months, debt = liability(s, desk, now)
        balance_now = sum(m.points for m in months) - debt
        progress(3, steps, "coupons")
        coupons_now = q.coupon_counts(s, current)
        progress(4, steps, "segments")
        values = segment_values(s, desk, head.as_of, now)
        progress(5, steps, "members")
        visits = visits_job.result()
        totals_now = period_totals(
            s, desk, current, head.as_of, visits, flows_now, balance_now, False
        )
        totals_before = period_totals(
            s, desk, previous, before_moment, visits, flows_before, balance_now, True
        )
        progress(6, steps, "top members")
        spenders = visits.top
        rows = q.member_rows(s, [m for m, _, _ in spenders])
        top_lines = tuple(
            member_line(rows[m], desk, note=f"{n} receipt{'s' if n != 1 else ''}", figure_fen=spend)
            for m, n, spend in spenders
            if m in rows
        )
    progress(steps, steps, "done")
    return KpiReport(
        header=head,
        lines=kpi_lines(
            totals_now,
            totals_before,
            store_sales_fen=store_sales_fen,
            previous_store_sales_fen=previous_store_sales_fen,
        ),
        flows=tuple(flows),
        flow_step=step,
        liability=months,
        debt_points=debt,
        coupons=tuple(
            CouponLine.of(c.kind, c.issued, c.used, c.issued_used, c.discount_fen)
            for c in coupons_now
        ),
        segment_values=values,
        top_members=MemberList("Top members", len(top_lines), top_lines, "Spend in the period"),
    )


def _on_own_connection(desk: Desk, fn: Any, *args: Any) -> Any:
    with desk.read() as s:
        return fn(s, *args)

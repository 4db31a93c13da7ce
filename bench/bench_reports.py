"""Manager report benchmarks (DESIGN §6: the KPI report on 1M members / 10M entries ≤ 3 s).

    python -m bench.bench_reports                       # 1,000,000 members
    python -m bench.bench_reports --sizes 10000,100000,1000000

Each figure is printed next to a raw baseline measured in the same run on the same file:
plain sqlite3 running the same aggregates the report needs (period totals, who bought in
this period and the one before, point flows, the liability by expiry month, members per
segment), with no SQLAlchemy, no services, no second thread. A second baseline shows what
the segments would cost computed from receipts directly, without the activity rows.
Data sets come from bench/generate.py and are cached under bench/data.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench.chain import ChainSpec
from bench.common import Row
from bench.generate import DEFAULT_DIR, build_till

BUDGET_S = 3.0


@dataclass
class Figure:
    name: str
    members: int
    seconds: float
    budget: float | None
    baseline_name: str
    baseline: float

    @property
    def ratio(self) -> float:
        return self.seconds / self.baseline if self.baseline else float("nan")


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def storage(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz).astimezone(UTC)


def raw_kpi(path: Path, tz: ZoneInfo, first: date, nxt: date, before: date) -> None:
    """The KPI report's aggregates as plain SQL (the floor the report is compared with)."""
    s, e, p = (storage(local_midnight(d, tz)) for d in (first, nxt, before))
    conn = sqlite3.connect(path)
    try:
        for lo, hi in ((s, e), (p, s)):
            conn.execute(
                "SELECT count(*), sum(paid_fen) FROM receipt WHERE occurred_at >= ? "
                "AND occurred_at < ?",
                (lo, hi),
            ).fetchall()
            conn.execute(
                "SELECT kind, sum(points) FROM ledger_entry WHERE kind IN ('EARN','REDEEM',"
                "'EXPIRE','ADJUST','REVERSAL','REFERRAL','BONUS') AND occurred_at >= ? AND "
                "occurred_at < ? GROUP BY kind",
                (lo, hi),
            ).fetchall()
            conn.execute(
                "SELECT sum(amount_fen) FROM refund WHERE occurred_at >= ? AND occurred_at < ?",
                (lo, hi),
            ).fetchall()
        conn.execute(
            "SELECT count(*) FILTER (WHERE a > 0), count(*) FILTER (WHERE a > 1), "
            "count(*) FILTER (WHERE b > 0), count(*) FILTER (WHERE b > 0 AND a = 0) FROM "
            "(SELECT member_id, sum(occurred_at >= :s) a, sum(occurred_at < :s) b FROM receipt "
            "WHERE occurred_at >= :p AND occurred_at < :e GROUP BY member_id)",
            {"s": s, "e": e, "p": p},
        ).fetchall()
        conn.execute(
            "SELECT member_id, sum(paid_fen) t FROM receipt WHERE occurred_at >= ? AND "
            "occurred_at < ? GROUP BY member_id ORDER BY t DESC LIMIT 10",
            (s, e),
        ).fetchall()
        conn.execute(
            "SELECT count(*) FROM member WHERE merged_into IS NULL AND created_at < ?", (e,)
        ).fetchall()
        conn.execute(
            "SELECT segment, count(*), sum(spend_12m_fen) FROM member_activity GROUP BY segment"
        ).fetchall()
        month = first.replace(day=1)
        for _ in range(14):
            following = (month + timedelta(days=32)).replace(day=1)
            conn.execute(
                "SELECT sum(remaining) FROM point_lot WHERE remaining > 0 AND expires_at >= ? "
                "AND expires_at < ?",
                (storage(local_midnight(month, tz)), storage(local_midnight(following, tz))),
            ).fetchall()
            month = following
    finally:
        conn.close()


def raw_segments_from_receipts(path: Path, tz: ZoneInfo, moment: datetime) -> None:
    """Segments computed straight from receipts: what the activity rows save."""
    start = moment - timedelta(days=365)
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "SELECT CASE WHEN last < :d THEN 'dormant' WHEN s >= 500000 AND n >= 4 THEN 'core' "
            "WHEN s >= 200000 AND n >= 2 THEN 'potential' WHEN s >= 50000 THEN 'basic' "
            "ELSE 'dormant' END g, count(*) FROM (SELECT member_id, sum(paid_fen - "
            "refunded_fen) s, sum(paid_fen > refunded_fen) n, max(occurred_at) last FROM receipt "
            "WHERE occurred_at >= :w AND occurred_at < :t GROUP BY member_id) GROUP BY g",
            {
                "w": storage(start),
                "t": storage(moment),
                "d": storage(moment - timedelta(days=180)),
            },
        ).fetchall()
    finally:
        conn.close()


def run_size(members: int, repeat: int, jobs: int) -> list[Figure]:
    from loyalty_desk.domain.periods import PeriodKind, period_of
    from loyalty_desk.services.desk import Desk
    from loyalty_desk.services.reports_kpi import kpi_report
    from loyalty_desk.services.reports_segments import segment_report
    from loyalty_desk.services.reports_tiers import tier_report
    from loyalty_desk.services.reports_winback import winback_list
    from loyalty_desk.services.usecase import unwrap

    spec = ChainSpec(members=members)
    data_dir = DEFAULT_DIR / f"chain-{members}"
    path = build_till(data_dir, spec, jobs=jobs)
    tz = ZoneInfo(spec.timezone)
    desk = unwrap(Desk.open(data_dir, clock=lambda: spec.now))
    try:
        today = spec.now.astimezone(tz).date()
        month = period_of(PeriodKind.MONTH, today)
        nxt = month.last + timedelta(days=1)
        before = month.previous().first
        first_run = best(lambda: unwrap(kpi_report(desk, month)), 1)
        kpi = best(lambda: unwrap(kpi_report(desk, month)), repeat)
        raw = best(lambda: raw_kpi(path, tz, month.first, nxt, before), repeat)
        seg = best(lambda: unwrap(segment_report(desk, month)), repeat)
        seg_raw = best(lambda: raw_segments_from_receipts(path, tz, spec.now), 1)
        tiers = best(lambda: unwrap(tier_report(desk, month)), repeat)
        win = best(lambda: unwrap(winback_list(desk)), repeat)
    finally:
        desk.close()
    label = "raw sqlite3, same aggregates"
    return [
        Figure("KPI report, month (first run)", members, first_run, BUDGET_S, label, raw),
        Figure("KPI report, month", members, kpi, BUDGET_S, label, raw),
        Figure("Segments report", members, seg, None, "segments from receipts", seg_raw),
        Figure("Tiers report", members, tiers, None, label, raw),
        Figure("Win-back list", members, win, None, label, raw),
    ]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if "model name" in line)
    except (OSError, StopIteration):
        pass
    versions = f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    return f"{cpu}, {os.cpu_count()} cores, {versions}"


def table(figures: list[Figure]) -> str:
    lines = [
        "| Figure | Members | Time | Budget | Baseline | Baseline time | Ratio |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for f in figures:
        budget = f"≤ {f.budget:.1f} s" if f.budget else "—"
        lines.append(
            f"| {f.name} | {f.members:,} | {f.seconds:.2f} s | {budget} | {f.baseline_name} "
            f"| {f.baseline:.2f} s | {f.ratio:.2f}× |"
        )
    return "\n".join(lines)


def run(sizes: tuple[int, ...], repeat: int = 3, jobs: int = 2) -> list[Row]:
    """The figures as rows of `make bench`'s table (budget at every size: the 1M one)."""
    rows = []
    for size in sizes:
        for f in run_size(size, repeat, jobs):
            if f.name in ("Tiers report", "Win-back list") and size != max(sizes):
                continue
            rows.append(
                Row(
                    f"{f.name}, {size:,} members",
                    f.seconds,
                    "s",
                    f"≤ {f.budget:.0f} s" if f.budget else "",
                    f.baseline,
                    f.baseline_name,
                    None if f.budget is None else f.seconds <= f.budget,
                    members=size,
                )
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.bench_reports", description=__doc__)
    p.add_argument("--sizes", default="1000000", help="comma-separated member counts")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--jobs", type=int, default=2)
    args = p.parse_args(argv)
    figures: list[Figure] = []
    for size in (int(s) for s in args.sizes.split(",")):
        figures += run_size(size, args.repeat, args.jobs)
    print(f"Machine: {machine()}")
    print(table(figures))
    within = [f for f in figures if f.budget is not None]
    missed = [f for f in within if f.seconds > (f.budget or 0)]
    print(f"{len(within) - len(missed)} of {len(within)} budgeted figures within budget.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

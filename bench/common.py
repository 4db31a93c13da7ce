"""Shared pieces of the benchmarks: timing, percentiles, the printed table."""

from __future__ import annotations

import functools
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure, its budget, and a raw baseline from the same run."""

    what: str
    value: float
    unit: str
    budget: str
    baseline: float | None = None
    baseline_what: str = ""
    within_budget: bool | None = None
    members: int | None = None  # the data set's size, for the growth table
    median: float | None = None  # the same figure's median, where the figure is a p99

    @property
    def ratio(self) -> str:
        if not self.baseline:
            return ""
        return f"{self.value / self.baseline:.1f}×"


def timings_ms(fn: Callable[[int], object], n: int, warmup: int = 20) -> list[float]:
    for i in range(warmup):
        fn(i)
    out = []
    for i in range(n):
        start = time.perf_counter()
        fn(warmup + i)
        out.append((time.perf_counter() - start) * 1000)
    return out


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def p99(values: list[float]) -> float:
    return p(values, 0.99)


def median(values: list[float]) -> float:
    return statistics.median(values)


def table(rows: list[Row]) -> str:
    head = ("figure", "value", "budget", "ok", "raw baseline (same run)", "ratio")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in rows:
        ok = "" if r.within_budget is None else ("yes" if r.within_budget else "**NO**")
        base = f"{r.baseline:.3f} {r.unit} ({r.baseline_what})" if r.baseline is not None else ""
        lines.append(" | ".join((r.what, f"{r.value:.3f} {r.unit}", r.budget, ok, base, r.ratio)))
    return "\n".join("| " + line + " |" for line in lines)


def machine() -> str:
    import os
    import platform

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.machine()}"
    return (
        f"{system}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}; "
        f"{calibration()}"
    )


@functools.cache
def calibration() -> str:
    """The machine's speed that day, in fixed work (CPU seconds, lower is faster).

    Machines of the same kind here differ by up to 2× from one day to another (a shared
    host): these two figures say how a table's run compares with another day's."""
    import sqlite3

    began = time.process_time()
    total = 0
    for i in range(5_000_000):
        total += i * i
    loop = time.process_time() - began
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER)")
    began = time.process_time()
    conn.executemany("INSERT INTO t (a, b) VALUES (?, ?)", ((str(i), i) for i in range(300_000)))
    inserts = time.process_time() - began
    conn.close()
    return f"speed: Python loop {loop:.2f} s, sqlite3 300k inserts {inserts:.2f} s"

"""`make bench`: every benchmark, then ONE table of every figure against its budget.

    .venv/bin/python -m bench.run_all [--sizes 10000,100000,1000000] [--only core,reports]

Each step prints its own details as it goes; at the end come the table of DESIGN §6 (each
figure, its budget, the raw baseline measured in the same run, the ratio, within budget or
not) and the growth table (the same figure at every size of the generated chain). The data
sets are built on first use and cached under bench/data/ (the 1M chain takes the longest).
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime

from bench.common import Row, machine, table

SIZES = (10_000, 100_000, 1_000_000)
Step = Callable[[argparse.Namespace], list[Row]]


def _core(args: argparse.Namespace) -> list[Row]:
    from bench import core_bench

    rows: list[Row] = []
    for n in args.sizes:
        rows += core_bench.run(n, args.samples)
    return rows


def _reports(args: argparse.Namespace) -> list[Row]:
    from bench import bench_reports

    return bench_reports.run(tuple(args.sizes))


def _vouchers(args: argparse.Namespace) -> list[Row]:
    from bench import voucher_bench

    return voucher_bench.run(300, 200)


def _gui(args: argparse.Namespace) -> list[Row]:
    from bench import gui_bench

    return gui_bench.run()


def _bundle(args: argparse.Namespace) -> list[Row]:
    from bench import bundle_bench

    return bundle_bench.run(3)


def _push(args: argparse.Namespace) -> list[Row]:
    from bench import sync_push_bench

    return sync_push_bench.run(40_000, 4)


def _pull(args: argparse.Namespace) -> list[Row]:
    from bench import sync_pull_bench

    return sync_pull_bench.run(max(args.sizes))


STEPS: dict[str, Step] = {
    "core": _core,
    "reports": _reports,
    "vouchers": _vouchers,
    "gui": _gui,
    "bundle": _bundle,
    "push": _push,
    "pull": _pull,
}


def growth(rows: list[Row]) -> str:
    """Figures measured at several sizes, one column per size (p99, median in brackets)."""
    sized = [r for r in rows if r.members is not None]
    sizes = sorted({r.members for r in sized if r.members is not None})
    names: dict[str, dict[int, Row]] = {}
    for r in sized:
        assert r.members is not None
        name = r.what.replace(f", {r.members:,} members", "")
        names.setdefault(name, {})[r.members] = r
    head = ["figure", *(f"{n:,} members" for n in sizes)]
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for name, by_size in names.items():
        cells = []
        for n in sizes:
            r = by_size.get(n)
            if r is None:
                cells.append("")
            elif r.median is not None:
                cells.append(f"{r.value:.2f} {r.unit} ({r.median:.2f})")
            else:
                cells.append(f"{r.value:.2f} {r.unit}")
        lines.append(" | ".join([name, *cells]))
    return "\n".join("| " + line + " |" for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(n) for n in SIZES),
        type=lambda s: [int(x) for x in s.split(",")],
        help="chain sizes for the growth figures; the largest is the budgets' size",
    )
    parser.add_argument("--only", default=",".join(STEPS), help="steps: " + ",".join(STEPS))
    parser.add_argument("--samples", type=int, default=2_000, help="lookups/awards per size")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rows: list[Row] = []
    failed: list[str] = []
    took: dict[str, float] = {}
    for name in args.only.split(","):
        print(f"\n## {name}\n", flush=True)
        t0 = time.perf_counter()
        try:
            rows += STEPS[name](args)
        except Exception:  # one broken step must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
        took[name] = time.perf_counter() - t0
    print(f"\n# make bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n")
    print(f"Machine: {machine()}\n")
    print(table(rows))
    budgeted = [r for r in rows if r.within_budget is not None]
    missed = [r for r in budgeted if not r.within_budget]
    print(f"\n{len(budgeted) - len(missed)} of {len(budgeted)} budgeted figures within budget.")
    if any(r.members is not None for r in rows):
        print("\nGrowth (p99, median in brackets where the figure is a p99):\n")
        print(growth(rows))
    steps = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in took.items())
    print(f"\nTook {time.perf_counter() - started:.0f} s ({steps}).")
    if failed:
        print(f"FAILED steps: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Start-up of the bundled client (dist/loyalty-desk, `make dist`) next to the same client
run from the source tree's virtualenv: the one-folder bundle must not make a till slower.

    python -m bench.bundle_bench [--runs 5]

Each run is `--smoke` (a fresh store, the real window offscreen, sign-in, an award, close);
the figure is the time from spawning the process to the sign-in screen listing the staff,
read by the smoke itself. Also `--version` (interpreter and imports only). Medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.common import Row, table

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "loyalty-desk"
BUNDLE_SLACK = 1.1  # the bundle may be at most 10 % slower than the source tree


def timed(cmd: list[str]) -> tuple[float, float | None]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOYALTY_BENCH_T0=repr(time.time()))
    t0 = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    usable = None
    for line in out.stdout.splitlines():
        if line.startswith("info sign-in usable"):
            usable = float(line.split()[3])
    return wall, usable


def median_of(cmd: list[str], runs: int) -> tuple[float, float | None]:
    timed(cmd)  # warm the file cache once, like any program started twice
    results = [timed(cmd) for _ in range(runs)]
    usable = [u for _, u in results if u is not None]
    return statistics.median(w for w, _ in results), (statistics.median(usable) if usable else None)


def run(runs: int = 5) -> list[Row]:
    """The bundle's start-up next to the source tree's (the baseline); none without a bundle."""
    if not (BUNDLE / "loyalty-desk").exists():
        print("no bundle (dist/loyalty-desk): run `make dist` first; skipped")
        return []
    source_cli = [sys.executable, "-m", "loyalty_desk.cli"]
    cases = [
        ("--version", [str(BUNDLE / "loyalty-desk"), "--version"], [*source_cli, "--version"]),
        (
            "gui --smoke",
            [str(BUNDLE / "loyalty-desk-gui"), "--smoke"],
            [*source_cli, "gui", "--smoke"],
        ),
    ]
    print(f"bundle vs source tree, median of {runs} runs (wall clock, {os.cpu_count()} cores)")
    rows: list[Row] = []
    for name, bundled, source in cases:
        b_wall, b_usable = median_of(bundled, runs)
        s_wall, s_usable = median_of(source, runs)
        rows.append(
            Row(f"bundle `{name}`, whole run", b_wall, "s", "", s_wall, "the same from source")
        )
        if b_usable is not None and s_usable is not None:
            rows.append(
                # The smoke creates a new store first (its schema, the first manager), so
                # this is not DESIGN's cold start of a till (bench.gui_bench measures that on
                # the 1M-member till); what the bundle must show is that it is no slower.
                Row(
                    "bundle: sign-in screen usable after spawn (new store created first)",
                    b_usable,
                    "s",
                    f"≤ {BUNDLE_SLACK:.1f}× source",
                    s_usable,
                    "the same from source",
                    b_usable <= BUNDLE_SLACK * s_usable,
                )
            )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    if not (BUNDLE / "loyalty-desk").exists():
        raise SystemExit("no bundle: run `make dist` first")
    print(table(run(runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Lookups, award and redeem through `services` on a generated chain, next to raw sqlite3.

    .venv/bin/python -m bench.core_bench [--members 10000,100000,1000000] [--samples 2000]

Each size is the chain of bench/generate.py (cached under bench/data/chain-N: members with
their history, ~10 ledger entries each). For every size: p99 of lookup by full phone,
lookup by last 4 digits (first 20), award (rules + ledger + lots + outbox, FULL-sync
commit) and redemption (FIFO over the member's lots), each next to hand-written SQL on the
same file: the same SELECT, and one INSERT + FULL-sync commit for the writes.

The awards and redemptions are real: they stay in the cached data set. They are dated one
day after its last receipt (each run a day later), so the daily cap never interferes and the
report benchmarks, which read the chain's own month, do not see them.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench.chain import ChainSpec
from bench.common import Row, machine, median, p99, table, timings_ms
from bench.generate import DEFAULT_DIR, build_till
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.services import checkout, maintenance, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap

SIZES = (10_000, 100_000, 1_000_000)
BUDGET_PHONE_MS = 2.0
BUDGET_SUFFIX_MS = 5.0
BUDGET_AWARD_MS = 5.0
WARMUP = 20  # untimed calls before the timed ones (their CPU is in the CPU mean too)


def chain(spec: ChainSpec, data_dir: Path | None = None, jobs: int = 2) -> Path:
    data_dir = data_dir or DEFAULT_DIR / f"chain-{spec.members}"
    build_till(data_dir, spec, jobs=jobs)
    return data_dir


def sample_phones(conn: sqlite3.Connection, k: int, rng: random.Random, where: str) -> list[str]:
    """k phones of active members picked at random (by rowid: no full scan, no ORDER BY)."""
    top = conn.execute("SELECT max(rowid) FROM member").fetchone()[0]
    out: list[str] = []
    while len(out) < k:
        ids = [rng.randint(1, top) for _ in range(4 * (k - len(out)))]
        marks = ",".join("?" * len(ids))
        out += [
            phone
            for (phone,) in conn.execute(
                f"SELECT phone FROM member WHERE rowid IN ({marks}) AND merged_into IS NULL "
                f"AND phone GLOB '1[3-9][0-9]*' AND {where}",
                ids,
            )
        ]
    rng.shuffle(out)
    return out[:k]


def business_moment(conn: sqlite3.Connection, spec: ChainSpec) -> datetime:
    """Noon of the day after the last receipt (earlier bench runs included)."""
    last = conn.execute("SELECT max(occurred_at) FROM receipt").fetchone()[0]
    moment = spec.now if last is None else datetime.fromisoformat(last + "+00:00")
    return moment.replace(hour=4, minute=0, second=0, microsecond=0) + timedelta(days=1)


def run(
    n: int, samples: int = 2_000, *, spec: ChainSpec | None = None, data_dir: Path | None = None
) -> list[Row]:
    spec = spec or ChainSpec(members=n)
    data_dir = chain(spec, data_dir)
    path = data_dir / "loyalty.db"
    rng = random.Random(n)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous=FULL")
    moment = business_moment(raw, spec)
    stamp = moment.strftime("%Y%m%d")
    desk = unwrap(Desk.open(data_dir, clock=lambda: moment))
    # The day's jobs first (expiry, tier reviews, segments brought up to date), as the till
    # runs them at its first use of each day: without them every member whose segment came
    # due overnight would replay their history inside the award. The daily backup, which the
    # till also takes then, is left out (it would copy the whole cached chain every run).
    began = time.perf_counter()
    daily = unwrap(maintenance.expire(desk))
    print(f"  day's jobs before timing: {daily.to_json()} in {time.perf_counter() - began:.1f} s")
    # Sampled after those jobs: expiry may have emptied a balance sampled before.
    lookups = sample_phones(raw, samples + 100, rng, "1")
    earners = sample_phones(raw, samples + 100, rng, "online_only = 0")
    spenders = sample_phones(raw, samples + 100, rng, "online_only = 0 AND balance >= 300")
    label = f"{n:,} members"
    rows: list[Row] = []
    try:

        def raw_phone(i: int) -> object:
            return raw.execute(
                "SELECT id, code, name, phone, tier, balance FROM member WHERE phone = ?",
                (lookups[i],),
            ).fetchone()

        def svc_phone(i: int) -> object:
            return unwrap(members.show(desk, lookups[i]))

        def raw_suffix(i: int) -> object:
            return raw.execute(
                "SELECT id, code, name, phone, tier, balance FROM member WHERE phone_suffix = ? "
                "ORDER BY last_visit_at DESC LIMIT 20",
                (lookups[i][-4:],),
            ).fetchall()

        def svc_suffix(i: int) -> object:
            result = unwrap(members.find(desk, lookups[i][-4:]))
            assert result.members
            return result

        # The baseline writes into the same file as the award (a main-schema table), so both
        # pay the same WAL append and fsync.
        raw.execute("CREATE TABLE IF NOT EXISTS bench_insert (id INTEGER PRIMARY KEY, m TEXT)")

        def raw_insert(i: int) -> object:
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO main.bench_insert (m) VALUES (?)", (earners[i],))
            raw.execute("COMMIT")
            return None

        def award(i: int) -> object:
            return unwrap(checkout.earn(desk, earners[i], f"BENCH{stamp}-E{i}", 12_345))

        def redeem(i: int) -> object:
            result = checkout.redeem(desk, spenders[i], f"BENCH{stamp}-R{i}", 100, 20_000)
            assert not isinstance(result, Refusal), result
            return result

        # The writes also get a row of CPU per call (user + system, fsync's share included):
        # it says less about what else the machine was doing than the wall time does.
        pairs = (
            ("lookup by full phone (p99)", svc_phone, raw_phone, "raw SELECT by phone",
             BUDGET_PHONE_MS, None),
            ("lookup by last 4 digits, first 20 (p99)", svc_suffix, raw_suffix,
             "raw SELECT … LIMIT 20", BUDGET_SUFFIX_MS, None),
            ("award: rules + ledger + lots + outbox, FULL commit (p99)", award, raw_insert,
             "raw INSERT + FULL commit", BUDGET_AWARD_MS, "award"),
            ("redeem 100 points, oldest lots first, FULL commit (p99)", redeem, raw_insert,
             "raw INSERT + FULL commit", None, "redeem"),
        )  # fmt: skip
        for what, mine_fn, base_fn, base_what, budget, cpu_name in pairs:
            cpu = time.process_time()
            base = timings_ms(base_fn, samples, WARMUP)
            base_cpu = (time.process_time() - cpu) / (samples + WARMUP) * 1000
            cpu = time.process_time()
            mine = timings_ms(mine_fn, samples, WARMUP)
            mine_cpu = (time.process_time() - cpu) / (samples + WARMUP) * 1000
            rows.append(
                Row(
                    f"{what}, {label}",
                    p99(mine),
                    "ms",
                    f"p99 ≤ {budget:g} ms" if budget else "",
                    p99(base),
                    base_what,
                    None if budget is None else p99(mine) <= budget,
                    members=n,
                    median=median(mine),
                )
            )
            if cpu_name is not None:
                rows.append(
                    Row(
                        f"  {cpu_name}: CPU per call (mean), {label}",
                        mine_cpu,
                        "ms",
                        "",
                        base_cpu,
                        base_what,
                        members=n,
                    )
                )
        raw.execute("DROP TABLE IF EXISTS main.bench_insert")
    finally:
        desk.close()
        raw.close()
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--members", default="100000", help="comma-separated member counts")
    parser.add_argument("--samples", type=int, default=2_000)
    args = parser.parse_args(argv)
    rows: list[Row] = []
    for n in (int(s) for s in args.members.split(",")):
        rows += run(n, args.samples)
    print(machine())
    print(table(rows))


if __name__ == "__main__":
    main()

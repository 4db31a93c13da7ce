"""First pull of N members into an empty till, next to raw sqlite3 inserts of the same rows.

    .venv/bin/python -m bench.sync_pull_bench [--members 1000000]

DESIGN §6 budget: 1,000,000 members in ≤ 30 s on a 2-core machine. The server (uvicorn on
PostgreSQL, `$LOYALTY_BENCH_DATABASE_URL` or a `loyalty_bench` database) is filled once by
the server bench data path (bench/server_data.py: every member with an opening lot) and
kept for later runs. The till is new: `init`, `register` over HTTP, then the timed
`sync_once` — pages of 5,000, each stored in one transaction (the lookup indexes built once
at the end, store/deferred_indexes.py). The baselines write exactly the rows the pull writes
(member, its SYNC ledger entry, its lot) into an equally new till database with raw sqlite3
executemany, 5,000 members a transaction: once into the fully indexed tables, once with the
secondary indexes dropped first and built at the end, as the pull does. Next to each wall
time the CPU seconds spent by the till, by the server's processes and by the PostgreSQL
backends serving it (bench/cpu.py): on a shared machine the wall time mostly says how busy
it was.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import cpu, server_data
from bench.common import Row, machine, table
from bench.live import Server, bench_database_url
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.server import admin
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.migrate import is_current
from loyalty_desk.services import sync
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap

BUDGET_S = 30.0
PAGE = 5000


def prepare(url: str, n: int) -> None:
    db = ServerDatabase(url)
    try:
        ready = is_current(db.engine) and server_data.members_loaded(db) == n
    except Exception:  # no schema yet
        ready = False
    db.close()
    if ready:
        print(f"server database already holds {n} members")
        return
    db = server_data.reset(url)
    seconds = server_data.load_members(db, n)
    print(f"loaded {n} members into the server in {seconds:.1f} s")
    db.close()


@dataclass(frozen=True, slots=True)
class Spent:
    """Wall and CPU seconds of one timed part (the machine is shared: wall alone misleads)."""

    wall: float
    till_cpu: float  # this process, all threads: decoding, checks, SQLite
    server_cpu: float = 0.0  # the server's processes: reading the feed, encoding the pages
    postgres_cpu: float = 0.0  # the PostgreSQL backends serving the server

    def cpu_text(self) -> str:
        text = f"till CPU {self.till_cpu:.1f} s"
        if self.server_cpu or self.postgres_cpu:
            text += f", server CPU {self.server_cpu:.1f} s"
            text += f", PostgreSQL CPU {self.postgres_cpu:.1f} s"
        return text


def pull(url: str, n: int, work: Path) -> tuple[Spent, int]:
    server = Server(url, workers=2, log=work / "server.log")
    try:
        db = ServerDatabase(url)
        store = f"P{int(time.time()) % 100000}"
        admin.add_store(db, store, "Pull bench", datetime.now(UTC))
        code = admin.issue_code(db, store, datetime.now(UTC))["code"]
        db.close()
        unwrap(init_store(work / "till", store))
        desk = unwrap(Desk.open(work / "till"))
        unwrap(sync.register(desk, server.url, str(code)))
        backends, served, own = cpu.postgres_backends(url), cpu.tree(server.proc.pid), cpu.own()
        started = time.perf_counter()
        result = sync.sync_once(desk, pull_limit=PAGE)
        seconds = time.perf_counter() - started
        spent = Spent(
            seconds,
            cpu.own() - own,
            cpu.tree(server.proc.pid) - served,
            cpu.grown(backends, cpu.postgres_backends(url)),
        )
        if isinstance(result, Refusal):
            raise RuntimeError(result.message)
        pulled = result.pulled
        desk.close()
        return spent, pulled
    finally:
        server.stop()


def raw_baseline(n: int, work: Path, *, defer: bool = False) -> Spent:
    """The same member, ledger and lot rows, inserted with sqlite3 into a new till file;
    with `defer`, the secondary indexes are dropped first and built at the end, as the
    till's first pull does."""
    folder = work / ("raw-deferred" if defer else "raw")
    unwrap(init_store(folder, "RAW"))
    conn = sqlite3.connect(folder / "loyalty.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("INSERT INTO outbox (event_id, device_seq, kind, payload, payload_hash, "
                 "created_at, attempts) VALUES ('reg', 1, 'device_registered', '{}', '', "
                 "'2026-01-01 00:00:00', 0)")  # fmt: skip
    now = "2026-11-22 00:00:00.000000"
    own = cpu.own()
    started = time.perf_counter()
    deferred = []
    if defer:
        deferred = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
            "tbl_name IN ('member', 'ledger_entry', 'point_lot') AND sql NOT LIKE 'CREATE UNIQUE %'"
        ).fetchall()
        for name, _ in deferred:
            conn.execute(f'DROP INDEX "{name}"')
    for lo in range(0, n, PAGE):
        members: list[tuple[Any, ...]] = []
        entries: list[tuple[Any, ...]] = []
        lots: list[tuple[Any, ...]] = []
        for i in range(lo, min(n, lo + PAGE)):
            mid, eid, pts = (
                server_data.member_id(i),
                server_data.entry_id(i),
                server_data.opening_points(i),
            )
            phone = server_data.phone(i)
            members.append(
                (mid, server_data.member_code(i), phone, phone[-4:], f"会员{i}", "regular", now,
                 0, server_data.referral_code(i), 0, pts, 0, 0, 0, now, "S001", now, now, lo)
            )  # fmt: skip
            entries.append(
                (eid, mid, "S001", "dev", 1, "reg", "SYNC", pts, 1, now, now, 0, 0, "acked")
            )
            lots.append((eid, mid, now, "2027-01-14 16:00:00.000000", pts, pts))
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO member (id, code, phone, phone_suffix, name, tier, tier_since, "
            "tier_grace, referral_code, referral_rewarded, balance, debt, online_only, "
            "overdraft, last_visit_at, home_store_id, created_at, updated_at, server_seq) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            members,
        )
        conn.executemany(
            "INSERT INTO ledger_entry (id, member_id, store_id, device_id, device_seq, "
            "event_id, kind, points, rule_version, occurred_at, created_at, offline, "
            "known_balance, sync_status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            entries,
        )
        conn.executemany(
            "INSERT INTO point_lot (id, member_id, earned_at, expires_at, points, remaining) "
            "VALUES (?,?,?,?,?,?)",
            lots,
        )
        conn.execute("COMMIT")
    if deferred:
        conn.execute("PRAGMA cache_size=-65536")
        conn.execute("BEGIN IMMEDIATE")
        for _, sql in deferred:
            conn.execute(sql)
        conn.execute("COMMIT")
    spent = Spent(time.perf_counter() - started, cpu.own() - own)
    conn.close()
    return spent


def run(n: int) -> list[Row]:
    url = bench_database_url()
    prepare(url, n)
    work = Path(tempfile.mkdtemp(prefix="pull-bench-"))
    try:
        spent, pulled = pull(url, n, work)
        assert pulled >= n, (pulled, n)
        raw = raw_baseline(n, work)
        raw_deferred = raw_baseline(n, work, defer=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    seconds = spent.wall
    return [
        Row(
            f"first pull of {n:,} members into an empty till (HTTP, PostgreSQL server; "
            f"{spent.cpu_text()})",
            seconds,
            "s",
            f"≤ {BUDGET_S:.0f} s for 1,000,000",
            raw.wall,
            f"raw sqlite3 executemany of the same rows; {raw.cpu_text()}",
            seconds <= BUDGET_S * n / 1_000_000,
        ),
        Row(
            "  the same, against raw inserts with the indexes built at the end",
            seconds,
            "s",
            "",
            raw_deferred.wall,
            f"raw sqlite3 executemany, secondary indexes dropped, then built; "
            f"{raw_deferred.cpu_text()}",
        ),
        Row("members per second", pulled / seconds, "/s", "", n / raw.wall, "raw sqlite3"),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--members", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    print(machine())
    print(table(run(args.members)))


if __name__ == "__main__":
    main()

"""A till keeps serving while a large backlog syncs in the background.

    .venv/bin/python -m bench.backlog_sync [--events 100000] [--awards 200]

The till (its own data directory, registered with `loyalty-desk serve` on PostgreSQL) holds
`--events` unsynced events (a member import with opening points: one event each). A
background thread syncs them, as the desktop client's background sync does, while the
cashier keeps awarding points and looking members up: a customer every `--pause` seconds
(0.5 s by default, far busier than any real till; 0 is back to back, which starves the sync
of the write lock: SQLite's busy handler is not fair, see README "Reliability").
Reported: award and lookup p99 while the backlog syncs, next to the same figures on the
idle till in the same run.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import server_data
from bench.common import Row, machine, median, p99, table
from bench.live import Server, bench_database_url
from loyalty_desk.server import admin
from loyalty_desk.services import checkout, members, sync
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.importing import import_members
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.sync_status import status
from loyalty_desk.services.usecase import unwrap


def backlog_csv(folder: Path, n: int) -> Path:
    path = folder / "members.csv"
    lines = ["phone,name,opening_points"]
    lines += [f"139{i:08d},Member {i},{100 + i % 900}" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cashier(desk: Desk, tag: str, n: int, pause: float = 0.0) -> tuple[list[float], list[float]]:
    """n awards and n lookups, each timed (ms), `pause` seconds between two customers."""
    awards: list[float] = []
    lookups: list[float] = []
    for i in range(n):
        if pause:
            time.sleep(pause)
        began = time.perf_counter()
        unwrap(members.find(desk, f"1380000{i % 50:04d}"))
        lookups.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        unwrap(checkout.earn(desk, f"1380000{i % 50:04d}", f"{tag}-{i}", 10_000 + i))
        awards.append((time.perf_counter() - began) * 1000)
    return awards, lookups


def run(events: int, awards: int, pause: float = 0.5) -> list[Row]:
    url = bench_database_url("loyalty_bench_backlog")
    db = server_data.reset(url)  # one clean server per run
    admin.add_store(db, "B001", "Backlog", datetime.now(UTC))
    code = admin.issue_code(db, "B001", datetime.now(UTC))["code"]
    db.close()
    work = Path(tempfile.mkdtemp(prefix="backlog-bench-"))
    server = Server(url, workers=2, log=work / "server.log")
    try:
        folder = work / "till"
        unwrap(init_store(folder, "B001"))
        desk = unwrap(Desk.open(folder))
        unwrap(sync.register(desk, server.url, str(code)))
        for i in range(50):
            unwrap(members.enroll(desk, f"1380000{i:04d}", f"Cashier {i}"))
        unwrap(sync.sync_once(desk))
        idle_awards, idle_lookups = cashier(desk, "IDLE", awards)
        unwrap(sync.sync_once(desk))
        report = unwrap(import_members(desk, backlog_csv(work, events)))
        backlog = status(desk).pending
        syncing = unwrap(Desk.open(folder))  # the background lane has its own connection
        done: list[object] = []
        began = time.perf_counter()
        worker = threading.Thread(target=lambda: done.append(sync.sync_once(syncing)))
        worker.start()
        busy_awards: list[float] = []
        busy_lookups: list[float] = []
        rounds = 0
        while worker.is_alive():
            a, lk = cashier(desk, f"BUSY{rounds}", 20, pause)
            busy_awards += a
            busy_lookups += lk
            rounds += 1
        worker.join()
        sync_seconds = time.perf_counter() - began
        left = status(desk).pending
        syncing.close()
        desk.close()
    finally:
        server.stop()
    print(
        f"backlog: {report.imported:,} imported members, {backlog:,} events pending; synced in "
        f"{sync_seconds:.1f} s ({(backlog - left) / sync_seconds:,.0f} events/s), {left} left; "
        f"{len(busy_awards)} awards and lookups served meanwhile; sync result: "
        f"{type(done[0]).__name__ if done else 'none'}"
    )
    return [
        Row(
            f"award p99 while {backlog:,} events sync in the background",
            p99(busy_awards),
            "ms",
            "keeps serving",
            p99(idle_awards),
            "award p99 on the idle till, same run",
            median=median(busy_awards),
        ),
        Row(
            "lookup by phone p99 while the backlog syncs",
            p99(busy_lookups),
            "ms",
            "keeps serving",
            p99(idle_lookups),
            "lookup p99 on the idle till, same run",
            median=median(busy_lookups),
        ),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--awards", type=int, default=200)
    parser.add_argument(
        "--pause",
        type=float,
        default=0.5,
        help="seconds between two customers while the backlog syncs (0: back to back)",
    )
    args = parser.parse_args(argv)
    print(machine())
    print(table(run(args.events, args.awards, args.pause)))


if __name__ == "__main__":
    main()

"""Server push into PostgreSQL, next to raw psycopg COPY and INSERT of the same rows.

    .venv/bin/python -m bench.sync_push_bench [--events 40000] [--tills 4] [--database NAME]

DESIGN §6 budget: ≥ 5,000 events/s on a 2-core machine. The server runs as it does in a
store chain (`loyalty-desk serve`, uvicorn with 2 workers on PostgreSQL); N tills push
their outboxes at the same time, 100 events a request, over HTTP, each event one ledger
entry (nine earnings for each redemption) on members bulk-loaded by bench/server_data.py.
Every event is checked, deduplicated, posted double-entry and fed to the pull feed. The
baselines write the same number of bare ledger rows into an `entry`-shaped table with raw
psycopg, once with COPY and once with executemany INSERT.

Wall time depends on whatever else the machine runs; the CPU seconds spent per 10,000
events (bench/cpu.py: the uvicorn master and its workers, the PostgreSQL backends serving
them, the tills of this process) do much less, so they are printed too, the server's with
the raw COPY's CPU for as many rows beside them.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import requests
from sqlalchemy import func, select

from bench import cpu, server_data
from bench.common import Row, machine, table
from bench.live import Server, bench_database_url
from loyalty_desk.server import admin
from loyalty_desk.server import models as m
from loyalty_desk.server.service import Service
from loyalty_desk.sync.protocol import PROTOCOL_HEADER, RegisterRequest

BUDGET = 5_000.0
MEMBERS = 20_000
BATCH = 100
AT = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)


def event(device: str, store: str, seq: int) -> dict[str, Any]:
    """One event as a till seals it (services/events.py): an earning or a redemption."""
    member = server_data.member_id((seq * 7919 + hash(device) % 1000) % MEMBERS)
    at = (AT + timedelta(seconds=seq)).isoformat()
    redeem = seq % 10 == 0
    points = -100 if redeem else 100 + seq % 500
    entry = {
        "id": str(uuid.uuid4()),
        "member_id": member,
        "kind": "REDEEM" if redeem else "EARN",
        "points": points,
        "receipt_no": f"{store}-{seq}",
        "amount_fen": 50_000 if redeem else points * 100,
        "rule_version": 1,
        "reverses_id": None,
        "occurred_at": at,
        "cashier_id": None,
        "offline": True,
        "known_balance": 0,
        "reason": None,
        "detail": None,
    }
    if not redeem:
        entry["expires_at"] = (AT + timedelta(days=365)).isoformat()
    return {
        "event_id": str(uuid.uuid4()),
        "device_seq": seq,
        "device_id": device,
        "store_id": store,
        "kind": "points_redeemed" if redeem else "points_earned",
        "created_at": at,
        "data": {"receipt_no": f"{store}-{seq}", "member_id": member},
        "entries": [entry],
    }


def prepare(url: str, tills: int) -> list[tuple[str, str, str]]:
    db = server_data.reset(url)
    server_data.load_members(db, MEMBERS)
    service = Service(db)
    devices = []
    for i in range(tills):
        store = f"P{i:03d}"
        admin.add_store(db, store, f"Push {i}", AT)
        code = admin.issue_code(db, store, datetime.now(UTC))["code"]
        device = f"push-till-{i}"
        reply = service.register(RegisterRequest(code=code, device_id=device, store_id=store))
        devices.append((device, store, reply.device_token))
    db.close()
    return devices


def bodies(device: str, store: str, events: int) -> list[tuple[int, str]]:
    """A till's outbox as request bodies, encoded before the clock starts (in a chain the
    tills are other machines: their CPU is not the server's)."""
    out = []
    for first in range(1, events + 1, BATCH):
        last = min(events, first + BATCH - 1)
        batch = [event(device, store, seq) for seq in range(first, last + 1)]
        out.append((last, json.dumps({"device_id": device, "events": batch})))
    return out


def push_all(
    base: str, device: str, token: str, work: list[tuple[int, str]], out: list[str]
) -> None:
    session = requests.Session()
    session.trust_env = False
    headers = {
        "Authorization": f"Bearer {token}",
        PROTOCOL_HEADER: "1",
        "Content-Type": "application/json",
    }
    for last, body in work:
        reply = session.post(base + "/v1/sync/push", data=body, headers=headers, timeout=60)
        acked = reply.json().get("acked_through")
        if acked != last:
            out.append(f"{device}: {reply.text[:300]}")
            return


def raw_baselines(url: str, n: int) -> tuple[float, float, float]:
    """rows/s for COPY and for executemany INSERT of n entry rows, raw psycopg, and the
    client CPU seconds the COPY took."""
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    member = server_data.member_id
    rows = [
        (str(uuid.uuid4()), "e", member(i % MEMBERS), member(i % MEMBERS), "raw", i, "RAW",
         "EARN", 100, 100, f"R-{i}", 10_000, 1, None, AT, True)
        for i in range(n)
    ]  # fmt: skip
    cols = ", ".join(server_data.COLUMNS["entry"])
    with psycopg.connect(dsn) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_raw_entry")
        conn.execute("CREATE TABLE bench_raw_entry (LIKE entry INCLUDING ALL)")
        conn.commit()
        started = time.perf_counter()
        cpu = time.process_time()
        with conn.cursor() as cur, cur.copy(f"COPY bench_raw_entry ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        conn.commit()
        copy_rate = n / (time.perf_counter() - started)
        copy_cpu = time.process_time() - cpu
        conn.execute("TRUNCATE bench_raw_entry")
        conn.commit()
        marks = ", ".join(["%s"] * len(server_data.COLUMNS["entry"]))
        started = time.perf_counter()
        with conn.cursor() as cur:
            for i in range(0, n, BATCH):
                cur.executemany(
                    f"INSERT INTO bench_raw_entry ({cols}) VALUES ({marks})", rows[i : i + BATCH]
                )
                conn.commit()  # one transaction per 100, like the server's batches
        insert_rate = n / (time.perf_counter() - started)
        conn.execute("DROP TABLE bench_raw_entry")
        conn.commit()
    return copy_rate, insert_rate, copy_cpu


def run(events: int, tills: int, database: str = "loyalty_bench_push") -> list[Row]:
    url = bench_database_url(database)
    devices = prepare(url, tills)
    per_till = events // tills
    work = Path(tempfile.mkdtemp(prefix="push-bench-"))
    server = Server(url, workers=2, log=work / "server.log")
    errors: list[str] = []
    try:
        cpu_before = cpu.tree(server.proc.pid)
        pg_before = cpu.postgres_backends(url)
        tills_before = cpu.own()
        threads = [
            threading.Thread(
                target=push_all, args=(server.url, d, t, bodies(d, s, per_till), errors)
            )
            for d, s, t in devices
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
        server_cpu = cpu.tree(server.proc.pid) - cpu_before
        # Read before the server stops: its pooled backends end with it.
        postgres_cpu = cpu.grown(pg_before, cpu.postgres_backends(url))
        tills_cpu = cpu.own() - tills_before
    finally:
        server.stop()
    if errors:
        raise RuntimeError("; ".join(errors))
    db = server_data.ServerDatabase(url)
    with db.read() as conn:
        stored = conn.execute(select(func.count()).select_from(m.Event)).scalar_one()
    db.close()
    assert stored == per_till * tills, stored
    rate = stored / seconds
    copy_rate, insert_rate, copy_cpu = raw_baselines(url, stored)
    per_10k = 10_000 / stored
    return [
        Row(
            f"server push, {tills} tills × {per_till:,} events over HTTP (PostgreSQL)",
            rate,
            "events/s",
            f"≥ {BUDGET:,.0f} events/s",
            copy_rate,
            "raw psycopg COPY of as many entry rows",
            rate >= BUDGET,
        ),
        Row(
            "  the same, against raw INSERT",
            rate,
            "events/s",
            "",
            insert_rate,
            "raw psycopg executemany INSERT, 100 rows a commit",
        ),
        Row(
            "  server CPU (uvicorn processes) per 10,000 events",
            server_cpu * per_10k,
            "CPU s",
            "",
            copy_cpu * per_10k,
            "raw COPY's client CPU for as many rows",
        ),
        Row(
            "  PostgreSQL CPU (its backends) per 10,000 events", postgres_cpu * per_10k, "CPU s", ""
        ),
        Row("  the tills' CPU (this process) per 10,000 events", tills_cpu * per_10k, "CPU s", ""),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--events", type=int, default=40_000)
    parser.add_argument("--tills", type=int, default=4)
    parser.add_argument(
        "--database",
        default="loyalty_bench_push",
        help="the PostgreSQL database to use (emptied first) on the server of "
        "$LOYALTY_BENCH_DATABASE_URL",
    )
    args = parser.parse_args(argv)
    print(machine())
    print(table(run(args.events, args.tills, args.database)))


if __name__ == "__main__":
    main()

"""200 tills pushing at once into one server (loopback only, bounded in time).

    .venv/bin/python -m bench.load_tills [--tills 200] [--events 50] [--batch 25]

Every till registers, then all push their outboxes at the same moment, `--batch` events a
request (a busy store's sync), for at most `--seconds`. Reported: throughput, p50/p99 of a
push request, and errors (must be zero: every request acked exactly its batch). Baselines
from the same run: p99 of a bare /healthz round trip under the same 200-way concurrency
(the HTTP stack alone), and raw psycopg COPY of as many entry rows (PostgreSQL alone).
The server runs as in a chain: `loyalty-desk serve`, uvicorn with 2 workers on PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from pathlib import Path

import requests
from sqlalchemy import func, select

from bench import server_data, sync_push_bench
from bench.common import Row, machine, median, p99, table
from bench.live import Server, bench_database_url
from bench.sync_push_bench import event, prepare, raw_baselines
from loyalty_desk.server import models as m
from loyalty_desk.sync.protocol import PROTOCOL_HEADER


def _session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    return session


def till(
    base: str,
    device: str,
    store: str,
    token: str,
    batches: list[tuple[int, str]],
    start: threading.Event,
    deadline: list[float],
    latencies: list[float],
    errors: list[str],
) -> None:
    session = _session()
    headers = {
        "Authorization": f"Bearer {token}",
        PROTOCOL_HEADER: "1",
        "Content-Type": "application/json",
    }
    start.wait()
    for last, body in batches:
        if time.perf_counter() > deadline[0]:
            return
        began = time.perf_counter()
        try:
            reply = session.post(base + "/v1/sync/push", data=body, headers=headers, timeout=120)
            ok = reply.status_code == 200 and reply.json().get("acked_through") == last
        except requests.RequestException as exc:
            ok, reply = False, None
            errors.append(f"{device}: {exc}")
        latencies.append((time.perf_counter() - began) * 1000)
        if not ok:
            if reply is not None:
                errors.append(f"{device} {store}: {reply.status_code} {reply.text[:200]}")
            return


def healthz_p99(base: str, tills: int, rounds: int) -> float:
    """The HTTP stack alone: /healthz round trips from as many threads at once."""
    latencies: list[float] = []
    lock = threading.Lock()

    def hit() -> None:
        session = _session()
        for _ in range(rounds):
            began = time.perf_counter()
            session.get(base + "/healthz", timeout=60)
            with lock:
                latencies.append((time.perf_counter() - began) * 1000)

    threads = [threading.Thread(target=hit) for _ in range(tills)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return p99(latencies)


HOLD = 0.9  # the load holds the benchmarked rate when within 10 % of it (the run's noise)


def run(tills: int, events: int, batch: int, seconds: float) -> list[Row]:
    benchmarked = sync_push_bench.run(40_000, 4)[0]
    print(f"benchmarked push rate (4 tills): {benchmarked.value:,.0f} events/s")
    url = bench_database_url("loyalty_bench_load")
    devices = prepare(url, tills)
    work = Path(tempfile.mkdtemp(prefix="load-bench-"))
    plans = []
    for device, store, token in devices:
        bodies = []
        for first in range(1, events + 1, batch):
            last = min(events, first + batch - 1)
            items = [event(device, store, seq) for seq in range(first, last + 1)]
            bodies.append((last, json.dumps({"device_id": device, "events": items})))
        plans.append((device, store, token, bodies))
    server = Server(url, workers=2, log=work / "server.log")
    latencies: list[float] = []
    errors: list[str] = []
    try:
        baseline_p99 = healthz_p99(server.url, tills, rounds=5)
        start = threading.Event()
        deadline = [float("inf")]
        threads = [
            threading.Thread(
                target=till,
                args=(server.url, d, s, t, b, start, deadline, latencies, errors),
            )
            for d, s, t, b in plans
        ]
        for thread in threads:
            thread.start()
        began = time.perf_counter()
        deadline[0] = began + seconds
        start.set()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
    finally:
        server.stop()
    db = server_data.ServerDatabase(url)
    with db.read() as conn:
        stored = conn.execute(select(func.count()).select_from(m.Event)).scalar_one()
    db.close()
    copy_rate, _insert_rate, _copy_cpu = raw_baselines(url, max(stored, 1))
    rate = stored / elapsed
    print(
        f"{tills} tills, {stored:,} of {tills * events:,} events pushed in {elapsed:.1f} s "
        f"(bound {seconds:.0f} s), {len(latencies):,} requests, errors: {len(errors)}"
    )
    for line in errors[:5]:
        print("  error:", line)
    return [
        Row(
            f"{tills} tills pushing at once, {batch} events a request (PostgreSQL)",
            rate,
            "events/s",
            "≥ 90 % of the benchmarked rate, zero errors",
            benchmarked.value,
            "the benchmarked push rate, 4 tills, same run",
            rate >= HOLD * benchmarked.value and not errors,
        ),
        Row(
            "  the same, against raw COPY",
            rate,
            "events/s",
            "",
            copy_rate,
            "raw psycopg COPY of as many entry rows",
        ),
        Row(
            "  push request p99 under that load",
            p99(latencies),
            "ms",
            "reported",
            baseline_p99,
            f"/healthz round trip p99, {tills} threads at once",
            median=median(latencies),
        ),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--tills", type=int, default=200)
    parser.add_argument("--events", type=int, default=50, help="events per till")
    parser.add_argument("--batch", type=int, default=25, help="events per push request")
    parser.add_argument("--seconds", type=float, default=120.0, help="stop pushing after")
    args = parser.parse_args(argv)
    print(machine())
    print(table(run(args.tills, args.events, args.batch, args.seconds)))


if __name__ == "__main__":
    main()

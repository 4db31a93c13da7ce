"""The chain KPI report (server/report_kpi.py) on a large central ledger.

    .venv/bin/python -m bench.chain_report_bench --database-url postgresql+psycopg://…/db \
        [--members 1000000] [--receipts 9] [--stores 20] [--keep]

Builds a chain of N members over S stores with about `receipts` EARN entries per member in
the last twelve months (a quarter of them in another store than the member's home), their
lots, a REDEEM for every fifth member, a refund for one receipt in a hundred and a coupon
per member — written with COPY, then ANALYZE and VACUUM as autovacuum would leave them.
Then it times the report of one month (per store and for the chain, and one store alone)
next to a raw baseline from the same run: one psycopg query that aggregates the two months'
receipts per (store, member) — the least that active, repeat and churned members take.

The data is for reading only: no double-entry transfers or pull feed are written (the
report reads neither), so `check_server_books` does not hold on it. `--keep` reuses the
chain already in the database when it has the asked-for size.
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text

from bench import server_data
from bench.common import Row, machine, median, table
from bench.server_data import member_code, member_id, phone, referral_code
from loyalty_desk.domain.periods import PeriodKind, period_of
from loyalty_desk.domain.timeutil import zone
from loyalty_desk.server import models as m
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.report_kpi import chain_kpi_report
from loyalty_desk.server.service import open_database

START = datetime(2025, 11, 1, tzinfo=UTC)
YEAR = 365 * 24 * 3600
MONTH = period_of(PeriodKind.MONTH, date(2026, 9, 15))
NOW = datetime(2026, 11, 1, tzinfo=UTC)
CHUNK = 20_000
BASELINE = "psycopg: receipts per (store, member), two months"

COLUMNS = {
    **{name: server_data.COLUMNS[name] for name in ("member", "entry", "lot")},
    "refund": ("event_id", "store_id", "receipt_no", "member_id", "amount_fen", "occurred_at"),
    "coupon": (
        "code", "member_id", "record", "status", "issued_store_id", "redeemed_at",
        "redeemed_receipt", "redeemed_store_id", "voided_at", "void_reason", "updated_at",
        "kind", "value_fen", "issued_at",
    ),
}  # fmt: skip


def store_of(i: int, stores: int) -> str:
    return f"S{i % stores:03d}"


def chain_rows(lo: int, hi: int, receipts: int, stores: int) -> dict[str, list[tuple[Any, ...]]]:
    """Members lo..hi-1 and everything they did: deterministic in the member's index."""
    out: dict[str, list[tuple[Any, ...]]] = {k: [] for k in COLUMNS}
    seq = 0
    for i in range(lo, hi):
        mid, home = member_id(i), store_of(i, stores)
        joined = START - timedelta(days=30) + timedelta(seconds=(i * 7919) % (YEAR + 30 * 86400))
        held = 0
        count = 1 + (i * 7) % (2 * receipts - 1)  # 1 .. 2×receipts-1: `receipts` on average
        first: datetime | None = None
        last: datetime | None = None
        mine: list[int] = []  # this member's lots in out["lot"]
        for j in range(count):
            at = max(joined, START + timedelta(seconds=(i * 7919 + j * 104_729) % YEAR))
            store = home if j % 4 else store_of(i + j + 1, stores)
            paid = 1_000 + (i * 31 + j * 17) % 50_000
            points = paid // 100
            eid = f"{i:012d}-{j:04d}-e"
            seq += 1
            out["entry"].append(
                (eid, f"ev-{eid}", mid, mid, f"dev-{store}", seq, store, "EARN", points,
                 points, f"R{i}-{j}", paid, 1, None, at, False)
            )  # fmt: skip
            mine.append(len(out["lot"]))
            out["lot"].append((eid, mid, store, at, at + timedelta(days=365), points, points))
            held += points
            first = at if first is None or at < first else first
            last = at if last is None or at > last else last
            if (i + j) % 100 == 0:
                out["refund"].append((f"rf-{eid}", store, f"R{i}-{j}", mid, paid // 2, at))
        if i % 5 == 0 and held >= 100 and last is not None:
            eid = f"{i:012d}-redeem"
            seq += 1
            out["entry"].append(
                (eid, f"ev-{eid}", mid, mid, f"dev-{home}", seq, home, "REDEEM", -100, -100,
                 f"R{i}-x", None, 1, None, last + timedelta(minutes=1), False)
            )  # fmt: skip
            # FIFO: the redemption takes from the member's oldest lot.
            index = min(mine, key=lambda k: out["lot"][k][3])
            oldest = out["lot"][index]
            take = min(100, oldest[6])
            out["lot"][index] = (*oldest[:6], oldest[6] - take)
            held -= take
        issued = joined + timedelta(minutes=5)
        used = i % 3 == 0
        out["coupon"].append(
            (f"C{i:010d}", mid, "{}", "redeemed" if used else "issued", home,
             issued + timedelta(days=3) if used else None, f"R{i}-c" if used else None,
             home if used else None, None, None, issued, "new_member", 2_000, issued)
        )  # fmt: skip
        out["member"].append(
            (mid, member_code(i), phone(i), f"会员{i}", None, referral_code(i), None, False,
             home, joined, first, last, None, held, 0, False, False, joined)
        )  # fmt: skip
    return out


def build(db: ServerDatabase, members: int, receipts: int, stores: int) -> float:
    started = time.perf_counter()
    with db.write() as conn:
        for s in range(stores):
            conn.execute(
                m.Store.__table__.insert().values(
                    id=f"S{s:03d}", name=f"门店 {s}", created_at=START - timedelta(days=60)
                )
            )
    tables = [m.Base.metadata.tables[name] for name in COLUMNS]
    with db.write() as conn:  # bulk loads go faster with the indexes built afterwards
        for t in tables:
            for index in t.indexes:
                index.drop(conn)
    for lo in range(0, members, CHUNK):
        chunk = chain_rows(lo, min(members, lo + CHUNK), receipts, stores)
        with db.write() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            with raw.cursor() as cur:
                for name, data in chunk.items():
                    cols = ", ".join(COLUMNS[name])
                    with cur.copy(f'COPY "{name}" ({cols}) FROM STDIN') as copy:
                        for row in data:
                            copy.write_row(row)
        if lo and lo % (10 * CHUNK) == 0:
            print(f"  {lo:,} members written ({time.perf_counter() - started:.0f} s)", flush=True)
    with db.write() as conn:
        for t in tables:
            for index in t.indexes:
                index.create(conn)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))  # statistics and the visibility map
    return time.perf_counter() - started


def timed(fn: Any, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--database-url", required=True, help="PostgreSQL (the server's)")
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--receipts", type=int, default=9, help="EARN entries per member")
    parser.add_argument("--stores", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="reuse a chain of this size")
    args = parser.parse_args()

    db = open_database(args.database_url)
    if not db.postgres:
        raise SystemExit("The chain report bench needs PostgreSQL (the server's database).")
    with db.read() as conn:
        have = conn.execute(select(func.count()).select_from(m.Member)).scalar_one()
    if not (args.keep and have == args.members):
        db.close()
        db = server_data.reset(args.database_url)
        print(f"building {args.members:,} members over {args.stores} stores …", flush=True)
        seconds = build(db, args.members, args.receipts, args.stores)
        print(f"built in {seconds:.0f} s", flush=True)
    with db.read() as conn:
        entries = conn.execute(select(func.count()).select_from(m.Entry)).scalar_one()
        lots = conn.execute(select(func.count()).select_from(m.Lot)).scalar_one()
    tz = zone("Asia/Shanghai")
    assert tz is not None
    start, end = MONTH.start_utc(tz), MONTH.end_utc(tz)

    previous = MONTH.previous()
    before = previous.start_utc(tz)

    def baseline() -> None:
        """What any report of active, repeat and churned members must do at least: each
        (store, member)'s receipts of the two months, counted by raw psycopg."""
        with db.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            with raw.cursor() as cur:
                cur.execute("SET work_mem = '256MB'")
                cur.execute(
                    "SELECT count(*) FROM (SELECT store_id, member_id, "
                    "sum(CASE WHEN occurred_at >= %s THEN 1 ELSE 0 END) FROM entry "
                    "WHERE kind = 'EARN' AND occurred_at >= %s AND occurred_at < %s "
                    "GROUP BY store_id, member_id) AS per",
                    (start, before, end),
                )
                cur.fetchall()
                cur.execute("RESET work_mem")

    def whole_chain() -> None:
        chain_kpi_report(db, MONTH, now=NOW, tz=tz)

    def one_store() -> None:
        chain_kpi_report(db, MONTH, now=NOW, tz=tz, store="S001")

    whole_chain()  # warm the cache as a server that has been running would be
    baseline()
    raw = median(timed(baseline, args.runs))
    chain = median(timed(whole_chain, args.runs))
    single = median(timed(one_store, args.runs))
    report = chain_kpi_report(db, MONTH, now=NOW, tz=tz)
    assert report.chain is not None
    receipts = report.chain.value("receipts")
    print()
    print(f"{machine()}; PostgreSQL; {args.members:,} members, {entries:,} ledger entries, "
          f"{lots:,} lots, {args.stores} stores; report of {MONTH.label} "
          f"({receipts:,} receipts); median of {args.runs} runs")  # fmt: skip
    rows = [
        Row("chain KPI report, every store + chain", chain, "s", "≤ 3 s (DESIGN §6)", raw,
            BASELINE, chain <= 3.0),
        Row("chain KPI report, one store", single, "s", "≤ 3 s (DESIGN §6)", raw,
            BASELINE, single <= 3.0),
    ]  # fmt: skip
    print(table(rows))
    db.close()


if __name__ == "__main__":
    main()

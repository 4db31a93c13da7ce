"""Award and lookup latency through `services`, next to raw sqlite3 in the same run.

    .venv/bin/python -m bench.core_bench [--members 100000]

Builds (and caches under bench/data/) a till with N members imported through the services
layer, then measures p50/p99 of: lookup by full phone, lookup by last 4 digits (first 20),
award (rules + ledger + lots + outbox, FULL-sync commit). The raw baselines are the same
lookups as hand-written SQL on the same file, and one INSERT + FULL-sync commit.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.common import DATA, Row, median, p99, table, timings_ms
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.services import checkout, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.importing import import_members
from loyalty_desk.services.setup import init_store


def phone_of(i: int) -> str:
    return f"13{(i % 7) + 3}{i:08d}"


def build(n: int) -> Path:
    """A cached till with n imported members (opening points so lots exist)."""
    target = DATA / f"core-{n}"
    if (target / "loyalty.db").exists():
        return target
    tmp = Path(tempfile.mkdtemp(dir=DATA.parent if DATA.exists() else None))
    DATA.mkdir(parents=True, exist_ok=True)
    init_store(tmp, "BENCH", "Bench store")
    desk = Desk.open(tmp)
    assert not isinstance(desk, Refusal)
    csv = tmp / "members.csv"
    with csv.open("w", encoding="utf-8") as f:
        f.write("phone,name,birthday,opening_points\n")
        for i in range(n):
            f.write(f"{phone_of(i)},会员{i},1990-{(i % 12) + 1:02d}-15,{i % 800}\n")
    start = time.perf_counter()
    report = import_members(desk, csv)
    assert not isinstance(report, Refusal)
    print(f"imported {report.imported} members in {time.perf_counter() - start:.1f} s")
    desk.close()
    csv.unlink()
    shutil.move(str(tmp), target)
    return target


def run(n: int = 100_000, samples: int = 2_000) -> list[Row]:
    source = build(n)
    work = Path(tempfile.mkdtemp())
    shutil.copy(source / "loyalty.db", work / "loyalty.db")
    desk = Desk.open(work)
    assert not isinstance(desk, Refusal)
    rng = random.Random(1)
    picks = [rng.randrange(n) for _ in range(samples + 100)]
    rows: list[Row] = []

    raw = sqlite3.connect(work / "loyalty.db")
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")

    def raw_phone(i: int) -> object:
        return raw.execute(
            "SELECT id, code, name, phone, tier, balance FROM member WHERE phone = ?",
            (phone_of(picks[i]),),
        ).fetchone()

    def svc_phone(i: int) -> object:
        result = members.show(desk, phone_of(picks[i]))
        assert not isinstance(result, Refusal)
        return result

    def raw_suffix(i: int) -> object:
        return raw.execute(
            "SELECT id, code, name, phone, tier, balance FROM member WHERE phone_suffix = ? "
            "ORDER BY last_visit_at DESC LIMIT 20",
            (phone_of(picks[i])[-4:],),
        ).fetchall()

    def svc_suffix(i: int) -> object:
        result = members.find(desk, phone_of(picks[i])[-4:])
        assert not isinstance(result, Refusal) and result.members
        return result

    base = timings_ms(raw_phone, samples)
    mine = timings_ms(svc_phone, samples)
    rows.append(
        Row(
            f"lookup by full phone, {n:,} members (p99)",
            p99(mine),
            "ms",
            "p99 ≤ 2 ms",
            p99(base),
            "raw SELECT by phone",
            p99(mine) <= 2.0,
        )
    )
    base = timings_ms(raw_suffix, samples)
    mine = timings_ms(svc_suffix, samples)
    rows.append(
        Row(
            "lookup by last 4 digits, first 20 (p99)",
            p99(mine),
            "ms",
            "p99 ≤ 5 ms",
            p99(base),
            "raw SELECT … LIMIT 20",
            p99(mine) <= 5.0,
        )
    )

    raw.execute("CREATE TABLE bench_insert (id INTEGER PRIMARY KEY, member_id TEXT, points INT)")

    def raw_insert(i: int) -> object:
        raw.execute("INSERT INTO bench_insert (member_id, points) VALUES (?, ?)", (str(i), i))
        raw.commit()
        return None

    def award(i: int) -> object:
        result = checkout.earn(desk, phone_of(picks[i]), f"B{i}", 12_345)
        assert not isinstance(result, Refusal), result
        return result

    base = timings_ms(raw_insert, samples)
    mine = timings_ms(award, samples)
    rows.append(
        Row(
            "award (rules + ledger + lots + outbox, FULL commit) (p99)",
            p99(mine),
            "ms",
            "p99 ≤ 5 ms",
            p99(base),
            "raw INSERT + FULL commit",
            p99(mine) <= 5.0,
        )
    )
    rows.append(
        Row("award (median)", median(mine), "ms", "", median(base), "raw INSERT + FULL commit")
    )
    raw.close()
    desk.close()
    shutil.rmtree(work, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=2_000)
    args = parser.parse_args()
    print(table(run(args.members, args.samples)))


if __name__ == "__main__":
    main()

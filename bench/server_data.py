"""The server-side bench data path: a central database with N members, fast.

    .venv/bin/python -m bench.server_data --members 1000000 --database-url URL

Members arrive as if a till had imported them with opening points: each has a member row,
an opening ADJUST entry, the lot it opened, the double-entry transfer that posted it, and a
row in the pull feed — the same rows the push path would write, so the books balance
(tests/sync/chain.py `check_server_books` holds) and a till can pull them. Rows go in with
COPY on PostgreSQL and executemany on SQLite, in chunks. Everything is deterministic in the
member's index, so a later scale benchmark can regenerate or extend the same chain.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text, update

from loyalty_desk.domain.codes import luhn_check_digit
from loyalty_desk.server import models as m
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.service import open_database

OPENED = datetime(2026, 1, 15, 2, 0, tzinfo=UTC)
EXPIRES = datetime(2027, 1, 14, 16, 0, tzinfo=UTC)
CHUNK = 50_000
PREFIXES = ("138", "139", "150", "151", "186", "187", "135", "136", "137", "158")


def member_id(i: int) -> str:
    return f"00000000-0000-7000-8000-{i:012d}"


def entry_id(i: int) -> str:
    return f"00000000-0000-7000-9000-{i:012d}"


def phone(i: int) -> str:
    return f"{PREFIXES[i % len(PREFIXES)]}{i // len(PREFIXES):08d}"


def member_code(i: int) -> str:
    body = f"8{i:08d}"
    return body + luhn_check_digit(body)


def referral_code(i: int) -> str:
    """Referral codes have 6 free digits: unique for the first million members only."""
    body = f"6{i % 1_000_000:06d}"
    return body + luhn_check_digit(body)


def opening_points(i: int) -> int:
    return 100 + (i * 37) % 1900


def rows(
    start: int, stop: int, store: str, device: str, feed_base: int
) -> Iterator[dict[str, list[Any]]]:
    for lo in range(start, stop, CHUNK):
        hi = min(stop, lo + CHUNK)
        out: dict[str, list[Any]] = {
            k: [] for k in ("member", "entry", "lot", "transfer", "change")
        }
        for i in range(lo, hi):
            mid, eid, pts = member_id(i), entry_id(i), opening_points(i)
            at = OPENED + timedelta(seconds=i)
            out["member"].append(
                (mid, member_code(i), phone(i), f"会员{i}", None, referral_code(i), None,
                 False, store, at, None, at, None, pts, 0, False, False, at)
            )  # fmt: skip
            out["entry"].append(
                (eid, f"bench-{i // 100}", mid, mid, device, i // 100 + 1, store, "ADJUST",
                 pts, pts, None, None, 1, None, at, False)
            )  # fmt: skip
            out["lot"].append((eid, mid, store, at, EXPIRES, pts, pts))
            out["transfer"].append((f"bench-{i // 100}", eid, "ADJUST", f"member:{mid}", pts, at))
            out["change"].append(("member", mid, feed_base + i + 1))
        yield out


COLUMNS = {
    "member": (
        "id", "code", "phone", "name", "birthday", "referral_code", "referrer_id",
        "referral_rewarded", "home_store_id", "created_at", "first_purchase_at",
        "last_visit_at", "merged_into", "points", "debt", "online_only", "overdraft",
        "updated_at",
    ),
    "entry": (
        "id", "event_id", "member_id", "original_member_id", "device_id", "device_seq",
        "store_id", "kind", "points", "applied", "receipt_no", "amount_fen", "rule_version",
        "reverses_id", "occurred_at", "offline",
    ),
    "lot": ("id", "member_id", "store_id", "earned_at", "expires_at", "points", "remaining"),
    "transfer": ("event_id", "entry_id", "source", "target", "points", "at"),
    "change": ("kind", "entity_id", "seq"),
}  # fmt: skip
TABLES = {
    "member": m.Member,
    "entry": m.Entry,
    "lot": m.Lot,
    "transfer": m.Transfer,
    "change": m.Change,
}


def members_loaded(db: ServerDatabase) -> int:
    with db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(m.Member)).scalar_one())


def reset(url: str) -> ServerDatabase:
    """An empty, migrated server database (drops everything that was there)."""
    db = ServerDatabase(url)
    with db.engine.begin() as conn:
        if db.postgres:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        else:
            for table in reversed(m.Base.metadata.sorted_tables):
                conn.execute(text(f'DROP TABLE IF EXISTS "{table.name}"'))
            conn.execute(text("DROP TABLE IF EXISTS alembic_version_server"))
    db.close()
    return open_database(url)


def load_members(
    db: ServerDatabase, n: int, *, store: str = "S001", device: str = "import"
) -> float:
    """Add members 0..n-1 (with their opening lots); returns the seconds it took."""
    started = time.perf_counter()
    with db.write() as conn:
        if conn.execute(select(m.Store.id).where(m.Store.id == store)).first() is None:
            conn.execute(insert(m.Store).values(id=store, name=f"Store {store}", created_at=OPENED))
        base = int(conn.execute(select(m.FeedCounter.value)).scalar_one())
    for chunk in rows(0, n, store, device, base):
        with db.write() as conn:
            if db.postgres:
                raw = conn.connection.dbapi_connection
                assert raw is not None
                with raw.cursor() as cur:
                    for name, data in chunk.items():
                        cols = ", ".join(COLUMNS[name])
                        with cur.copy(f'COPY "{name}" ({cols}) FROM STDIN') as copy:
                            for row in data:
                                copy.write_row(row)
            else:
                for name, data in chunk.items():
                    table = TABLES[name].__table__
                    conn.execute(
                        insert(table), [dict(zip(COLUMNS[name], row, strict=True)) for row in data]
                    )
    with db.write() as conn:
        conn.execute(update(m.FeedCounter).values(value=m.FeedCounter.value + n))
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))  # fresh statistics, as autovacuum would give them later
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--database-url", required=True)
    args = parser.parse_args()
    db = reset(args.database_url)
    seconds = load_members(db, args.members)
    print(f"{members_loaded(db)} members in {seconds:.1f} s")
    db.close()


if __name__ == "__main__":
    main()

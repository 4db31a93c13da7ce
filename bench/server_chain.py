"""A generated chain's central database: the till data set of bench/generate.py, as the
server would hold it after every store had pushed its events (`generate.py --server URL`).

The till database is the source (it is the seeded chain, already played through the till's
rules), so the server holds exactly the same facts: every outbox event as an accepted event
of its store's device, every ledger entry, lot and lot take, members with the server's
balance (`points` = open lots, `debt` = the overdraft), merges, coupons, and one pull-feed
row per member and coupon. Each entry posts one double-entry transfer between its kind's
system account and the member's account; a member in debt gets one more from the overdraft
account, so the server's books balance (tests/sync/chain.py `check_server_books`).

Rows stream from SQLite to PostgreSQL `COPY` as text: SQLite itself renders each row as a
tab-separated line, Python only passes blocks through, so 10M entries take minutes. The
devices get a random token nobody knows: they stand for the chain's history, not for tills
that can push.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import func, select

from bench import server_data
from bench.chain import ChainSpec
from loyalty_desk.server import models as m

NULL = "'\\N'"
BLOCK = 20_000


def _ts(column: str) -> str:
    """A till moment (naive UTC text) as PostgreSQL timestamptz text, NULL as \\N."""
    return f"coalesce({column} || '+00', {NULL})"


def _txt(column: str) -> str:
    # Values in these columns never hold a tab, newline or backslash (ids, codes, names
    # checked at enrolment); COPY's text format would need those escaped.
    return f"coalesce({column}, {NULL})"


def _bool(column: str) -> str:
    return f"CASE WHEN {column} THEN 't' ELSE 'f' END"


def _line(*parts: str) -> str:
    return " || char(9) || ".join(parts) + " || char(10)"


# Each query yields one COPY line per row, in the column order of COLUMNS below.
QUERIES: dict[str, str] = {
    "member": "SELECT "
    + _line(
        "id", "code", "phone", "name", _txt("birthday"), "referral_code", _txt("referrer_id"),
        _bool("referral_rewarded"), "home_store_id", _ts("created_at"),
        _ts("first_purchase_at"), _ts("last_visit_at"), _txt("merged_into"),
        "(balance + debt)", "debt", _bool("online_only"), _bool("overdraft"), _ts("updated_at"),
    )
    + " FROM member",
    "entry": "SELECT "
    + _line(
        "id", "event_id", "member_id", "member_id", "device_id", "device_seq", "store_id",
        "kind", "points", "points", _txt("receipt_no"), _txt("amount_fen"), "rule_version",
        _txt("reverses_id"), _ts("occurred_at"), _bool("offline"),
    )
    + " FROM ledger_entry",
    "lot": "SELECT "
    + _line(
        "l.id", "l.member_id", "e.store_id", _ts("l.earned_at"), _ts("l.expires_at"),
        "l.points", "l.remaining",
    )
    + " FROM point_lot l JOIN ledger_entry e ON e.id = l.id",
    "lot_take": "SELECT " + _line("entry_id", "lot_id", "-points")
    + " FROM lot_movement WHERE points < 0",
    # One transfer an entry; the sign says which side the member's account is on.
    "transfer": "SELECT "
    + _line(
        "event_id", "id",
        "CASE WHEN points >= 0 THEN kind ELSE 'member:' || member_id END",
        "CASE WHEN points >= 0 THEN 'member:' || member_id ELSE kind END",
        "abs(points)", _ts("occurred_at"),
    )
    + " FROM ledger_entry WHERE points != 0"
    " UNION ALL SELECT "
    + _line(
        "'opening'", NULL, "'overdraft:' || id", "'member:' || id", "debt", _ts("updated_at")
    )
    + " FROM member WHERE debt > 0",
    "merge": "SELECT "
    + _line("id", "merged_into", "id", _ts("updated_at"))  # no event merged them here
    + " FROM member WHERE merged_into IS NOT NULL",
}  # fmt: skip

COLUMNS: dict[str, tuple[str, ...]] = {
    "member": server_data.COLUMNS["member"],
    "entry": server_data.COLUMNS["entry"],
    "lot": server_data.COLUMNS["lot"],
    "lot_take": ("entry_id", "lot_id", "points"),
    "transfer": server_data.COLUMNS["transfer"],
    "merge": ("loser_id", "winner_id", "event_id", "at"),
    "event": (
        "event_id", "device_id", "device_seq", "store_id", "kind", "payload_hash", "payload",
        "status", "received_at",
    ),
    "coupon": (
        "code", "member_id", "record", "status", "issued_store_id", "redeemed_at",
        "redeemed_receipt", "redeemed_store_id", "voided_at", "void_reason", "updated_at",
    ),
    "change": ("kind", "entity_id", "seq"),
}  # fmt: skip


def _iso(column: str) -> str:
    """A till moment as `datetime.isoformat()` writes it (what the till puts in records)."""
    return (
        f"CASE WHEN {column} IS NULL THEN NULL WHEN substr({column}, 21) = '000000' "
        f"THEN substr({column}, 1, 10) || 'T' || substr({column}, 12, 8) || '+00:00' "
        f"ELSE replace({column}, ' ', 'T') || '+00:00' END"
    )


# The coupon record of services/coupon_views.py `coupon_record`, in canonical JSON (sorted
# keys, no spaces, UTF-8 as is): what the server stores when a till announces the coupon.
_RECORD = (
    "json_object('code', code, 'entry_id', entry_id, 'issued_at', {issued_at}, "
    "'issued_store_id', issued_store_id, 'kind', kind, 'member_id', member_id, "
    "'min_spend_fen', min_spend_fen, 'redeemed_at', {redeemed_at}, "
    "'redeemed_receipt', redeemed_receipt, 'redeemed_store_id', redeemed_store_id, "
    "'rule_version', rule_version, 'status', status, 'valid_from', {valid_from}, "
    "'valid_until', {valid_until}, 'value_fen', value_fen, 'void_reason', void_reason, "
    "'voided_at', {voided_at})"
).format(**{c: _iso(c) for c in ("issued_at", "redeemed_at", "valid_from", "valid_until",
                                 "voided_at")})  # fmt: skip


def _lines(conn: sqlite3.Connection, sql: str) -> Iterator[bytes]:
    cur = conn.execute(sql)
    while rows := cur.fetchmany(BLOCK):
        yield "".join(r[0] for r in rows).encode()


def _dt(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def _escaped(column: str) -> str:
    return f"replace({column}, '\\', '\\\\')"  # COPY text format: \ is its escape


def later_queries(spec: ChainSpec, feed_base: int, members: int) -> dict[str, str]:
    """Events (each store's device named after the store in the payload: the chain's till
    writes every store's events), coupons and the pull feed."""
    store = "json_extract(payload, '$.store_id')"
    device = (
        f"CASE {store} "
        + " ".join(f"WHEN '{s}' THEN '{spec.device_id(s)}'" for s in spec.store_ids)
        + " END"
    )
    return {
        "event": "SELECT "
        + _line(
            "event_id", device, "device_seq", store, "kind", "payload_hash", _escaped("payload"),
            "'accepted'", _ts("created_at"),
        )
        + " FROM outbox",
        "coupon": "SELECT "
        + _line(
            "code", _txt("member_id"), _escaped(_RECORD), "status", "issued_store_id",
            _ts("redeemed_at"), _txt("redeemed_receipt"), _txt("redeemed_store_id"),
            _ts("voided_at"), _txt(_escaped("void_reason")),
            _ts("coalesce(redeemed_at, voided_at, issued_at)"),
        )
        + " FROM coupon",
        "change": "SELECT "
        + _line("'member'", "id", f"({feed_base} + row_number() OVER ())")
        + " FROM member UNION ALL SELECT "
        + _line("'coupon'", "code", f"({feed_base + members} + row_number() OVER ())")
        + " FROM coupon",
    }  # fmt: skip


def _devices(conn: sqlite3.Connection, spec: ChainSpec, now: datetime) -> list[dict[str, Any]]:
    """One device a store, with the event count and points total the consistency check
    compares a till's own with."""
    points = dict(
        conn.execute("SELECT device_id, sum(points) FROM ledger_entry GROUP BY device_id")
    )
    seen = {
        store: (count, last)
        for store, count, last in conn.execute(
            "SELECT json_extract(payload, '$.store_id'), count(*), max(device_seq) FROM outbox "
            "GROUP BY 1"
        )
    }
    out = []
    for store in spec.store_ids:
        device = spec.device_id(store)
        count, last = seen.get(store, (0, 0))
        out.append(
            {
                "id": device,
                "store_id": store,
                "timezone": spec.timezone,
                "token_hash": hashlib.sha256(secrets.token_bytes(32)).hexdigest(),
                "token_expires_at": now,
                "registered_at": spec.start,
                "start_seq": 1,
                "last_seq": int(last or 0),
                "event_count": int(count or 0),
                "points_total": int(points.get(device) or 0),
                "last_seen_at": spec.now,
            }
        )
    return out


def loaded(url: str) -> tuple[int, int] | None:
    """(members, entries) in the server database, None if it has no schema yet."""
    db = server_data.ServerDatabase(url)
    try:
        with db.read() as conn:
            members = conn.execute(select(func.count()).select_from(m.Member)).scalar_one()
            entries = conn.execute(select(func.count()).select_from(m.Entry)).scalar_one()
        return int(members), int(entries)
    except Exception:
        return None
    finally:
        db.close()


def till_counts(till: Path) -> tuple[int, int]:
    conn = sqlite3.connect(till)
    try:
        members = conn.execute("SELECT count(*) FROM member").fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM ledger_entry").fetchone()[0]
        return int(members), int(entries)
    finally:
        conn.close()


def build_server(
    till: Path, spec: ChainSpec, url: str, *, force: bool = False, progress: bool = True
) -> float:
    """Replace the server database at `url` with the chain in `till`; seconds taken.
    Skipped (0.0) when it already holds as many members and entries as the till."""
    if not url.startswith("postgresql"):
        raise SystemExit("--server needs a PostgreSQL URL (postgresql+psycopg://…)")
    if not force and loaded(url) == till_counts(till):
        return 0.0
    started = time.perf_counter()
    db = server_data.reset(url)  # migrated, seeded (feed counter, coupon key), empty
    now = datetime.now(UTC)
    with db.write() as conn:
        base = int(conn.execute(select(m.FeedCounter.value)).scalar_one())
        for store in spec.store_ids:
            conn.execute(
                m.Store.__table__.insert().values(
                    id=store, name=spec.store_name(store), created_at=spec.start
                )
            )
    db.close()
    src = sqlite3.connect(f"file:{till}?mode=ro", uri=True)
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    try:
        with psycopg.connect(dsn) as pg:
            deferred = _drop_indexes(pg)
            members = src.execute("SELECT count(*) FROM member").fetchone()[0]
            queries = {**QUERIES, **later_queries(spec, base, members)}
            with pg.cursor() as cur:
                for table, sql in queries.items():
                    t0 = time.perf_counter()
                    with cur.copy(f'COPY "{table}" ({", ".join(COLUMNS[table])}) FROM STDIN') as cp:
                        for block in _lines(src, sql):
                            cp.write(block)
                    _say(progress, f"{table}: {time.perf_counter() - t0:.0f} s")
                devices = _devices(src, spec, now)
                cols = list(devices[0])
                cur.executemany(
                    f"INSERT INTO device ({', '.join(cols)}) "
                    f"VALUES ({', '.join('%(' + c + ')s' for c in cols)})",
                    devices,
                )
                cur.execute(
                    "UPDATE feed_counter SET value = (SELECT coalesce(max(seq), 0) FROM change)"
                )
                t0 = time.perf_counter()
                for sql in deferred:
                    cur.execute(sql)
                _say(progress, f"{len(deferred)} indexes: {time.perf_counter() - t0:.0f} s")
            pg.commit()
            pg.autocommit = True
            pg.execute("ANALYZE")  # fresh statistics, as autovacuum would give them later
    finally:
        src.close()
    return time.perf_counter() - started


def _drop_indexes(pg: psycopg.Connection[Any]) -> list[str]:
    """Drop the indexes that back no constraint (built once at the end: sorting a table once
    beats updating a B-tree row by row); returns their definitions."""
    rows = pg.execute(
        "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = 'public' "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
    ).fetchall()
    for name, _ in rows:
        pg.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


def _say(progress: bool, text: str) -> None:
    if progress:
        print(f"server: {text}", file=sys.stderr, flush=True)

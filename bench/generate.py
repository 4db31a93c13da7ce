"""Generate a realistic chain into a till database: `python -m bench.generate --members 1000000`.

The database is created by `loyalty-desk init` (so it has the real schema at head), then
filled from `bench.chain` with SQLAlchemy Core bulk inserts, a chunk of a few thousand
members per transaction. For the load only: the secondary indexes are dropped and rebuilt
afterwards (sorting once is faster than updating them row by row), journaling and fsync are
off, the page cache is large. Durability is restored at the end (WAL; the till itself opens
with synchronous=FULL), and the run's parameters are kept in the `bench_chain` setting so a
benchmark knows the data's "now" and a second run with the same parameters is skipped.

The chain is simulated in worker processes (`--jobs`); the data do not depend on it.
With `--server URL` the same chain is then written into the central PostgreSQL database
(bench/server_chain.py: the till's facts as the server holds them once every store pushed).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, Date, MetaData, Table, create_engine, insert, text
from sqlalchemy.engine import Connection
from sqlalchemy.types import JSON

from bench.chain import COLUMNS, TABLE_ORDER, ChainSpec, Chunk, iter_chunks
from loyalty_desk import cli
from loyalty_desk.store.db import DB_FILENAME
from loyalty_desk.store.models import Base
from loyalty_desk.store.types import UTCDateTime

SETTING_KEY = "bench_chain"
DEFAULT_DIR = Path("bench/data")

Convert = Callable[[Any], Any]


def _datetime(value: datetime | None) -> str | None:
    # The storage format of SQLAlchemy's SQLite DateTime (naive UTC, microseconds always):
    # queries compare these strings, so it must be exactly the one the till writes.
    if value is None:
        return None
    return value.isoformat(" ", "microseconds")[:26]


def _date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _bool(value: bool) -> int:
    return 1 if value else 0


_json_memo: dict[int, tuple[Any, str]] = {}


def _json(value: Any) -> str | None:
    # A receipt's breakdown is also its EARN entry's detail: encode the shared object once.
    if value is None:
        return None
    hit = _json_memo.get(id(value))
    if hit is not None and hit[0] is value:
        return hit[1]
    encoded = json.dumps(value, separators=(",", ":"))
    _json_memo[id(value)] = (value, encoded)
    return encoded


def _converter(table: str, column: str) -> Convert | None:
    col_type = Base.metadata.tables[table].c[column].type
    if isinstance(col_type, UTCDateTime):
        return _datetime
    if isinstance(col_type, Date):
        return _date
    if isinstance(col_type, Boolean):
        return _bool
    if isinstance(col_type, JSON):
        return _json
    return None


CONVERTERS: dict[str, list[tuple[int, Convert]]] = {
    table: [
        (i, conv) for i, name in enumerate(cols) if (conv := _converter(table, name)) is not None
    ]
    for table, cols in COLUMNS.items()
}


def _row_renderer(table: str) -> Callable[[list[Any]], tuple[Any, ...]]:
    """One compiled function per table: a row of Python values to a row of storage values."""
    convs = dict(CONVERTERS[table])
    names = {f"c{i}": conv for i, conv in convs.items()}
    parts = [f"c{i}(r[{i}])" if i in convs else f"r[{i}]" for i in range(len(COLUMNS[table]))]
    source = f"lambda r: ({', '.join(parts)},)"
    fn: Callable[[list[Any]], tuple[Any, ...]] = eval(source, names)
    return fn


RENDERERS = {table: _row_renderer(table) for table in COLUMNS}
SORTED_BY_KEY = {"outbox", "member", "ledger_entry", "point_lot", "receipt", "coupon"}


def _first(row: tuple[Any, ...]) -> Any:
    return row[0]


def render(chunk: Chunk) -> Chunk:
    """Python values to SQLite storage values; runs in the worker that simulated the chunk."""
    gc.disable()
    try:
        _json_memo.clear()
        for table, rows in chunk.rows.items():
            fn = RENDERERS[table]
            rendered = [fn(r) for r in rows]
            if table in SORTED_BY_KEY:
                # In key order the rows land on neighbouring pages of the (random-order)
                # primary-key index: far fewer pages touched per chunk in a big database.
                rendered.sort(key=_first)
            chunk.rows[table] = rendered
        _json_memo.clear()
    finally:
        gc.enable()
    return chunk


def load_tables() -> dict[str, Table]:
    """The till's tables with storage-level column types: values arrive already rendered."""
    meta = MetaData()
    return {name: Table(name, meta, *(Column(c) for c in cols)) for name, cols in COLUMNS.items()}


@dataclass
class LoadStats:
    members: int = 0
    rows: int = 0
    events: int = 0
    seconds: float = 0.0
    waiting: float = 0.0  # for simulated chunks


def drop_indexes(conn: Connection) -> list[str]:
    """Secondary indexes of the loaded tables (their SQL), dropped for the load."""
    rows = conn.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN (" + ",".join(f"'{t}'" for t in TABLE_ORDER) + ")"
        )
    ).all()
    for name, _ in rows:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


def load(db_path: Path, spec: ChainSpec, *, jobs: int, progress: bool = True) -> LoadStats:
    engine = create_engine(f"sqlite:///{db_path}")
    stats = LoadStats()
    started = time.perf_counter()
    # Core insert statements, executed as the driver's executemany on rendered tuples:
    # SQLAlchemy's per-row parameter handling would cost three times the insert itself.
    statements = {
        name: str(insert(table).compile(dialect=engine.dialect))
        for name, table in load_tables().items()
    }
    gc.disable()  # millions of row tuples pass through; none of them form cycles
    try:
        _load(engine, statements, spec, jobs, progress, stats, started)
    finally:
        gc.enable()
        engine.dispose()
    stats.seconds = time.perf_counter() - started
    return stats


def _load(
    engine: Any,
    statements: dict[str, str],
    spec: ChainSpec,
    jobs: int,
    progress: bool,
    stats: LoadStats,
    started: float,
) -> None:
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=OFF")
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
        conn.exec_driver_sql(
            "PRAGMA foreign_keys=OFF"
        )  # the simulation keeps them; checked in tests
        conn.exec_driver_sql("PRAGMA cache_size=-8000000")  # 8 GB: the id indexes stay in memory
        conn.exec_driver_sql("PRAGMA temp_store=MEMORY")
        conn.commit()
        index_sql = drop_indexes(conn)
        conn.commit()
        seq = 0
        waited = time.perf_counter()
        for chunk in iter_chunks(spec, jobs=jobs, prepare=render):
            stats.waiting += time.perf_counter() - waited
            with conn.begin():
                for name in TABLE_ORDER:
                    rows = chunk.rows[name]
                    if not rows:
                        continue
                    if name in ("outbox", "ledger_entry"):
                        at = COLUMNS[name].index("device_seq")
                        rows = [(*r[:at], r[at] + seq, *r[at + 1 :]) for r in rows]
                    conn.exec_driver_sql(statements[name], rows)
                    stats.rows += len(rows)
            seq += chunk.events
            stats.events = seq
            stats.members += len(chunk.rows["member"])
            waited = time.perf_counter()
            if progress:
                rate = stats.rows / (waited - started)
                print(
                    f"\r{stats.members:>9,} members {stats.rows:>12,} rows  {rate:,.0f} rows/s"
                    f"  (waited {stats.waiting:.0f} s for the simulation)",
                    end="",
                    file=sys.stderr,
                    flush=True,
                )
        if progress:
            print(f"\nbuilding {len(index_sql)} indexes…", file=sys.stderr)
        for sql in index_sql:
            conn.exec_driver_sql(sql)
        conn.commit()
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        conn.commit()


def schema_fingerprint() -> str:
    """Tables, columns and indexes of the till schema: a cached data set with another one is
    rebuilt."""
    parts = []
    for table in sorted(Base.metadata.tables.values(), key=lambda t: t.name):
        parts.append(f"{table.name}:{','.join(c.name for c in table.columns)}")
        for index in sorted(table.indexes, key=lambda i: i.name or ""):
            where = index.dialect_options["sqlite"].get("where")  # a partial index's rows
            parts.append(f"{index.name}:{','.join(c.name for c in index.columns)}:{where}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def wanted(spec: ChainSpec) -> dict[str, Any]:
    return {**spec.to_json(), "schema": schema_fingerprint()}


def record_spec(db_path: Path, spec: ChainSpec, stats: LoadStats) -> None:
    engine = create_engine(f"sqlite:///{db_path}")
    body = json.dumps(
        {**wanted(spec), "rows": stats.rows, "events": stats.events, "seconds": stats.seconds},
        ensure_ascii=False,
    )
    with engine.begin() as conn:
        conn.execute(
            text("INSERT OR REPLACE INTO setting (key, value) VALUES (:k, :v)"),
            {"k": SETTING_KEY, "v": body},
        )
    engine.dispose()


def recorded_spec(data_dir: Path) -> dict[str, Any] | None:
    path = data_dir / DB_FILENAME
    if not path.exists():
        return None
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            row = conn.execute(
                text("SELECT value FROM setting WHERE key = :k"), {"k": SETTING_KEY}
            ).first()
    except Exception:
        return None
    finally:
        engine.dispose()
    return None if row is None else dict(json.loads(row[0]))


def build_till(
    data_dir: Path, spec: ChainSpec, *, jobs: int = 2, force: bool = False, progress: bool = True
) -> Path:
    """A till database holding the chain `spec`; reused when one with the same spec exists."""
    existing = recorded_spec(data_dir)
    if existing is not None and not force:
        same = {k: v for k, v in existing.items() if k not in ("rows", "events", "seconds")}
        if same == wanted(spec):
            return data_dir / DB_FILENAME
    if data_dir.exists():
        shutil.rmtree(data_dir)
    store = spec.store_ids[0]
    code = cli.main(
        [
            "--data-dir",
            str(data_dir),
            "--json",
            "init",
            "--store-id",
            store,
            "--store-name",
            spec.store_name(store),
            "--timezone",
            spec.timezone,
        ]
    )
    if code != 0:
        raise SystemExit(f"loyalty-desk init failed ({code})")
    db_path = data_dir / DB_FILENAME
    stats = load(db_path, spec, jobs=jobs, progress=progress)
    record_spec(db_path, spec, stats)
    if progress:
        print(
            f"{stats.members:,} members, {stats.rows:,} rows in {stats.seconds:.0f} s "
            f"→ {db_path} ({db_path.stat().st_size / 2**30:.1f} GiB)",
            file=sys.stderr,
        )
    return db_path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    p.add_argument("--members", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=ChainSpec.seed)
    p.add_argument("--stores", type=int, default=ChainSpec.stores)
    p.add_argument("--out", type=Path, help="data directory (default bench/data/chain-N)")
    p.add_argument("--jobs", type=int, default=2, help="simulation worker processes")
    p.add_argument("--force", action="store_true", help="rebuild even if the data exist")
    p.add_argument(
        "--server",
        metavar="URL",
        help="also write the chain into this central PostgreSQL database (replacing it)",
    )
    args = p.parse_args(argv)
    spec = ChainSpec(members=args.members, seed=args.seed, stores=args.stores)
    out = args.out or DEFAULT_DIR / f"chain-{args.members}"
    till = build_till(out, spec, jobs=args.jobs, force=args.force)
    if args.server:
        from bench.server_chain import build_server

        seconds = build_server(till, spec, args.server, force=args.force)
        print(f"central database written in {seconds:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

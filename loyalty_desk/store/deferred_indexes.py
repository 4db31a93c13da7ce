"""Secondary indexes set aside while a new till takes in its first pull.

A first pull writes a million members, each with a ledger entry and a lot: kept up to date
row by row, the 15 secondary indexes of those three tables cost more than the rows
themselves (random B-tree inserts, pages written again and again); built once at the end
they are a sort each. Only what serves lookups and reports is set aside; the primary keys
and unique indexes stay, so every uniqueness rule holds throughout.

The definitions are kept in the `setting` table, written in the same transaction that drops
the indexes (SQLite's DDL is transactional): whatever interrupts the pull, `restore` finds
what is missing and builds it again, and the next sync calls it before anything else.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, Engine

SETTING_KEY = "deferred_indexes"
TABLES = ("member", "ledger_entry", "point_lot")
BUILD_CACHE_KIB = 65_536  # page cache while the indexes are built (the pull uses as much)


def set_aside(engine: Engine) -> int:
    """Drop the secondary indexes of the bulk-loaded tables; returns how many."""
    tables = ", ".join(f"'{t}'" for t in TABLES)
    with engine.begin() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({tables}) AND sql NOT LIKE 'CREATE UNIQUE %' ORDER BY name"
        ).all()
        if not rows:
            return 0
        kept = _pending(conn) + [sql for _, sql in rows]
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
            (SETTING_KEY, json.dumps(kept)),
        )
        for name, _ in rows:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return len(rows)


def restore(engine: Engine) -> int:
    """Build every index `set_aside` dropped (none: nothing to do); returns how many."""
    with engine.execution_options(readonly=True).connect() as conn:
        if not _pending(conn):  # the usual case: a read, no write lock taken
            return 0
    with engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        dbapi.execute(f"PRAGMA cache_size=-{BUILD_CACHE_KIB}")
        try:
            with conn.begin():
                pending = _pending(conn)
                for sql in pending:
                    sql = sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1)
                    conn.exec_driver_sql(sql)
                conn.exec_driver_sql("DELETE FROM setting WHERE key = ?", (SETTING_KEY,))
        finally:
            if not conn.invalidated:
                dbapi.execute("PRAGMA cache_size=-2000")
    return len(pending)


def _pending(conn: Connection) -> list[str]:
    row = conn.exec_driver_sql("SELECT value FROM setting WHERE key = ?", (SETTING_KEY,)).first()
    return [] if row is None else list(json.loads(row[0]))

"""Opening the till's SQLite file: durable pragmas, write transactions that never deadlock."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from loyalty_desk.store.checkpoint import checkpoint_in_background, stop_checkpointing

DB_FILENAME = "loyalty.db"

# sqlite3 binds None only after failing to find an adapter for it (attribute lookups that
# raise and are caught, about 0.7 µs a value); registered, it is one dict hit and a call.
# Every insert binds a few NULLs, a first pull tens of millions. None stays NULL.
sqlite3.register_adapter(type(None), lambda _value: None)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's begin() emit our BEGIN, not pysqlite's implicit deferred one.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # Points are money: a committed award must survive a power cut.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    # No checkpoint inside a cashier's commit: store/checkpoint.py does it in the background.
    cur.execute("PRAGMA wal_autocheckpoint=0")
    cur.close()


def _on_begin(conn: Any) -> None:
    # Writers take the lock up front (IMMEDIATE): two writers queue on busy_timeout instead
    # of failing with "database is locked" when a read transaction tries to upgrade.
    # Readers begin deferred and, in WAL mode, never wait for a writer.
    if conn.get_execution_options().get("readonly"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": 10},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """The till's database file and its session factory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = make_engine(path)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.read_sessions = sessionmaker(
            self.engine.execution_options(readonly=True), expire_on_commit=False
        )
        checkpoint_in_background(self, path)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One use case, one transaction: commit on success, roll back on anything else."""
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent snapshot for lookups and reports; never blocks on a writer."""
        with self.read_sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        stop_checkpointing(self)
        self.engine.dispose()


def backup_file(source: Path, target: Path) -> None:
    """Consistent copy of a live database with SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def integrity_ok(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return rows == [("ok",)]

"""The WAL is copied back into the database file by a background thread, never inside a
cashier's commit (store/checkpoint.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import text

from loyalty_desk.store import checkpoint
from loyalty_desk.store.db import Database


def test_commits_do_not_checkpoint_and_the_background_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db = Database(Path("till.db"))  # a relative path, as `--data-dir data` gives
    try:
        with db.transaction() as s:
            assert s.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 0
            s.execute(text("CREATE TABLE t (x BLOB)"))
        for _ in range(40):  # 40 commits of 64 KiB: 2.5 MiB of WAL, over the threshold
            with db.transaction() as s:
                s.execute(text("INSERT INTO t VALUES (randomblob(65536))"))
        deadline = time.monotonic() + 15
        while (tmp_path / "till.db").stat().st_size < 2 * 2**20:
            assert time.monotonic() < deadline, "the background checkpoint never ran"
            time.sleep(0.05)
        with db.read() as s:  # nothing lost on the way
            assert s.execute(text("SELECT count(*) FROM t")).scalar() == 40
    finally:
        db.close()


def test_a_closed_database_is_no_longer_checkpointed(tmp_path: Path) -> None:
    db = Database(tmp_path / "till.db")
    key = id(db)
    assert key in checkpoint._checkpointer._paths
    db.close()
    assert key not in checkpoint._checkpointer._paths


def test_a_vanished_database_file_is_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "gone.db"
    path.with_name("gone.db-wal").write_bytes(b"\0" * (checkpoint.MIN_WAL_BYTES + 1))
    checkpoint.checkpoint_if_large(path)
    assert not path.exists()


def test_a_finalizer_run_during_a_checkpoint_round_does_not_deadlock(tmp_path: Path) -> None:
    """The garbage collector may run a dropped database's finalizer on the checkpoint
    thread while it holds the lock for its round; unregistering must not wait for itself."""
    import threading

    db = Database(tmp_path / "till.db")
    done = threading.Event()

    def round_with_a_finalizer() -> None:
        with checkpoint._checkpointer._lock:  # as in _run()
            checkpoint.stop_checkpointing(db)  # what the finalizer does
        done.set()

    worker = threading.Thread(target=round_with_a_finalizer, daemon=True)
    worker.start()
    assert done.wait(5), "unregistering inside a checkpoint round deadlocked"
    db.close()

"""Copying the write-ahead log back into the database file, off the cashier's path.

SQLite's automatic checkpoint runs inside whichever commit pushes the WAL past 1,000
pages. An award writes about ten pages, so one award in a hundred also copied the WAL into
the database file and synced it: that commit took 5–7 ms where the others took 0.5 ms,
and it set the award's p99. The till's connections therefore turn the automatic
checkpoint off (`wal_autocheckpoint=0`, store/db.py) and one background thread per process
checkpoints every open till database instead, on a connection of its own, while the
cashier goes on: in WAL mode writers keep appending during a checkpoint, and the
`sqlite3` module releases the GIL while SQLite works.

A PASSIVE checkpoint never waits for readers or writers; what it cannot copy yet it copies
on a later round. When the last connection to a database closes, SQLite checkpoints and
removes the WAL by itself, as before.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import weakref
from pathlib import Path

log = logging.getLogger(__name__)

INTERVAL_S = 1.0
# Below this the WAL is not worth a disk sync (about 250 pages of 4 KiB).
MIN_WAL_BYTES = 1 << 20


class _Checkpointer:
    def __init__(self) -> None:
        # Held while checkpointing, so close() waits for it. Reentrant: a database dropped
        # without close() is unregistered by its finalizer, which the garbage collector may
        # run on this very thread in the middle of a round (a plain Lock deadlocked there).
        self._lock = threading.RLock()
        self._paths: dict[int, Path] = {}
        self._thread: threading.Thread | None = None

    def register(self, owner: object, path: Path) -> None:
        key = id(owner)
        with self._lock:
            self._paths[key] = path.resolve()  # the thread must not depend on the cwd
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="wal-checkpoint", daemon=True
                )
                self._thread.start()
        # A database dropped without close() must not keep being checkpointed.
        weakref.finalize(owner, self.unregister, key)

    def unregister(self, key: int) -> None:
        with self._lock:
            self._paths.pop(key, None)

    def _run(self) -> None:
        wake = threading.Event()  # never set: a sleep that is not a busy loop
        while True:
            wake.wait(INTERVAL_S)
            with self._lock:
                for path in set(self._paths.values()):
                    try:
                        checkpoint_if_large(path)
                    except Exception:  # one odd database must not stop the others' checkpoints
                        log.exception("WAL checkpoint of %s failed", path)


def checkpoint_if_large(path: Path) -> None:
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.stat().st_size < MIN_WAL_BYTES:
            return
        # mode=rw: never create a database file that has gone away meanwhile.
        uri = f"{path.resolve().as_uri()}?mode=rw"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except (OSError, sqlite3.Error):
        return
    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.Error as exc:  # e.g. the file is being restored; the next round retries
        log.debug("WAL checkpoint of %s skipped: %s", path, exc)
    finally:
        conn.close()


_checkpointer = _Checkpointer()


def checkpoint_in_background(owner: object, path: Path) -> None:
    """Checkpoint `path` in the background for as long as `owner` is open."""
    _checkpointer.register(owner, path)


def stop_checkpointing(owner: object) -> None:
    """Stop checkpointing for `owner`; returns once no checkpoint of it is running."""
    _checkpointer.unregister(id(owner))

"""Backups of the till database: daily and on demand, kept 30 days; restore, all or nothing.

Copies are made with SQLite's online backup API (consistent while the till runs) and
checked with `PRAGMA integrity_check` before they count. A restore copies the chosen file
*into* the live database through the same API, in one step: a crash half-way leaves the
old database as it was, never half of each.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from loyalty_desk.domain.errors import Code, Refused, refuse
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.services.desk import Desk, read_setting, write_setting
from loyalty_desk.services.usecase import use_case
from loyalty_desk.store import migrate
from loyalty_desk.store.db import DB_FILENAME, backup_file, integrity_ok

KEEP_DAYS = 30
LAST_BACKUP_KEY = "backup_day"
_STAMP = re.compile(r"-(\d{8}T\d{6})\.db$")


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    size_bytes: int
    removed: tuple[Path, ...]  # old backups rotated out

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "size_bytes": self.size_bytes,
            "removed": [str(p) for p in self.removed],
        }


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def rotate(folder: Path, now: datetime, keep_days: int = KEEP_DAYS) -> tuple[Path, ...]:
    """Delete backups older than `keep_days` (by the time in their name)."""
    removed = []
    cutoff = _stamp(now - timedelta(days=keep_days))
    for path in sorted(folder.glob("*.db")):
        match = _STAMP.search(path.name)
        if match and match.group(1) < cutoff:
            path.unlink(missing_ok=True)
            removed.append(path)
    return tuple(removed)


@use_case
def backup_now(desk: Desk, target: Path | None = None, *, label: str = "loyalty") -> BackupResult:
    now = desk.now()
    folder = target or backups_dir(desk.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{label}-{_stamp(now)}.db"
    try:
        backup_file(desk.db.path, path)
    except (OSError, sqlite3.Error) as exc:
        raise refuse(
            Code.INVALID_FILE, "Cannot write a backup to {folder}: {exc}.", folder=folder, exc=exc
        ) from exc
    if not integrity_ok(path):
        path.unlink(missing_ok=True)
        raise refuse(
            Code.INVALID_FILE,
            "The backup copy failed its integrity check; the database may be damaged. Run "
            "`loyalty-desk restore` with the newest good backup.",
        )
    removed = rotate(folder, now) if target is None else ()
    return BackupResult(path, path.stat().st_size, removed)


def daily_backup(desk: Desk) -> BackupResult | None:
    """Once per store-local day (at the first use of the day), before the day's work."""
    today = local_date(desk.now(), desk.tz).isoformat()
    with desk.read() as s:
        if read_setting(s, LAST_BACKUP_KEY) == today:
            return None
    result = backup_now(desk)
    if not isinstance(result, BackupResult):
        return None
    with desk.write() as s:
        write_setting(s, LAST_BACKUP_KEY, today)
    return result


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: Path
    saved_current_as: Path | None
    store_id: str

    def to_json(self) -> dict[str, Any]:
        return {
            "restored_from": str(self.restored_from),
            "saved_current_as": str(self.saved_current_as) if self.saved_current_as else None,
            "store_id": self.store_id,
        }


def _describe(path: Path) -> tuple[str, str | None]:
    """(schema revision, store id) of a candidate file; refuses what is not a till database."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise refuse(
            Code.INVALID_FILE, "{name} cannot be opened: {exc}.", name=path.name, exc=exc
        ) from exc
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        store = conn.execute("SELECT value FROM setting WHERE key = 'store_id'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise refuse(
            Code.INVALID_FILE,
            "{name} is not a Loyalty Desk database ({exc}).",
            name=path.name,
            exc=exc,
        ) from exc
    finally:
        conn.close()
    if revision is None:
        raise refuse(Code.INVALID_FILE, "{name} is not a Loyalty Desk database.", name=path.name)
    return revision[0], (json.loads(store[0]) if store else None)


@use_case
def restore(data_dir: Path, source: Path, *, now: datetime) -> RestoreResult:
    """Replace the till's database with a backup. Run it with the till closed."""
    if not source.is_file():
        raise refuse(Code.INVALID_FILE, "No backup file at {source}.", source=source)
    try:
        sound = integrity_ok(source)
    except sqlite3.DatabaseError:
        sound = False
    if not sound:
        raise refuse(
            Code.INVALID_FILE,
            "{name} fails the integrity check; choose another backup. Nothing was changed.",
            name=source.name,
        )
    revision, store_id = _describe(source)
    if revision not in migrate.known_revisions():
        raise refuse(
            Code.SCHEMA_TOO_NEW,
            "{name} was written by a newer Loyalty Desk (schema {revision}); install that version "
            "to restore it.",
            name=source.name,
            revision=revision,
        )
    if store_id is None:
        raise refuse(Code.INVALID_FILE, "{name} has no store in it.", name=source.name)
    target = data_dir / DB_FILENAME
    saved: Path | None = None
    data_dir.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        backup_file(source, target)
    elif check_database(data_dir).ok:
        _, current_store = _describe(target)
        _same_store(source, store_id, current_store)
        saved = backups_dir(data_dir) / f"before-restore-{_stamp(now)}.db"
        backup_file(target, saved)
        backup_file(source, target)  # one step into the live file: all or nothing
    else:
        # The case restore exists for: the live file is damaged, perhaps beyond opening.
        try:
            _, current_store = _describe(target)
        except Refused:
            current_store = None  # too damaged to say whose it is
        _same_store(source, store_id, current_store)
        saved = _set_aside(target, backups_dir(data_dir) / f"damaged-{_stamp(now)}.db")
        _replace(source, target)
    if not integrity_ok(target):
        raise RuntimeError("restored database failed its integrity check")
    return RestoreResult(source, saved, store_id)


def _same_store(source: Path, store_id: str, current_store: str | None) -> None:
    if current_store is not None and current_store != store_id:
        raise refuse(
            Code.INVALID_FILE,
            "{name} belongs to store '{store_id}', this till to '{current_store}'. Nothing was "
            "changed.",
            name=source.name,
            store_id=store_id,
            current_store=current_store,
        )


def _set_aside(live: Path, copy: Path) -> Path:
    """A byte copy of a damaged database and its WAL, for support: nothing is thrown away."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(live, copy)
    wal = Path(f"{live}-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(f"{copy}-wal"))
    return copy


def _replace(source: Path, live: Path) -> None:
    """Swap in a sound copy of `source` with one atomic rename.

    The copy is written and checked beside the live file first; the damaged file's WAL
    goes before the rename, because SQLite would replay it into the restored file. A
    crash at any point leaves either the old (damaged, set aside) file or the new one.
    """
    fresh = live.with_name(live.name + ".restoring")
    fresh.unlink(missing_ok=True)
    backup_file(source, fresh)
    if not integrity_ok(fresh):
        fresh.unlink(missing_ok=True)
        raise RuntimeError("the copy of the backup failed its integrity check")
    with open(fresh, "rb+") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    os.replace(fresh, live)
    if os.name != "nt":  # the rename itself survives a power cut once the folder is synced
        folder = os.open(live.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


# Small tables read on every start; the big ones are checked in the background (thorough).
_QUICK_TABLES = ("alembic_version", "setting", "staff", "rule_set")


@dataclass(frozen=True, slots=True)
class HealthReport:
    ok: bool
    message: str
    backups: tuple[Path, ...] = ()  # newest first: what a manager can restore


def list_backups(data_dir: Path) -> tuple[Path, ...]:
    """Backups a till can restore, newest first (damaged files set aside are not offered)."""
    found = []
    for path in backups_dir(data_dir).glob("*.db"):
        match = _STAMP.search(path.name)
        if match and not path.name.startswith("damaged-"):
            found.append((match.group(1), path.name, path))
    return tuple(path for _, _, path in sorted(found, reverse=True))


def _check_rows(path: Path, thorough: bool) -> list[tuple[str]]:
    conn = sqlite3.connect(path)
    try:
        if thorough:
            return conn.execute("PRAGMA quick_check").fetchall()
        # Header, schema and the start-up tables: milliseconds, whatever the till's size.
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        for table in _QUICK_TABLES:
            if table in names:
                rows = conn.execute(f"PRAGMA quick_check({table})").fetchall()
                if rows != [("ok",)]:
                    return rows
        return [("ok",)]
    finally:
        conn.close()


def check_database(data_dir: Path, *, thorough: bool = True) -> HealthReport:
    """The start-up check: is the database file sound? If not, say what to do.

    `thorough=False` reads only the file's header, schema and small tables, fast enough for
    every start; the thorough check reads every page (seconds on a million members), so
    the client runs it in the background before the day's backup.
    """
    path = data_dir / DB_FILENAME
    if not path.exists():
        return HealthReport(True, "No database yet.")
    try:
        rows = _check_rows(path, thorough)
    except sqlite3.DatabaseError as exc:
        rows = [(str(exc),)]
    if rows == [("ok",)]:
        return HealthReport(True, "The database is sound.")
    backups = list_backups(data_dir)
    hint = (
        f"Restore the newest backup: loyalty-desk restore {backups[0]}"
        if backups
        else "No backup exists yet; call support before using this till."
    )
    return HealthReport(False, f"The database is damaged ({rows[0][0]}). {hint}", backups)

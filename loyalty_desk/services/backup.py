"""Backups of the till database: daily and on demand, kept 30 days; restore, all or nothing.

Copies are made with SQLite's online backup API (consistent while the till runs) and
checked with `PRAGMA integrity_check` before they count. A restore copies the chosen file
*into* the live database through the same API, in one step: a crash half-way leaves the
old database as it was, never half of each.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from loyalty_desk.domain.errors import Code, refuse
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
        raise refuse(Code.INVALID_FILE, f"Cannot write a backup to {folder}: {exc}.") from exc
    if not integrity_ok(path):
        path.unlink(missing_ok=True)
        raise refuse(
            Code.INVALID_FILE,
            "The backup copy failed its integrity check; the database may be damaged. "
            "Run `loyalty-desk restore` with the newest good backup.",
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
        raise refuse(Code.INVALID_FILE, f"{path.name} cannot be opened: {exc}.") from exc
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        store = conn.execute("SELECT value FROM setting WHERE key = 'store_id'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise refuse(
            Code.INVALID_FILE, f"{path.name} is not a Loyalty Desk database ({exc})."
        ) from exc
    finally:
        conn.close()
    if revision is None:
        raise refuse(Code.INVALID_FILE, f"{path.name} is not a Loyalty Desk database.")
    return revision[0], (json.loads(store[0]) if store else None)


@use_case
def restore(data_dir: Path, source: Path, *, now: datetime) -> RestoreResult:
    """Replace the till's database with a backup. Run it with the till closed."""
    if not source.is_file():
        raise refuse(Code.INVALID_FILE, f"No backup file at {source}.")
    try:
        sound = integrity_ok(source)
    except sqlite3.DatabaseError:
        sound = False
    if not sound:
        raise refuse(
            Code.INVALID_FILE,
            f"{source.name} fails the integrity check; choose another backup. Nothing was changed.",
        )
    revision, store_id = _describe(source)
    if revision not in migrate.known_revisions():
        raise refuse(
            Code.SCHEMA_TOO_NEW,
            f"{source.name} was written by a newer Loyalty Desk (schema {revision}); "
            "install that version to restore it.",
        )
    if store_id is None:
        raise refuse(Code.INVALID_FILE, f"{source.name} has no store in it.")
    target = data_dir / DB_FILENAME
    saved: Path | None = None
    if target.exists():
        _, current_store = _describe(target)
        if current_store is not None and current_store != store_id:
            raise refuse(
                Code.INVALID_FILE,
                f"{source.name} belongs to store '{store_id}', this till to "
                f"'{current_store}'. Nothing was changed.",
            )
        saved = backups_dir(data_dir) / f"before-restore-{_stamp(now)}.db"
        backup_file(target, saved)
    data_dir.mkdir(parents=True, exist_ok=True)
    backup_file(source, target)  # one step into the live file: all or nothing
    if not integrity_ok(target):
        raise RuntimeError("restored database failed its integrity check")
    return RestoreResult(source, saved, store_id)


@dataclass(frozen=True, slots=True)
class HealthReport:
    ok: bool
    message: str


def check_database(data_dir: Path) -> HealthReport:
    """The start-up check: is the database file sound? If not, say what to do."""
    path = data_dir / DB_FILENAME
    if not path.exists():
        return HealthReport(True, "No database yet.")
    try:
        conn = sqlite3.connect(path)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        rows = [(str(exc),)]
    if rows == [("ok",)]:
        return HealthReport(True, "The database is sound.")
    newest = sorted(backups_dir(data_dir).glob("*.db"))
    hint = (
        f"Restore the newest backup: loyalty-desk restore {newest[-1]}"
        if newest
        else "No backup exists yet; call support before using this till."
    )
    return HealthReport(False, f"The database is damaged ({rows[0][0]}). {hint}")

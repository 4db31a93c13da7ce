"""A damaged till database: found at start-up (quickly) or in the background (thoroughly),
and restored from a backup even when it is too damaged to open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import backup, checkout, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.db import integrity_ok
from tests.conftest import FakeClock


def scribble(live: Path, start: int, step: int) -> None:
    """Damage a closed database file: flip bytes from `start` on, every `step` bytes."""
    for suffix in ("-wal", "-shm"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    data = bytearray(live.read_bytes())
    for i in range(start, len(data), step):
        data[i] ^= 0x5A
    live.write_bytes(bytes(data))


def filled(desk: Desk, n: int = 200) -> str:
    code = ""
    for i in range(n):
        code = unwrap(members.enroll(desk, f"138{i:08d}", f"M{i}")).code
    unwrap(checkout.earn(desk, code, "R-1", 50_000))
    return code


def test_restore_replaces_a_database_too_damaged_to_open(
    desk: Desk, data_dir: Path, clock: FakeClock
) -> None:
    code = filled(desk)
    balance = unwrap(members.show(desk, code)).balance
    good = unwrap(backup.backup_now(desk)).path
    desk.close()
    live = Desk.database_path(data_dir)
    scribble(live, 0, 97)  # the header too: "file is not a database"
    assert not backup.check_database(data_dir, thorough=False).ok
    result = unwrap(backup.restore(data_dir, good, now=clock.now))
    assert result.saved_current_as is not None
    assert result.saved_current_as.name.startswith("damaged-")
    assert not (data_dir / "loyalty.db.restoring").exists()
    assert integrity_ok(live) and backup.check_database(data_dir).ok
    reopened = unwrap(Desk.open(data_dir, clock=clock))
    try:
        assert balance > 0 and unwrap(members.show(reopened, code)).balance == balance
    finally:
        reopened.close()
    # The damaged file is kept for support, and never offered as a backup.
    assert result.saved_current_as.exists()
    assert result.saved_current_as not in backup.list_backups(data_dir)


def test_restore_over_a_damaged_interior(desk: Desk, data_dir: Path, clock: FakeClock) -> None:
    filled(desk)
    good = unwrap(backup.backup_now(desk)).path
    desk.close()
    scribble(Desk.database_path(data_dir), 4096 * 4, 509)
    report = backup.check_database(data_dir)
    assert not report.ok and report.backups[0] == good
    unwrap(backup.restore(data_dir, good, now=clock.now))
    assert backup.check_database(data_dir).ok


def test_a_damaged_database_refuses_another_stores_backup(
    desk: Desk, data_dir: Path, clock: FakeClock, tmp_path: Path
) -> None:
    filled(desk, 20)
    desk.close()
    other = tmp_path / "other"
    unwrap(init_store(other, "S999"))
    live = Desk.database_path(data_dir)
    # Damage a big table's pages only: the store id is still readable.
    conn = sqlite3.connect(live)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'member'").fetchone()[0]
    conn.close()
    data = bytearray(live.read_bytes())
    start = (page - 1) * 4096 + 100
    data[start : start + 200] = bytes(200)
    for suffix in ("-wal", "-shm"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    live.write_bytes(bytes(data))
    before = live.read_bytes()
    r = backup.restore(data_dir, other / "loyalty.db", now=clock.now)
    assert isinstance(r, Refusal) and r.code is Code.INVALID_FILE and "S999" in r.message
    assert live.read_bytes() == before


def test_the_quick_check_is_cheap_and_the_thorough_one_reads_every_page(
    desk: Desk, data_dir: Path
) -> None:
    filled(desk)
    desk.close()
    live = Desk.database_path(data_dir)
    conn = sqlite3.connect(live)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    # Damage the last page (a big table's): only the thorough check reads that far.
    data = bytearray(live.read_bytes())
    for i in range((pages - 1) * 4096 + 8, pages * 4096, 7):
        data[i] ^= 0xFF
    for suffix in ("-wal", "-shm"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    live.write_bytes(bytes(data))
    assert backup.check_database(data_dir, thorough=False).ok
    assert not backup.check_database(data_dir).ok


def test_backups_are_listed_newest_first(desk: Desk, clock: FakeClock) -> None:
    first = unwrap(backup.backup_now(desk)).path
    clock.advance(hours=3)
    second = unwrap(backup.backup_now(desk)).path
    listed = backup.list_backups(desk.data_dir)
    assert listed[:2] == (second, first)

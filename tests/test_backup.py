"""Backups (daily, rotated, on demand) and restore (all or nothing, refuses bad files)."""

from __future__ import annotations

import shutil
from pathlib import Path

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import backup, checkout, maintenance, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.db import integrity_ok
from tests.conftest import FakeClock


def test_backup_is_a_sound_copy(desk: Desk) -> None:
    unwrap(members.enroll(desk, "13812345678", "M"))
    result = unwrap(backup.backup_now(desk))
    assert result.path.parent == desk.data_dir / "backups"
    assert integrity_ok(result.path) and result.size_bytes > 0


def test_daily_backup_once_a_day_and_rotated_after_30_days(desk: Desk, clock: FakeClock) -> None:
    first = backup.daily_backup(desk)
    assert first is not None
    assert backup.daily_backup(desk) is None  # same store day
    for _ in range(35):
        clock.advance(days=1)
        maintenance.open_store(desk)
    files = sorted((desk.data_dir / "backups").glob("loyalty-*.db"))
    assert first.path not in files
    assert 29 <= len(files) <= 31


def test_restore_brings_back_the_backup(desk: Desk, data_dir: Path, clock: FakeClock) -> None:
    code = unwrap(members.enroll(desk, "13812345678", "M")).code
    unwrap(checkout.earn(desk, code, "R1", 10_000))
    saved = unwrap(backup.backup_now(desk)).path
    unwrap(checkout.earn(desk, code, "R2", 10_000))
    desk.close()
    result = unwrap(backup.restore(data_dir, saved, now=clock.now))
    assert result.saved_current_as is not None and integrity_ok(result.saved_current_as)
    reopened = unwrap(Desk.open(data_dir, clock=clock))
    try:
        assert unwrap(members.show(reopened, code)).balance == 500
    finally:
        reopened.close()


def test_restore_refuses_corrupt_foreign_and_missing_files(
    desk: Desk, data_dir: Path, clock: FakeClock, tmp_path: Path
) -> None:
    unwrap(members.enroll(desk, "13812345678", "M"))
    good = unwrap(backup.backup_now(desk)).path
    desk.close()
    live = data_dir / "loyalty.db"
    before = live.read_bytes()

    corrupt = tmp_path / "corrupt.db"
    data = bytearray(good.read_bytes())
    for i in range(4096, len(data), 997):  # scribble over every page after the header
        data[i] ^= 0xFF
    corrupt.write_bytes(bytes(data))
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("hello", encoding="utf-8")
    other_store = tmp_path / "other"
    unwrap(init_store(other_store, "S999"))

    for path, code in (
        (corrupt, Code.INVALID_FILE),
        (not_sqlite, Code.INVALID_FILE),
        (tmp_path / "missing.db", Code.INVALID_FILE),
        (other_store / "loyalty.db", Code.INVALID_FILE),
    ):
        r = backup.restore(data_dir, path, now=clock.now)
        assert isinstance(r, Refusal) and r.code is code, (path, r)
    assert live.read_bytes() == before


def test_health_check_says_what_to_do(desk: Desk, data_dir: Path) -> None:
    assert backup.check_database(data_dir).ok
    unwrap(backup.backup_now(desk))
    desk.close()
    live = data_dir / "loyalty.db"
    for suffix in ("-wal", "-shm"):
        Path(str(live) + suffix).unlink(missing_ok=True)
    data = bytearray(live.read_bytes())
    for i in range(4096 * 2, len(data), 509):
        data[i] ^= 0x5A
    live.write_bytes(bytes(data))
    report = backup.check_database(data_dir)
    assert not report.ok and "loyalty-desk restore" in report.message


def test_cli_backup_and_restore(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from loyalty_desk.cli import main

    d = str(tmp_path / "till")
    assert main(["--data-dir", d, "init", "--store-id", "S1"]) == 0
    assert main(["--data-dir", d, "member", "enroll", "--phone", "13812345678", "--name", "A"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", d, "--json", "backup", "--to", str(tmp_path / "usb")]) == 0
    path = json.loads(capsys.readouterr().out)["path"]
    copy = tmp_path / "copy.db"
    shutil.copy(path, copy)
    assert main(["--data-dir", d, "--json", "restore", str(copy)]) == 0
    assert json.loads(capsys.readouterr().out)["store_id"] == "S1"
    assert main(["--data-dir", d, "--json", "restore", str(tmp_path / "nope.db")]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "INVALID_FILE"

"""The client at start-up: a damaged database (restore it here), a newer one (refuse
clearly), an older one (upgrade in place with a backup, and say so)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from loyalty_desk import __version__
from loyalty_desk.gui.app import create_app
from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.gui.startup_checks import DamagedDatabaseDialog
from loyalty_desk.services import backup, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store import migrate
from loyalty_desk.store.db import Database
from tests.conftest import FakeClock
from tests.gui.conftest import MANAGER, close, dialog_of, sign_in
from tests.old_till import first_revision_till
from tests.test_migrations import first_revision
from tests.test_restore_damaged import scribble


def start(data_dir: Path, clock: FakeClock) -> MainWindow:
    create_app()
    window = MainWindow(data_dir, clock=clock)
    window.show()
    window.start()
    return window


def message_box(qtbot: QtBot, title: str) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible() and w.windowTitle() == title
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[-1]


def test_a_damaged_database_offers_the_newest_backup_then_opens_the_till(
    qtbot: QtBot, store: Desk, data_dir: Path, clock: FakeClock
) -> None:
    zhang = unwrap(members.find(store, "13812345678")).members[0]
    good = unwrap(backup.backup_now(store)).path
    store.close()
    live = Desk.database_path(data_dir)
    scribble(live, 0, 97)  # beyond opening: the quick check at start-up sees it
    window = start(data_dir, clock)
    try:
        dialog = dialog_of(qtbot, DamagedDatabaseDialog)
        assert window.checkout is None and window.sign_in.ui.staffCombo.count() == 0
        assert "damaged" in dialog.problem_label.text()
        assert dialog.selected() == good  # the newest backup, chosen already
        dialog.restore_button.click()
        message_box(qtbot, "Backup restored").close()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
        sign_in(qtbot, window, MANAGER)
        assert backup.check_database(data_dir).ok
        assert window.ctx.desk is not None
        assert unwrap(members.show(window.ctx.desk, zhang.code)).balance == zhang.balance
        kept = [p for p in (data_dir / "backups").glob("damaged-*.db")]
        assert len(kept) == 1
    finally:
        close(qtbot, window)


def test_damage_found_by_the_background_check_stops_the_checkout(
    qtbot: QtBot, store: Desk, data_dir: Path, clock: FakeClock
) -> None:
    good = unwrap(backup.backup_now(store)).path
    store.close()
    live = Desk.database_path(data_dir)
    conn = sqlite3.connect(live)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    data = bytearray(live.read_bytes())
    for i in range((pages - 1) * 4096 + 8, pages * 4096, 7):  # only a full read sees it
        data[i] ^= 0xFF
    live.write_bytes(bytes(data))
    assert backup.check_database(data_dir, thorough=False).ok
    before_backups = set((data_dir / "backups").glob("loyalty-*.db"))
    window = start(data_dir, clock)
    try:
        dialog = dialog_of(qtbot, DamagedDatabaseDialog)
        assert window.ctx.staff is None
        # No daily backup of a damaged file over the good ones.
        assert set((data_dir / "backups").glob("loyalty-*.db")) == before_backups
        assert dialog.selected() == good
        # The start-up fallback (5 s after opening) comes late: it finds the store closed
        # and runs nothing, so no second check, no second dialog.
        assert not window._daily_timer.isActive()
        window._run_daily_jobs()
        assert not window._daily_running
        dialog.quit_button.click()
        qtbot.waitUntil(lambda: window._closed, timeout=10_000)
    finally:
        close(qtbot, window)


def test_a_newer_database_is_refused_with_a_dialog_and_left_untouched(
    qtbot: QtBot, store: Desk, data_dir: Path, clock: FakeClock
) -> None:
    store.close()
    path = Desk.database_path(data_dir)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    window = start(data_dir, clock)
    try:
        box = message_box(qtbot, "This Loyalty Desk is older than the till's database")
        assert __version__ in box.text()
        assert "0099_from_the_future" in box.informativeText()
        assert "Nothing was changed" in box.informativeText()
        assert window.checkout is None
        box.button(QMessageBox.StandardButton.Close).click()
        qtbot.waitUntil(lambda: window._closed, timeout=10_000)
    finally:
        close(qtbot, window)
    assert path.read_bytes() == before


def test_an_old_database_is_upgraded_in_place_and_the_client_says_so(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    data_dir = tmp_path / "old"
    first_revision_till(data_dir)
    window = start(data_dir, clock)
    try:
        if first_revision() != migrate.head_revision():
            box = message_box(qtbot, "Database upgraded")
            assert first_revision() in box.text() and migrate.head_revision() in box.text()
            saved = list((data_dir / "backups").glob(f"before-upgrade-{first_revision()}-*.db"))
            assert len(saved) == 1 and str(saved[0]) in box.informativeText()
            box.close()
        sign_in(qtbot, window, MANAGER)
        found = unwrap(members.find(window.ctx.desk, "13812345678")).members
        assert [m.name for m in found] == ["Old Member"]
    finally:
        close(qtbot, window)
    db = Database(Desk.database_path(data_dir))
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
    finally:
        db.close()


def test_the_client_backs_the_till_up_at_the_first_start_of_the_day(
    qtbot: QtBot, store: Desk, data_dir: Path, clock: FakeClock
) -> None:
    store.close()
    assert backup.list_backups(data_dir) == ()
    window = start(data_dir, clock)
    try:
        sign_in(qtbot, window, MANAGER)
        qtbot.waitUntil(lambda: backup.list_backups(data_dir) != (), timeout=10_000)
        (made,) = backup.list_backups(data_dir)
        assert made.name == f"loyalty-{clock.now:%Y%m%dT%H%M%S}.db"
    finally:
        close(qtbot, window)
    again = start(data_dir, clock)  # the same store day: no second copy
    try:
        sign_in(qtbot, again, MANAGER)
        qtbot.waitUntil(lambda: again.ops.pending == 0, timeout=10_000)
        assert len(backup.list_backups(data_dir)) == 1
        # Left running overnight: the next store day's backup all the same.
        assert again._daily_timer.isActive()
        clock.advance(days=1)
        again._daily_timer.timeout.emit()
        qtbot.waitUntil(lambda: len(backup.list_backups(data_dir)) == 2, timeout=10_000)
        assert backup.list_backups(data_dir)[0].name == f"loyalty-{clock.now:%Y%m%dT%H%M%S}.db"
    finally:
        close(qtbot, again)

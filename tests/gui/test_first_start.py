"""The very first start: a demo store, or an empty store with its first manager."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desk.gui.app import create_app
from loyalty_desk.gui.first_start import FirstStartDialog
from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.services import member_list, settings, staff
from loyalty_desk.services.demo import DEMO_CASHIER
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock
from tests.gui.conftest import close, dialog_of, press, sign_in, type_text


def start(qtbot: QtBot, data_dir: Path, clock: FakeClock) -> tuple[MainWindow, FirstStartDialog]:
    create_app()
    window = MainWindow(data_dir, clock=clock)
    window.show()
    window.start()
    return window, dialog_of(qtbot, FirstStartDialog)


def test_empty_store_with_its_first_manager(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> None:
    data_dir = tmp_path / "new"
    window, dialog = start(qtbot, data_dir, clock)
    try:
        press(qtbot, Qt.Key.Key_Down)  # from "demo" to "set up my store"
        press(qtbot, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: dialog.ui.storeIdEdit.hasFocus())
        type_text(qtbot, "SH001", 0)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "Nanjing Road", 0)
        dialog.ui.managerEdit.setFocus()
        type_text(qtbot, "Boss Zhao", 0)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "2580", 0)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "2589", 0)  # a typo: said, nothing created
        dialog.ui.createButton.click()
        qtbot.waitUntil(lambda: "differ" in dialog.ui.messageLabel.text())
        assert not Desk.database_path(data_dir).exists()
        dialog.ui.pinAgainEdit.clear()
        dialog.ui.pinAgainEdit.setFocus()
        type_text(qtbot, "2580", 0)
        dialog.ui.createButton.click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
        qtbot.waitUntil(lambda: window.sign_in.ui.staffCombo.count() == 1, timeout=10_000)
        sign_in(qtbot, window, ("Boss Zhao", "2580"))
        assert window.ui.navSettings.isVisible()
        assert window.ctx.settings is not None and window.ctx.settings.store_id == "SH001"
    finally:
        close(qtbot, window)


def test_demo_store_has_members_with_history(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FirstStartDialog, "demo_members", 12)
    data_dir = tmp_path / "demo"
    window, dialog = start(qtbot, data_dir, clock)
    try:
        press(qtbot, Qt.Key.Key_Space)  # the demo is the default choice
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
        qtbot.waitUntil(lambda: window.sign_in.ui.demoHint.isVisible(), timeout=10_000)
        assert "1234" in window.sign_in.ui.demoHint.text()
        assert window.ui.demoBadge.isVisible()
        sign_in(qtbot, window, DEMO_CASHIER)
    finally:
        close(qtbot, window)
    desk = unwrap(Desk.open(data_dir))
    try:
        assert settings.load(desk).demo
        assert unwrap(member_list.count(desk)) == 12
        assert len(staff.list_staff(desk)) == 2
    finally:
        desk.close()


def test_a_store_without_staff_asks_for_its_first_manager(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    from loyalty_desk.gui.staff_dialog import StaffDialog
    from loyalty_desk.services.setup import init_store

    data_dir = tmp_path / "bare"
    unwrap(init_store(data_dir, "S009", "Made by the command line", clock=clock))
    create_app()
    window = MainWindow(data_dir, clock=clock)
    window.show()
    window.start()
    try:
        dialog = dialog_of(qtbot, StaffDialog)
        assert "no staff accounts" in window.sign_in.ui.messageLabel.text()
        type_text(qtbot, "First Boss", 0)
        dialog.ui.pinEdit.setFocus()
        type_text(qtbot, "1470", 0)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "1470", 0)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        sign_in(qtbot, window, ("First Boss", "1470"))
        assert window.ui.navSettings.isVisible()
    finally:
        close(qtbot, window)

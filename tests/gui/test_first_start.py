"""The very first start: the set-up wizard walked by keyboard, to a demo or an empty store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from loyalty_desk.gui.app import create_app
from loyalty_desk.gui.first_start import (
    DONE,
    KIND,
    LANGUAGE,
    MANAGER,
    PRINTER,
    SERVER,
    STORE,
    FirstRunWizard,
)
from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.services import audit_list, member_list, settings, staff
from loyalty_desk.services import printer_choice as printers
from loyalty_desk.services.demo import DEMO_CASHIER
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.printer_choice import PrinterKind
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock
from tests.gui.conftest import close, dialog_of, focused, press, sign_in, type_text


def start(qtbot: QtBot, data_dir: Path, clock: FakeClock) -> tuple[MainWindow, FirstRunWizard]:
    create_app()
    window = MainWindow(data_dir, clock=clock)
    window.show()
    window.start()
    return window, dialog_of(qtbot, FirstRunWizard)


def on_page(qtbot: QtBot, wizard: FirstRunWizard, page: int) -> None:
    qtbot.waitUntil(lambda: wizard.currentId() == page, timeout=30_000)
    qtbot.waitUntil(lambda: wizard.currentPage().isAncestorOf(focused()))


def enter(qtbot: QtBot) -> None:
    press(qtbot, Qt.Key.Key_Return)


def test_empty_store_walked_by_keyboard(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> None:
    data_dir = tmp_path / "new"
    window, wizard = start(qtbot, data_dir, clock)
    ui = wizard.ui
    try:
        on_page(qtbot, wizard, LANGUAGE)
        enter(qtbot)
        on_page(qtbot, wizard, KIND)
        press(qtbot, Qt.Key.Key_Down)  # from "demo" to "set up my store"
        assert ui.emptyRadio.isChecked()
        enter(qtbot)

        on_page(qtbot, wizard, STORE)
        type_text(qtbot, "SH 001", 0)  # a space: not a store id
        enter(qtbot)
        assert wizard.currentId() == STORE
        assert "store id" in ui.storeMessage.text() and ui.storeMessage.isVisible()
        ui.storeIdEdit.selectAll()
        type_text(qtbot, "SH001", 0)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "Nanjing Road", 0)
        enter(qtbot)

        on_page(qtbot, wizard, MANAGER)
        type_text(qtbot, "Boss Zhao", 0)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "25a80", 0)  # the letter never gets in: digits only
        assert ui.pinEdit.text() == "2580"
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "2589", 0)  # a typo: said, nothing created
        enter(qtbot)
        assert "differ" in ui.managerMessage.text()
        assert wizard.currentId() == MANAGER
        assert not Desk.database_path(data_dir).exists()
        assert ui.pinAgainEdit.hasFocus() and ui.pinAgainEdit.text() == ""
        type_text(qtbot, "2580", 0)
        enter(qtbot)

        on_page(qtbot, wizard, SERVER)
        assert Desk.database_path(data_dir).exists()
        assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
        type_text(qtbot, "ftp://chain.example", 0)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "1234-5678-9012", 0)
        enter(qtbot)
        qtbot.waitUntil(lambda: "not a server address" in ui.serverMessage.text())
        assert wizard.currentId() == SERVER
        ui.serverCodeEdit.clear()
        ui.serverUrlEdit.clear()
        enter(qtbot)  # both empty: registered later

        on_page(qtbot, wizard, PRINTER)
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Down)  # receipt printer
        assert ui.printerKindCombo.currentData() == "thermal"
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "lpt1", 0)  # not a connection: said on the page, nothing saved
        enter(qtbot)
        assert wizard.currentId() == PRINTER
        assert "net:192.168.1.50:9100" in ui.printerMessage.text()
        assert ui.printerMessage.property("tone") == "error"
        assert ui.printerTargetCombo.hasFocus()
        assert wizard.store is not None
        assert printers.load(wizard.store.desk) == printers.PrinterChoice()
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        out = tmp_path / "printer.bin"
        type_text(qtbot, f"file:{out}", 0)
        press(qtbot, Qt.Key.Key_Tab)  # paper width: 80 mm
        press(qtbot, Qt.Key.Key_Tab)
        assert ui.testPrintButton.hasFocus()
        press(qtbot, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: ui.printerMessage.property("tone") != "info", timeout=10_000)
        assert ui.printerMessage.property("tone") == "ok", ui.printerMessage.text()
        assert out.read_bytes().startswith(b"\x1b@")  # ESC @: a printer reset opens the job
        ui.printerTargetCombo.setFocus()
        enter(qtbot)

        qtbot.waitUntil(lambda: wizard.currentId() == DONE, timeout=10_000)
        assert "SH001" in ui.doneText.text() and "Boss Zhao" in ui.doneText.text()
        enter(qtbot)
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10_000)
        qtbot.waitUntil(lambda: window.sign_in.ui.staffCombo.count() == 1, timeout=10_000)
        sign_in(qtbot, window, ("Boss Zhao", "2580"))
        assert window.ui.navSettings.isVisible()
        assert window.ctx.settings is not None and window.ctx.settings.store_id == "SH001"
        assert window.ctx.settings.store_name == "Nanjing Road"
        desk = window.ctx.desk
        choice = printers.load(desk)
        assert (choice.kind, choice.target) == (PrinterKind.ESCPOS_FILE, str(out))
        assert choice.connection == f"file:{out}"
    finally:
        close(qtbot, window)


def test_demo_store_walked_by_keyboard(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FirstRunWizard, "demo_members", 12)
    data_dir = tmp_path / "demo"
    window, wizard = start(qtbot, data_dir, clock)
    try:
        on_page(qtbot, wizard, LANGUAGE)
        enter(qtbot)
        on_page(qtbot, wizard, KIND)
        enter(qtbot)  # the demo is the default choice
        on_page(qtbot, wizard, PRINTER)  # a demo is never registered with the chain's server
        assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
        enter(qtbot)  # PDF files: no printer yet
        qtbot.waitUntil(lambda: wizard.currentId() == DONE, timeout=10_000)
        assert "1234" in wizard.ui.doneText.text()
        enter(qtbot)
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10_000)
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


def test_closing_before_the_store_exists_quits_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    data_dir = tmp_path / "none"
    window, wizard = start(qtbot, data_dir, clock)
    on_page(qtbot, wizard, LANGUAGE)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: window._closed, timeout=10_000)
    window.deleteLater()
    assert not Desk.database_path(data_dir).exists()
    window.deleteLater()  # a closed window left alive crashes the next test's restyle


def test_the_language_chosen_is_the_stores(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing the wizard once the store exists opens the store (the rest is in Settings)."""
    monkeypatch.setattr(FirstRunWizard, "demo_members", 6)
    data_dir = tmp_path / "lang"
    window, wizard = start(qtbot, data_dir, clock)
    try:
        on_page(qtbot, wizard, LANGUAGE)
        press(qtbot, Qt.Key.Key_Down)  # As the computer is set → 简体中文
        assert wizard.language() == "zh_CN"
        # The wizard speaks Chinese at once: its own words and Qt's buttons.
        qtbot.waitUntil(lambda: wizard.currentPage().title() == "欢迎使用积分台")
        assert wizard.ui.languageLabel.text() == "语言(&L)"
        assert "下一步" in wizard.button(QWizard.WizardButton.NextButton).text()
        enter(qtbot)
        on_page(qtbot, wizard, KIND)
        enter(qtbot)
        on_page(qtbot, wizard, PRINTER)
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10_000)
        qtbot.waitUntil(lambda: window.sign_in.ui.staffCombo.count() == 2, timeout=10_000)
        qtbot.waitUntil(lambda: window.ctx.settings is not None)
        assert window.ctx.settings is not None
        assert window.ctx.settings.language is settings.Language.CHINESE
        lines = audit_list.recent(window.ctx.desk)
        assert any(line.detail.get("language", {}).get("to") == "zh_CN" for line in lines)
    finally:
        close(qtbot, window)
        from loyalty_desk.gui import i18n

        i18n.apply("en")

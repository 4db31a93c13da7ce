"""Signing in and out: PINs, lock-out, what cashiers and managers see."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.staff import MAX_ATTEMPTS
from tests.gui.conftest import CASHIER, MANAGER, ZHANG_PHONE, press, sign_in, type_text


def test_wrong_pin_says_so_and_how_many_tries_are_left(qtbot: QtBot, window: MainWindow) -> None:
    ui = window.sign_in.ui
    ui.staffCombo.setCurrentIndex(ui.staffCombo.findData(CASHIER[0]))
    qtbot.keyClicks(ui.pinEdit, "0000")
    qtbot.keyClick(ui.pinEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.messageLabel.isVisible())
    assert "Wrong PIN" in ui.messageLabel.text() and "4 tries left" in ui.messageLabel.text()
    assert ui.pinEdit.text() == "" and not window.ready
    assert window.ui.pages.currentWidget() is window.sign_in


def test_locked_account_says_until_when(qtbot: QtBot, window: MainWindow) -> None:
    ui = window.sign_in.ui
    ui.staffCombo.setCurrentIndex(ui.staffCombo.findData(CASHIER[0]))
    for _ in range(MAX_ATTEMPTS):
        qtbot.keyClicks(ui.pinEdit, "0000")
        qtbot.keyClick(ui.pinEdit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ui.pinEdit.text() == "" and ui.signInButton.isEnabled())
    # 10:00 in Shanghai plus the 15-minute lock: the message names the local time.
    assert "locked" in ui.messageLabel.text() and "10:15" in ui.messageLabel.text()
    qtbot.keyClicks(ui.pinEdit, CASHIER[1])  # even the right PIN waits for the lock
    qtbot.keyClick(ui.pinEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.pinEdit.text() == "" and ui.signInButton.isEnabled())
    assert "locked" in ui.messageLabel.text() and not window.ready


def test_cashier_and_manager_see_different_things(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window, CASHIER)
    nav = window.ui
    assert nav.navCheckout.isVisible() and nav.navMembers.isVisible()
    assert not nav.navSettings.isVisible() and not nav.navAudit.isVisible()
    checkout = window.checkout
    assert checkout is not None
    assert not checkout.ui.adjustButton.isVisible()
    type_text(qtbot, ZHANG_PHONE)
    qtbot.waitUntil(lambda: checkout.member is not None)
    assert "138****5678" in checkout.ui.memberPanel.ui.identityLabel.text()
    assert "Li Cashier" in window.status.staff_label.text()

    # Shift change: sign out, the manager signs in, the last customer is gone.
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.ui.pages.currentWidget() is window.sign_in)
    sign_in(qtbot, window, MANAGER)
    assert checkout.member is None
    assert nav.navSettings.isVisible() and nav.navAudit.isVisible()
    assert checkout.ui.adjustButton.isVisible()
    type_text(qtbot, ZHANG_PHONE)
    qtbot.waitUntil(lambda: checkout.member is not None)
    assert ZHANG_PHONE in checkout.ui.memberPanel.ui.identityLabel.text()
    assert "Wang Manager" in window.status.staff_label.text()

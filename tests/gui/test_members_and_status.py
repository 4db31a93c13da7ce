"""The members screen on a small till (detail, serving a member) and the status bar."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.gui.member_detail_dialog import MemberDetailDialog
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.sync_status import SyncStatus
from tests.gui.conftest import CASHIER, dialog_of, press, sign_in, type_text


def test_find_a_member_open_the_detail_and_serve_at_checkout(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window, CASHIER)
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.members
    assert page is not None
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    qtbot.waitUntil(lambda: page.ui.countLabel.text() == "3 members")
    assert page.model.index(0, 1).data() == "张三"  # the only one who bought: last visit first
    assert page.model.index(0, 2).data() == "138****5678"  # masked for a cashier
    type_text(qtbot, "15000")  # the start of Chen's phone
    qtbot.waitUntil(lambda: page.model.search == "15000" and not page.model.fetching)
    assert [page.model.index(r, 1).data() for r in range(page.model.rowCount())] == ["陈五"]
    press(qtbot, Qt.Key.Key_Return)  # from the search field into the table
    press(qtbot, Qt.Key.Key_Return)  # open the selected member
    dialog = dialog_of(qtbot, MemberDetailDialog)
    qtbot.waitUntil(lambda: dialog.card is not None)
    assert dialog.ui.memberPanel.ui.nameLabel.text() == "陈五"
    dialog.ui.checkoutButton.click()
    checkout = window.checkout
    assert checkout is not None
    qtbot.waitUntil(lambda: checkout.member is not None and checkout.isVisible())
    assert checkout.member is not None and checkout.member.name == "陈五"


def test_status_bar_says_who_where_and_how_sync_stands(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window, CASHIER)
    status = window.status
    qtbot.waitUntil(lambda: status.last is not None)
    assert status.sync_label.text().startswith("Sync not set up")
    assert "events waiting" in status.sync_label.text()
    assert status.store_label.text() == "Flagship 旗舰店 · S001"
    at = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai, the same day
    status.show_sync(SyncStatus(True, 0, at, at, None))
    assert status.sync_label.text() == "Synced 09:30 · 0 events waiting"
    status.show_sync(SyncStatus(True, 12, at, at, "connection refused"))
    assert status.sync_label.text() == "Offline · 12 events waiting · last sync 09:30"
    assert status.sync_label.toolTip() == "connection refused"

"""Manager screens: adjustments with a PIN (and in the audit log), member edits, settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from loyalty_desk.gui.adjust_dialog import AdjustDialog
from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.gui.member_edit_dialog import MemberEditDialog
from loyalty_desk.gui.staff_dialog import StaffDialog
from loyalty_desk.services import members, settings, staff
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.printer_choice import PrinterKind
from loyalty_desk.services.settings import Language
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import AuditLog
from tests.gui.conftest import (
    CASHIER,
    LI_PHONE,
    MANAGER,
    ZHANG_PHONE,
    dialog_of,
    press,
    sign_in,
    type_text,
)
from tests.helpers import check_invariants, db_fingerprint


def test_adjust_needs_the_managers_pin_and_shows_in_the_audit_log(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window, MANAGER)
    checkout = window.checkout
    assert checkout is not None
    type_text(qtbot, ZHANG_PHONE)
    qtbot.waitUntil(lambda: checkout.member is not None)
    press(qtbot, Qt.Key.Key_F8)
    dialog = dialog_of(qtbot, AdjustDialog)
    dialog.ui.pointsSpin.selectAll()
    type_text(qtbot, "250", 0)
    assert dialog.ui.previewLabel.text() == "5,000 → 5,250 points"
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "Goodwill after a complaint", 0)
    press(qtbot, Qt.Key.Key_Return)
    before = db_fingerprint(store)
    type_text(qtbot, "0000", 0)  # wrong PIN
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in dialog.ui.messageLabel.text())
    assert db_fingerprint(store)[:-2] == before[:-2]
    type_text(qtbot, MANAGER[1], 0)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: checkout.ui.memberPanel.ui.balanceLabel.text() == "5,250")
    check_invariants(store)

    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # the audit log
    audit = window.audit
    assert audit is not None
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0)
    top = [audit.model.index(0, c).data() for c in range(6)]
    assert top[2] == MANAGER[0] and top[3] == "adjust"
    assert "points: 250" in top[5] and "Goodwill" in top[5]
    audit.ui.verifyButton.click()
    qtbot.waitUntil(lambda: "intact" in audit.ui.statusLabel.text())


def test_cashier_corrects_a_name_but_a_phone_needs_a_manager(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window, CASHIER)
    checkout = window.checkout
    assert checkout is not None
    type_text(qtbot, LI_PHONE)
    qtbot.waitUntil(lambda: checkout.member is not None)
    press(qtbot, Qt.Key.Key_F9)
    dialog = dialog_of(qtbot, MemberEditDialog)
    ui = dialog.ui
    assert ui.phoneEdit.text() == "" and not ui.pinEdit.isVisible()  # masked for a cashier
    ui.nameEdit.selectAll()
    type_text(qtbot, "Li Si", 0)
    ui.phoneEdit.setFocus()
    type_text(qtbot, "13900009999", 0)
    assert ui.pinEdit.isVisible() and not ui.confirmButton.isEnabled()
    ui.pinEdit.setFocus()
    type_text(qtbot, CASHIER[1], 0)  # a cashier's PIN does not approve
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "PIN" in ui.messageLabel.text())
    assert unwrap(members.show(store, LI_PHONE)).name == "李四"
    ui.pinEdit.clear()
    type_text(qtbot, MANAGER[1], 0)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    moved = unwrap(members.show(store, "13900009999"))
    assert moved.name == "Li Si"
    qtbot.waitUntil(lambda: checkout.ui.memberPanel.ui.nameLabel.text() == "Li Si")


def test_settings_save_store_language_and_printer(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window, MANAGER)
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.settings_page
    assert page is not None
    ui = page.ui
    qtbot.waitUntil(lambda: ui.storeIdValue.text() == "S001")
    qtbot.waitUntil(lambda: page.staff.rowCount() == 2)
    # Without a printer the slips still come out, as PDF files: the hint says so.
    ui.printerKindCombo.setCurrentIndex(ui.printerKindCombo.findData("none"))
    assert "saved as PDF" in ui.printerHint.text()
    ui.storeNameEdit.selectAll()
    type_text(qtbot, "Nanjing Road", 0)
    ui.timezoneCombo.setCurrentText("Asia/Hong_Kong")
    ui.languageCombo.setCurrentIndex(ui.languageCombo.findData("zh_CN"))
    assert not ui.paperCombo.isEnabled() and not ui.qrCombo.isEnabled()  # no receipt printer
    ui.printerKindCombo.setCurrentIndex(ui.printerKindCombo.findData("escpos_network"))
    assert ui.paperCombo.isEnabled() and ui.qrCombo.isEnabled()
    ui.paperCombo.setCurrentIndex(ui.paperCombo.findData(58))
    ui.qrCombo.setCurrentIndex(ui.qrCombo.findData("image"))
    ui.printerTargetCombo.setCurrentText("not a host!")
    ui.saveButton.click()
    qtbot.waitUntil(lambda: "not a printer address" in ui.settingsMessage.text())
    assert settings.load(store).store_name == "Flagship 旗舰店"  # refused: nothing saved
    ui.printerTargetCombo.setCurrentText("192.168.1.50:9100")
    ui.saveButton.click()
    # Saved in Chinese: the client switched language the moment the settings were saved.
    qtbot.waitUntil(lambda: ui.settingsMessage.text() == "设置已保存。")
    # Widgets retranslate on a LanguageChange event Qt posts to each window: wait for it.
    qtbot.waitUntil(lambda: window.ui.navCheckout.text() == "收银")
    assert ui.saveButton.text() == "保存设置"
    saved = settings.load(store)
    assert (saved.store_name, saved.timezone, saved.language) == (
        "Nanjing Road",
        "Asia/Hong_Kong",
        Language.CHINESE,
    )
    assert saved.printer.kind is PrinterKind.ESCPOS_NETWORK
    assert saved.printer.target == "192.168.1.50:9100"
    assert (saved.printer.width_mm, str(saved.printer.qr)) == (58, "image")
    # The choices were written again in Chinese, the paper and QR mode kept.
    assert ui.qrCombo.currentText() == "以图片发送（不支持二维码指令的打印机）"
    assert ui.paperCombo.currentData() == 58
    assert window.ctx.desk.info.timezone == "Asia/Hong_Kong"
    assert "Nanjing Road" in window.status.store_label.text()
    with store.read() as s:
        row = s.scalars(select(AuditLog).order_by(AuditLog.seq.desc())).first()
        assert row is not None and row.action == "settings.change" and row.actor == MANAGER[0]
    # Tiers are named in Chinese too.
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    checkout = window.checkout
    assert checkout is not None
    type_text(qtbot, ZHANG_PHONE)
    qtbot.waitUntil(lambda: checkout.member is not None)
    assert checkout.ui.memberPanel.ui.tierBadge.text() == "普通"


def test_manager_adds_a_cashier_who_can_then_sign_in(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window, MANAGER)
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.settings_page
    assert page is not None
    qtbot.waitUntil(lambda: page.staff.rowCount() == 2)
    page.ui.addStaffButton.click()
    dialog = dialog_of(qtbot, StaffDialog)
    type_text(qtbot, "Zhou New", 0)
    dialog.ui.pinEdit.setFocus()
    type_text(qtbot, "8642", 0)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "8642", 0)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, MANAGER[1], 0)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: page.staff.rowCount() == 3)
    assert "Zhou New can now sign in." in page.ui.staffMessage.text()
    assert [s.name for s in staff.list_staff(store)] == ["Li Cashier", "Wang Manager", "Zhou New"]
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.sign_in.ui.staffCombo.findData("Zhou New") >= 0)
    sign_in(qtbot, window, ("Zhou New", "8642"))
    assert "Zhou New" in window.ui.whoLabel.text()

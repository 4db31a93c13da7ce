"""The checkout screen, keyboard only: find, award, redeem, enrol, refund — and the scanner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from loyalty_desk.gui.award_dialog import AwardDialog
from loyalty_desk.gui.checkout import CheckoutPage
from loyalty_desk.gui.enrol_dialog import EnrolDialog
from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.gui.redeem_dialog import RedeemDialog
from loyalty_desk.gui.refund_dialog import RefundDialog
from loyalty_desk.services import members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Receipt, Redemption, Refund
from tests.gui.conftest import (
    CHEN_PHONE,
    LI_PHONE,
    MANAGER,
    ZHANG_PHONE,
    dialog_of,
    focused,
    ime_commit,
    press,
    scan,
    sign_in,
    type_text,
)
from tests.helpers import check_invariants, db_fingerprint


def page(window: MainWindow) -> CheckoutPage:
    assert window.checkout is not None
    return window.checkout


def balance(desk: Desk, phone: str) -> int:
    return unwrap(members.show(desk, phone)).balance


def test_last_four_digits_show_a_pick_list_and_enter_opens_the_chosen(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window)
    checkout = page(window)
    type_text(qtbot, "5678")
    qtbot.waitUntil(lambda: checkout.results.rowCount() == 2)
    # Zhang bought something, so Zhang comes first; phones are masked for a cashier.
    shown = [checkout.results.rows[i].name for i in range(2)]
    assert shown == ["张三", "李四"]
    assert checkout.results.index(0, 0).data() == "138****5678"
    assert checkout.member is None  # several matches: the cashier chooses
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: checkout.member is not None)
    assert checkout.member is not None and checkout.member.phone == LI_PHONE
    panel = checkout.ui.memberPanel.ui
    assert panel.nameLabel.text() == "李四" and panel.balanceLabel.text() == "0"
    assert checkout.ui.searchEdit.hasFocus() and checkout.ui.searchEdit.text() == ""


def test_full_phone_goes_straight_to_the_member(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window)
    checkout = page(window)
    type_text(qtbot, ZHANG_PHONE)
    qtbot.waitUntil(lambda: checkout.member is not None)
    panel = checkout.ui.memberPanel.ui
    assert panel.nameLabel.text() == "张三"
    # 1,500 yuan on a first purchase: 1,500 × 5 = 7,500 points, capped at 5,000 a day.
    assert panel.balanceLabel.text() == "5,000" and panel.valueLabel.text() == "worth ¥500.00"
    assert panel.tierBadge.text() == "Regular"


def test_scanner_burst_opens_the_member_slow_typing_shows_a_list(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window)
    checkout = page(window)
    chen = unwrap(members.show(store, CHEN_PHONE))
    # A scanner: the whole code and Enter within a few milliseconds — focus is on a button.
    checkout.ui.refundButton.setFocus()
    scan(qtbot, chen.code)
    qtbot.waitUntil(lambda: checkout.member is not None)
    assert checkout.member is not None and checkout.member.code == chen.code
    assert checkout.ui.searchEdit.hasFocus() and checkout.ui.searchEdit.text() == ""

    # A person typing the last 4 digits and pressing Enter: the list, not a guess.
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: checkout.member is None)
    type_text(qtbot, "5678")
    qtbot.wait(100)
    assert checkout.results.rowCount() == 2 and checkout.member is None
    widget = focused()
    assert isinstance(widget, QLineEdit)
    assert not widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)  # no IME


def test_award_shows_the_breakdown_before_confirming(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window)
    checkout = page(window)
    type_text(qtbot, CHEN_PHONE)
    qtbot.waitUntil(lambda: checkout.member is not None)
    before = db_fingerprint(store)
    press(qtbot, Qt.Key.Key_F3)
    dialog = dialog_of(qtbot, AwardDialog)
    type_text(qtbot, "R-1001", 0)
    press(qtbot, Qt.Key.Key_Return)  # to the amount
    type_text(qtbot, "128.50", 0)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    # First purchase ×5: 128 base points → 640; nothing written by the preview.
    assert dialog.ui.pointsLabel.text() == "+640 points"
    assert "128 base points × 5 (first purchase)" in dialog.ui.breakdownLabel.text()
    assert db_fingerprint(store) == before
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: checkout.ui.memberPanel.ui.balanceLabel.text() == "640")
    assert balance(store, CHEN_PHONE) == 640
    assert "Awarded 640 points" in checkout.ui.messageLabel.text()
    assert checkout.ui.searchEdit.hasFocus()
    check_invariants(store)


def test_award_refused_for_a_receipt_already_used(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window)
    checkout = page(window)
    type_text(qtbot, CHEN_PHONE)
    qtbot.waitUntil(lambda: checkout.member is not None)
    before = db_fingerprint(store)
    press(qtbot, Qt.Key.Key_F3)
    dialog = dialog_of(qtbot, AwardDialog)
    type_text(qtbot, "R-OLD-1", 0)  # Zhang's receipt
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "99", 0)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "already earned" in dialog.ui.messageLabel.text())
    assert not dialog.ui.confirmButton.isEnabled()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert db_fingerprint(store) == before


def test_a_refusal_in_chinese_says_the_whole_sentence_with_its_figures(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    from loyalty_desk.gui import i18n

    i18n.apply("zh_CN")
    sign_in(qtbot, window)
    checkout = page(window)
    type_text(qtbot, CHEN_PHONE)
    qtbot.waitUntil(lambda: checkout.member is not None)
    press(qtbot, Qt.Key.Key_F3)
    dialog = dialog_of(qtbot, AwardDialog)
    type_text(qtbot, "R-OLD-1", 0)  # Zhang's receipt
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "99", 0)
    press(qtbot, Qt.Key.Key_Return)
    label = dialog.ui.messageLabel
    qtbot.waitUntil(lambda: "已获得过积分" in label.text())
    assert "小票 R-OLD-1 已获得过积分（" in label.text()
    assert "不能再次积分" in label.text() and "already" not in label.text()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_redeem_is_capped_by_the_rules_and_shows_the_discount(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window)
    checkout = page(window)
    type_text(qtbot, ZHANG_PHONE)
    qtbot.waitUntil(lambda: checkout.member is not None)
    press(qtbot, Qt.Key.Key_F4)
    dialog = dialog_of(qtbot, RedeemDialog)
    type_text(qtbot, "R-2001", 0)
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "300", 0)  # at most half of ¥300 = ¥150 = 1,500 points
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.limits is not None)
    spin = dialog.ui.pointsSpin
    assert (spin.minimum(), spin.maximum(), spin.value()) == (100, 1500, 1500)
    assert dialog.ui.discountLabel.text() == "-¥150.00"
    spin.setFocus()
    spin.selectAll()
    type_text(qtbot, "900", 0)
    assert dialog.ui.discountLabel.text() == "-¥90.00"
    type_text(qtbot, "0", 0)  # 9000: the spinner will not go past the cap
    assert spin.value() <= 1500
    spin.selectAll()
    type_text(qtbot, "800", 0)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: checkout.ui.memberPanel.ui.balanceLabel.text() == "4,200")
    assert balance(store, ZHANG_PHONE) == 4_200
    with store.read() as s:
        r = s.scalars(select(Redemption)).one()
        assert (r.receipt_no, r.points, r.value_fen) == ("R-2001", 800, 8_000)
    check_invariants(store)


def test_enrol_checks_as_you_type_and_selects_the_new_member(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window)
    checkout = page(window)
    type_text(qtbot, "13700001234")  # nobody: the cashier enrols the customer
    qtbot.waitUntil(lambda: "No member found" in checkout.ui.messageLabel.text())
    press(qtbot, Qt.Key.Key_F5)
    dialog = dialog_of(qtbot, EnrolDialog)
    ui = dialog.ui
    assert ui.phoneEdit.text() == "13700001234" and ui.nameEdit.hasFocus()
    assert not ui.confirmButton.isEnabled()
    ime_commit("王小明")
    assert ui.confirmButton.isEnabled()
    ui.birthdayEdit.setFocus()
    type_text(qtbot, "2099-01-01", 0)  # in the future: said at once, cannot enrol
    assert "future" in ui.birthdayHint.text() and not ui.confirmButton.isEnabled()
    ui.birthdayEdit.clear()
    type_text(qtbot, "1990-05-17", 0)
    assert ui.confirmButton.isEnabled()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: checkout.member is not None)
    assert checkout.member is not None and checkout.member.name == "王小明"
    assert checkout.ui.memberPanel.ui.nameLabel.text() == "王小明"
    assert unwrap(members.show(store, "13700001234")).birthday is not None


def test_enrol_a_phone_that_is_already_a_member(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window)
    checkout = page(window)
    before = db_fingerprint(store)
    press(qtbot, Qt.Key.Key_F5)
    dialog = dialog_of(qtbot, EnrolDialog)
    type_text(qtbot, LI_PHONE, 0)
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "Someone Else", 0)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.ui.openExistingButton.isVisible())
    assert "already member" in dialog.ui.messageLabel.text()
    assert db_fingerprint(store) == before
    press(qtbot, Qt.Key.Key_Return)  # the offered button has the focus: serve that member
    qtbot.waitUntil(lambda: checkout.member is not None)
    assert checkout.member is not None and checkout.member.phone == LI_PHONE


def test_refund_needs_a_manager_pin(qtbot: QtBot, window: MainWindow, store: Desk) -> None:
    sign_in(qtbot, window)
    checkout = page(window)
    type_text(qtbot, ZHANG_PHONE)
    qtbot.waitUntil(lambda: checkout.member is not None)
    press(qtbot, Qt.Key.Key_F6)
    dialog = dialog_of(qtbot, RefundDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)  # Zhang's receipt is offered
    type_text(qtbot, "R-OLD-1", 0)
    press(qtbot, Qt.Key.Key_Return)  # preview, then the amount
    type_text(qtbot, "600", 0)  # part of ¥1,500
    press(qtbot, Qt.Key.Key_Return)  # preview, then the PIN
    qtbot.waitUntil(lambda: dialog.preview is not None)
    # 600/1500 of 5,000 points come back off the balance.
    assert dialog.preview is not None and dialog.preview.points_reversed == 2_000
    assert "2,000 earned points are taken back" in dialog.ui.previewLabel.text()
    before = db_fingerprint(store)

    type_text(qtbot, "1111", 0)  # wrong PIN: refused, nothing written
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in dialog.ui.messageLabel.text())
    assert dialog.isVisible() and db_fingerprint(store)[:-2] == before[:-2]

    type_text(qtbot, MANAGER[1], 0)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: checkout.ui.memberPanel.ui.balanceLabel.text() == "3,000")
    assert balance(store, ZHANG_PHONE) == 3_000
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Refund)) == 1
        assert s.scalars(select(Receipt)).one().refunded_fen == 60_000
    assert "Refunded ¥600.00" in checkout.ui.messageLabel.text()
    check_invariants(store)

"""Coupons at the checkout, keyboard only: scanned or typed codes, the member's own coupons,
and every refusal said in words with nothing written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from loyalty_desk.gui.checkout import CheckoutPage
from loyalty_desk.gui.coupon_flow import CouponRedeemDialog
from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.gui.redeem_dialog import RedeemDialog
from loyalty_desk.services import coupons
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Coupon
from tests.conftest import FakeClock
from tests.gui.conftest import (
    LI_PHONE,
    ZHANG_PHONE,
    dialog_of,
    press,
    scan,
    sign_in,
    type_text,
)
from tests.helpers import check_invariants, db_fingerprint


def page(window: MainWindow) -> CheckoutPage:
    assert window.checkout is not None
    return window.checkout


def welcome_coupon(desk: Desk, phone: str) -> str:
    """The new-member coupon (满100减20) every member got at enrolment."""
    (coupon,) = unwrap(coupons.list_for_member(desk, phone, usable_only=True))
    return coupon.code


def serve(qtbot: QtBot, checkout: CheckoutPage, phone: str) -> None:
    type_text(qtbot, phone)
    qtbot.waitUntil(lambda: checkout.member is not None and checkout.member.phone == phone)


def fill_receipt(qtbot: QtBot, receipt: str, amount: str) -> None:
    type_text(qtbot, receipt, 0)
    press(qtbot, Qt.Key.Key_Return)  # to the total
    type_text(qtbot, amount, 0)
    press(qtbot, Qt.Key.Key_Return)  # check it now


def redeem_for_zhang(qtbot: QtBot, window: MainWindow, store: Desk) -> tuple[str, RedeemDialog]:
    """Zhang served, the points dialog open (F4); Zhang's welcome coupon."""
    sign_in(qtbot, window)
    serve(qtbot, page(window), ZHANG_PHONE)
    press(qtbot, Qt.Key.Key_F4)
    return welcome_coupon(store, ZHANG_PHONE), dialog_of(qtbot, RedeemDialog)


def coupon_row(desk: Desk, code: str) -> tuple[str, str | None]:
    with desk.read() as s:
        row = s.get(Coupon, code)
        assert row is not None
        return row.status, row.redeemed_receipt


def test_a_scanned_coupon_opens_the_redeem_flow_and_shows_the_discount_large(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    sign_in(qtbot, window)
    checkout = page(window)
    serve(qtbot, checkout, ZHANG_PHONE)
    code = welcome_coupon(store, ZHANG_PHONE)
    assert code[:4] in checkout.ui.memberPanel.ui.couponsLabel.text()
    checkout.ui.awardButton.setFocus()  # the scanner types wherever the focus is
    scan(qtbot, code)
    dialog = dialog_of(qtbot, CouponRedeemDialog)
    assert dialog.ui.codeEdit.text() == code and dialog.ui.receiptEdit.hasFocus()
    assert checkout.ui.searchEdit.text() == ""  # the code went to the coupon, not the search
    before = db_fingerprint(store)
    fill_receipt(qtbot, "R-3001", "128.00")
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.ui.discountLabel.text() == "-¥20.00"
    assert dialog.ui.discountLabel.property("role") == "discount"  # the large figure
    assert "The customer pays ¥108.00" in dialog.ui.afterLabel.text()
    assert "满100减20" in dialog.ui.conditionLabel.text()
    assert db_fingerprint(store) == before  # checking writes nothing
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert coupon_row(store, code) == ("redeemed", "R-3001")
    assert "take ¥20.00 off receipt R-3001" in checkout.ui.messageLabel.text()
    qtbot.waitUntil(lambda: checkout.ui.memberPanel.ui.couponsLabel.text() == "None")
    check_invariants(store)


def test_every_refusal_is_said_and_nothing_is_written(
    qtbot: QtBot, window: MainWindow, store: Desk, clock: FakeClock
) -> None:
    zhang = welcome_coupon(store, ZHANG_PHONE)
    li = welcome_coupon(store, LI_PHONE)
    unwrap(coupons.redeem(store, li, "R-LI-1", 20_000, LI_PHONE))
    mistyped = zhang[:-1] + str((int(zhang[-1]) + 1) % 10)
    sign_in(qtbot, window)
    checkout = page(window)
    before = db_fingerprint(store)

    def attempt(code: str, amount: str, *, typed: bool = False) -> str:
        if typed:
            type_text(qtbot, code, 0)  # typed by hand: Enter after the digits
            press(qtbot, Qt.Key.Key_Return)
        else:
            scan(qtbot, code)
        dialog = dialog_of(qtbot, CouponRedeemDialog)
        fill_receipt(qtbot, "R-4001", amount)
        qtbot.waitUntil(lambda: dialog.ui.messageLabel.property("tone") == "error")
        assert not dialog.ui.confirmButton.isEnabled()
        assert dialog.ui.discountLabel.text() == "¥0.00"
        text = dialog.ui.messageLabel.text()
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        qtbot.waitUntil(lambda: checkout.ui.searchEdit.hasFocus())
        return text

    serve(qtbot, checkout, ZHANG_PHONE)
    assert "mistyped" in attempt(mistyped, "128", typed=True)  # INVALID_CODE
    assert "at least 100.00 yuan" in attempt(zhang, "88.50")  # BELOW_MIN_SPEND
    assert "already used on receipt R-LI-1" in attempt(li, "300")  # COUPON_ALREADY_USED
    serve(qtbot, checkout, LI_PHONE)
    assert "belongs to another member" in attempt(zhang, "300")  # NOT_THIS_MEMBER
    clock.advance(days=40)  # the welcome coupon is good for 30 days
    serve(qtbot, checkout, ZHANG_PHONE)
    assert "expired on" in attempt(zhang, "300")  # COUPON_EXPIRED
    assert db_fingerprint(store) == before
    assert coupon_row(store, zhang) == ("issued", None)


def test_the_redeem_dialog_hands_over_to_the_members_coupons(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    code, points = redeem_for_zhang(qtbot, window, store)
    type_text(qtbot, "R-5001", 0)
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "260", 0)
    press(qtbot, Qt.Key.Key_F12)  # a coupon instead: what was typed comes along
    dialog = dialog_of(qtbot, CouponRedeemDialog)
    assert not points.isVisible()
    combo = dialog.ui.couponCombo
    assert combo.count() == 1 and combo.currentData() == code
    assert "¥20.00 off from ¥100.00" in combo.currentText()
    assert (dialog.ui.receiptEdit.text(), dialog.ui.amountEdit.text()) == ("R-5001", "260")
    qtbot.waitUntil(lambda: dialog.ui.confirmButton.isEnabled())
    assert dialog.ui.discountLabel.text() == "-¥20.00"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert coupon_row(store, code) == ("redeemed", "R-5001")
    with store.read() as s:
        assert s.scalars(select(Coupon).where(Coupon.redeemed_receipt == "R-5001")).one()


def test_a_coupon_typed_with_nobody_served_opens_its_member_then_the_coupon(
    qtbot: QtBot, window: MainWindow, store: Desk, manager: str
) -> None:
    sign_in(qtbot, window)
    checkout = page(window)
    code = welcome_coupon(store, ZHANG_PHONE)
    type_text(qtbot, code, 0)
    qtbot.waitUntil(lambda: "coupon code" in checkout.ui.messageLabel.text())
    assert checkout.results.rowCount() == 0  # not looked up as a member
    press(qtbot, Qt.Key.Key_Return)
    dialog = dialog_of(qtbot, CouponRedeemDialog)
    assert checkout.member is not None and checkout.member.phone == ZHANG_PHONE
    assert "张三" in dialog.ui.memberLabel.text()
    fill_receipt(qtbot, "R-6001", "150")
    qtbot.waitUntil(lambda: dialog.ui.confirmButton.isEnabled())
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    press(qtbot, Qt.Key.Key_Escape)  # nobody served
    qtbot.waitUntil(lambda: checkout.member is None)

    bearer = unwrap(coupons.issue(store, None, "winback", manager_pin=manager)).code
    scan(qtbot, bearer)  # anyone's: no member needed
    dialog = dialog_of(qtbot, CouponRedeemDialog)
    assert checkout.member is None and "No member selected" in dialog.ui.memberLabel.text()
    fill_receipt(qtbot, "R-6002", "250")
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.ui.discountLabel.text() == "-¥100.00"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert coupon_row(store, bearer) == ("redeemed", "R-6002")
    assert coupon_row(store, code) == ("issued", None)


def test_a_coupon_scanned_in_the_redeem_dialog_goes_to_the_coupon_flow(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    code, points = redeem_for_zhang(qtbot, window, store)
    scan(qtbot, code)  # into the receipt number field, where the focus is
    dialog = dialog_of(qtbot, CouponRedeemDialog)
    assert not points.isVisible()
    assert dialog.ui.codeEdit.text() == code and dialog.ui.receiptEdit.text() == ""
    scan(qtbot, code)  # scanned again into the coupon dialog's receipt field: still the coupon
    assert dialog.ui.codeEdit.text() == code and dialog.ui.receiptEdit.text() == ""
    fill_receipt(qtbot, "R-8001", "100")
    qtbot.waitUntil(lambda: dialog.ui.confirmButton.isEnabled())
    assert dialog.ui.discountLabel.text() == "-¥20.00"

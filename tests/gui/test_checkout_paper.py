"""Paper from the checkout, keyboard only: the points slip, the member card at enrolment,
a manager's coupon with its voucher, a segment batch behind a progress bar, the camera."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from loyalty_desk.gui import checkout_coupons, print_actions
from loyalty_desk.gui.award_dialog import AwardDialog
from loyalty_desk.gui.checkout import CheckoutPage
from loyalty_desk.gui.coupon_batch_dialog import CouponBatchDialog
from loyalty_desk.gui.coupon_flow import CouponRedeemDialog
from loyalty_desk.gui.coupon_issue_dialog import CouponIssueDialog
from loyalty_desk.gui.enrol_dialog import EnrolDialog
from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.gui.printing import BatchRenderer, PrintPreviewDialog
from loyalty_desk.services import coupons, members, vouchers
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.printer_choice import PrinterChoice, PrinterKind
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Coupon
from tests.conftest import FakeClock
from tests.gui.conftest import (
    CHEN_PHONE,
    MANAGER,
    ZHANG_PHONE,
    dialog_of,
    ime_commit,
    press,
    sign_in,
    type_text,
)
from tests.helpers import db_fingerprint
from tests.pdf_check import decode_qr, page_count, rasterise

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Save as PDF asks for a path: answered here, one new file each time."""
    paths: list[Path] = []

    def choose(_parent: object, title: str) -> str:
        paths.append(tmp_path / f"{len(paths)}-{title}.pdf")
        return str(paths[-1])

    monkeypatch.setattr(print_actions, "choose_pdf_path", choose)
    return paths


def pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    return "".join(page.get_textpage().get_text_range() for page in document)


def page(window: MainWindow) -> CheckoutPage:
    assert window.checkout is not None
    return window.checkout


def serve(qtbot: QtBot, checkout: CheckoutPage, phone: str) -> None:
    type_text(qtbot, phone)
    qtbot.waitUntil(lambda: checkout.member is not None and checkout.member.phone == phone)


def print_from_preview(qtbot: QtBot, saved: list[Path]) -> bytes:
    """The preview shows the document; Enter prints on the chosen printer (a PDF file)."""
    preview = dialog_of(qtbot, PrintPreviewDialog)
    assert preview.page_count() == 1
    count = len(saved)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(saved) == count + 1 and saved[-1].exists())
    qtbot.waitUntil(lambda: not preview.isVisible())
    return saved[-1].read_bytes()


def test_points_slip_of_the_last_purchase(
    qtbot: QtBot, window: MainWindow, store: Desk, saved: list[Path]
) -> None:
    sign_in(qtbot, window)
    checkout = page(window)
    serve(qtbot, checkout, CHEN_PHONE)
    press(qtbot, Qt.Key.Key_P, CTRL)  # nothing bought yet: said, no preview
    qtbot.waitUntil(lambda: "No purchase" in checkout.ui.messageLabel.text())
    press(qtbot, Qt.Key.Key_F3)  # the award, and its slip at once
    award = dialog_of(qtbot, AwardDialog)
    type_text(qtbot, "R-7001", 0)
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "128.50", 0)
    qtbot.waitUntil(lambda: award.preview is not None)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Ctrl+P prints the points slip" in checkout.ui.messageLabel.text())
    press(qtbot, Qt.Key.Key_P, CTRL)
    slip = print_from_preview(qtbot, saved)
    assert "R-7001" in pdf_text(slip) and "640" in pdf_text(slip)
    chen = unwrap(members.show(store, CHEN_PHONE))
    assert decode_qr(rasterise(slip, dpi=150)[0]) == [chen.code]
    assert saved[-1].name.endswith(".pdf")
    qtbot.waitUntil(lambda: "Saved" in checkout.ui.messageLabel.text())

    serve(qtbot, checkout, ZHANG_PHONE)  # from the panel: the newest purchase's slip
    press(qtbot, Qt.Key.Key_P, CTRL)
    slip = print_from_preview(qtbot, saved)
    assert page_count(slip) == 1 and "R-OLD-1" in pdf_text(slip)


def test_member_card_is_offered_after_enrolling(
    qtbot: QtBot, window: MainWindow, store: Desk, saved: list[Path]
) -> None:
    sign_in(qtbot, window)
    press(qtbot, Qt.Key.Key_F5)
    dialog = dialog_of(qtbot, EnrolDialog)
    type_text(qtbot, "13700001234", 0)
    press(qtbot, Qt.Key.Key_Return)
    ime_commit("王小明")
    press(qtbot, Qt.Key.Key_Return)
    offer = dialog_of(qtbot, QMessageBox)
    assert not dialog.isVisible() and "王小明" in offer.text()
    press(qtbot, Qt.Key.Key_Return)  # Print card
    card = print_from_preview(qtbot, saved)
    new = unwrap(members.show(store, "13700001234"))
    assert decode_qr(rasterise(card, dpi=200)[0]) == [new.code]


def test_manager_gives_a_coupon_and_its_voucher_is_printed(
    qtbot: QtBot, window: MainWindow, store: Desk, saved: list[Path]
) -> None:
    sign_in(qtbot, window, MANAGER)
    checkout = page(window)
    serve(qtbot, checkout, CHEN_PHONE)
    press(qtbot, Qt.Key.Key_F10)
    dialog = dialog_of(qtbot, CouponIssueDialog)
    combo = dialog.ui.kindCombo
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "new_member",
        "birthday",
        "winback",
        "upsell",
    ]
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)  # win-back
    assert "满200减100" in combo.currentText() and "¥100.00 off" in dialog.ui.termsLabel.text()
    press(qtbot, Qt.Key.Key_Return)  # to the PIN
    before = db_fingerprint(store)
    type_text(qtbot, "1111", 0)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in dialog.ui.messageLabel.text())
    assert db_fingerprint(store)[-3:] == before[-3:]  # no coupon (a failed try is logged)
    type_text(qtbot, MANAGER[1], 0)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    given = [c for c in unwrap(coupons.list_for_member(store, CHEN_PHONE)) if c.kind == "winback"]
    assert len(given) == 1
    assert "Gave 陈五 a Welcome-back coupon" in checkout.ui.messageLabel.text()
    voucher = print_from_preview(qtbot, saved)
    assert decode_qr(rasterise(voucher, dpi=150)[0]) == [given[0].code]


def hold_first_rendering_until_cancelled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first batch rendering waits after its first page until it is cancelled, so the
    Esc of the test lands mid-rendering however fast the machine renders 33 pages."""
    released = threading.Event()
    report = BatchRenderer._progress

    def held(self: BatchRenderer, done: int, total: int) -> None:
        report(self, done, total)  # the page is reported (or the cancel raised) first
        if not released.is_set():
            deadline = time.monotonic() + 30
            while not self._cancel and time.monotonic() < deadline:
                time.sleep(0.01)
            released.set()

    monkeypatch.setattr(BatchRenderer, "_progress", held)


def test_segment_batch_shows_progress_can_be_cancelled_and_saves_one_pdf(
    qtbot: QtBot,
    window: MainWindow,
    store: Desk,
    clock: FakeClock,
    saved: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hold_first_rendering_until_cancelled(monkeypatch)
    for i in range(30):  # members who joined and never came back
        unwrap(members.enroll(store, f"1860000{i:04d}", f"会员{i}"))
    clock.advance(days=200)
    sign_in(qtbot, window, MANAGER)
    press(qtbot, Qt.Key.Key_F11)
    dialog = dialog_of(qtbot, CouponBatchDialog)
    ui = dialog.ui
    assert ui.segmentCombo.currentData() == "dormant" and ui.kindCombo.currentData() == "winback"
    press(qtbot, Qt.Key.Key_Return)  # to the kind
    press(qtbot, Qt.Key.Key_Return)  # to the PIN
    type_text(qtbot, "1111", 0)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in ui.messageLabel.text())
    assert ui.pinEdit.text() == "" and dialog.result_ is None
    with store.read() as s:
        assert s.scalar(select(func.count()).where(Coupon.kind == "winback")) == 0
    type_text(qtbot, MANAGER[1], 0)
    values: list[int] = []
    ui.progressBar.valueChanged.connect(values.append)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=20_000)
    assert dialog.result_ is not None
    issued = len(dialog.result_.codes)
    assert issued == 33  # the 30, and the three members of the store nobody saw since
    qtbot.waitUntil(lambda: ui.progressBar.value() >= 1, timeout=20_000)
    press(qtbot, Qt.Key.Key_Escape)  # stop rendering: the coupons stay issued
    qtbot.waitUntil(lambda: "Cancelled" in ui.messageLabel.text(), timeout=20_000)
    assert dialog.isVisible() and dialog.document is None
    with store.read() as s:
        assert s.scalar(select(func.count()).where(Coupon.kind == "winback")) == issued
    values.clear()
    press(qtbot, Qt.Key.Key_Return)  # render again: never issues twice
    qtbot.waitUntil(lambda: dialog.document is not None, timeout=60_000)
    assert ui.progressBar.value() == ui.progressBar.maximum() == issued
    assert len(values) > 2 and values == sorted(values)  # it moved, only forward
    press(qtbot, Qt.Key.Key_S, CTRL)  # save as PDF: asks where
    qtbot.waitUntil(lambda: bool(saved) and saved[-1].exists())
    data = saved[-1].read_bytes()
    assert page_count(data) == issued
    assert decode_qr(rasterise(data, dpi=100, pages=range(0, 1))[0]) == [dialog.result_.codes[0]]
    with store.read() as s:
        assert s.scalar(select(func.count()).where(Coupon.kind == "winback")) == issued
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert f"Issued {issued}" in page(window).ui.messageLabel.text()


def test_camera_reads_a_coupon_like_a_scanner(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    from loyalty_desk.gui import camera

    if camera.camera_problem() is not None:
        pytest.skip(f"camera dialog unavailable: {camera.camera_problem()}")
    from tests.test_camera import qr_picture, to_qimage

    sign_in(qtbot, window)
    checkout = page(window)
    serve(qtbot, checkout, ZHANG_PHONE)
    (coupon,) = unwrap(coupons.list_for_member(store, ZHANG_PHONE, usable_only=True))
    button = checkout.ui.cameraButton
    assert button.isEnabled() and "QR" in button.toolTip()
    button.click()
    scanner = dialog_of(qtbot, camera.CameraScanDialog)
    assert scanner.take_image(to_qimage(qr_picture(coupon.code))) == coupon.code
    dialog = dialog_of(qtbot, CouponRedeemDialog)
    assert dialog.ui.codeEdit.text() == coupon.code
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    press(qtbot, Qt.Key.Key_Escape)  # the member is cleared
    qtbot.waitUntil(lambda: checkout.member is None)
    chen = unwrap(members.show(store, CHEN_PHONE))
    button.click()
    scanner = dialog_of(qtbot, camera.CameraScanDialog)
    scanner.take_image(to_qimage(qr_picture(chen.code)))  # a member card on a phone
    qtbot.waitUntil(lambda: checkout.member is not None and checkout.member.code == chen.code)


def test_without_the_camera_extra_the_button_says_why(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkout_coupons, "find_spec", lambda name: None)
    sign_in(qtbot, window)
    button = page(window).ui.cameraButton
    assert not button.isEnabled() and "camera' extra" in button.toolTip()


def test_a_voucher_again_on_the_thermal_printer_chosen_in_settings(
    qtbot: QtBot, window: MainWindow, store: Desk, tmp_path: Path
) -> None:
    target = tmp_path / "lp0"
    choice = PrinterChoice(PrinterKind.ESCPOS_FILE, str(target), width_mm=58)
    unwrap(vouchers.save_printer_choice(store, choice))
    sign_in(qtbot, window)
    checkout = page(window)
    serve(qtbot, checkout, ZHANG_PHONE)
    (coupon,) = unwrap(coupons.list_for_member(store, ZHANG_PHONE, usable_only=True))
    press(qtbot, Qt.Key.Key_F12)
    dialog = dialog_of(qtbot, CouponRedeemDialog)
    assert dialog.ui.codeEdit.text() == coupon.code
    press(qtbot, Qt.Key.Key_P, CTRL)  # the member lost the paper: print it again
    preview = dialog_of(qtbot, PrintPreviewDialog)
    assert "receipt printer file:" in preview.where.text() and "58 mm" in preview.where.text()
    press(qtbot, Qt.Key.Key_Return)
    expected = unwrap(
        vouchers.render_voucher(
            store, coupon.code, vouchers.Layout(format=vouchers.Format.ESCPOS, width_mm=58)
        )
    )
    qtbot.waitUntil(lambda: target.exists() and target.read_bytes() == expected, timeout=10_000)
    qtbot.waitUntil(lambda: "receipt printer" in dialog.ui.messageLabel.text())
    assert dialog.isVisible() and coupon.code in dialog.ui.codeEdit.text()

"""The checkout screen's coupons, paper and camera.

A code that looks like a coupon (20 digits starting with 9) — scanned, typed and Entered,
or read by the camera — opens the coupon dialog for the member being served; any other
code is looked up as a member, exactly as a scanner burst is. From the member panel:
use a coupon (F12), print the last purchase's points slip (Ctrl+P) or the member card
(Ctrl+K); managers give a coupon (F10) or run a segment batch (F11).
"""

from __future__ import annotations

from importlib.util import find_spec
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox

from loyalty_desk.domain.coupons import looks_like_coupon, normalise_code
from loyalty_desk.gui.print_actions import PrintActions
from loyalty_desk.gui.widgets import page_shortcuts
from loyalty_desk.services import coupons
from loyalty_desk.services.coupon_views import CouponView
from loyalty_desk.services.views import MemberView

if TYPE_CHECKING:
    from loyalty_desk.gui.checkout import CheckoutPage

EARN = "EARN"


def camera_missing() -> str | None:
    """Why there is no camera scanning, found without loading QtMultimedia (start-up time):
    the decoder comes with the optional camera extra."""
    if find_spec("zxingcpp") is None:
        return QCoreApplication.translate(
            "CheckoutCoupons",
            "Camera scanning needs the 'camera' extra: pip install loyalty-desk[camera].",
        )
    return None


class CheckoutCoupons(QObject):
    def __init__(self, page: CheckoutPage) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.paper = PrintActions(page.ctx, page, page.notify)
        ui = page.ui
        ui.couponButton.clicked.connect(lambda: self.use_coupon())
        ui.printSlipButton.clicked.connect(self.print_slip)
        ui.printCardButton.clicked.connect(self.print_card)
        ui.issueCouponButton.clicked.connect(self.issue_coupon)
        ui.couponBatchButton.clicked.connect(self.coupon_batch)
        ui.cameraButton.clicked.connect(self.scan_with_camera)
        page_shortcuts(
            page,
            (
                ("F10", self.issue_coupon),
                ("F11", self.coupon_batch),
                ("F12", self.use_coupon),
                ("Ctrl+P", self.print_slip),
                ("Ctrl+K", self.print_card),
            ),
        )
        self.set_camera_problem(camera_missing())
        self._after_open: tuple[str, str] | None = None  # (member, coupon) once opened
        self._last_award: tuple[str, str] | None = None  # (member, receipt) awarded last
        page.member_opened.connect(self._member_opened)

    def update_actions(self) -> None:
        ui, has, manager = self.page.ui, self.page.member is not None, self.ctx.is_manager
        for button in (ui.couponButton, ui.printSlipButton, ui.printCardButton):
            button.setEnabled(has)
        ui.issueCouponButton.setVisible(manager)
        ui.issueCouponButton.setEnabled(has and manager)
        ui.couponBatchButton.setVisible(manager)

    # -- codes from the scanner, the keyboard or the camera --------------------------------

    def route(self, text: str) -> bool:
        """A coupon code opens the coupon dialog (True); anything else is not ours.

        With nobody being served, a coupon bound to a member opens that member first: the
        scan alone is enough, the cashier touches nothing.
        """
        if not looks_like_coupon(text):
            return False
        self.page.clear_search()
        code = normalise_code(text)
        self._after_open = None
        if self.page.member is not None:
            self.use_coupon(code)
            return True
        desk = self.ctx.desk
        self.ctx.ops.run(
            lambda: coupons.show(desk, code),
            on_done=lambda view: self._owner_found(code, view),
            on_refusal=lambda _refusal: self.use_coupon(code),  # the dialog says what is wrong
            owner=self.page,
            label="coupon owner",
        )
        return True

    def _owner_found(self, code: str, view: CouponView) -> None:
        if view.member_code is None:
            self.use_coupon(code)
            return
        self._after_open = (view.member_code, code)
        self.page.open_member(view.member_code)

    def _member_opened(self, member: MemberView) -> None:
        pending, self._after_open = self._after_open, None
        if pending is not None and pending[0] == member.code:
            self.use_coupon(pending[1])

    def use_coupon(self, code: str = "", receipt: str = "", amount: str = "") -> None:
        from loyalty_desk.gui.coupon_flow import CouponRedeemDialog

        card = self.page.card
        offered = card.coupons if card is not None else ()
        dialog = CouponRedeemDialog(
            self.ctx,
            self.page.member,
            offered,
            self.page,
            code=code or "",
            receipt=receipt,
            amount=amount,
        )
        self.page.open_dialog(dialog)

    def set_camera_problem(self, problem: str | None) -> None:
        button = self.page.ui.cameraButton
        button.setEnabled(problem is None)
        button.setToolTip(
            problem or self.tr("Scan a member's or a coupon's QR code with the camera")
        )

    def scan_with_camera(self) -> None:
        from loyalty_desk.gui import camera

        problem = camera.camera_problem()
        if problem is not None:
            self.set_camera_problem(problem)
            self.page.notify(problem, "warn")
            return
        dialog = camera.CameraScanDialog(self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.scanned.connect(self.page.take_code)
        dialog.finished.connect(lambda _r: self.page.focus_search())
        dialog.open()

    # -- paper -----------------------------------------------------------------------------

    def awarded(self, member: MemberView | None, receipt_no: str, message: str) -> None:
        """Just awarded: Ctrl+P prints this receipt's slip, even before the panel refreshes."""
        if member is None:
            return
        self._last_award = (member.code, receipt_no.strip())
        self.page.notify(message + " " + self.tr("Ctrl+P prints the points slip."))

    def print_slip(self) -> None:
        """The slip of the purchase just awarded, or the member's newest that earned points."""
        card = self.page.card
        if card is None:
            return
        receipt = next((h.receipt_no for h in card.recent if h.kind == EARN and h.receipt_no), None)
        if self._last_award is not None and self._last_award[0] == card.member.code:
            receipt = self._last_award[1]
        if receipt is None:
            self.page.notify(self.tr("No purchase of this member to print a slip for yet."), "info")
            return
        self.paper.slip(receipt)

    def print_card(self) -> None:
        if self.page.member is not None:
            self.paper.card(self.page.member.code)

    def offer_card(self, member: MemberView | None, _message: str = "") -> None:
        """After enrolling: the member card, printed now if the cashier says so."""
        if member is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Member card"),
            self.tr("Print a member card for {name}?").format(name=member.name),
            QMessageBox.StandardButton.NoButton,
            self.page.window(),
        )
        yes = box.addButton(self.tr("Print card"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        code = member.code
        box.buttonClicked.connect(lambda button: self.paper.card(code) if button is yes else None)
        self.card_offer = box
        box.open()

    # -- manager ---------------------------------------------------------------------------

    def issue_coupon(self) -> None:
        member = self.page.member
        if member is None or not self.ctx.is_manager:
            return
        from loyalty_desk.gui.coupon_issue_dialog import CouponIssueDialog

        dialog = CouponIssueDialog(self.ctx, member, self.page)
        dialog.issued.connect(self.paper.voucher)  # the voucher goes to the member on paper
        self.page.open_dialog(dialog)

    def coupon_batch(self) -> None:
        if not self.ctx.is_manager:
            return
        from loyalty_desk.gui.coupon_batch_dialog import CouponBatchDialog

        self.page.open_dialog(CouponBatchDialog(self.ctx, self.page))

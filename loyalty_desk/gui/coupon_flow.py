"""Using a coupon on a receipt: picked from the member's coupons, scanned, or typed.

The till checks the coupon as soon as code, receipt number and total are there (the same
use case with `dry_run=True`: nothing is written), and shows the discount large before
the cashier confirms; a refusal (expired, already used, below the minimum spend, another
member's, not a genuine code) is said in words under the form, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from loyalty_desk.domain.coupons import looks_like_coupon, normalise_code
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.money import parse_yuan
from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ActionDialog
from loyalty_desk.gui.forms.ui_coupon_redeem_dialog import Ui_CouponRedeemDialog
from loyalty_desk.gui.member_line import coupon_line, member_line
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.print_actions import PrintActions
from loyalty_desk.gui.widgets import amount_field, no_input_method, say
from loyalty_desk.services import coupons
from loyalty_desk.services.coupon_views import CouponView
from loyalty_desk.services.coupons import CouponRedemption
from loyalty_desk.services.views import MemberView

PREVIEW_DELAY_MS = 200

Key = tuple[str, str, int]  # (code, receipt number, total in fen) a preview was made for


class CouponRedeemDialog(ActionDialog):
    def __init__(
        self,
        ctx: Context,
        member: MemberView | None,
        offered: Sequence[CouponView],
        parent: QWidget | None = None,
        *,
        code: str = "",
        receipt: str = "",
        amount: str = "",
    ) -> None:
        super().__init__(ctx, parent)
        self.member = member
        self.ui = ui = Ui_CouponRedeemDialog()
        ui.setupUi(self)
        self.wire(ui.messageLabel, ui.confirmButton, ui.cancelButton)
        self.paper = PrintActions(ctx, self, lambda text, tone: say(ui.messageLabel, text, tone))
        if member is not None:
            ui.memberLabel.setText(member_line(member, unmasked=ctx.is_manager))
        else:
            ui.memberLabel.setText(
                self.tr("No member selected: a bearer coupon can be used by anyone.")
            )
        for coupon in offered:
            ui.couponCombo.addItem(coupon_line(coupon), coupon.code)
        if not offered:
            ui.couponCombo.addItem(self.tr("None available today"), "")
            ui.couponCombo.setEnabled(False)
        for edit in (ui.codeEdit, ui.receiptEdit):
            no_input_method(edit)
        amount_field(ui.amountEdit)
        self.preview: CouponRedemption | None = None
        self.preview_for: Key | None = None
        self._seq = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        ui.couponCombo.currentIndexChanged.connect(self._picked)
        for edit in (ui.codeEdit, ui.receiptEdit, ui.amountEdit):
            edit.textEdited.connect(lambda _t: self._changed())
        ui.printButton.clicked.connect(self.print_voucher)
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(self.print_voucher)
        ui.receiptEdit.setText(receipt)
        ui.amountEdit.setText(amount)
        if code:
            ui.codeEdit.setText(normalise_code(code))
            ui.couponCombo.setCurrentIndex(ui.couponCombo.findData(normalise_code(code)))
        else:
            self._picked(ui.couponCombo.currentIndex())
        self._changed()
        ui.receiptEdit.setFocus()

    # -- the coupon and the receipt --------------------------------------------------------

    def _picked(self, index: int) -> None:
        code = self.ui.couponCombo.itemData(index) if index >= 0 else None
        if code:
            self.ui.codeEdit.setText(str(code))
            self._changed()

    def code(self) -> str:
        return normalise_code(self.ui.codeEdit.text())

    def amount(self) -> int | Refusal | None:
        text = self.ui.amountEdit.text().strip()
        if not text:
            return None
        return parse_yuan(text, field=self.tr("receipt total"))

    def key(self) -> Key | None:
        fen = self.amount()
        receipt = self.ui.receiptEdit.text().strip()
        if not self.code() or not receipt or not isinstance(fen, int):
            return None
        return (self.code(), receipt, fen)

    def _changed(self) -> None:
        if self.message_label.property("tone") == "error":
            say(self.message_label, "")  # about what was there before this edit
        self.preview = None
        self.preview_for = None
        self._show_discount(None)
        self.ui.printButton.setEnabled(looks_like_coupon(self.code()))
        self.refresh_confirm()
        self._timer.start()

    def check_now(self) -> None:
        """Check the coupon against this receipt without using it (nothing is written)."""
        self._timer.stop()
        fen = self.amount()
        if isinstance(fen, Refusal):
            say(self.message_label, said(fen), "error")
            return
        key = self.key()
        if key is None:
            return
        self._seq += 1
        seq = self._seq
        desk, member = self.ctx.desk, self.member.code if self.member else None
        code, receipt, total = key
        self.ctx.ops.run(
            lambda: coupons.redeem(desk, code, receipt, total, member, dry_run=True),
            on_done=lambda result: self._checked(seq, key, result),
            on_refusal=lambda refusal: self._refused(seq, refusal),
            busy=False,
            owner=self,
            label="check coupon",
        )

    def _checked(self, seq: int, key: Key, result: CouponRedemption) -> None:
        if seq != self._seq:
            return  # the cashier typed on: a newer check is on its way
        self.preview, self.preview_for = result, key
        self._show_discount(result)
        say(self.message_label, "")
        self.refresh_confirm()

    def _refused(self, seq: int, refusal: Refusal) -> None:
        if seq != self._seq:
            return
        self.preview = self.preview_for = None
        self._show_discount(None)
        self.refused(refusal)
        self.refresh_confirm()

    def _show_discount(self, result: CouponRedemption | None) -> None:
        ui = self.ui
        if result is None:
            ui.discountLabel.setText(fmt.yuan(0))
            ui.afterLabel.setText("")
            ui.conditionLabel.setText(
                self.tr("Choose or scan a coupon, then enter the receipt.")
                if not self.key()
                else self.tr("Checking the coupon…")
            )
            return
        c = result.coupon
        ui.discountLabel.setText(fmt.yuan(-result.discount_fen))
        ui.afterLabel.setText(
            self.tr("The customer pays {pay}.").format(pay=fmt.yuan(result.to_pay_fen))
        )
        ui.conditionLabel.setText(
            self.tr("{kind}: {condition}, valid {first} to {last}.").format(
                kind=c.kind.label_zh if fmt.chinese_labels() else c.kind.label_en,
                condition=c.condition_zh,
                first=c.first_day.isoformat(),
                last=c.last_day.isoformat(),
            )
        )

    # -- confirming ------------------------------------------------------------------------

    def can_confirm(self) -> bool:
        return self.preview is not None and self.preview_for == self.key()

    def on_enter(self) -> None:
        ui = self.ui
        if ui.receiptEdit.hasFocus() and looks_like_coupon(ui.receiptEdit.text()):
            # A voucher scanned while the receipt number was asked: it is the coupon.
            ui.codeEdit.setText(normalise_code(ui.receiptEdit.text()))
            ui.receiptEdit.clear()
            ui.couponCombo.setCurrentIndex(ui.couponCombo.findData(self.code()))
            self._changed()
        elif ui.codeEdit.hasFocus() or ui.couponCombo.hasFocus():
            ui.receiptEdit.setFocus()
        elif ui.receiptEdit.hasFocus() and not ui.amountEdit.text():
            ui.amountEdit.setFocus()
        elif self.can_confirm():
            self.confirm()
        elif self.preview is None:
            self.check_now()

    def confirm(self) -> None:
        key = self.key()
        if not self.can_confirm() or key is None:
            return
        code, receipt, total = key
        desk, cashier = self.ctx.desk, self.ctx.staff_id
        member = self.member.code if self.member else None
        self.submit(
            lambda: coupons.redeem(desk, code, receipt, total, member, cashier_id=cashier),
            self._redeemed,
            on_refusal=lambda refusal: self._refused(self._seq, refusal),
            label="redeem coupon",
        )

    def _redeemed(self, result: CouponRedemption) -> None:
        text = self.tr("Coupon applied: take {value} off receipt {no}; the customer pays {pay}.")
        self.finish(
            self.member,
            text.format(
                value=fmt.yuan(result.discount_fen),
                no=result.receipt_no,
                pay=fmt.yuan(result.to_pay_fen),
            ),
        )

    def print_voucher(self) -> None:
        if looks_like_coupon(self.code()):
            self.paper.voucher(self.code())

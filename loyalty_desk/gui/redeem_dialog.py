"""Redeem points against a receipt: a spinner capped by the rules, the discount shown large.
A coupon scanned here, or F12, hands over to the coupon dialog."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from loyalty_desk.domain.coupons import looks_like_coupon, normalise_code
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.money import parse_yuan
from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ActionDialog
from loyalty_desk.gui.forms.ui_redeem_dialog import Ui_RedeemDialog
from loyalty_desk.gui.member_line import member_line
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.widgets import amount_field, no_input_method, say
from loyalty_desk.services import checkout
from loyalty_desk.services.checkout import RedeemLimits, RedeemResult
from loyalty_desk.services.views import MemberView

LIMITS_DELAY_MS = 200


class RedeemDialog(ActionDialog):
    coupon_wanted = Signal(str, str, str)  # coupon code (or ""), receipt number and total

    def __init__(self, ctx: Context, member: MemberView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.member = member
        self.ui = Ui_RedeemDialog()
        self.ui.setupUi(self)
        self.wire(self.ui.messageLabel, self.ui.confirmButton, self.ui.cancelButton)
        self.ui.memberLabel.setText(member_line(member, unmasked=ctx.is_manager))
        no_input_method(self.ui.receiptEdit)
        amount_field(self.ui.amountEdit)
        no_input_method(self.ui.pointsSpin)
        self.limits: RedeemLimits | None = None
        self.limits_for: int | None = None  # the receipt total the limits were read for
        self._seq = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LIMITS_DELAY_MS)
        self._timer.timeout.connect(self.load_limits)
        self.ui.amountEdit.textEdited.connect(self._amount_changed)
        self.ui.receiptEdit.textEdited.connect(lambda _t: self.refresh_confirm())
        self.ui.pointsSpin.valueChanged.connect(self._points_changed)
        self.ui.maxButton.clicked.connect(self.use_most)
        QShortcut(QKeySequence("Ctrl+M"), self).activated.connect(self.use_most)
        self.ui.couponButton.clicked.connect(self.use_coupon)
        QShortcut(QKeySequence("F12"), self).activated.connect(self.use_coupon)
        self._points_changed(0)
        self.refresh_confirm()
        self.ui.receiptEdit.setFocus()

    def amount(self) -> int | Refusal | None:
        text = self.ui.amountEdit.text().strip()
        if not text:
            return None
        return parse_yuan(text, field=self.tr("receipt total"))

    def _amount_changed(self) -> None:
        self.limits = None
        self.limits_for = None
        self.ui.pointsSpin.setEnabled(False)
        self.ui.maxButton.setEnabled(False)
        self.refresh_confirm()
        self._timer.start()

    def load_limits(self) -> None:
        fen = self.amount()
        if fen is None:
            self.ui.limitsLabel.setText(
                self.tr("Enter the receipt total to see how many points it allows.")
            )
            return
        if isinstance(fen, Refusal):
            say(self.message_label, said(fen), "error")
            return
        self._seq += 1
        seq = self._seq
        desk, code = self.ctx.desk, self.member.code
        self.ctx.ops.run(
            lambda: checkout.redemption_limits(desk, code, fen),
            on_done=lambda limits: self._limits_loaded(seq, fen, limits),
            on_refusal=self.refused,
            busy=False,
            owner=self,
            label="redeem limits",
        )

    def _limits_loaded(self, seq: int, fen: int, limits: RedeemLimits) -> None:
        if seq != self._seq:
            return
        self.limits, self.limits_for = limits, fen
        spin = self.ui.pointsSpin
        possible = limits.max_points >= limits.min_points
        spin.setEnabled(possible)
        self.ui.maxButton.setEnabled(possible)
        if possible:
            spin.setRange(limits.min_points, limits.max_points)
            spin.setValue(limits.max_points)
            self.ui.limitsLabel.setText(
                self.tr("Allowed on this receipt: {lo} to {hi} points (balance {bal}).").format(
                    lo=fmt.points(limits.min_points),
                    hi=fmt.points(limits.max_points),
                    bal=fmt.points(limits.balance),
                )
            )
            say(self.message_label, "")
        else:
            spin.setRange(0, 0)
            self.ui.limitsLabel.setText("")
            say(
                self.message_label,
                self.tr(
                    "Not possible on this receipt: at least {lo} points are needed and at most "
                    "{hi} may be used (balance {bal})."
                ).format(
                    lo=fmt.points(limits.min_points),
                    hi=fmt.points(limits.max_points),
                    bal=fmt.points(limits.balance),
                ),
                "warn",
            )
        self._points_changed(spin.value())
        self.refresh_confirm()

    def _points_changed(self, value: int) -> None:
        per_point = self.limits.fen_per_point if self.limits else 0
        discount = value * per_point if self.ui.pointsSpin.isEnabled() else 0
        self.ui.discountLabel.setText(fmt.yuan(-discount) if discount else fmt.yuan(0))
        if self.limits is not None and discount and self.limits_for is not None:
            self.ui.afterLabel.setText(
                self.tr("The customer pays {pay}; {left} points stay on the card.").format(
                    pay=fmt.yuan(self.limits_for - discount),
                    left=fmt.points(self.limits.balance - value),
                )
            )
        else:
            self.ui.afterLabel.setText("")
        self.refresh_confirm()

    def use_coupon(self) -> None:
        """A coupon instead of points: the coupon dialog takes over what was typed."""
        if self.running:
            return
        self.hand_over("", self.ui.receiptEdit.text())

    def hand_over(self, code: str, receipt: str) -> None:
        self.coupon_wanted.emit(code, receipt, self.ui.amountEdit.text())
        self.reject()

    def use_most(self) -> None:
        if self.ui.pointsSpin.isEnabled():
            self.ui.pointsSpin.setValue(self.ui.pointsSpin.maximum())

    def can_confirm(self) -> bool:
        return (
            self.limits is not None
            and self.limits_for == self.amount()
            and self.ui.pointsSpin.isEnabled()
            and bool(self.ui.receiptEdit.text().strip())
        )

    def on_enter(self) -> None:
        scanned = self.ui.receiptEdit.text()
        if self.ui.receiptEdit.hasFocus() and looks_like_coupon(scanned):
            self.hand_over(normalise_code(scanned), "")  # a coupon scanned: the coupon flow
        elif self.ui.receiptEdit.hasFocus() and not self.ui.amountEdit.text():
            self.ui.amountEdit.setFocus()
        elif self.ui.amountEdit.hasFocus() and self.limits is None:
            self._timer.stop()
            self.load_limits()
        elif self.can_confirm():
            self.confirm()

    def confirm(self) -> None:
        fen = self.amount()
        if not self.can_confirm() or not isinstance(fen, int):
            return
        receipt = self.ui.receiptEdit.text().strip()
        self.ui.pointsSpin.interpretText()
        points = self.ui.pointsSpin.value()
        desk, code, cashier = self.ctx.desk, self.member.code, self.ctx.staff_id
        self.submit(
            lambda: checkout.redeem(desk, code, receipt, points, fen, cashier_id=cashier),
            self._redeemed,
            label="redeem",
        )

    def _redeemed(self, result: RedeemResult) -> None:
        self.finish(
            result.member,
            self.tr("Redeemed {n} points: take {value} off receipt {no}.").format(
                n=fmt.points(result.points_redeemed),
                value=fmt.yuan(result.value_fen),
                no=result.receipt_no,
            ),
        )

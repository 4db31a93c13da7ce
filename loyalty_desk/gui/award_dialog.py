"""Award points for a receipt: the points and why are on screen before the cashier confirms.

The preview is the real use case run with dry_run=True (rolled back), so what the dialog
promises is exactly what confirming writes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.money import parse_yuan
from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ActionDialog
from loyalty_desk.gui.forms.ui_award_dialog import Ui_AwardDialog
from loyalty_desk.gui.member_line import member_line
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.widgets import amount_field, no_input_method, say
from loyalty_desk.services import checkout
from loyalty_desk.services.checkout import EarnResult
from loyalty_desk.services.views import MemberView

PREVIEW_DELAY_MS = 200


class AwardDialog(ActionDialog):
    def __init__(self, ctx: Context, member: MemberView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.member = member
        self.ui = Ui_AwardDialog()
        self.ui.setupUi(self)
        self.wire(self.ui.messageLabel, self.ui.confirmButton, self.ui.cancelButton)
        self.ui.memberLabel.setText(member_line(member, unmasked=ctx.is_manager))
        no_input_method(self.ui.receiptEdit)
        amount_field(self.ui.amountEdit)
        self._preview_seq = 0
        self.preview_for: tuple[str, int] | None = None  # the inputs the preview shows
        self.preview: EarnResult | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.run_preview)
        for edit in (self.ui.receiptEdit, self.ui.amountEdit):
            edit.textEdited.connect(self._inputs_changed)
        self.ui.pointsLabel.setText("")
        self.refresh_confirm()
        self.ui.receiptEdit.setFocus()

    def inputs(self) -> tuple[str, int] | Refusal | None:
        """(receipt, fen); None while incomplete; a Refusal for what can't be right."""
        receipt = self.ui.receiptEdit.text().strip()
        amount = self.ui.amountEdit.text().strip()
        if not receipt or not amount:
            return None
        fen = parse_yuan(amount, field=self.tr("amount paid"))
        if isinstance(fen, Refusal):
            return fen
        return receipt, fen

    def _inputs_changed(self) -> None:
        self.preview_for = None
        self.preview = None
        self.refresh_confirm()
        self._timer.start()

    def can_confirm(self) -> bool:
        current = self.inputs()
        return (
            self.preview is not None
            and not self.preview.replayed
            and isinstance(current, tuple)
            and current == self.preview_for
        )

    def run_preview(self) -> None:
        current = self.inputs()
        if current is None:
            self._show_idle()
            return
        if isinstance(current, Refusal):
            self.ui.pointsLabel.setText("")
            say(self.message_label, said(current), "error")
            return
        receipt, fen = current
        self._preview_seq += 1
        seq = self._preview_seq
        desk, code = self.ctx.desk, self.member.code
        self.ctx.ops.run(
            lambda: checkout.earn(desk, code, receipt, fen, dry_run=True),
            on_done=lambda result: self._previewed(seq, current, result),
            on_refusal=lambda refusal: self._preview_refused(seq, refusal),
            busy=False,
            owner=self,
            label="award preview",
        )

    def _show_idle(self) -> None:
        self.ui.pointsLabel.setText("")
        self.ui.breakdownLabel.setText(
            self.tr("Enter the receipt and the amount paid to see the points.")
        )
        say(self.message_label, "")

    def _previewed(self, seq: int, inputs: tuple[str, int], result: EarnResult) -> None:
        if seq != self._preview_seq:
            return
        self.preview, self.preview_for = result, inputs
        self.ui.pointsLabel.setText(
            self.tr("+{n} points").format(n=fmt.points(result.points_awarded))
        )
        self.ui.breakdownLabel.setText(breakdown_text(result))
        if result.replayed:
            say(
                self.message_label,
                self.tr("Receipt {no} already earned these points; nothing new to award.").format(
                    no=result.receipt_no
                ),
                "warn",
            )
        else:
            say(self.message_label, "")
        self.refresh_confirm()

    def _preview_refused(self, seq: int, refusal: Refusal) -> None:
        if seq != self._preview_seq:
            return
        self.preview = None
        self.ui.pointsLabel.setText("")
        self.ui.breakdownLabel.setText("")
        self.refused(refusal)
        self.refresh_confirm()

    def on_enter(self) -> None:
        if self.ui.receiptEdit.hasFocus() and not self.ui.amountEdit.text():
            self.ui.amountEdit.setFocus()
        elif self.can_confirm():
            self.confirm()
        else:
            self._timer.stop()
            self.run_preview()

    def confirm(self) -> None:
        current = self.inputs()
        if not isinstance(current, tuple) or not self.can_confirm():
            return
        receipt, fen = current
        desk, code, cashier = self.ctx.desk, self.member.code, self.ctx.staff_id
        self.submit(
            lambda: checkout.earn(desk, code, receipt, fen, cashier_id=cashier),
            self._earned,
            label="award",
        )

    def _earned(self, result: EarnResult) -> None:
        text = self.tr("Awarded {n} points to {name} for receipt {no}.").format(
            n=fmt.points(result.points_awarded), name=result.member.name, no=result.receipt_no
        )
        if result.upgraded_to:
            text += " " + self.tr("Upgraded to {tier}!").format(
                tier=fmt.tier_name(result.upgraded_to)
            )
        self.finish(result.member, text)


def _bonus_name(bonus: Any) -> str:
    names = {
        "first_purchase": fmt.translate("Award", "first purchase"),
        "big_ticket": fmt.translate("Award", "receipt of ¥1,000 or more"),
        "birthday": fmt.translate("Award", "birthday month"),
    }
    return names.get(str(bonus), str(bonus))


def breakdown_text(result: EarnResult) -> str:
    """'¥128.50 paid → 128 base points × 2 (birthday month) × 1.5 (Gold) = 384 points'."""
    b = result.breakdown
    parts = [
        fmt.translate("Award", "{paid} paid → {base} base points").format(
            paid=fmt.yuan(int(b["paid_fen"])), base=fmt.points(int(b["base_points"]))
        )
    ]
    if b.get("bonus"):
        parts.append(f"× {b['bonus_multiplier']} ({_bonus_name(b['bonus'])})")
    parts.append(f"× {b['tier_multiplier']} ({fmt.tier_name(str(b['tier']))})")
    lines = [
        " ".join(parts)
        + " = "
        + fmt.translate("Award", "{n} points").format(n=fmt.points(int(b["computed_points"])))
    ]
    if int(b.get("capped_points", 0)):
        lines.append(
            fmt.translate(
                "Award", "{n} points are over today's limit for this member and are not awarded."
            ).format(n=fmt.points(int(b["capped_points"])))
        )
    if result.referral_points:
        lines.append(
            fmt.translate(
                "Award",
                "First purchase of a referred member: +{n} welcome points, +{m} for the referrer.",
            ).format(n=result.referral_points, m=result.referrer_points)
        )
    if result.upgraded_to:
        lines.append(
            fmt.translate("Award", "This purchase upgrades the member to {tier}.").format(
                tier=fmt.tier_name(result.upgraded_to)
            )
        )
    return "\n".join(lines)

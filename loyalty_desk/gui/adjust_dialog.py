"""A manager adds or takes points by hand, with a reason, confirmed with their PIN."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ActionDialog
from loyalty_desk.gui.forms.ui_adjust_dialog import Ui_AdjustDialog
from loyalty_desk.gui.member_line import member_line
from loyalty_desk.gui.widgets import pin_field, say
from loyalty_desk.services import adjust
from loyalty_desk.services.adjust import AdjustResult
from loyalty_desk.services.views import MemberView

SPIN_LIMIT = 1_000_000  # the rule book's own limit is checked (and explained) by the service


class AdjustDialog(ActionDialog):
    def __init__(self, ctx: Context, member: MemberView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.member = member
        self.ui = Ui_AdjustDialog()
        self.ui.setupUi(self)
        self.wire(self.ui.messageLabel, self.ui.confirmButton, self.ui.cancelButton)
        ui = self.ui
        ui.memberLabel.setText(member_line(member, unmasked=True))
        ui.pointsSpin.setRange(-SPIN_LIMIT, SPIN_LIMIT)
        ui.pointsSpin.setSingleStep(50)
        ui.pointsSpin.setValue(0)
        pin_field(ui.pinEdit)
        ui.pointsSpin.valueChanged.connect(self._changed)
        ui.reasonEdit.textChanged.connect(lambda _t: self.refresh_confirm())
        ui.pinEdit.textChanged.connect(lambda _t: self.refresh_confirm())
        self._changed(0)
        ui.pointsSpin.setFocus()
        ui.pointsSpin.selectAll()

    def _changed(self, value: int) -> None:
        after = self.member.balance + value
        self.ui.previewLabel.setText(
            self.tr("{before} → {after} points").format(
                before=fmt.points(self.member.balance), after=fmt.points(after)
            )
        )
        if after < 0:
            say(self.message_label, self.tr("That would take the balance below zero."), "warn")
        else:
            say(self.message_label, "")
        self.refresh_confirm()

    def can_confirm(self) -> bool:
        return (
            self.ui.pointsSpin.value() != 0
            and len(self.ui.reasonEdit.text().strip()) >= 3
            and bool(self.ui.pinEdit.text())
        )

    def on_enter(self) -> None:
        ui = self.ui
        if ui.pointsSpin.hasFocus():
            ui.reasonEdit.setFocus()
        elif ui.reasonEdit.hasFocus() and not ui.pinEdit.text():
            ui.pinEdit.setFocus()
        elif self.can_confirm():
            self.confirm()

    def confirm(self) -> None:
        if not self.can_confirm() or self.ctx.staff is None:
            return
        self.ui.pointsSpin.interpretText()
        points = self.ui.pointsSpin.value()
        reason = self.ui.reasonEdit.text()
        pin = self.ui.pinEdit.text()
        desk, code, manager = self.ctx.desk, self.member.code, self.ctx.staff.name
        self.submit(
            lambda: adjust.adjust(
                desk, code, points, reason, manager_pin=pin, manager_name=manager
            ),
            self._adjusted,
            on_refusal=self._adjust_refused,
            label="adjust",
        )

    def _adjust_refused(self, refusal: Refusal) -> None:
        self.ui.pinEdit.clear()
        self.refused(refusal)

    def _adjusted(self, result: AdjustResult) -> None:
        self.finish(
            result.member,
            self.tr("Adjusted {n} points for {name}: {reason}").format(
                n=fmt.points(result.points, sign=True),
                name=result.member.name,
                reason=result.reason,
            ),
        )

"""A manager gives the member being served a coupon: the kind from the rule set in force,
confirmed with the manager's PIN when the rules ask for it; the voucher preview follows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from loyalty_desk.domain.coupons import PROMOTION_KINDS, Kind, promotion_terms
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ActionDialog
from loyalty_desk.gui.forms.ui_coupon_issue_dialog import Ui_CouponIssueDialog
from loyalty_desk.gui.member_line import member_line
from loyalty_desk.gui.widgets import pin_field
from loyalty_desk.services import coupons
from loyalty_desk.services.coupon_views import CouponView
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.views import MemberView


def kind_label(kind: Kind) -> str:
    return kind.label_zh if fmt.chinese_labels() else kind.label_en


def fill_kinds(combo: QComboBox, desk: Desk, preferred: Kind | None = None) -> None:
    """The promotion kinds the rule set in force hands out (a kind worth ¥0 is switched off)."""
    now = desk.now()
    rules = desk.rules_at(now)
    combo.clear()
    for kind in PROMOTION_KINDS:
        terms = promotion_terms(rules.coupons, kind, local_date(now, desk.tz))
        if terms.value_fen > 0:
            combo.addItem(f"{kind_label(kind)} · {terms.condition_zh}", str(kind))
    if preferred is not None and combo.findData(str(preferred)) >= 0:
        combo.setCurrentIndex(combo.findData(str(preferred)))


def describe_kind(label: QLabel, combo: QComboBox, desk: Desk) -> None:
    """What the chosen kind gives, and until when it would be valid if issued now."""
    data = combo.currentData()
    if not data:
        label.setText("")
        return
    now = desk.now()
    terms = promotion_terms(desk.rules_at(now).coupons, Kind(data), local_date(now, desk.tz))
    text = fmt.translate(
        "CouponIssue", "{value} off a purchase from {spend}; valid {first} to {last}."
    )
    label.setText(
        text.format(
            value=fmt.yuan(terms.value_fen),
            spend=fmt.yuan(terms.min_spend_fen),
            first=terms.first_day.isoformat(),
            last=terms.last_day.isoformat(),
        )
    )


def pin_needed(desk: Desk, label: QLabel, edit: QLineEdit) -> bool:
    """Shows the PIN field only when the rules want a manager to approve coupons by hand."""
    needed = desk.rules_at(desk.now()).approvals.issue_coupon_needs_manager
    label.setVisible(needed)
    edit.setVisible(needed)
    pin_field(edit)
    return needed


class CouponIssueDialog(ActionDialog):
    issued = Signal(str)  # the new coupon's code (its voucher is printed next)

    def __init__(self, ctx: Context, member: MemberView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.member = member
        self.ui = ui = Ui_CouponIssueDialog()
        ui.setupUi(self)
        self.wire(ui.messageLabel, ui.confirmButton, ui.cancelButton)
        ui.memberLabel.setText(member_line(member, unmasked=ctx.is_manager))
        fill_kinds(ui.kindCombo, ctx.desk)
        ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self.needs_pin = pin_needed(ctx.desk, ui.pinLabel, ui.pinEdit)
        ui.pinEdit.textChanged.connect(lambda _t: self.refresh_confirm())
        self._kind_changed()
        ui.kindCombo.setFocus()

    def _kind_changed(self) -> None:
        describe_kind(self.ui.termsLabel, self.ui.kindCombo, self.ctx.desk)
        self.refresh_confirm()

    def can_confirm(self) -> bool:
        has_kind = bool(self.ui.kindCombo.currentData())
        return has_kind and (bool(self.ui.pinEdit.text()) or not self.needs_pin)

    def on_enter(self) -> None:
        if self.ui.kindCombo.hasFocus() and self.needs_pin and not self.ui.pinEdit.text():
            self.ui.pinEdit.setFocus()
        elif self.can_confirm():
            self.confirm()

    def confirm(self) -> None:
        if not self.can_confirm() or self.ctx.staff is None:
            return
        kind = str(self.ui.kindCombo.currentData())
        pin = self.ui.pinEdit.text() if self.needs_pin else None
        name = self.ctx.staff.name if self.needs_pin else None
        desk, code = self.ctx.desk, self.member.code
        self.submit(
            lambda: coupons.issue(desk, code, kind, manager_pin=pin, manager_name=name),
            self._issued,
            on_refusal=self._issue_refused,
            label="issue coupon",
        )

    def _issue_refused(self, refusal: Refusal) -> None:
        self.ui.pinEdit.clear()
        self.refused(refusal)

    def _issued(self, coupon: CouponView) -> None:
        self.issued.emit(coupon.code)
        self.finish(
            self.member,
            self.tr("Gave {name} a {kind} ({condition}), valid until {last}.").format(
                name=self.member.name,
                kind=kind_label(coupon.kind),
                condition=coupon.condition_zh,
                last=coupon.last_day.isoformat(),
            ),
        )

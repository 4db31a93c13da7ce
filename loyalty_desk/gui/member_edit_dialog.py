"""Correct a member's name or birthday; a new phone number needs a manager's PIN."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.people import normalise_phone, parse_date, validate_phone
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ActionDialog
from loyalty_desk.gui.forms.ui_member_edit_dialog import Ui_MemberEditDialog
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.widgets import mark_invalid, no_input_method, pin_field, say
from loyalty_desk.services import member_edit
from loyalty_desk.services.views import MemberView


class MemberEditDialog(ActionDialog):
    def __init__(self, ctx: Context, member: MemberView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.member = member
        self.ui = Ui_MemberEditDialog()
        self.ui.setupUi(self)
        self.wire(self.ui.messageLabel, self.ui.confirmButton, self.ui.cancelButton)
        ui = self.ui
        ui.codeLabel.setText(self.tr("Member {code}").format(code=member.code))
        ui.nameEdit.setText(member.name)
        ui.birthdayEdit.setText(member.birthday.isoformat() if member.birthday else "")
        # Cashiers see the number masked; typing a new one still needs a manager.
        ui.phoneEdit.setText(member.phone if ctx.is_manager else "")
        ui.phoneEdit.setPlaceholderText(member.phone_masked if not ctx.is_manager else "")
        no_input_method(ui.phoneEdit)
        no_input_method(ui.birthdayEdit)
        pin_field(ui.pinEdit)
        ui.hintLabel.setText(
            self.tr(
                "Name and birthday: anyone may correct them. A new phone number needs a "
                "manager's PIN."
            )
        )
        for edit in (ui.nameEdit, ui.birthdayEdit, ui.phoneEdit, ui.pinEdit):
            edit.textChanged.connect(lambda _t: self._changed())
        self._changed()
        ui.nameEdit.setFocus()

    def new_phone(self) -> str | None:
        text = normalise_phone(self.ui.phoneEdit.text())
        if not text or text == self.member.phone:
            return None
        return text

    def birthday(self) -> date | Refusal | None:
        text = self.ui.birthdayEdit.text().strip()
        return parse_date(text, field=self.tr("birthday")) if text else None

    def phone_problem(self) -> str | None:
        """What is wrong with a new phone number, once it is long enough to tell."""
        phone = self.new_phone()
        if phone is None or (len(phone) < 11 and phone.isdigit()):
            return None
        checked = validate_phone(phone)
        return said(checked) if isinstance(checked, Refusal) else None

    def _changed(self) -> None:
        phone_changes = self.new_phone() is not None
        self.ui.pinLabel.setVisible(phone_changes)
        self.ui.pinEdit.setVisible(phone_changes)
        problem = self.phone_problem()
        mark_invalid(self.ui.phoneEdit, problem is not None)
        say(self.message_label, problem or "", "error")
        self.refresh_confirm()

    def can_confirm(self) -> bool:
        if not self.ui.nameEdit.text().strip():
            return False
        if self.new_phone() is not None:
            phone = self.new_phone() or ""
            if not self.ui.pinEdit.text() or len(phone) < 11 or self.phone_problem():
                return False
        birthday = self.birthday()
        if isinstance(birthday, Refusal):
            return False
        return (
            self.new_phone() is not None
            or self.ui.nameEdit.text().strip() != self.member.name
            or birthday != self.member.birthday
        )

    def confirm(self) -> None:
        birthday = self.birthday()
        if not self.can_confirm() or isinstance(birthday, Refusal):
            return
        phone = self.new_phone() or self.member.phone
        name = self.ui.nameEdit.text()
        pin = self.ui.pinEdit.text() or None
        desk, code = self.ctx.desk, self.member.code
        actor = self.ctx.staff.name if self.ctx.staff else None
        self.submit(
            lambda: member_edit.edit(
                desk, code, name=name, birthday=birthday, phone=phone, manager_pin=pin, actor=actor
            ),
            self._saved,
            label="edit member",
        )

    def _saved(self, member: MemberView) -> None:
        self.finish(member, self.tr("Saved {name}'s details.").format(name=member.name))

"""Enrol a new member; every field is checked as it is typed, with the domain's rules."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from loyalty_desk.domain.codes import REFERRAL_CODE_LENGTH, is_referral_code
from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.domain.people import (
    normalise_phone,
    parse_date,
    validate_birthday,
    validate_name,
    validate_phone,
)
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ActionDialog
from loyalty_desk.gui.forms.ui_enrol_dialog import Ui_EnrolDialog
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.widgets import DIGITS, mark_invalid, no_input_method
from loyalty_desk.services import members
from loyalty_desk.services.views import MemberView

_PHONE_SO_FAR = re.compile(r"^1([3-9][0-9]{0,9})?$")


class EnrolDialog(ActionDialog):
    open_member = Signal(str)  # "that phone is already a member": serve that member instead

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_EnrolDialog()
        self.ui.setupUi(self)
        self.wire(self.ui.messageLabel, self.ui.confirmButton, self.ui.cancelButton)
        ui = self.ui
        no_input_method(ui.phoneEdit)
        no_input_method(ui.birthdayEdit)
        no_input_method(ui.referrerEdit)
        ui.referrerEdit.setValidator(DIGITS)
        ui.openExistingButton.hide()
        ui.openExistingButton.clicked.connect(self._open_existing)
        self._existing: str | None = None
        for edit in (ui.phoneEdit, ui.nameEdit, ui.birthdayEdit, ui.referrerEdit):
            edit.textChanged.connect(self.validate)
        self.validate()
        ui.phoneEdit.setFocus()

    def prefill(self, search_text: str) -> None:
        """A phone the cashier searched for and did not find is probably the new member's."""
        digits = normalise_phone(search_text)
        if digits.isdigit() and _PHONE_SO_FAR.match(digits):
            self.ui.phoneEdit.setText(digits)
            if len(digits) == 11:
                self.ui.nameEdit.setFocus()

    # -- checking as you type --------------------------------------------------------------

    def _today(self) -> date:
        return local_date(self.ctx.desk.now(), self.ctx.tz)

    def check_phone(self) -> tuple[bool, str]:
        text = self.ui.phoneEdit.text()
        digits = normalise_phone(text)
        if not digits:
            return False, ""
        if len(digits) < 11 and digits.isdigit() and _PHONE_SO_FAR.match(digits):
            return False, self.tr("{n} more digits").format(n=11 - len(digits))
        result = validate_phone(text)
        if isinstance(result, Refusal):
            return False, said(result)
        return True, "✓"

    def check_name(self) -> tuple[bool, str]:
        if not self.ui.nameEdit.text().strip():
            return False, ""
        result = validate_name(self.ui.nameEdit.text())
        return (False, said(result)) if isinstance(result, Refusal) else (True, "")

    def birthday(self) -> date | Refusal | None:
        text = self.ui.birthdayEdit.text().strip()
        if not text:
            return None
        parsed = parse_date(text, field=self.tr("birthday"))
        if isinstance(parsed, Refusal):
            return parsed
        return validate_birthday(parsed, self._today())

    def check_birthday(self) -> tuple[bool, str]:
        text = self.ui.birthdayEdit.text().strip()
        if not text:
            return True, ""
        if len(text) < 10:
            return False, self.tr("Year-month-day, e.g. 1990-05-17")
        result = self.birthday()
        return (False, said(result)) if isinstance(result, Refusal) else (True, "")

    def check_referrer(self) -> tuple[bool, str]:
        text = self.ui.referrerEdit.text().strip()
        if not text:
            return True, ""
        if len(text) < REFERRAL_CODE_LENGTH:
            return False, self.tr("{n} more digits").format(n=REFERRAL_CODE_LENGTH - len(text))
        if not is_referral_code(text):
            return False, self.tr("Not a referral code: check the digits on the member's card.")
        return True, "✓"

    def validate(self) -> None:
        ui = self.ui
        fields: list[tuple[QLineEdit, QLabel, tuple[bool, str]]] = [
            (ui.phoneEdit, ui.phoneHint, self.check_phone()),
            (ui.nameEdit, ui.nameHint, self.check_name()),
            (ui.birthdayEdit, ui.birthdayHint, self.check_birthday()),
            (ui.referrerEdit, ui.referrerHint, self.check_referrer()),
        ]
        for edit, hint, (ok, text) in fields:
            complete = bool(edit.text().strip())
            # Red only when the text cannot become right by typing on.
            wrong = complete and not ok and not self._still_typing(edit)
            mark_invalid(edit, wrong)
            hint.setText(text)
        self._valid = all(ok for _e, _h, (ok, _t) in fields)
        ui.openExistingButton.hide()
        self._existing = None
        self.refresh_confirm()

    def _still_typing(self, edit: QLineEdit) -> bool:
        text = edit.text().strip()
        if edit is self.ui.phoneEdit:
            digits = normalise_phone(text)
            return len(digits) < 11 and bool(_PHONE_SO_FAR.match(digits))
        if edit is self.ui.birthdayEdit:
            return len(text) < 10
        if edit is self.ui.referrerEdit:
            return len(text) < REFERRAL_CODE_LENGTH
        return False

    def can_confirm(self) -> bool:
        return getattr(self, "_valid", False)

    def on_enter(self) -> None:
        order = [self.ui.phoneEdit, self.ui.nameEdit, self.ui.birthdayEdit, self.ui.referrerEdit]
        focused = next((e for e in order if e.hasFocus()), None)
        if self.can_confirm():
            self.confirm()
        elif focused is not None and focused is not order[-1]:
            order[order.index(focused) + 1].setFocus()

    # -- enrolling -------------------------------------------------------------------------

    def confirm(self) -> None:
        if not self.can_confirm():
            return
        birthday = self.birthday()
        if isinstance(birthday, Refusal):
            return
        phone = self.ui.phoneEdit.text()
        name = self.ui.nameEdit.text()
        referrer = self.ui.referrerEdit.text().strip() or None
        desk, cashier = self.ctx.desk, self.ctx.staff_id
        self.submit(
            lambda: members.enroll(desk, phone, name, birthday, referrer, cashier_id=cashier),
            self._enrolled,
            on_refusal=self._refused,
            label="enrol",
        )

    def _enrolled(self, member: MemberView) -> None:
        self.finish(
            member,
            self.tr("Welcome, {name}! Member {code} is enrolled.").format(
                name=member.name, code=member.code
            ),
        )

    def _refused(self, refusal: Refusal) -> None:
        self.refused(refusal)
        if refusal.code is Code.PHONE_ALREADY_ENROLLED and "member_code" in refusal.details:
            self._existing = str(refusal.details["member_code"])
            self.ui.openExistingButton.show()
            self.ui.openExistingButton.setFocus()

    def _open_existing(self) -> None:
        if self._existing:
            self.open_member.emit(self._existing)
            self.accept()

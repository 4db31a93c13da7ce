"""Staff accounts: add one, give a new PIN, unlock, close or reopen — manager-approved."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from loyalty_desk.domain.codes import PIN_PATTERN
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.people import validate_name
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ActionDialog
from loyalty_desk.gui.forms.ui_staff_dialog import Ui_StaffDialog
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.widgets import pin_field, say
from loyalty_desk.services import staff, staff_admin
from loyalty_desk.services.staff import Role


class StaffDialog(ActionDialog):
    class Mode(Enum):
        FIRST_MANAGER = "first_manager"
        ADD = "add"
        SET_PIN = "set_pin"
        UNLOCK = "unlock"
        CLOSE = "close"
        REOPEN = "reopen"

    changed = Signal(str)  # what was done, for the settings screen

    def __init__(
        self, ctx: Context, mode: Mode, name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.mode = mode
        self.name = name
        self.ui = Ui_StaffDialog()
        self.ui.setupUi(self)
        self.wire(self.ui.messageLabel, self.ui.confirmButton, self.ui.cancelButton)
        ui = self.ui
        for edit in (ui.pinEdit, ui.pinAgainEdit, ui.managerPinEdit):
            pin_field(edit)
            edit.textChanged.connect(lambda _t: self.refresh_confirm())
        ui.nameEdit.textChanged.connect(lambda _t: self.refresh_confirm())
        ui.roleCombo.addItem(self.tr("Cashier"), Role.CASHIER.value)
        ui.roleCombo.addItem(self.tr("Manager"), Role.MANAGER.value)
        M = StaffDialog.Mode
        titles = {
            M.FIRST_MANAGER: self.tr("The first manager"),
            M.ADD: self.tr("Add a staff account"),
            M.SET_PIN: self.tr("New PIN for {name}").format(name=name),
            M.UNLOCK: self.tr("Unlock {name}").format(name=name),
            M.CLOSE: self.tr("Close {name}'s account").format(name=name),
            M.REOPEN: self.tr("Reopen {name}'s account").format(name=name),
        }
        ui.titleLabel.setText(titles[mode])
        show_name = mode in (M.FIRST_MANAGER, M.ADD)
        show_pin = mode in (M.FIRST_MANAGER, M.ADD, M.SET_PIN)
        for widget in (ui.nameLabel, ui.nameEdit):
            widget.setVisible(show_name)
        for widget in (ui.roleLabel, ui.roleCombo):
            widget.setVisible(mode is M.ADD)
        for widget in (ui.pinLabel, ui.pinEdit, ui.pinAgainLabel, ui.pinAgainEdit):
            widget.setVisible(show_pin)
        for widget in (ui.managerPinLabel, ui.managerPinEdit):
            widget.setVisible(mode is not M.FIRST_MANAGER)
        if mode is M.CLOSE:
            say(
                ui.messageLabel,
                self.tr("{name} will no longer be able to sign in. Their history stays.").format(
                    name=name
                ),
                "warn",
            )
        self.refresh_confirm()
        (ui.nameEdit if show_name else ui.pinEdit if show_pin else ui.managerPinEdit).setFocus()

    def can_confirm(self) -> bool:
        ui, M = self.ui, StaffDialog.Mode
        if self.mode in (M.FIRST_MANAGER, M.ADD) and not ui.nameEdit.text().strip():
            return False
        if self.mode in (M.FIRST_MANAGER, M.ADD, M.SET_PIN) and not ui.pinEdit.text():
            return False
        return self.mode is M.FIRST_MANAGER or bool(ui.managerPinEdit.text())

    def _problem(self) -> str | None:
        ui, M = self.ui, StaffDialog.Mode
        if self.mode in (M.FIRST_MANAGER, M.ADD):
            checked = validate_name(ui.nameEdit.text())
            if isinstance(checked, Refusal):
                return said(checked)
        if self.mode in (M.FIRST_MANAGER, M.ADD, M.SET_PIN):
            if not PIN_PATTERN.match(ui.pinEdit.text()):
                return self.tr("A PIN is 4 to 12 digits.")
            if ui.pinEdit.text() != ui.pinAgainEdit.text():
                return self.tr("The two PINs differ; type the same PIN twice.")
        return None

    def on_enter(self) -> None:
        if self.can_confirm():
            self.confirm()
        else:
            self.focusNextChild()

    def confirm(self) -> None:
        if not self.can_confirm():
            return
        problem = self._problem()
        if problem:
            say(self.message_label, problem, "error")
            return
        ui, M = self.ui, StaffDialog.Mode
        desk = self.ctx.desk
        name = ui.nameEdit.text().strip() or self.name
        pin, approver_pin = ui.pinEdit.text(), ui.managerPinEdit.text()
        approver = self.ctx.staff.name if self.ctx.staff else ""
        role = str(ui.roleCombo.currentData())
        mode = self.mode
        if mode is M.FIRST_MANAGER:
            self.submit(
                lambda: staff.add_staff(desk, name, "manager", pin),
                self._done,
                label="first manager",
            )
        elif mode is M.ADD:
            self.submit(
                lambda: staff.add_staff(desk, name, role, pin, approver_pin),
                self._done,
                on_refusal=self._pin_refused,
                label="add staff",
            )
        elif mode is M.SET_PIN:
            self.submit(
                lambda: staff_admin.set_pin(
                    desk, name, pin, manager_name=approver, manager_pin=approver_pin
                ),
                self._done,
                on_refusal=self._pin_refused,
                label="set pin",
            )
        elif mode is M.UNLOCK:
            self.submit(
                lambda: staff_admin.unlock(
                    desk, name, manager_name=approver, manager_pin=approver_pin
                ),
                self._done,
                on_refusal=self._pin_refused,
                label="unlock",
            )
        else:
            active = mode is M.REOPEN
            self.submit(
                lambda: staff_admin.set_active(
                    desk, name, active, manager_name=approver, manager_pin=approver_pin
                ),
                self._done,
                on_refusal=self._pin_refused,
                label="staff active",
            )

    def _pin_refused(self, refusal: Refusal) -> None:
        self.ui.managerPinEdit.clear()
        self.refused(refusal)

    def _done(self, _result: object) -> None:
        M = StaffDialog.Mode
        name = self.ui.nameEdit.text().strip() or self.name
        texts = {
            M.FIRST_MANAGER: self.tr("{name} can now sign in as manager."),
            M.ADD: self.tr("{name} can now sign in."),
            M.SET_PIN: self.tr("{name} has a new PIN."),
            M.UNLOCK: self.tr("{name} is unlocked."),
            M.CLOSE: self.tr("{name}'s account is closed."),
            M.REOPEN: self.tr("{name}'s account is open again."),
        }
        text = texts[self.mode].format(name=name)
        self.changed.emit(text)
        self.finish(None, text)

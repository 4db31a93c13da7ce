"""Sign-in: pick your name, type your PIN. Shift change is sign out, sign in."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.formatting import local_time
from loyalty_desk.gui.forms.ui_sign_in import Ui_SignInPage
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.widgets import pin_field, say

if TYPE_CHECKING:
    from loyalty_desk.services.desk import Desk
    from loyalty_desk.services.settings import StoreSettings
    from loyalty_desk.services.staff import StaffView


class SignInPage(QWidget):
    signed_in = Signal(object)  # StaffView
    staff_loaded = Signal(int)  # how many accounts the list offers: the screen is usable

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.ui = Ui_SignInPage()
        self.ui.setupUi(self)
        pin_field(self.ui.pinEdit)
        self.ui.signInButton.clicked.connect(self.submit)
        self.ui.pinEdit.returnPressed.connect(self.submit)
        self.ui.staffCombo.activated.connect(lambda _i: self.ui.pinEdit.setFocus())
        say(self.ui.messageLabel, "")
        self.ui.demoHint.hide()
        self.ui.signInButton.setEnabled(False)
        self.ui.storeLabel.setText(self.tr("Loyalty Desk"))
        self._first_manager_offered = False

    def set_store(self, store: StoreSettings) -> None:
        self.ui.storeLabel.setText(store.store_name)
        if store.demo:
            from loyalty_desk.services.demo import DEMO_CASHIER, DEMO_MANAGER

            self.ui.demoHint.setText(
                self.tr("Demo store — manager {m} (PIN {mp}), cashier {c} (PIN {cp})").format(
                    m=DEMO_MANAGER[0], mp=DEMO_MANAGER[1], c=DEMO_CASHIER[0], cp=DEMO_CASHIER[1]
                )
            )
        self.ui.demoHint.setVisible(store.demo)

    def load(self) -> None:
        """Fill the staff list (after the store opened, and after each sign-out)."""
        desk = self.ctx.desk
        self.ctx.ops.run(lambda: _staff_list(desk), on_done=self._fill, owner=self)

    def _fill(self, people: list[StaffView]) -> None:
        current = self.ui.staffCombo.currentData()
        self.ui.staffCombo.clear()
        for person in people:
            role = self.tr("manager") if person.is_manager else self.tr("cashier")
            self.ui.staffCombo.addItem(f"{person.name}  ·  {role}", person.name)
        if current is not None:
            index = self.ui.staffCombo.findData(current)
            if index >= 0:
                self.ui.staffCombo.setCurrentIndex(index)
        self.ui.signInButton.setEnabled(bool(people))
        self.staff_loaded.emit(len(people))
        if not people:
            say(
                self.ui.messageLabel,
                self.tr("This store has no staff accounts yet. Create the first manager."),
                "warn",
            )
            self._offer_first_manager()
            return
        self.ui.pinEdit.setFocus()

    def _offer_first_manager(self) -> None:
        if self._first_manager_offered:
            return
        self._first_manager_offered = True
        from loyalty_desk.gui.staff_dialog import StaffDialog

        dialog = StaffDialog(self.ctx, StaffDialog.Mode.FIRST_MANAGER, parent=self)
        dialog.finished.connect(lambda _r: self._after_first_manager())
        dialog.open()

    def _after_first_manager(self) -> None:
        self._first_manager_offered = False
        say(self.ui.messageLabel, "")
        self.load()

    def reset(self) -> None:
        self.ui.pinEdit.clear()
        say(self.ui.messageLabel, "")
        self.load()

    def submit(self) -> None:
        name = self.ui.staffCombo.currentData()
        pin = self.ui.pinEdit.text()
        if not name:
            return
        if not pin:
            say(self.ui.messageLabel, self.tr("Type your PIN."), "error")
            self.ui.pinEdit.setFocus()
            return
        desk = self.ctx.desk
        self.ui.signInButton.setEnabled(False)
        self.ctx.ops.run(
            lambda: _sign_in(desk, name, pin),
            on_done=self._done,
            on_refusal=self._refused,
            on_finally=lambda: self.ui.signInButton.setEnabled(True),
            owner=self,
            label="sign in",
        )

    def _done(self, person: StaffView) -> None:
        self.ui.pinEdit.clear()
        say(self.ui.messageLabel, "")
        self.signed_in.emit(person)

    def _refused(self, refusal: Refusal) -> None:
        self.ui.pinEdit.clear()
        self.ui.pinEdit.setFocus()
        text = said(refusal)
        if refusal.code is Code.ACCOUNT_LOCKED and "locked_until" in refusal.details:
            until = datetime.fromisoformat(str(refusal.details["locked_until"]))
            text = self.tr(
                "{name} is locked after too many wrong PINs. Try again after {time}, "
                "or ask a manager to unlock the account."
            ).format(
                name=self.ui.staffCombo.currentData(),
                time=local_time(until, self.ctx.tz, with_date=False),
            )
        say(self.ui.messageLabel, text, "error")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ui.pinEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)


# On the worker: the staff code (and argon2) loads there, not before the screen shows.


def _staff_list(desk: Desk) -> list[StaffView]:
    from loyalty_desk.services import staff

    return staff.list_staff(desk)


def _sign_in(desk: Desk, name: str, pin: str) -> StaffView | Refusal:
    from loyalty_desk.services import staff

    return staff.sign_in(desk, name, pin)

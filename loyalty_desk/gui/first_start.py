"""The very first start on a PC: a demo store to try things out, or the real store."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from loyalty_desk.domain.codes import PIN_PATTERN
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.people import validate_name
from loyalty_desk.domain.timeutil import DEFAULT_TIMEZONE
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import bring_forward, hand_back
from loyalty_desk.gui.forms.ui_first_start import Ui_FirstStartDialog
from loyalty_desk.gui.widgets import fill_timezones, no_input_method, pin_field, say
from loyalty_desk.services import demo, staff
from loyalty_desk.services.setup import STORE_ID_PATTERN, init_store
from loyalty_desk.services.usecase import unwrap


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (queued signal)."""

    changed = Signal(int, int)


@dataclass(frozen=True, slots=True)
class _Created:
    store_name: str


class FirstStartDialog(QDialog):
    demo_members = 240  # "a few hundred": every screen has something real to show

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_FirstStartDialog()
        self.ui.setupUi(self)
        self.setModal(True)
        self.progress = _Progress(self)
        self.progress.changed.connect(self._progressed)
        self.ui.demoButton.clicked.connect(self.make_demo)
        self.ui.emptyButton.clicked.connect(self._to_store_form)
        self.ui.quitButton.clicked.connect(self.reject)
        self.ui.backButton.clicked.connect(
            lambda: self.ui.steps.setCurrentWidget(self.ui.choosePage)
        )
        self.ui.createButton.clicked.connect(self.make_store)
        no_input_method(self.ui.storeIdEdit)
        pin_field(self.ui.pinEdit)
        pin_field(self.ui.pinAgainEdit)
        fill_timezones(self.ui.timezoneCombo, DEFAULT_TIMEZONE)
        say(self.ui.messageLabel, "")
        self.ui.steps.setCurrentWidget(self.ui.choosePage)
        self.ui.demoButton.setFocus()

    def _to_store_form(self) -> None:
        self.ui.steps.setCurrentWidget(self.ui.storePage)
        self.ui.storeIdEdit.setFocus()

    # -- demo ------------------------------------------------------------------------------

    def make_demo(self) -> None:
        self._show_progress(
            self.tr("Creating the demo store…"),
            self.tr("Enrolling members and replaying fourteen months of purchases."),
        )
        data_dir = self.ctx.data_dir
        progress = self.progress
        count = self.demo_members

        def work() -> demo.DemoResult | Refusal:
            return demo.create_demo_store(
                data_dir,
                members_count=count,
                progress=lambda done, total: progress.changed.emit(done, total),
            )

        self.ctx.ops.run(
            work,
            on_done=lambda _r: self.accept(),
            on_refusal=self._failed,
            owner=self,
            label="demo store",
        )

    # -- a real store ----------------------------------------------------------------------

    def _check_form(self) -> str | None:
        if not STORE_ID_PATTERN.match(self.ui.storeIdEdit.text().strip()):
            return self.tr("The store id is 1 to 32 letters, digits, - or _ (e.g. SH001).")
        if not self.ui.managerEdit.text().strip():
            return self.tr("Type the first manager's name.")
        name = validate_name(self.ui.managerEdit.text())
        if isinstance(name, Refusal):
            return name.message
        pin = self.ui.pinEdit.text()
        if not PIN_PATTERN.match(pin):
            return self.tr("The PIN is 4 to 12 digits.")
        if pin != self.ui.pinAgainEdit.text():
            return self.tr("The two PINs differ; type the same PIN twice.")
        return None

    def make_store(self) -> None:
        problem = self._check_form()
        if problem:
            say(self.ui.messageLabel, problem, "error")
            return
        data_dir = self.ctx.data_dir
        store_id = self.ui.storeIdEdit.text().strip()
        name = self.ui.storeNameEdit.text().strip() or store_id
        tz = self.ui.timezoneCombo.currentText().strip()
        manager, pin = self.ui.managerEdit.text().strip(), self.ui.pinEdit.text()
        clock = self.ctx.clock

        def work() -> _Created | Refusal:
            created = init_store(data_dir, store_id, name, tz, clock=clock)
            if isinstance(created, Refusal):
                return created
            from loyalty_desk.services.desk import Desk

            desk = unwrap(Desk.open(data_dir, clock=clock))
            try:
                added = staff.add_staff(desk, manager, "manager", pin)
            finally:
                desk.close()
            if isinstance(added, Refusal):
                return added
            return _Created(created.store_name)

        self._show_progress(self.tr("Creating the store…"), name)
        self.ctx.ops.run(
            work,
            on_done=lambda _r: self.accept(),
            on_refusal=self._failed,
            owner=self,
            label="create store",
        )

    # -- progress --------------------------------------------------------------------------

    def _show_progress(self, title: str, text: str) -> None:
        self.ui.progressTitle.setText(title)
        self.ui.progressText.setText(text)
        self.ui.progressBar.setRange(0, 0)
        self.ui.steps.setCurrentWidget(self.ui.progressPage)

    def _progressed(self, done: int, total: int) -> None:
        self.ui.progressBar.setRange(0, total)
        self.ui.progressBar.setValue(done)

    def _failed(self, refusal: Refusal) -> None:
        self.ui.steps.setCurrentWidget(self.ui.storePage)
        say(self.ui.messageLabel, refusal.message, "error")

    def reject(self) -> None:
        if self.ui.steps.currentWidget() is self.ui.progressPage:
            return  # the store is being written; closing now would leave half a store
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        bring_forward(self)

    def done(self, result: int) -> None:
        super().done(result)
        hand_back(self)

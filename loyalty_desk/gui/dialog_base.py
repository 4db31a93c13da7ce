"""What the action dialogs (award, redeem, enrol, refund, adjust, edit) have in common.

Enter does the obvious next thing (next field, or confirm), Esc cancels. The confirm
button is off while the operation runs, so a double press cannot award twice; a refusal
is shown under the form and the dialog stays open for the cashier to correct it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.widgets import say, say_refusal

T = TypeVar("T")


def bring_forward(dialog: QDialog) -> None:
    """A dialog takes the keyboard when it opens: the cashier types into it at once."""
    dialog.raise_()
    dialog.activateWindow()


def hand_back(dialog: QDialog) -> None:
    """A closed dialog gives the keyboard back to the window it came from."""
    parent = dialog.parentWidget()
    if parent is None:
        return
    window = parent.window()

    def activate() -> None:
        # After the dialog's own hiding has been processed, or that would undo this.
        if window.isVisible() and QApplication.activeModalWidget() is None:
            window.activateWindow()

    QTimer.singleShot(0, window, activate)


class ForwardDialog(QDialog):
    """Takes the keyboard when it opens, gives it back to its window when it closes."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        bring_forward(self)

    def done(self, result: int) -> None:
        super().done(result)
        hand_back(self)


class ActionDialog(ForwardDialog):
    # (MemberView or None, a sentence for the checkout screen) once the action is done
    done_with = Signal(object, str)

    message_label: QLabel
    confirm_button: QPushButton

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setModal(True)
        self._running = False

    def wire(self, message_label: QLabel, confirm: QPushButton, cancel: QPushButton) -> None:
        self.message_label = message_label
        self.confirm_button = confirm
        confirm.setDefault(False)
        confirm.setAutoDefault(False)
        cancel.setAutoDefault(False)
        confirm.clicked.connect(self.confirm)
        cancel.clicked.connect(self.reject)
        say(message_label, "")

    # -- overridden by each dialog ---------------------------------------------------------

    def confirm(self) -> None:
        raise NotImplementedError

    def on_enter(self) -> None:
        """Enter in a field: by default, confirm."""
        if self.confirm_button.isEnabled():
            self.confirm()

    # -- running operations ----------------------------------------------------------------

    def submit(
        self,
        fn: Callable[[], T | Refusal],
        on_done: Callable[[T], None],
        *,
        label: str,
        on_refusal: Callable[[Refusal], None] | None = None,
    ) -> None:
        if self._running:
            return
        self._running = True
        self.confirm_button.setEnabled(False)
        say(self.message_label, self.tr("Working…"), "info")

        def finished() -> None:
            self._running = False
            self.refresh_confirm()

        self.ctx.ops.run(
            fn,
            on_done=on_done,
            on_refusal=on_refusal or self.refused,
            on_finally=finished,
            owner=self,
            label=label,
        )

    def refused(self, refusal: Refusal) -> None:
        say_refusal(self.message_label, refusal)
        self.grow_to_fit()

    def refresh_confirm(self) -> None:
        self.confirm_button.setEnabled(not self._running and self.can_confirm())
        self.grow_to_fit()

    def grow_to_fit(self) -> None:
        """Grow (never shrink) when a preview or a message appears, instead of squeezing
        the fields; after the layout has taken in the new text."""
        QTimer.singleShot(0, self, self._grow)

    def _grow(self) -> None:
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        width = self.width()
        need = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if need > self.height():
            self.resize(width, need)

    def can_confirm(self) -> bool:
        return True

    @property
    def running(self) -> bool:
        return self._running

    def finish(self, member: Any, message: str) -> None:
        self.done_with.emit(member, message)
        self.accept()

    # -- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = QApplication.focusWidget()
            if isinstance(focus, QPushButton) and self.isAncestorOf(focus):
                focus.click()
            else:
                self.on_enter()
            event.accept()
            return
        super().keyPressEvent(event)

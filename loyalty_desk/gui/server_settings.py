"""The central server part of Settings (managers): is this till registered, where, as which
till, when it last synced; registering it with a one-time code; "Sync now"; the problems.

Registering talks to the server (up to its timeout), so it runs on the background lane of the
window's database worker: the sign-in and checkout lane never waits for the network. A
refusal (a wrong or used code, an address that is not a server, the server unreachable)
is shown under the form and changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGroupBox, QWidget

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.forms.ui_server_settings import Ui_ServerSettings
from loyalty_desk.gui.operations import BACKGROUND
from loyalty_desk.gui.widgets import no_input_method, say, say_refusal

if TYPE_CHECKING:
    from loyalty_desk.services.desk import Desk
    from loyalty_desk.services.sync import RegisterResult
    from loyalty_desk.services.sync_status import SyncStatus


class ServerSettings(QGroupBox):
    registered = Signal(object)  # RegisterResult
    shown = Signal(object)  # SyncStatus, once it is on the form

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ServerSettings()
        self.ui.setupUi(self)
        ui = self.ui
        no_input_method(ui.urlEdit)  # an address is typed in Latin letters
        no_input_method(ui.codeEdit)
        ui.registerButton.clicked.connect(self.register)
        ui.codeEdit.returnPressed.connect(self.register)
        ui.syncNowButton.clicked.connect(self.sync_now)
        ui.problemsButton.clicked.connect(self.show_problems)
        ui.codeHint.setText(
            self.tr(
                "The chain's office issues the code on the server "
                "(loyalty-desk server store code {store}); it works once, within 24 hours."
            ).format(store=ctx.desk.info.store_id if ctx.has_desk else "STORE")
        )
        say(ui.serverMessage, "")
        self.state: SyncStatus | None = None
        self._asked = False  # "Sync now" pressed here: say how the round ended
        if ctx.sync is not None:
            ctx.sync.status_changed.connect(self.show_state)

    # -- showing ---------------------------------------------------------------------------

    def load(self) -> None:
        desk = self.ctx.desk
        self.ctx.ops.run(
            lambda: _status(desk), on_done=self.show_state, busy=False, owner=self, label="sync"
        )

    def show_state(self, state: SyncStatus) -> None:
        self.state = state
        ui = self.ui
        if not state.configured:
            ui.stateValue.setText(self.tr("Not registered: this till works on its own."))
        elif state.halted is not None:
            ui.stateValue.setText(
                self.tr("Stopped ({why}): register this till again with a new code.").format(
                    why=state.halted
                )
            )
        elif state.last_error:
            ui.stateValue.setText(self.tr("Offline: {error}").format(error=state.last_error))
        else:
            ui.stateValue.setText(
                self.tr("Registered · {n} events waiting").format(n=f"{state.pending:,}")
            )
        ui.serverValue.setText(state.server_url or "—")
        ui.deviceValue.setText(state.device_id if state.configured else "—")
        moments = [m for m in (state.last_push_at, state.last_pull_at) if m is not None]
        ui.lastSyncValue.setText(
            fmt.local_time(max(moments), self.ctx.tz) if moments else self.tr("never")
        )
        if state.server_url and not ui.urlEdit.text():
            ui.urlEdit.setText(state.server_url)
        ui.registerButton.setText(
            self.tr("&Register again") if state.configured else self.tr("&Register this till")
        )
        ui.syncNowButton.setEnabled(state.configured)
        if self._asked:
            self._asked = False
            if state.last_error:
                say(ui.serverMessage, state.last_error, "error")
            else:
                say(ui.serverMessage, self.tr("Synced."), "ok")
        self.shown.emit(state)

    # -- acting ----------------------------------------------------------------------------

    def register(self) -> None:
        ui = self.ui
        url, code = ui.urlEdit.text().strip(), ui.codeEdit.text().strip()
        if not url or not code:
            say(ui.serverMessage, self.tr("Enter the server's address and the code."), "error")
            (ui.urlEdit if not url else ui.codeEdit).setFocus()
            return
        desk = self.ctx.desk
        ui.registerButton.setEnabled(False)
        say(ui.serverMessage, self.tr("Registering with {url}…").format(url=url), "info")
        self.ctx.ops.run(
            lambda: _register(desk, url, code),
            on_done=self._registered,
            on_refusal=self._refused,
            on_finally=lambda: ui.registerButton.setEnabled(True),
            owner=self,
            label="register",
            lane=BACKGROUND,
        )

    def _refused(self, refusal: Refusal) -> None:
        say_refusal(self.ui.serverMessage, refusal)

    def _registered(self, result: RegisterResult) -> None:
        text = self.tr("Registered {name} ({store}) with {url} as till {device}.").format(
            name=result.store_name,
            store=result.store_id,
            url=result.server_url,
            device=result.device_id,
        )
        if result.new_device:
            text += " " + self.tr(
                "This till now syncs under a new id; its unsynced events moved with it."
            )
        self.ui.codeEdit.clear()
        say(self.ui.serverMessage, text, "ok")
        if self.ctx.sync is not None:
            self.ctx.sync.start()
        self.load()
        self.registered.emit(result)

    def sync_now(self) -> None:
        if self.ctx.sync is not None:
            self._asked = True
            self.ctx.sync.sync_now()
            say(self.ui.serverMessage, self.tr("Syncing…"), "info")

    def show_problems(self) -> None:
        from loyalty_desk.gui.sync_problems_dialog import SyncProblemsDialog

        SyncProblemsDialog(self.ctx, self.window()).open()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)


def _status(desk: Desk) -> SyncStatus:
    from loyalty_desk.services import sync_status

    return sync_status.status(desk)


def _register(desk: Desk, url: str, code: str) -> RegisterResult | Refusal:
    from loyalty_desk.services import sync

    return sync.register(desk, url, code)

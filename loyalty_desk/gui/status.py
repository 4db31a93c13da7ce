"""The status bar: busy indicator, who is signed in, the store, and the sync state.

The sync state is live: the background runner (gui/sync_control.py) reports every round,
a countdown shows when an unreachable server is tried again, a progress bar follows a large
pull, and "Sync now" starts a round at once. Between rounds a slow poll keeps the count of
events waiting current as the cashier works.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton

from loyalty_desk.gui.context import Context
from loyalty_desk.gui.formatting import local_time
from loyalty_desk.gui.widgets import restyle

if TYPE_CHECKING:
    from loyalty_desk.gui.sync_control import SyncControl
    from loyalty_desk.services.desk import Desk
    from loyalty_desk.services.settings import StoreSettings
    from loyalty_desk.services.staff import StaffView
    from loyalty_desk.services.sync_status import SyncStatus

REFRESH_MS = 15_000
BUSY_DELAY_MS = 150  # quick lookups finish before a spinner would only flicker
LARGE_PULL = 2_000  # changes: a pull this big gets a progress bar


class StatusBar(QObject):
    def __init__(self, ctx: Context, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.ctx = ctx
        self.bar = bar
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: "working"
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)
        self.busy_label = QLabel()
        self.busy_label.setVisible(False)
        self.staff_label = QLabel()
        self.store_label = QLabel()
        self.sync_label = QLabel()
        self.sync_label.setObjectName("syncLabel")
        self.pull_bar = QProgressBar()
        self.pull_bar.setMaximumWidth(160)
        self.pull_bar.setVisible(False)
        self.sync_button = QToolButton()
        self.sync_button.setObjectName("syncNowButton")
        self._name_things()
        self.sync_button.setVisible(False)
        self.sync_button.clicked.connect(self.sync_now)
        bar.addWidget(self.busy)
        bar.addWidget(self.busy_label)
        bar.addWidget(self.staff_label)
        bar.addPermanentWidget(self.store_label)
        bar.addPermanentWidget(self.pull_bar)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.sync_button)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        ctx.ops.busy_changed.connect(self._busy_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.last: SyncStatus | None = None
        self.sync: SyncControl | None = None
        self._countdown = QTimer(self)  # "retrying in N s" counts down
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._render)

        bar.installEventFilter(self)  # the bar hears of a language change; this object not

    def _name_things(self) -> None:
        self.pull_bar.setFormat(self.tr("Receiving %p%"))
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Send this till's events and fetch the chain's now"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.bar and event.type() == QEvent.Type.LanguageChange:
            self._name_things()
            self.set_staff(self.ctx.staff)
            self._render()
        return False

    # -- busy ------------------------------------------------------------------------------

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.setVisible(False)
            self.busy_label.setVisible(False)

    def _show_busy(self) -> None:
        self.busy.setVisible(True)
        self.busy_label.setText(self.tr("Working…"))
        self.busy_label.setVisible(True)

    @property
    def busy_visible(self) -> bool:
        return self.busy.isVisible()

    def show_closing(self) -> None:
        self.busy.setVisible(True)
        self.busy_label.setText(self.tr("Finishing the last action before closing…"))
        self.busy_label.setVisible(True)

    # -- who and where ---------------------------------------------------------------------

    def set_staff(self, staff: StaffView | None) -> None:
        if staff is None:
            self.staff_label.setText(self.tr("Not signed in"))
        else:
            role = self.tr("manager") if staff.is_manager else self.tr("cashier")
            self.staff_label.setText(
                self.tr("Signed in: {name} ({role})").format(name=staff.name, role=role)
            )

    def set_store(self, store: StoreSettings) -> None:
        self.store_label.setText(f"{store.store_name} · {store.store_id}")

    # -- sync ------------------------------------------------------------------------------

    def attach(self, sync: SyncControl) -> None:
        """Follow the background sync: every round, large pulls, and its "Sync now"."""
        self.sync = sync
        sync.status_changed.connect(self.show_sync)
        sync.progressed.connect(self.show_pull)
        sync.round_finished.connect(lambda _result: self.pull_bar.setVisible(False))
        sync.running_changed.connect(lambda _running: self._render())

    def sync_now(self) -> None:
        if self.sync is None:
            return
        self.sync.sync_now()
        self._render()

    def start(self) -> None:
        self.refresh()
        self.timer.start()
        self._countdown.start()

    def stop(self) -> None:
        self.timer.stop()
        self._countdown.stop()
        self.pull_bar.setVisible(False)

    def refresh(self) -> None:
        if not self.ctx.has_desk or self.ctx.ops.closing:
            return
        desk = self.ctx.desk
        self.ctx.ops.run(
            lambda: _sync_status(desk), on_done=self.show_sync, busy=False, owner=self.bar
        )

    def show_sync(self, state: SyncStatus) -> None:
        self.last = state
        self._render()

    def show_pull(self, done: int, total: int) -> None:
        """A large pull (a new till's first) shows how far it got; small ones stay quiet."""
        if total < LARGE_PULL and not self.pull_bar.isVisible():
            return
        self.pull_bar.setRange(0, max(total, 1))
        self.pull_bar.setValue(min(done, total))
        self.pull_bar.setVisible(done < total)

    def sync_text(self, state: SyncStatus) -> tuple[str, str]:
        """What the label says about `state`, and its tone (good, bad or plain)."""
        waiting = self.tr("{n} events waiting").format(n=f"{state.pending:,}")
        sync = self.sync
        if not state.configured:
            return self.tr("Sync not set up · {waiting}").format(waiting=waiting), ""
        if state.halted is not None:
            return self.tr("Sync stopped: {why} · {waiting}").format(
                why=self._halted(state.halted), waiting=waiting
            ), "bad"
        if sync is not None and sync.syncing:
            return self.tr("Syncing… · {waiting}").format(waiting=waiting), ""
        if state.last_error:
            seconds = sync.seconds_to_retry() if sync is not None else None
            retry = self.tr(" · retrying in {n} s").format(n=seconds) if seconds is not None else ""
            return self.tr("Offline · {waiting}{retry} · last sync {when}").format(
                waiting=waiting, retry=retry, when=self._when(state)
            ), "bad"
        text = self.tr("Synced {when} · {waiting}").format(when=self._when(state), waiting=waiting)
        return text, "good" if state.pending == 0 else ""

    def _halted(self, why: str) -> str:
        return {
            "revoked": self.tr("this till was revoked on the server; register it again"),
            "token_expired": self.tr("the till's pass expired; register it again"),
            "unauthorised": self.tr("the server did not accept this till; register it again"),
            "clone": self.tr("this database is a copy of another till's; register it again"),
            "protocol": self.tr("the server needs a newer client; update this program"),
        }.get(why, why)

    def _render(self) -> None:
        state = self.last
        configured = state is not None and state.configured
        self.sync_button.setVisible(configured and self.sync is not None)
        self.sync_button.setEnabled(not (self.sync is not None and self.sync.syncing))
        if state is None:
            return
        text, tone = self.sync_text(state)
        self.sync_label.setToolTip(state.last_error or "")
        self.sync_label.setText(text)
        if self.sync_label.property("tone") != tone:
            self.sync_label.setProperty("tone", tone)
            restyle(self.sync_label)

    def _when(self, state: SyncStatus) -> str:
        moments = [m for m in (state.last_push_at, state.last_pull_at) if m is not None]
        if not moments or not self.ctx.has_desk:
            return self.tr("never")
        last = max(moments)
        today = self.ctx.desk.now() - last < timedelta(hours=20)
        return local_time(last, self.ctx.tz, with_date=not today)


def _sync_status(desk: Desk) -> SyncStatus:
    from loyalty_desk.services import sync_status

    return sync_status.status(desk)

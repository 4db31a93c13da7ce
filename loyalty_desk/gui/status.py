"""The status bar: busy indicator, who is signed in, the store, and the sync state."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from loyalty_desk.gui.context import Context
from loyalty_desk.gui.formatting import local_time
from loyalty_desk.gui.widgets import restyle

if TYPE_CHECKING:
    from loyalty_desk.services.desk import Desk
    from loyalty_desk.services.settings import StoreSettings
    from loyalty_desk.services.staff import StaffView
    from loyalty_desk.services.sync_status import SyncStatus

REFRESH_MS = 15_000
BUSY_DELAY_MS = 150  # quick lookups finish before a spinner would only flicker


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
        bar.addWidget(self.busy)
        bar.addWidget(self.busy_label)
        bar.addWidget(self.staff_label)
        bar.addPermanentWidget(self.store_label)
        bar.addPermanentWidget(self.sync_label)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        ctx.ops.busy_changed.connect(self._busy_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.last: SyncStatus | None = None

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

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def refresh(self) -> None:
        if not self.ctx.has_desk or self.ctx.ops.closing:
            return
        desk = self.ctx.desk
        self.ctx.ops.run(
            lambda: _sync_status(desk), on_done=self.show_sync, busy=False, owner=self.bar
        )

    def show_sync(self, state: SyncStatus) -> None:
        self.last = state
        waiting = self.tr("{n} events waiting").format(n=f"{state.pending:,}")
        tone = ""
        if not state.configured:
            text = self.tr("Sync not set up · {waiting}").format(waiting=waiting)
        elif state.last_error:
            text = self.tr("Offline · {waiting} · last sync {when}").format(
                waiting=waiting, when=self._when(state)
            )
            tone = "bad"
        else:
            text = self.tr("Synced {when} · {waiting}").format(
                when=self._when(state), waiting=waiting
            )
            tone = "good" if state.pending == 0 else ""
        if state.last_error:
            self.sync_label.setToolTip(state.last_error)
        else:
            self.sync_label.setToolTip("")
        self.sync_label.setText(text)
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

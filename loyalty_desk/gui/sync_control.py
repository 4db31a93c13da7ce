"""Background sync in the client: the services' SyncRunner, heard on the GUI thread.

The runner (services/sync_runner.py) syncs every 30 s while the server answers and backs off
with jitter while it does not; it calls back on its own thread. Here those callbacks become
Qt signals, which Qt queues to the GUI thread, so the status bar and the manager screens
only ever touch widgets from there.

It starts once the store is open and the till is registered (the services say so, off the
GUI thread), or right after a manager registers it. Closing asks the runner to stop and
waits for its thread without blocking the GUI: a large pull is cut short between two pages
(nothing is lost: every page is its own transaction), and a request in flight ends by its
own timeout.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from loyalty_desk.gui.context import Context

if TYPE_CHECKING:
    from loyalty_desk.services.desk import Desk
    from loyalty_desk.services.sync_runner import Backoff, SyncRunner
    from loyalty_desk.services.sync_status import SyncStatus

INTERVAL = 30.0  # seconds between rounds while the server answers


class SyncControl(QObject):
    status_changed = Signal(object)  # SyncStatus after every round
    progressed = Signal(int, int)  # changes pulled so far, of how many (large pulls)
    round_finished = Signal(object)  # SyncSummary | Refusal
    running_changed = Signal(bool)
    stopped = Signal()  # the runner's thread has ended (after stop())
    # Emitted on the runner's thread; Qt queues them to the GUI thread.
    _round = Signal(object, object, object)  # SyncStatus, seconds to the next round, result
    _pulled = Signal(int, int)

    def __init__(
        self, ctx: Context, *, interval: float = INTERVAL, backoff: Backoff | None = None
    ) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.interval = interval
        self.backoff = backoff
        self.runner: SyncRunner | None = None
        self.retry_at: float | None = None  # time.monotonic() of the next attempt
        self.syncing = False  # a round is under way
        self._stopping = False
        self._watch = QTimer(self)  # looks whether the stopped thread has ended
        self._watch.setInterval(50)
        self._watch.timeout.connect(self._check_stopped)
        self._round.connect(self._heard)
        self._pulled.connect(self.progressed)

    # -- starting --------------------------------------------------------------------------

    def start_if_registered(self) -> None:
        """Ask the services whether this till has a server; start syncing if it does."""
        if not self.ctx.has_desk or self.running or self.ctx.ops.closing:
            return
        desk = self.ctx.desk
        self.ctx.ops.run(
            lambda: _status(desk),
            on_done=self._maybe_start,
            busy=False,
            owner=self,
            label="sync status",
        )

    def _maybe_start(self, state: SyncStatus) -> None:
        if not self.running:
            self.status_changed.emit(state)
        if state.configured:
            self.start()

    def start(self) -> None:
        """Start (or wake) the runner on the open store."""
        if not self.ctx.has_desk or self.ctx.ops.closing or (self._stopping and self.running):
            return  # closing, or still winding down
        if self._stopping:  # stopped a moment ago: starting again is fine
            self._check_stopped()
        if self.running:
            self.sync_now()
            return
        from loyalty_desk.services.sync_runner import SyncRunner

        self.runner = SyncRunner(
            self.ctx.desk,
            interval=self.interval,
            backoff=self.backoff,
            on_status=self._on_status,
            on_progress=self._pulled.emit,
        )
        self.syncing = True
        self.retry_at = None
        self.runner.start()
        self.running_changed.emit(True)

    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.running

    def sync_now(self) -> None:
        """A manager pressed "Sync now": a round at once, even after a stop (revoked till)."""
        if self.runner is None or not self.runner.running:
            self.start_if_registered()
            return
        self.syncing = True
        self.retry_at = None
        self.runner.sync_now()

    # -- hearing from the runner (its thread) ----------------------------------------------

    def _on_status(self, state: SyncStatus) -> None:
        runner = self.runner
        if runner is not None:
            self._round.emit(state, runner.wait, runner.last_result)

    # -- on the GUI thread -----------------------------------------------------------------

    def _heard(self, state: SyncStatus, wait: float | None, result: object) -> None:
        self.syncing = False
        stopping = self._stopping or not self.running
        self.retry_at = None if wait is None or stopping else time.monotonic() + wait
        self.round_finished.emit(result)
        self.status_changed.emit(state)

    def seconds_to_retry(self) -> int | None:
        if self.retry_at is None:
            return None
        return max(0, round(self.retry_at - time.monotonic()))

    # -- stopping --------------------------------------------------------------------------

    def stop(self) -> bool:
        """Ask the runner to stop; `stopped` follows once its thread ended. True if there
        is a thread to wait for."""
        runner = self.runner
        if runner is None or not runner.running:
            return False
        self._stopping = True
        runner.request_stop()
        self._watch.start()
        return True

    def _check_stopped(self) -> None:
        if self.runner is not None and self.runner.running:
            return
        self._watch.stop()
        self._stopping = False
        self.retry_at = None
        self.running_changed.emit(False)
        self.stopped.emit()

    def wait_stopped(self, timeout: float = 40.0) -> bool:
        """Block until the runner's thread ended (a last resort when the event loop is gone)."""
        if self.runner is not None:
            self.runner.stop(timeout)
        return not self.running


def _status(desk: Desk) -> SyncStatus:
    from loyalty_desk.services import sync_status

    return sync_status.status(desk)

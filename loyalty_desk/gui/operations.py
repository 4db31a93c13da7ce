"""Every database call of the client runs here, off the GUI thread.

The screens hand a plain function (usually one `services` call) to `Operations.run`; a
worker thread runs the functions in the order given and the outcome comes back on the GUI
thread: the value, a Refusal (shown as its message), or a fault (an error dialog with the
log file's name — never a traceback). While something the cashier is waiting for runs,
`busy_changed` drives the busy indicator.

Two lanes, one thread each. MAIN carries what the cashier asked for, in the order asked
(SQLite has one writer anyway). BACKGROUND carries long housekeeping — the daily backup
and expiry, later the sync — so a sign-in never queues behind a copy of a large database.
Closing waits for what was already asked in both: a confirmed award is never lost because
the window closed a moment later.
"""

from __future__ import annotations

import logging
import queue
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QLocale, QObject, Signal

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.refusal_texts import say

log = logging.getLogger("loyalty_desk.gui")

T = TypeVar("T")

MAIN = "main"
BACKGROUND = "background"


def said(refusal: Refusal) -> str:
    """A refusal's sentence in the client's language, with its figures."""
    return say(refusal, chinese=QLocale().language() == QLocale.Language.Chinese)


def in_language(refusal: Refusal) -> Refusal:
    """A refusal as the screens say it (its code, details and values stay as they were)."""
    return replace(refusal, message=said(refusal))


@dataclass
class Op(Generic[T]):
    """One piece of work and what to do with its outcome (on the GUI thread)."""

    fn: Callable[[], T | Refusal]
    on_done: Callable[[T], None] | None = None
    on_refusal: Callable[[Refusal], None] | None = None
    on_fault: Callable[[BaseException], None] | None = None
    on_finally: Callable[[], None] | None = None
    busy: bool = True
    owner: QObject | None = None  # outcome dropped if this widget is gone by then
    label: str = ""
    outcome: Any = field(default=None, init=False)
    fault: BaseException | None = field(default=None, init=False)


class Operations(QObject):
    """The client's one database worker: submit work, get outcomes on the GUI thread."""

    busy_changed = Signal(bool)
    idle = Signal()
    # Emitted from the worker thread; Qt queues it to the GUI thread.
    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = 0
        self._busy = 0
        self._closing = False
        self._lock = threading.Lock()
        self.default_refusal: Callable[[Refusal, QObject | None], None] | None = None
        self.default_fault: Callable[[BaseException, QObject | None], None] | None = None
        self._finished.connect(self._deliver)
        self._queues: dict[str, queue.Queue[Op[Any] | None]] = {}
        self._threads: dict[str, threading.Thread] = {}
        for lane in (MAIN, BACKGROUND):
            lane_queue: queue.Queue[Op[Any] | None] = queue.Queue()
            thread = threading.Thread(
                target=self._work, args=(lane_queue,), name=f"loyalty-db-{lane}", daemon=True
            )
            self._queues[lane] = lane_queue
            self._threads[lane] = thread
            thread.start()

    # -- submitting (GUI thread) -----------------------------------------------------------

    def run(
        self,
        fn: Callable[[], T | Refusal],
        *,
        on_done: Callable[[T], None] | None = None,
        on_refusal: Callable[[Refusal], None] | None = None,
        on_fault: Callable[[BaseException], None] | None = None,
        on_finally: Callable[[], None] | None = None,
        busy: bool = True,
        owner: QObject | None = None,
        label: str = "",
        lane: str = MAIN,
    ) -> bool:
        """Queue `fn`; False once the window is closing (nothing new starts then)."""
        if self._closing:
            return False
        op: Op[T] = Op(fn, on_done, on_refusal, on_fault, on_finally, busy, owner, label)
        with self._lock:
            self._pending += 1
        if busy:
            self._busy += 1
            if self._busy == 1:
                self.busy_changed.emit(True)
        self._queues[lane].put(op)
        return True

    @property
    def pending(self) -> int:
        with self._lock:
            return self._pending

    @property
    def closing(self) -> bool:
        return self._closing

    def close(self) -> None:
        """Accept nothing new; what was submitted still runs (see `shutdown`)."""
        self._closing = True

    def shutdown(self, timeout: float = 30.0) -> bool:
        """Finish every submitted operation, then stop the workers. True if they stopped."""
        self._closing = True
        for lane_queue in self._queues.values():
            lane_queue.put(None)
        for thread in self._threads.values():
            thread.join(timeout)
        return not any(t.is_alive() for t in self._threads.values())

    # -- the worker threads ----------------------------------------------------------------

    def _work(self, lane_queue: queue.Queue[Op[Any] | None]) -> None:
        while True:
            op = lane_queue.get()
            if op is None:
                return
            try:
                op.outcome = op.fn()
            except BaseException as exc:  # a fault: reported, never allowed to kill the worker
                op.fault = exc
                log.error("operation %s failed\n%s", op.label or op.fn, traceback.format_exc())
            with self._lock:
                self._pending -= 1
            if shiboken6.isValid(self):
                self._finished.emit(op)

    # -- outcomes (GUI thread) -------------------------------------------------------------

    def _deliver(self, op: Op[Any]) -> None:
        if op.busy:
            self._busy -= 1
            if self._busy == 0:
                self.busy_changed.emit(False)
        owner_alive = op.owner is None or shiboken6.isValid(op.owner)
        try:
            if owner_alive and not self._closing:
                self._dispatch(op)
        finally:
            if owner_alive and op.on_finally is not None and not self._closing:
                op.on_finally()
            if self.pending == 0:
                self.idle.emit()

    def _dispatch(self, op: Op[Any]) -> None:
        if op.fault is not None:
            if op.on_fault is not None:
                op.on_fault(op.fault)
            elif self.default_fault is not None:
                self.default_fault(op.fault, op.owner)
        elif isinstance(op.outcome, Refusal):
            refusal = in_language(op.outcome)
            if op.on_refusal is not None:
                op.on_refusal(refusal)
            elif self.default_refusal is not None:
                self.default_refusal(refusal, op.owner)
        elif op.on_done is not None:
            op.on_done(op.outcome)

"""Running report work off the GUI thread, for a Reports view used on its own.

The main window hands the view its own database worker instead; both are called the same way:
`runner(fn, on_done=…, on_refusal=…, on_fault=…)`, and the callbacks run on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from loyalty_desk.domain.errors import Refusal


class Runner(Protocol):
    def __call__(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], None] | None = ...,
        on_refusal: Callable[[Refusal], None] | None = ...,
        on_fault: Callable[[BaseException], None] | None = ...,
    ) -> None: ...


class _Outcome(QObject):
    done = Signal(object)
    fault = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], outcome: _Outcome) -> None:
        super().__init__()
        self.fn = fn
        self.outcome = outcome

    def run(self) -> None:
        try:
            value = self.fn()
        except Exception as exc:  # a fault: reported on the GUI thread, never swallowed
            self.outcome.fault.emit(exc)
        else:
            self.outcome.done.emit(value)


class ThreadPoolRunner(QObject):
    """One report job at a time on Qt's thread pool; outcomes queued back to the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._alive: set[_Outcome] = set()

    def __call__(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_refusal: Callable[[Refusal], None] | None = None,
        on_fault: Callable[[BaseException], None] | None = None,
    ) -> None:
        outcome = _Outcome(self)
        self._alive.add(outcome)

        def done(value: Any) -> None:
            self._alive.discard(outcome)
            if isinstance(value, Refusal):
                if on_refusal is not None:
                    on_refusal(value)
            elif on_done is not None:
                on_done(value)

        def fault(exc: Any) -> None:
            self._alive.discard(outcome)
            if on_fault is not None:
                on_fault(exc)

        outcome.done.connect(done)
        outcome.fault.connect(fault)
        self.pool.start(_Task(fn, outcome))

    def wait(self, msecs: int = 30_000) -> bool:
        return bool(self.pool.waitForDone(msecs))

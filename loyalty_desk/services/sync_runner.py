"""Background sync for the desktop client: every 30 s while online, backing off while not.

Qt-free: a daemon thread with an Event to sleep on, so the GUI (or any other host) starts
it, asks for a sync now (a manager pressed the button, a large sale was redeemed), and
stops it on exit. Each round is `services.sync.sync_once` with its explicit timeouts; the
host hears about every round through `on_status` (and `on_progress` during large pulls) —
called on the runner's thread, so a GUI marshals them to its own thread.

While the server is unreachable the wait grows exponentially (5 s, 10 s, 20 s … at most
5 minutes), with jitter so that a hundred tills coming back after an outage do not all
knock at the same second. A failure no retry can fix (revoked till, cloned database,
protocol mismatch) stops the retrying until `sync_now()` or a restart.

Stopping never waits for a long first pull: the pull is cut short between two pages (each
page is stored in its own transaction and the cursor moves with it, so the next start
carries on from there), and a push batch in flight ends by its own timeout.
"""

from __future__ import annotations

import contextlib
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

from loyalty_desk.domain.errors import Code, Refusal, refusal
from loyalty_desk.services import sync
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.sync_client import STOPPED
from loyalty_desk.services.sync_status import SyncStatus, status


class SyncStopped(Exception):
    """Raised between two pulled pages when the host asked the runner to stop."""


@dataclass(frozen=True, slots=True)
class Backoff:
    base: float = 5.0
    cap: float = 300.0

    def delay(self, failures: int, rng: random.Random) -> float:
        """Exponential in the number of failures in a row, half of it jittered."""
        ceiling: float = min(self.cap, self.base * 2.0 ** max(failures - 1, 0))
        return ceiling / 2 + rng.uniform(0, ceiling / 2)


class SyncRunner:
    def __init__(
        self,
        desk: Desk,
        *,
        interval: float = 30.0,
        backoff: Backoff | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.desk = desk
        self.interval = interval
        self.backoff = backoff or Backoff()
        self.on_status = on_status
        self.on_progress = on_progress
        self.rng = rng or random.Random()
        self.failures = 0
        self.stopped_by: str | None = None  # a code no retry can fix
        self.rounds = 0
        self.last_result: sync.SyncSummary | Refusal | None = None
        self.wait: float | None = interval  # the pause chosen after the last round
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- control -------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="sync-runner", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 40.0) -> None:
        """Stop after the current round (whose requests time out on their own)."""
        self.request_stop()
        if self._thread is not None:
            self._thread.join(timeout)

    def request_stop(self) -> None:
        """Ask the thread to end and return at once (a GUI must not block on the join)."""
        self._stop.set()
        self._wake.set()

    def sync_now(self) -> None:
        self.stopped_by = None
        self.failures = 0
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the loop ------------------------------------------------------------------------

    def next_delay(self) -> float | None:
        """Seconds until the next round; None: wait for `sync_now()`."""
        if self.stopped_by is not None:
            return None
        if self.failures == 0:
            return self.interval
        return self.backoff.delay(self.failures, self.rng)

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise SyncStopped
        if self.on_progress is not None:
            self.on_progress(done, total)

    def run_once(self) -> sync.SyncSummary | Refusal:
        result = sync.sync_once(self.desk, self._progress)
        self.rounds += 1
        self.last_result = result
        if isinstance(result, Refusal):
            self.failures += 1
            if result.code in STOPPED:
                self.stopped_by = str(result.code)
        else:
            self.failures = 0
            self.stopped_by = None
        # Chosen once, before the host hears of it: the jitter it shows is the one waited.
        self.wait = self.next_delay()
        self._report()
        return result

    def _report(self) -> None:
        if self.on_status is not None:
            self.on_status(status(self.desk))

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.run_once()
            except SyncStopped:
                return
            except Exception as exc:  # a fault must not kill the thread: report, back off
                self.failures += 1
                self.last_result = refusal(
                    Code.SERVER_ERROR, "{name}: {exc}", name=type(exc).__name__, exc=exc
                )
                self.wait = self.next_delay()
                # The database itself may be failing: keep backing off all the same.
                with contextlib.suppress(Exception):
                    self._report()
            self._wake.wait(self.wait)

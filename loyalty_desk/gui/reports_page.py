"""The Reports screen inside the main window (managers): the Reports view on the window's
database worker.

The view's work (a whole report, an export, win-back coupons) goes to the background lane of
the window's operations: a three-second report on a big till never holds up the checkout
lane, and closing the window waits for an export that was already asked for. The first
visit computes the current month; later visits show what was computed until the manager
refreshes or picks another period.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.operations import BACKGROUND
from loyalty_desk.gui.reports_view import ReportsView


class ReportsPage(ReportsView):
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.jobs = 0  # report work submitted and not yet back (tests, closing)
        super().__init__(ctx.desk, self._run)

    def _run(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_refusal: Callable[[Refusal], None] | None = None,
        on_fault: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.jobs += 1
        started = self.ctx.ops.run(
            fn,
            on_done=on_done,
            on_refusal=on_refusal,
            on_fault=on_fault,
            on_finally=self._job_back,
            busy=False,  # the page shows its own progress bar
            owner=self,
            label="report",
            lane=BACKGROUND,
        )
        if not started:  # the window is closing
            self.jobs -= 1

    def _job_back(self) -> None:
        self.jobs -= 1

    def activate(self) -> None:
        # The store may have been reopened (a restore) since this page was built.
        self.desk = self.ctx.desk
        if self.bundle is None and self.jobs == 0:
            self.refresh()

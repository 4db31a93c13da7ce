"""The background runner: every interval while online, exponential backoff with jitter."""

from __future__ import annotations

import random
import time

import pytest
from sqlalchemy import func, select

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.server import admin
from loyalty_desk.services import members
from loyalty_desk.services.sync_runner import Backoff, SyncRunner, SyncStopped
from loyalty_desk.services.sync_status import SyncStatus
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Member
from tests.sync.chain import Chain


def test_backoff_grows_exponentially_with_jitter_up_to_a_cap() -> None:
    rng = random.Random(7)
    backoff = Backoff(base=5, cap=300)
    for failures, ceiling in [(1, 5), (2, 10), (3, 20), (4, 40), (7, 300), (30, 300)]:
        delays = [backoff.delay(failures, rng) for _ in range(200)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert max(delays) - min(delays) > ceiling / 4  # spread out, not in lockstep


def test_runner_retries_while_offline_and_reports_status(chain: Chain) -> None:
    a = chain.till("a", "S001")
    unwrap(members.enroll(a, "13812345678", "Runner"))
    seen: list[SyncStatus] = []
    runner = SyncRunner(a, interval=30, on_status=seen.append, rng=random.Random(1))
    chain.offline("a")
    for expected in (1, 2, 3):
        result = runner.run_once()
        assert isinstance(result, Refusal) and result.code is Code.SERVER_UNREACHABLE
        assert runner.failures == expected
        delay = runner.next_delay()
        assert delay is not None and 5 * 2 ** (expected - 1) / 2 <= delay <= 5 * 2 ** (expected - 1)
    assert seen[-1].online is False and seen[-1].pending == 3 and seen[-1].last_error
    chain.online("a")
    runner.run_once()
    assert runner.failures == 0 and runner.next_delay() == 30
    assert seen[-1].online and seen[-1].pending == 0


def test_runner_stops_retrying_a_revoked_till_until_asked(chain: Chain) -> None:
    a = chain.till("a", "S001")
    admin.revoke_device(chain.db, a.info.device_id, chain.clock())
    runner = SyncRunner(a)
    result = runner.run_once()
    assert isinstance(result, Refusal) and result.code is Code.DEVICE_REVOKED
    assert runner.stopped_by == "DEVICE_REVOKED" and runner.next_delay() is None
    runner.sync_now()
    assert runner.next_delay() == runner.interval


def test_runner_thread_syncs_in_the_background(chain: Chain) -> None:
    a = chain.till("a", "S001")
    unwrap(members.enroll(a, "13812345678", "Thread"))
    runner = SyncRunner(a, interval=0.05)
    runner.start()
    try:
        deadline = time.monotonic() + 10
        while runner.rounds < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert runner.rounds >= 3 and runner.failures == 0
    finally:
        runner.stop()
    assert not runner.running


def test_stopping_cuts_a_long_pull_short_between_pages(chain: Chain) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    chain.sync("a")  # past its first pull: later pulls come in pages of 500 changes
    for i in range(700):
        unwrap(members.enroll(b, f"139{i:08d}", f"Member {i}"))
    chain.sync("b")
    pages: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        pages.append((done, total))
        runner.request_stop()  # the window is closing

    runner = SyncRunner(a, on_progress=progress)
    with pytest.raises(SyncStopped):
        runner.run_once()
    assert len(pages) == 1 and pages[0][0] < pages[0][1]  # one page stored, more to come
    with a.read() as s:
        first = s.scalar(select(func.count()).select_from(Member))
    assert first is not None and 0 < first < 700
    # The page stored stays; the next start carries on from there.
    again = SyncRunner(a)
    result = again.run_once()
    assert not isinstance(result, Refusal) and result.pulled < 700  # not from the start
    with a.read() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 700

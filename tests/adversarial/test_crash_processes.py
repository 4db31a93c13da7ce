"""SIGKILL on real processes, at random moments: the server (uvicorn) while it applies
pushed batches, and a till while it awards and syncs.

Afterwards every sale the till committed is still on the till, every acknowledged event is
on the server exactly once (and, after a final sync, every committed sale is), the books
balance on both sides, and SQLite's integrity check passes on the till (and on the server
when it runs on SQLite; PostgreSQL when LOYALTY_TEST_DATABASE_URL is set).

CI kills 20 times; LOYALTY_CRASH_SOAK_ROUNDS (`make crash-soak`) kills hundreds of times.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.server import admin
from loyalty_desk.server import models as sm
from loyalty_desk.server.service import Service, open_database
from loyalty_desk.services import checkout, members, sync
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.sync_status import status
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.db import integrity_ok
from loyalty_desk.store.models import Outbox, Receipt
from loyalty_desk.sync.protocol import MAX_PUSH_EVENTS
from tests.adversarial.sync_worker import PHONE
from tests.helpers import check_invariants
from tests.sync.chain import check_server_books
from tests.sync.live import ROOT, LiveServer

ROUNDS = int(os.environ.get("LOYALTY_CRASH_SOAK_ROUNDS", "20"))
WORKER = Path(__file__).with_name("sync_worker.py")

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300 + 30 * ROUNDS)]


def kill_the_server_while_it_applies(
    live: LiveServer, folder: Path, tag: str, rng: random.Random
) -> int:
    """Queue a few batches, push them, and kill the server somewhere in the middle."""
    desk = unwrap(Desk.open(folder))
    try:
        for i in range(rng.randint(1, 2) * MAX_PUSH_EVENTS):
            unwrap(checkout.earn(desk, PHONE, f"{tag}-{i}", 2_000 + i))
        outcome: list[object] = []
        pushing = threading.Thread(target=lambda: outcome.append(sync.sync_once(desk)))
        pushing.start()
        time.sleep(rng.uniform(0.0, 0.6))
        live.kill()
        live.wait_dead()
        pushing.join(60)
        assert not pushing.is_alive()
        return 1
    finally:
        desk.close()


def kill_the_till_while_it_syncs(
    folder: Path, tag: str, rng: random.Random, committed: list[str]
) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(folder), tag],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    time.sleep(rng.uniform(0.0, 1.5))
    proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate(timeout=30)
    lines = (first + rest).splitlines()
    assert lines and lines[0] == "READY", (lines[:3], err[-2000:])
    assert not any(line.startswith("REFUSED") for line in lines), lines[:5]
    committed += [line.split()[1] for line in lines if line.startswith("COMMITTED")]
    assert integrity_ok(folder / "loyalty.db")
    return 1


def test_sigkill_server_and_till_at_random_moments(tmp_path: Path, server_url: str) -> None:
    live = LiveServer(server_url, tmp_path / "server.log")
    live.start()
    service = Service(open_database(server_url))
    admin.add_store(service.db, "S001", "Crash", service.now())
    code = admin.issue_code(service.db, "S001", service.now())["code"]
    folder = tmp_path / "till"
    unwrap(init_store(folder, "S001"))
    desk = unwrap(Desk.open(folder))
    unwrap(sync.register(desk, live.url, str(code)))
    unwrap(members.enroll(desk, PHONE, "Crash Test"))
    desk.close()
    rng = random.Random(20261122)
    committed: list[str] = []
    server_kills = till_kills = 0
    try:
        for round_no in range(ROUNDS):
            if round_no % 2 == 0:
                server_kills += kill_the_server_while_it_applies(live, folder, f"S{round_no}", rng)
                live.start()
            else:
                till_kills += kill_the_till_while_it_syncs(folder, f"T{round_no}", rng, committed)
        desk = unwrap(Desk.open(folder))
        try:
            # Acknowledged before the final sync: must already be on the server, once.
            with desk.read() as s:
                acked = set(s.scalars(select(Outbox.event_id).where(Outbox.acked_at.is_not(None))))
                receipts = set(s.scalars(select(Receipt.receipt_no)))
            assert [r for r in committed if r not in receipts] == []
            for _ in range(3):
                summary = sync.sync_once(desk)
                if not isinstance(summary, Refusal) and status(desk).pending == 0:
                    break
            assert not isinstance(summary, Refusal), summary
            assert summary.consistent and status(desk).pending == 0
            check_invariants(desk)
        finally:
            desk.close()
    finally:
        live.stop()
    with service.db.read() as conn:
        on_server = set(conn.execute(select(sm.Event.event_id)).scalars())
        per_receipt = dict(
            conn.execute(
                select(sm.Entry.receipt_no, func.count())
                .where(sm.Entry.kind == "EARN")
                .group_by(sm.Entry.receipt_no)
            ).all()
        )
    assert acked <= on_server
    assert set(committed) <= set(per_receipt)
    assert all(n == 1 for n in per_receipt.values()), "a sale applied twice"
    check_server_books(service)
    if not service.db.postgres:
        assert integrity_ok(Path(server_url.removeprefix("sqlite:///")))
    service.db.close()
    assert server_kills + till_kills == ROUNDS
    assert len(committed) > till_kills  # the tills really were awarding when killed
    print(f"crashes survived: server {server_kills}, till {till_kills}")

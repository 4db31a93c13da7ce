"""Durability: SIGKILL a process that is awarding points, again and again, at random moments.

Every receipt the process reported as committed must be in the ledger exactly once, the
ledger invariants must hold, and `PRAGMA integrity_check` must say ok.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from loyalty_desk.services import members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.db import integrity_ok
from loyalty_desk.store.models import LedgerEntry, Receipt
from tests.helpers import check_invariants

ROUNDS = int(os.environ.get("LOYALTY_CRASH_ROUNDS", "25"))
WORKER = Path(__file__).with_name("crash_worker.py")


def test_sigkill_while_awarding_loses_no_committed_receipt(tmp_path: Path) -> None:
    unwrap(init_store(tmp_path, "S001"))
    desk = unwrap(Desk.open(tmp_path))
    unwrap(members.enroll(desk, "13812345678", "Crash Test"))
    desk.close()
    rng = random.Random(20261122)
    reported: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    for round_no in range(ROUNDS):
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(tmp_path), f"K{round_no}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        # Let it get going (imports take a moment), then kill it mid-stride.
        assert proc.stdout is not None
        first = proc.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
        lines = (first + rest).splitlines()
        assert not any(line.startswith("REFUSED") for line in lines), lines[:5]
        reported += [line.split()[1] for line in lines if line.startswith("COMMITTED")]
        assert integrity_ok(tmp_path / "loyalty.db"), f"round {round_no}"
    assert len(reported) > ROUNDS  # the processes really were awarding when killed
    desk = unwrap(Desk.open(tmp_path))
    try:
        with desk.read() as s:
            receipts = set(s.scalars(select(Receipt.receipt_no)))
            per_receipt = dict(
                s.execute(
                    select(LedgerEntry.receipt_no, func.count())
                    .where(LedgerEntry.kind == "EARN")
                    .group_by(LedgerEntry.receipt_no)
                ).all()
            )
        missing = [r for r in reported if r not in receipts]
        assert missing == []
        assert all(count == 1 for count in per_receipt.values())
        assert set(per_receipt) == receipts
        check_invariants(desk)
    finally:
        desk.close()

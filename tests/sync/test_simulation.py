"""The seeded multi-till simulation (tests/sync/simulation.py) over many seeds.

`make soak` runs thousands; here 200 (LOYALTY_SIM_SEEDS) on both cores.
"""

from __future__ import annotations

import os

import pytest

from tests.sync.simulation import simulate

SEEDS = int(os.environ.get("LOYALTY_SIM_SEEDS", "200"))
STEPS = int(os.environ.get("LOYALTY_SIM_STEPS", "40"))
JOBS = int(os.environ.get("LOYALTY_SIM_JOBS", "2"))


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_simulated_chain_keeps_its_invariants() -> None:
    failed, faults = simulate(list(range(SEEDS)), STEPS, JOBS)
    if failed:
        seed, message = failed[0]
        pytest.fail(
            f"{len(failed)} of {SEEDS} seeds failed: {[s for s, _ in failed]}\n"
            f"rerun one: python -m tests.sync.simulation --seed {seed} --steps {STEPS}\n"
            f"{message}"
        )
    # The run did meet what it is meant to survive.
    for fault in (
        "dropped",
        "reply_lost",
        "duplicated",
        "late",
        "server_crash",
        "till_crash_after_reply",
        "till_crash_between_statements",
        "merged",
        "offline_redeems",
        "server_crash_between_statements",
        "clock_skew_hours",
        "offline_week",
        "restored_from_backup",
    ):
        assert faults.get(fault, 0) > 0, (fault, faults)
    assert faults.get("case_overdraft", 0) > 0, faults

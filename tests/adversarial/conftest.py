"""Shared by the adversarial campaign: how many inputs each parser was fed.

Every fuzz test counts its inputs with `tried(parser)`; the totals are printed at the end
of the run (and written as JSON to $LOYALTY_FUZZ_REPORT when set) for the README figures.
Heavy versions: LOYALTY_FUZZ_EXAMPLES raises the examples per property (CI: a few hundred).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from loyalty_desk.services import staff
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock
from tests.helpers import check_invariants
from tests.sync.conftest import (  # noqa: F401 (fixtures)
    chain,
    postgres_url,
    server_url,
    till_template,
)

TRIED: Counter[str] = Counter()
EXAMPLES = int(os.environ.get("LOYALTY_FUZZ_EXAMPLES", "150"))
PIN = "2468"


def tried(parser: str, n: int = 1) -> None:
    TRIED[parser] += n


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TRIED:
        return
    terminalreporter.section("inputs tried per parser")
    for name, count in sorted(TRIED.items()):
        terminalreporter.write_line(f"{name:32} {count:>8}")
    target = os.environ.get("LOYALTY_FUZZ_REPORT")
    if target:
        Path(target).write_text(json.dumps(dict(sorted(TRIED.items())), indent=1))


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """One till per module with a manager (PIN 2468): fuzzing thousands of inputs against a
    fresh database each would cost minutes. The invariants are checked at the end."""
    folder = tmp_path_factory.mktemp("fuzz-till")
    clock = FakeClock()
    unwrap(init_store(folder, "S001", "Fuzz", clock=clock))
    opened = unwrap(Desk.open(folder, clock=clock))
    unwrap(staff.add_staff(opened, "Boss", "manager", PIN))
    yield opened
    check_invariants(opened)
    opened.close()

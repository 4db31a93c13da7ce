"""The hand-made store of tests/reports_data.py, a fresh copy for every test in this folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from loyalty_desk.services.desk import Desk
from tests import reports_data
from tests.conftest import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(reports_data.END)


@pytest.fixture
def desk(tmp_path: Path, session_dir: Path, clock: FakeClock) -> Iterator[Desk]:
    yield from reports_data.open_copy(tmp_path, session_dir, clock)


@pytest.fixture
def manager() -> str:
    return reports_data.MANAGER_PIN


@pytest.fixture
def store(session_dir: Path) -> reports_data.Store:
    return reports_data.template(session_dir)[1]

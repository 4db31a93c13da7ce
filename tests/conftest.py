from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import argon2
import pytest

from loyalty_desk.services import staff
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap

# argon2's production cost is deliberate for real PINs; tests check behaviour, not cost.
staff.hasher = argon2.PasswordHasher.from_parameters(argon2.profiles.CHEAPEST)

# A Tuesday morning in Shanghai (10:00 local), in March: nobody's birthday month by default.
START = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    def set(self, moment: datetime) -> None:
        self.now = moment


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def desk(data_dir: Path, clock: FakeClock) -> Iterator[Desk]:
    unwrap(init_store(data_dir, "S001", "Flagship 旗舰店", clock=clock))
    opened = unwrap(Desk.open(data_dir, clock=clock))
    yield opened
    opened.close()


@pytest.fixture
def manager(desk: Desk) -> str:
    """A manager account; returns its PIN."""
    unwrap(staff.add_staff(desk, "Wang Manager", "manager", "2468"))
    return "2468"


@pytest.fixture(scope="session")
def session_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("session")

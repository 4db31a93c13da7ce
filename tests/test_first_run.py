"""What the first-run wizard writes, through services: a refused field writes nothing, and
what it saves reads back on the settings screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import first_run, settings, staff
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock

GOOD = {
    "store_id": "SH001",
    "store_name": "Nanjing Road",
    "timezone": "Asia/Shanghai",
    "manager": "Boss Zhao",
    "pin": "2580",
    "pin_again": "2580",
}


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"store_id": "SH 001"}, Code.INVALID_STORE),
        ({"store_id": ""}, Code.INVALID_STORE),
        ({"pin": "25a0", "pin_again": "25a0"}, Code.INVALID_PIN),
        ({"pin_again": "2589"}, Code.INVALID_PIN),
        ({"manager": "   "}, None),
        ({"timezone": "Mars/Olympus"}, Code.INVALID_TIMEZONE),
    ],
)
def test_a_refused_field_writes_nothing(
    tmp_path: Path, clock: FakeClock, change: dict[str, str], code: Code | None
) -> None:
    data_dir = tmp_path / "till"
    result = first_run.create_store(
        data_dir, language=settings.Language.ENGLISH, clock=clock, **{**GOOD, **change}
    )
    assert isinstance(result, Refusal)
    if code is not None:
        assert result.code is code
    assert result.message
    assert not Desk.database_path(data_dir).exists()


def test_the_store_its_manager_and_language(tmp_path: Path, clock: FakeClock) -> None:
    made = unwrap(
        first_run.create_store(
            tmp_path / "till", language=settings.Language.CHINESE, clock=clock, **GOOD
        )
    )
    try:
        assert (made.store_id, made.store_name, made.manager, made.demo) == (
            "SH001",
            "Nanjing Road",
            "Boss Zhao",
            False,
        )
        [boss] = staff.list_staff(made.desk)
        assert boss.name == "Boss Zhao" and boss.is_manager
        assert settings.load(made.desk).language is settings.Language.CHINESE
    finally:
        made.desk.close()

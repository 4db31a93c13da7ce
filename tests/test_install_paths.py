"""Where an installed till keeps its data: the installer's ini beside the programs wins
over the user's data directory; the environment variable wins over both."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from loyalty_desk.services import paths


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frozen program in tmp_path/app (as the installer lays it out)."""
    app = tmp_path / "app"
    app.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "loyalty-desk-gui.exe"))
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    return app


def test_the_installers_ini_points_at_the_machine_wide_folder(
    installed: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "ProgramData" / "LoyaltyDesk"
    (installed / paths.INSTALL_INI).write_text(f"[data]\ndir = {shared}\n", encoding="ascii")
    assert paths.default_data_dir() == shared


def test_a_utf16_ini_as_windows_may_write_it(installed: Path, tmp_path: Path) -> None:
    shared = tmp_path / "共享数据"
    (installed / paths.INSTALL_INI).write_text(f"[data]\r\ndir={shared}\r\n", encoding="utf-16")
    assert paths.default_data_dir() == shared


def test_environment_variables_in_the_ini_are_expanded(
    installed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOYALTY_TEST_ROOT", str(tmp_path))
    (installed / paths.INSTALL_INI).write_text(
        "[data]\ndir = ${LOYALTY_TEST_ROOT}/till\n", encoding="utf-8"
    )
    assert paths.default_data_dir() == tmp_path / "till"


def test_the_environment_variable_wins(
    installed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (installed / paths.INSTALL_INI).write_text("[data]\ndir = /nowhere\n", encoding="utf-8")
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "mine"))
    assert paths.default_data_dir() == tmp_path / "mine"


@pytest.mark.parametrize("ini", [None, "", "[data]\n", "not an ini at all ["])
def test_without_a_usable_ini_the_users_data_directory(installed: Path, ini: str | None) -> None:
    if ini is not None:
        (installed / paths.INSTALL_INI).write_text(ini, encoding="utf-8")
    assert paths.default_data_dir().name == "loyalty-desk"


def test_a_source_checkout_ignores_an_ini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    assert paths.program_dir() is None
    assert paths.default_data_dir().name == "loyalty-desk"

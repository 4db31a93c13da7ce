"""The `gui` command exists, and other commands do not pay for importing Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from loyalty_desk import cli


def test_gui_command_is_registered() -> None:
    parser = cli.build_parser()
    args = parser.parse_args(["--data-dir", "/tmp/x", "gui"])
    assert args.command == "gui" and args.handler.__name__ == "cmd_gui"


def test_other_commands_start_without_qt() -> None:
    code = (
        "import sys\n"
        "from loyalty_desk import cli\n"
        "cli.build_parser().parse_args(['member', 'find', '1234'])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_command_line_without_the_server_package_still_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The store bundle leaves loyalty_desk.server out: its commands are simply absent."""
    import importlib

    real_import_module = importlib.import_module

    def without_server(name: str, package: str | None = None) -> Any:
        if name == "loyalty_desk.server" or name.startswith("loyalty_desk.server."):
            raise ModuleNotFoundError(f"No module named {name!r}", name="loyalty_desk.server")
        return real_import_module(name, package)

    monkeypatch.setattr(importlib, "import_module", without_server)
    parser = cli.build_parser()
    assert parser.parse_args(["member", "find", "1234"]).command == "member"
    with pytest.raises(cli.UsageError):
        parser.parse_args(["serve"])


def test_a_missing_module_inside_an_extension_is_still_a_fault(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "ext_with_a_missing_dependency.py").write_text(
        "import no_such_dependency_of_loyalty_desk\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(cli, "EXTENSIONS", ("ext_with_a_missing_dependency",))
    with pytest.raises(ModuleNotFoundError):
        cli.build_parser()

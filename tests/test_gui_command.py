"""The `gui` command exists, and other commands do not pay for importing Qt."""

from __future__ import annotations

import subprocess
import sys

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

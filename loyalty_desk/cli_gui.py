"""`loyalty-desk gui`: start the desktop client. Qt is imported only when it runs."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn


def cmd_gui(args: argparse.Namespace) -> NoReturn:
    from loyalty_desk.cli import data_dir_of
    from loyalty_desk.gui.app import run

    raise SystemExit(run(data_dir_of(args)))


def register(sub: Any) -> None:
    gui = sub.add_parser(
        "gui", help="start the desktop client (on first start: a demo store or your own)"
    )
    gui.set_defaults(handler=cmd_gui)

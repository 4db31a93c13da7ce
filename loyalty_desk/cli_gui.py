"""`loyalty-desk gui`: start the desktop client. Qt is imported only when it runs.

`loyalty-desk-gui` is the same client as a program of its own: the Start-menu and desktop
shortcuts start it (on Windows it opens no console window).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from loyalty_desk.texts import tr

# Options of the whole command that `loyalty-desk-gui` accepts before or after its own.
_GLOBAL_WITH_VALUE = ("--data-dir",)
_GLOBAL_FLAGS = ("--version", "-h", "--help")


def cmd_gui(args: argparse.Namespace) -> NoReturn:
    if args.smoke:
        from loyalty_desk.gui.smoke import run_smoke

        raise SystemExit(run_smoke(timeout_s=args.smoke_timeout))
    from loyalty_desk.cli import data_dir_of
    from loyalty_desk.gui.app import run

    raise SystemExit(run(data_dir_of(args)))


def register(sub: Any) -> None:
    gui = sub.add_parser(
        "gui",
        help=tr(
            "start the desktop client (on first start: a demo store or your own)",
            "启动桌面客户端（首次启动：示范店或您自己的门店）",
        ),
    )
    gui.add_argument(
        "--smoke",
        action="store_true",
        help=tr(
            "check an installation: start the real window offscreen on a temporary store, "
            "sign in, award points, close; exit 0 when all of it worked (--data-dir is ignored)",
            "检查安装：在临时门店上以无界面方式启动真实窗口，登录、发放积分、关闭；"
            "全部成功时退出码为 0（忽略 --data-dir）",
        ),
    )
    gui.add_argument("--smoke-timeout", type=float, default=120.0, help=argparse.SUPPRESS)
    gui.set_defaults(handler=cmd_gui)


def gui_argv(argv: Sequence[str]) -> list[str]:
    """`loyalty-desk-gui [--data-dir D] [--smoke]` as `loyalty-desk [--data-dir D] gui …`."""
    head: list[str] = []
    tail: list[str] = []
    items = list(argv)
    while items:
        item = items.pop(0)
        if item in _GLOBAL_WITH_VALUE and items:
            head += [item, items.pop(0)]
        elif item.split("=", 1)[0] in _GLOBAL_WITH_VALUE or item in _GLOBAL_FLAGS:
            head.append(item)
        else:
            tail.append(item)
    return [*head, "gui", *tail]


def gui_main(argv: Sequence[str] | None = None) -> int:
    from loyalty_desk.cli import main

    if sys.stdout is None or sys.stderr is None:  # a windowed program on Windows has neither
        import os

        sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the whole run
        sys.stdout = sys.stdout or sink
        sys.stderr = sys.stderr or sink
    return main(gui_argv(sys.argv[1:] if argv is None else argv))

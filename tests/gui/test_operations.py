"""The operations worker: off the GUI thread, outcomes back on it, nothing lost on close."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.gui.app import log_file
from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.gui.operations import BACKGROUND, Operations
from loyalty_desk.services import members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.views import MemberView
from tests.gui.conftest import close, sign_in


def test_work_runs_off_the_gui_thread_and_answers_on_it(qtbot: QtBot) -> None:
    ops = Operations()
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"], seen["callback"] = value, threading.get_ident()

    refusals: list[Refusal] = []
    ops.run(work, on_done=done)
    ops.run(lambda: Refusal(Code.INVALID_QUERY, "no"), on_refusal=refusals.append)
    qtbot.waitUntil(lambda: refusals != [])
    assert seen["value"] == 42 and seen["callback"] == gui_thread != seen["worker"]
    assert refusals[0].message == "no"
    assert ops.shutdown()


def test_operations_keep_their_order(qtbot: QtBot) -> None:
    ops = Operations()
    order: list[int] = []
    for i in range(20):
        ops.run(lambda i=i: (time.sleep(0.001), i)[1], on_done=order.append, busy=False)
    qtbot.waitUntil(lambda: len(order) == 20)
    assert order == list(range(20))
    assert ops.shutdown()


def test_a_fault_is_an_error_message_not_a_traceback(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from loyalty_desk.gui.app import configure_logging, stop_logging

    configure_logging(data_dir)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text))
    )

    def broken() -> None:
        raise RuntimeError("disk unplugged")

    window.ops.run(broken, label="broken")
    qtbot.waitUntil(lambda: shown != [])
    title, text = shown[0]
    assert title == "Something went wrong"
    assert "RuntimeError: disk unplugged" in text and "Traceback" not in text
    assert str(log_file(data_dir)) in text
    path = log_file(data_dir)
    stop_logging()  # the log is written by its own thread: stopping it flushes the queue
    assert "Traceback" in path.read_text(encoding="utf-8")


def test_busy_indicator_while_something_slow_runs(qtbot: QtBot, window: MainWindow) -> None:
    release = threading.Event()
    window.ops.run(lambda: release.wait(5), label="slow")
    qtbot.waitUntil(lambda: window.status.busy_visible, timeout=2_000)
    release.set()
    qtbot.waitUntil(lambda: not window.status.busy_visible)


def test_closing_mid_operation_loses_nothing(qtbot: QtBot, window: MainWindow, store: Desk) -> None:
    sign_in(qtbot, window)
    desk = window.ctx.desk
    started = threading.Event()

    def slow_enrol() -> MemberView | Refusal:
        started.set()
        time.sleep(0.4)  # the cashier closes the window while this is being written
        return members.enroll(desk, "13655556666", "关窗口")

    window.ops.run(slow_enrol, label="slow enrol")
    assert started.wait(5)
    window.close()
    assert window.isVisible() and window.status.busy_label.isVisible()  # waiting, not gone
    qtbot.waitUntil(lambda: window._closed, timeout=5_000)
    assert not window.isVisible()
    view = members.show(store, "13655556666")
    assert isinstance(view, MemberView) and view.name == "关窗口"
    close(qtbot, window)


def test_housekeeping_never_holds_up_the_cashier(qtbot: QtBot) -> None:
    ops = Operations()
    release = threading.Event()
    done: list[str] = []
    ops.run(lambda: release.wait(5), on_done=lambda _r: done.append("backup"), lane=BACKGROUND)
    ops.run(lambda: "signed in", on_done=done.append)
    qtbot.waitUntil(lambda: done == ["signed in"])
    release.set()
    qtbot.waitUntil(lambda: done == ["signed in", "backup"])
    assert ops.shutdown()

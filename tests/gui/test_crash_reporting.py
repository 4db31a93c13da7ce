"""Unhandled errors in the client: a dialog (what, where, which log), the log, and no
committed sale lost — not to an error on the screen, not to the process dying."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from loyalty_desk.gui import app as client
from loyalty_desk.gui.crash import CrashReporter
from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.services import checkout, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.db import integrity_ok
from loyalty_desk.store.models import Receipt
from tests.gui.conftest import ZHANG_PHONE, sign_in

pytestmark = pytest.mark.qt_no_exception_capture  # the reporter is the one under test

WORKER = Path(__file__).with_name("crash_client.py")


@pytest.fixture
def reporter(window: MainWindow, data_dir: Path) -> Iterator[CrashReporter]:
    client.configure_logging(data_dir)
    hooks = client.install_fault_hook(data_dir)
    yield hooks
    hooks.uninstall()
    if hooks.dialog is not None:
        hooks.dialog.close()
    client.stop_logging()


def receipts(data_dir: Path) -> set[str]:
    desk = unwrap(Desk.open(data_dir))
    try:
        with desk.read() as s:
            return set(s.scalars(select(Receipt.receipt_no)))
    finally:
        desk.close()


def log_text(data_dir: Path) -> str:
    client.stop_logging()  # flushes the queue to the file
    return (data_dir / "logs" / "client.log").read_text(encoding="utf-8")


def test_an_error_after_a_commit_shows_a_dialog_and_keeps_the_sale(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter, data_dir: Path
) -> None:
    sign_in(qtbot, window)
    desk = window.ctx.desk
    code = unwrap(members.find(desk, ZHANG_PHONE)).members[0].code

    def screen_code_fails(_result: object) -> None:
        raise KeyError(f"no row for {ZHANG_PHONE}")

    window.ops.run(
        lambda: checkout.earn(desk, code, "R-CRASH-1", 12_300), on_done=screen_code_fails
    )
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    box = reporter.dialog
    assert box is not None
    assert "KeyError" in box.text() and "138****5678" in box.text()
    assert "test_crash_reporting.py" in box.text()  # where: the line that raised
    assert str(client.log_file(data_dir)) in box.informativeText()
    assert "confirmed are saved" in box.informativeText()
    assert "R-CRASH-1" in receipts(data_dir)
    text = log_text(data_dir)
    assert "Traceback" in text and "screen_code_fails" in text
    assert ZHANG_PHONE not in text


def test_a_burst_of_errors_is_one_dialog(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter
) -> None:
    def fail() -> None:
        raise RuntimeError("paint went wrong")

    for _ in range(3):
        QTimer.singleShot(0, fail)
    qtbot.waitUntil(lambda: len(reporter.crashes) == 3)
    assert reporter.dialog is not None
    assert "2 more errors" in reporter.dialog.informativeText()
    shown = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(shown) <= 1


def test_an_error_in_a_thread_of_our_own_is_reported(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter, data_dir: Path
) -> None:
    def background() -> None:
        raise ConnectionError("sync server went away")

    thread = threading.Thread(target=background, name="sync-runner")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None and "ConnectionError" in reporter.dialog.text()
    assert "unhandled error in thread sync-runner" in log_text(data_dir)


def test_qt_messages_go_to_the_log(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter, data_dir: Path
) -> None:
    qWarning("a Qt warning for 13912345678")
    assert "WARNING loyalty_desk.qt: a Qt warning for 139****5678" in log_text(data_dir)


def test_a_hard_crash_right_after_a_commit_loses_nothing(store: Desk, data_dir: Path) -> None:
    """The client process dies (native fault: abort) the moment an award is committed."""
    store.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.run(
        [sys.executable, str(WORKER), str(data_dir), ZHANG_PHONE, "R-ABORT-1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGABRT, proc.stderr[-2000:]
    assert "COMMITTED R-ABORT-1" in proc.stdout
    live = Desk.database_path(data_dir)
    assert integrity_ok(live)
    assert "R-ABORT-1" in receipts(data_dir)
    fatal = (data_dir / "logs" / "fatal.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Aborted" in fatal


def test_a_fatal_qt_message_is_recorded_before_qt_aborts(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import qFatal\n"
        "from loyalty_desk.gui import app as client\n"
        "client.create_app()\n"
        "client.configure_logging(Path(sys.argv[1]))\n"
        "client.install_fault_hook(Path(sys.argv[1]))\n"
        "qFatal('the GPU driver is gone (13812345678)')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode != 0
    fatal = (tmp_path / "logs" / "fatal.log").read_text(encoding="utf-8")
    # (PySide passes Qt a fixed text for a qFatal made from Python.)
    assert "Qt fatal: " in fatal and "Fatal Python error: Aborted" in fatal
    assert "13812345678" not in fatal

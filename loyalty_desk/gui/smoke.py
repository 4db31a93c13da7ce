"""`loyalty-desk gui --smoke`: does this installation work? (CI runs it on the bundle.)

On a temporary store it starts the real window offscreen, signs a manager in, awards
points through the window's database worker, renders the receipt slip (PDF with the
shipped font and a QR code, and ESC/POS), lets the daily jobs make their backup, closes
the window the way a cashier does, and checks what a broken bundle would get wrong: the
database schema from the shipped migrations, the CJK font, the icons, the log file.
Prints one line per check and exits 0 only if every one passed.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger("loyalty_desk.gui.smoke")

SMOKE_PIN = "2468"
LEFT_OUT = (
    "loyalty_desk.server",
    "fastapi",
    "starlette",
    "uvicorn",
    "psycopg",
    "pytest",
    "hypothesis",
    "PyInstaller",
)
SMOKE_MANAGER = "Smoke Manager"


class Checks:
    def __init__(self) -> None:
        self.failed: list[str] = []

    def check(self, name: str, ok: bool, detail: object = "") -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {name}{f': {detail}' if detail != '' else ''}")
        sys.stdout.flush()
        if not ok:
            self.failed.append(name)
        return ok


def _prepare_store(data_dir: Path) -> str:
    """The store a first-start dialog would make: a manager and one member."""
    from loyalty_desk.services import members, staff
    from loyalty_desk.services.desk import Desk
    from loyalty_desk.services.setup import init_store
    from loyalty_desk.services.usecase import unwrap

    unwrap(init_store(data_dir, "SMOKE", "Smoke test 冒烟测试"))
    desk = unwrap(Desk.open(data_dir))
    try:
        unwrap(staff.add_staff(desk, SMOKE_MANAGER, "manager", SMOKE_PIN))
        return unwrap(members.enroll(desk, "13812345678", "张三")).code
    finally:
        desk.close()


def run_smoke(timeout_s: float = 120.0) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A hung start must still end (a modal dialog nobody closes, a worker that never
    # returns): report and leave hard, since Qt's loop is what is stuck.
    watchdog = threading.Timer(timeout_s, _give_up, args=(timeout_s,))
    watchdog.daemon = True
    watchdog.start()
    checks = Checks()
    from loyalty_desk import __version__

    checks.check("version", __version__ != "0.0.0", __version__)
    frozen = bool(getattr(sys, "frozen", False))
    print(f"info running from {'the bundle ' + sys.executable if frozen else 'source'}")
    if frozen:  # what the bundle must leave out is absent (only bundled modules are found)
        present = [m for m in LEFT_OUT if importlib.util.find_spec(m) is not None]
        checks.check("server extra and test tools left out", not present, ", ".join(present))
    try:  # the till's sync client and its protocol models (pydantic) are in
        importlib.import_module("loyalty_desk.services.sync")
        checks.check("sync client loads", True)
    except ImportError as exc:
        checks.check("sync client loads", False, exc)
    with tempfile.TemporaryDirectory(prefix="loyalty-smoke-") as tmp:
        data_dir = Path(tmp) / "store"
        try:
            member_code = _prepare_store(data_dir)
        except Exception as exc:  # the migrations or the database layer are missing
            checks.check("store created (migrations)", False, f"{type(exc).__name__}: {exc}")
            return 1
        checks.check("store created (migrations)", True)
        _run_window(data_dir, member_code, checks)
        _check_files(data_dir, checks)
    watchdog.cancel()
    print("smoke test", "passed" if not checks.failed else f"FAILED: {', '.join(checks.failed)}")
    return 0 if not checks.failed else 1


def _give_up(timeout_s: float) -> None:
    print(f"FAIL the client did not finish within {timeout_s:.0f} s", flush=True)
    os._exit(3)


def _run_window(data_dir: Path, member_code: str, checks: Checks) -> None:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from loyalty_desk.gui import app as client
    from loyalty_desk.gui.main_window import MainWindow
    from loyalty_desk.services import checkout, vouchers

    qt = client.create_app()
    client.configure_logging(data_dir)
    # A line with a phone in it: the log must show it masked.
    log.info("smoke test of %s, member 13812345678", data_dir)
    reporter = client.install_fault_hook(data_dir)
    reporter.show_dialogs = False  # nobody to close them: an error fails the check instead
    families = qt.font().families()
    checks.check("shipped CJK font", any("WenQuanYi" in f for f in families), ", ".join(families))
    checks.check("icons (qrc)", not QIcon(":/icons/app.svg").isNull())
    _check_translations(checks)
    window = MainWindow(data_dir)
    faults: list[str] = []
    window.ops.default_fault = lambda fault, _owner: faults.append(repr(fault))
    window.ops.default_refusal = lambda refusal, _owner: faults.append(refusal.message)
    window.show()
    window.start()
    results: dict[str, Any] = {}

    def wait(condition: Callable[[], bool], what: str, seconds: float = 60.0) -> bool:
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline or faults or reporter.crashes:
                return checks.check(what, False, faults or reporter.crashes or "timed out")
            qt.processEvents()
            time.sleep(0.005)
        return checks.check(what, True)

    combo = window.sign_in.ui.staffCombo
    if wait(lambda: combo.findData(SMOKE_MANAGER) >= 0, "sign-in screen lists the staff"):
        spawned = os.environ.get("LOYALTY_BENCH_T0")  # set by bench/bundle_bench.py
        if spawned:
            print(f"info sign-in usable {time.time() - float(spawned):.3f} s after spawn")
        combo.setCurrentIndex(combo.findData(SMOKE_MANAGER))
        window.sign_in.ui.pinEdit.setText(SMOKE_PIN)
        window.sign_in.submit()
    if wait(lambda: window.ready, "signed in, checkout screen ready"):
        desk = window.ctx.desk
        window.ops.run(
            lambda: checkout.earn(desk, member_code, "SMOKE-1", 12_345),
            on_done=lambda r: results.__setitem__("earn", r),
        )
        if wait(lambda: "earn" in results, "points awarded through the database worker"):
            checks.check(
                "points", results["earn"].points_awarded > 0, results["earn"].points_awarded
            )
            window.ops.run(
                lambda: (
                    vouchers.render_slip(desk, "SMOKE-1"),
                    vouchers.render_slip(desk, "SMOKE-1", vouchers.choose_layout("escpos")),
                ),
                on_done=lambda r: results.__setitem__("slip", r),
            )
            if wait(lambda: "slip" in results, "receipt slip rendered"):
                pdf, job = results["slip"]
                checks.check("slip PDF", pdf[:5] == b"%PDF-", f"{len(pdf)} bytes")
                checks.check("slip ESC/POS", len(job) > 100, f"{len(job)} bytes")
        wait(lambda: window.ops.pending == 0, "daily jobs done (database check, backup)")
    window.close()
    closed = wait(lambda: window._closed, "window closed cleanly")
    if closed:
        window.deleteLater()
    QApplication.processEvents()
    reporter.uninstall()
    client.stop_logging()
    checks.check("no unhandled errors", not reporter.crashes, reporter.crashes)


def _check_translations(checks: Checks) -> None:
    """Chinese, ours and Qt's own, is found from wherever the program runs."""
    from PySide6.QtCore import QCoreApplication

    from loyalty_desk.gui import i18n

    i18n.apply("zh_CN")
    ours = QCoreApplication.translate("MainWindow", "Checkout")
    qt = QCoreApplication.translate("QPlatformTheme", "Cancel")
    i18n.apply("en")
    checks.check("Chinese translations", (ours, qt) == ("收银", "取消"), f"{ours} {qt}")


def _check_files(data_dir: Path, checks: Checks) -> None:
    from loyalty_desk.services import backup
    from loyalty_desk.services.desk import Desk

    backups = backup.list_backups(data_dir)
    checks.check("daily backup written", bool(backups), backups[0].name if backups else "")
    log_path = data_dir / "logs" / "client.log"
    text = log_path.read_text(encoding="utf-8") if log_path.exists() else ""
    checks.check("client log written", "smoke test of" in text, log_path)
    checks.check("phones masked in the log", "138****5678" in text and "13812345678" not in text)
    desk = Desk.open(data_dir)
    if checks.check("database reopens after closing", isinstance(desk, Desk)):
        assert isinstance(desk, Desk)
        desk.close()
    checks.check("database sound", backup.check_database(data_dir).ok)

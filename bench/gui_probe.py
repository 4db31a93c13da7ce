"""Child process of the cold-start benchmark: start, report when usable, quit.

    python -m bench.gui_probe baseline                  # bare QApplication + empty window
    python -m bench.gui_probe client DATA_DIR NAME PIN  # the real client, signed in
    python -m bench.gui_probe keys DATA_DIR NAME PIN N  # keystroke-to-results, N queries
    python -m bench.gui_probe keys-baseline N           # QLineEdit filling a fixed list

Start-up modes print one line per milestone, "<name> <seconds since the parent started
us>", using the start time the parent passes in LOYALTY_BENCH_T0 (time.time() just
before spawning). Keystroke modes print one JSON object of millisecond lists.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from collections.abc import Callable

PANELS = 30  # members opened in the member panel


def since_spawn() -> float:
    return time.time() - float(os.environ["LOYALTY_BENCH_T0"])


def report(name: str) -> None:
    print(f"{name} {since_spawn():.4f}", flush=True)


def baseline() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1180, 800)
    window.show()

    def painted() -> None:
        QTest.qWaitForWindowExposed(window)
        window.repaint()
        report("window")
        app.quit()

    QTimer.singleShot(0, painted)
    return app.exec()


def client(data_dir: str, name: str, pin: str) -> int:
    from pathlib import Path

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    from loyalty_desk.gui.app import create_app
    from loyalty_desk.gui.main_window import MainWindow

    app = create_app()
    window = MainWindow(Path(data_dir))
    window.resize(1180, 800)
    window.show()
    window.start()
    QTimer.singleShot(
        0,
        lambda: (QTest.qWaitForWindowExposed(window), window.repaint(), report("window_shown")),
    )
    combo = window.sign_in.ui.staffCombo

    def usable(_count: int) -> None:
        window.repaint()
        report("sign_in_ready")
        combo.setCurrentIndex(combo.findData(name))
        QTest.keyClicks(window.sign_in.ui.pinEdit, pin)
        QTest.keyClick(window.sign_in.ui.pinEdit, Qt.Key.Key_Return)

    def checkout() -> None:
        window.repaint()
        report("checkout_ready")
        window.close()  # waits for the worker; the last window closing quits

    window.sign_in.staff_loaded.connect(usable)
    window.checkout_ready.connect(checkout)
    return app.exec()


def keys_baseline(queries: int) -> int:
    """The raw cost of the same screen work: a key into a QLineEdit refills a QTableView
    (same style sheet, 20 rows × 5 columns from a QStandardItemModel) and paints it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

    from loyalty_desk.gui.app import create_app

    create_app()  # the same fonts and style sheet as the client
    root = QWidget()
    layout = QVBoxLayout(root)
    edit, table = QLineEdit(), QTableView()
    model = QStandardItemModel(0, 5)
    table.setModel(model)
    layout.addWidget(edit)
    layout.addWidget(table)
    root.resize(1180, 800)
    root.show()
    QTest.qWaitForWindowExposed(root)
    cells = [(f"138****{i:04d}", f"会员{i}", "Gold", "1,234", "2026-05-01") for i in range(20)]
    shown: list[float] = []

    def fill(_text: str) -> None:
        model.removeRows(0, model.rowCount())
        for row in cells:
            model.appendRow([QStandardItem(text) for text in row])
        table.viewport().repaint()
        shown.append(time.perf_counter())

    edit.textEdited.connect(fill)
    times = []
    for _ in range(queries):
        edit.clear()
        t0 = time.perf_counter()
        QTest.keyClick(edit, Qt.Key.Key_5)
        times.append((shown[-1] - t0) * 1000)
    print(json.dumps({"ms": times, "rss_mb": peak_rss_mb()}))
    return 0


def keys(data_dir: str, name: str, pin: str, queries: int) -> int:
    """Type searches into the checkout field as a person would; time the last key."""
    import random
    from pathlib import Path

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from loyalty_desk.gui.app import create_app
    from loyalty_desk.gui.main_window import MainWindow

    app = create_app()
    window = MainWindow(Path(data_dir))
    window.resize(1180, 800)
    window.show()
    window.start()

    ticks: list[float] = []  # a timestamp per turn of the event loop (the reports' stall)

    def wait(check: Callable[[], bool], timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        ticks.clear()
        while not check():
            app.processEvents()
            ticks.append(time.perf_counter())
            time.sleep(0.0005)
            if time.monotonic() > deadline:
                raise TimeoutError("the client did not get there")

    combo = window.sign_in.ui.staffCombo
    wait(lambda: combo.findData(name) >= 0)
    combo.setCurrentIndex(combo.findData(name))
    QTest.keyClicks(window.sign_in.ui.pinEdit, pin)
    QTest.keyClick(window.sign_in.ui.pinEdit, Qt.Key.Key_Return)
    wait(lambda: window.ready)
    wait(lambda: window.ops.pending == 0)  # the daily jobs are done
    checkout = window.checkout
    assert checkout is not None
    search, view = checkout.ui.searchEdit, checkout.ui.resultsView
    shown: list[tuple[float, int]] = []

    def painted(count: int) -> None:
        view.viewport().repaint()
        shown.append((time.perf_counter(), count))

    checkout.results_shown.connect(painted)
    rng = random.Random(42)
    out: dict[str, list[float]] = {"suffix": [], "prefix": []}
    empty = 0
    codes: list[str] = []
    for i in range(queries):
        # The last 4 digits (a pick list), or the start of a phone (5 to 7 digits).
        kind = "suffix" if i % 2 == 0 else "prefix"
        if kind == "suffix":
            text = f"{rng.randrange(10_000):04d}"
        else:
            text = f"1{rng.randrange(3, 10)}{rng.randrange(100_000):05d}"[: rng.randrange(5, 8)]
        search.clear()
        QTest.keyClicks(search, text[:-1])
        wait(lambda: not checkout._timer.isActive() and window.ops.pending == 0)
        time.sleep(0.03)  # a person's pause before the last key
        app.processEvents()
        shown.clear()
        t0 = time.perf_counter()
        QTest.keyClick(search, text[-1])
        wait(lambda: bool(shown))
        t1, count = shown[-1]
        empty += count == 0
        out[kind].append((t1 - t0) * 1000)
        if count and len(codes) < PANELS:
            codes.append(checkout.results.rows[0].code)

    # The member panel: a picked member opened (card, recent history, expiring points).
    opened: list[float] = []
    checkout.member_opened.connect(lambda _m: opened.append(time.perf_counter()))
    panel: list[float] = []
    for code in codes:
        opened.clear()
        t0 = time.perf_counter()
        checkout.open_member(code)
        wait(lambda: bool(opened))
        checkout.ui.memberPanel.repaint()
        panel.append((time.perf_counter() - t0) * 1000)

    window.ui.navMembers.click()
    members = window.members
    assert members is not None
    wait(lambda: members.model.pages_fetched >= 1 and not members.model.fetching)
    for _ in range(24):
        pages = members.model.pages_fetched
        members.ui.tableView.scrollToBottom()
        wait(lambda p=pages: members.model.pages_fetched > p and not members.model.fetching)
    rows = members.model.rowCount()

    # The reports screen: this month's reports computed on the background lane. The GUI
    # thread must stay free meanwhile: its longest gap between two turns of the event loop.
    window.ui.navReports.click()
    reports = window.reports
    assert reports is not None
    t0 = time.perf_counter()
    wait(lambda: reports.jobs == 0 and reports.bundle is not None, timeout=600)
    report_s = time.perf_counter() - t0
    stall_ms = max((b - a for a, b in itertools.pairwise(ticks)), default=0.0) * 1000
    window.close()
    wait(lambda: window._closed)
    print(
        json.dumps(
            {
                **out,
                "empty": empty,
                "rows": rows,
                "panel": panel,
                "report_s": report_s,
                "stall_ms": stall_ms,
                "rss_mb": peak_rss_mb(),
            }
        )
    )
    return 0


def peak_rss_mb() -> float:
    """This process's own peak resident memory.

    Linux's `ru_maxrss` is not it: at exec the kernel carries the parent's peak over into the
    child's (`signal->maxrss`), so a probe spawned by a bench that had just built a
    1,000,000-member till with a 400 MB page cache reported 575 MB. VmHWM belongs to the
    process's own memory map, which exec made new."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1]
    if mode == "baseline":
        raise SystemExit(baseline())
    if mode == "client":
        raise SystemExit(client(*sys.argv[2:5]))
    if mode == "keys-baseline":
        raise SystemExit(keys_baseline(int(sys.argv[2])))
    raise SystemExit(keys(*sys.argv[2:5], int(sys.argv[5])))

"""The Reports screen inside the main window: managers only, built on the first visit,
computed on the window's background database lane with a progress bar."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desk.gui.main_window import MainWindow
from tests.gui.conftest import CASHIER, MANAGER, press, sign_in


def test_a_manager_opens_reports_and_it_computes_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import loyalty_desk.gui.reports_view as view_module

    threads: list[str] = []
    real = view_module.compute

    def spy(*args: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(view_module, "compute", spy)
    sign_in(qtbot, window, MANAGER)
    assert window.ui.navReports.isVisible()
    assert window.reports is None  # built when first visited, not at sign-in
    press(qtbot, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    reports = window.reports
    assert reports is not None
    assert window.ui.pages.currentWidget() is reports and window.ui.navReports.isChecked()
    progress: list[int] = []
    reports.progress.valueChanged.connect(progress.append)
    assert not reports.progress.isHidden()  # the first visit computes, with a progress bar
    qtbot.waitUntil(lambda: reports.bundle is not None, timeout=20_000)
    assert threads == ["loyalty-db-background"]
    assert progress and max(progress) == 100 and reports.progress.isHidden()
    # The store fixture: three members enrolled in March, Zhang bought for 1,500 yuan.
    assert reports.tiles["members_new"].value.text() == "3"
    assert reports.tiles["sales_fen"].value.text() == "¥1,500.00"
    assert reports.bundle.period.label == "2026-03"

    # Away and back: no second computation until the manager asks for one.
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.reports is reports and reports.jobs == 0 and len(threads) == 1
    with qtbot.waitSignal(reports.refreshed, timeout=20_000):
        reports.step(-1)
    assert reports.bundle.period.label == "2026-02" and len(threads) == 2
    assert reports.tiles["sales_fen"].value.text() == "¥0.00"


def test_cashiers_have_no_reports(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, CASHIER)
    assert not window.ui.navReports.isVisible()
    press(qtbot, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.reports is None and window.ui.pages.currentWidget() is window.checkout

"""GUI tests: the real window on a real till database, driven by keyboard like a cashier.

Offscreen (root conftest), PIN hashing cheap (tests/conftest.py), the shared FakeClock
for the window's Desk so dates are predictable.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from loyalty_desk.gui.app import create_app
from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.services import checkout, members, staff
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock

MANAGER = ("Wang Manager", "2468")
CASHIER = ("Li Cashier", "1357")
ZHANG_PHONE = "13812345678"
LI_PHONE = "13912345678"  # the same last 4 digits as Zhang
CHEN_PHONE = "15000001111"

W = TypeVar("W", bound=QWidget)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """A test that switches the client to Chinese leaves the next one in English."""
    yield
    from loyalty_desk.gui import i18n

    i18n.apply("en")


@pytest.fixture
def store(desk: Desk, manager: str) -> Desk:
    """A till with a manager, a cashier and three members (two share their last 4 digits)."""
    unwrap(staff.add_staff(desk, CASHIER[0], "cashier", CASHIER[1], manager))
    zhang = unwrap(members.enroll(desk, ZHANG_PHONE, "张三"))
    unwrap(members.enroll(desk, LI_PHONE, "李四"))
    unwrap(members.enroll(desk, CHEN_PHONE, "陈五"))
    unwrap(checkout.earn(desk, zhang.code, "R-OLD-1", 150_000))  # 1,500 yuan: points to redeem
    return desk


@pytest.fixture
def window(qtbot: QtBot, store: Desk, data_dir: Path, clock: FakeClock) -> Iterator[MainWindow]:
    w = open_window(qtbot, data_dir, clock)
    yield w
    close(qtbot, w)


def open_window(qtbot: QtBot, data_dir: Path, clock: FakeClock) -> MainWindow:
    """The client on the till in `data_dir`, up to its sign-in screen."""
    create_app()
    w = MainWindow(data_dir, clock=clock)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: w.sign_in.ui.staffCombo.count() > 0, timeout=10_000)
    return w


def close(qtbot: QtBot, w: MainWindow) -> None:
    for top in QApplication.topLevelWidgets():
        if top.isWindow() and top is not w and top.isVisible() and w.isAncestorOf(top):
            top.close()
    w.close()
    qtbot.waitUntil(lambda: w._closed, timeout=10_000)
    w.deleteLater()


def sign_in(qtbot: QtBot, w: MainWindow, who: tuple[str, str] = CASHIER) -> None:
    ui = w.sign_in.ui
    qtbot.waitUntil(lambda: ui.staffCombo.findData(who[0]) >= 0, timeout=10_000)
    ui.staffCombo.setCurrentIndex(ui.staffCombo.findData(who[0]))
    qtbot.keyClicks(ui.pinEdit, who[1])
    qtbot.keyClick(ui.pinEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    assert w.checkout is not None
    qtbot.waitUntil(lambda: w.checkout is not None and w.checkout.ui.searchEdit.hasFocus())


def focused() -> QWidget:
    """The widget keys go to; a window activated a moment ago gets a moment to take it."""
    for _ in range(50):
        widget = QApplication.focusWidget()
        if widget is not None:
            return widget
        QTest.qWait(20)
    raise AssertionError("nothing has the keyboard focus")


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key as the cashier presses it: to whatever has the focus."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str, delay_ms: int = 60) -> None:
    """Typing by a person: 60 ms between keys (a scanner leaves a few)."""
    qtbot.keyClicks(focused(), text, delay=delay_ms)


def dialog_of(qtbot: QtBot, kind: type[W]) -> W:
    found: list[W] = []

    def visible() -> bool:
        found[:] = [
            t
            for t in QApplication.topLevelWidgets()
            if isinstance(t, kind) and t.isVisible() and t.isActiveWindow()
        ]
        return bool(found)

    qtbot.waitUntil(visible, timeout=10_000)
    return found[-1]


def scan(qtbot: QtBot, code: str) -> None:
    """A keyboard-wedge scanner: the code and Enter in one burst, into whatever has focus."""
    for char in code:
        qtbot.keyClicks(focused(), char)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def ime_commit(text: str) -> None:
    """Chinese typed through an input method arrives as one committed string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focused(), event)

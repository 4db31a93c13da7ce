"""The members screen on a 1,000,000-member till: pages on demand, never the whole table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bench.member_db import build
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.gui.app import create_app
from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.gui.members_model import COLUMN_OF_SORT
from loyalty_desk.services import maintenance, staff
from loyalty_desk.services.desk import Desk, write_setting
from loyalty_desk.services.member_list import PAGE_SIZE, Sort
from loyalty_desk.services.usecase import unwrap
from tests.conftest import START, FakeClock
from tests.gui.conftest import MANAGER, close, press, sign_in, type_text

MILLION = 1_000_000


def test_a_million_members_scroll_and_search_a_page_at_a_time(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "big"
    build(data_dir, MILLION, now=START)
    clock = FakeClock()
    desk = unwrap(Desk.open(data_dir, clock=clock))
    unwrap(staff.add_staff(desk, *MANAGER[:1], "manager", MANAGER[1]))
    with desk.write() as s:
        # Today's daily jobs (a backup of the whole file among them) already ran: this is
        # the till's second start of the day, which is what the test is about.
        write_setting(s, maintenance.LAST_RUN_KEY, local_date(clock.now, desk.tz).isoformat())
    desk.close()

    create_app()
    window = MainWindow(data_dir, clock=clock)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.sign_in.ui.staffCombo.count() > 0, timeout=20_000)
    try:
        sign_in(qtbot, window, MANAGER)
        press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        page = window.members
        assert page is not None
        model = page.model
        qtbot.waitUntil(lambda: model.pages_fetched >= 1 and not model.fetching, timeout=20_000)
        qtbot.waitUntil(lambda: page.ui.countLabel.text() == "1,000,000 members", timeout=20_000)
        first_pages = model.pages_fetched
        assert model.rowCount() == first_pages * PAGE_SIZE < 5 * PAGE_SIZE

        # Scrolling to the end of what is loaded asks for exactly one more page each time.
        view = page.ui.tableView
        for _ in range(5):
            pages = model.pages_fetched
            view.scrollToBottom()
            qtbot.waitUntil(lambda p=pages: model.pages_fetched == p + 1 and not model.fetching)
        assert model.pages_fetched == first_pages + 5
        assert model.rowCount() == model.pages_fetched * PAGE_SIZE
        visits = [m.last_visit_at for m in model.rows]
        assert all(v is not None for v in visits)
        assert visits == sorted(visits, reverse=True)  # type: ignore[type-var]
        assert len({m.id for m in model.rows}) == model.rowCount()

        # Keyboard paging walks the same way: PageDown at the end fetches the next page.
        view.setFocus()
        pages = model.pages_fetched
        view.selectRow(model.rowCount() - 1)
        press(qtbot, Qt.Key.Key_PageDown)
        qtbot.waitUntil(lambda: model.pages_fetched == pages + 1 and not model.fetching)

        # Sorting by balance starts over: one page, the largest balances first.
        view.horizontalHeader().setSortIndicator(
            COLUMN_OF_SORT[Sort.BALANCE], Qt.SortOrder.DescendingOrder
        )
        qtbot.waitUntil(lambda: model.sort_key is Sort.BALANCE and model.pages_fetched == 1)
        balances = [m.balance for m in model.rows]
        assert balances == sorted(balances, reverse=True) and balances[0] == 4_999
        assert model.rowCount() == PAGE_SIZE

        # Searching: the last 4 digits of a phone find every match (about 100), one page.
        page.focus_search()
        type_text(qtbot, "4321")
        qtbot.waitUntil(lambda: model.search == "4321" and not model.fetching, timeout=10_000)
        assert 0 < model.rowCount() < PAGE_SIZE and model.exhausted
        assert all(m.phone.endswith("4321") for m in model.rows)
        assert model.pages_fetched == 1
        qtbot.waitUntil(lambda: "members match" in page.ui.countLabel.text())
        assert page.ui.countLabel.text() == f"{model.rowCount()} members match"

        # A surname matches tens of thousands: still one page until the cashier scrolls.
        page.ui.searchEdit.clear()
        page.ui.searchEdit.insert("王")
        page.ui.searchEdit.textEdited.emit("王")
        qtbot.waitUntil(lambda: model.search == "王" and not model.fetching, timeout=10_000)
        assert model.rowCount() == PAGE_SIZE and model.pages_fetched == 1
        assert all(m.name.startswith("王") for m in model.rows)
        view.scrollToBottom()
        qtbot.waitUntil(lambda: model.pages_fetched == 2 and not model.fetching)
        assert model.rowCount() == 2 * PAGE_SIZE
    finally:
        close(qtbot, window)

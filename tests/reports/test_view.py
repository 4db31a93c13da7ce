"""The Reports page on its own (pytest-qt): same numbers as the services, off the GUI thread."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desk.domain.periods import PeriodKind, period_of
from loyalty_desk.domain.segments import Segment
from loyalty_desk.gui.reports_view import ReportsView
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_export import ExportFormat
from tests.conftest import FakeClock

MARCH = period_of(PeriodKind.MONTH, date(2026, 3, 1))


@pytest.fixture
def view(qtbot: QtBot, desk: Desk, clock: FakeClock, manager: str, tmp_path: Path) -> ReportsView:
    widget = ReportsView(
        desk, ask_path=lambda fmt: str(tmp_path / f"out.{fmt}"), ask_pin=lambda: manager
    )
    qtbot.addWidget(widget)
    widget.set_period(MARCH)
    with qtbot.waitSignal(widget.refreshed, timeout=20_000):
        widget.refresh()
    return widget


def test_tiles_show_the_kpis_and_their_change(view: ReportsView) -> None:
    sales = view.tiles["sales_fen"]
    assert sales.value.text() == "¥490.00"
    assert sales.change.text() == "▼ -¥240.00 (-32.88%) vs 2026-02"
    assert "dc2626" in sales.change.styleSheet()  # falling sales: red
    churn = view.tiles["churn_rate"]
    assert churn.value.text() == "66.67%"
    assert churn.change.text() == "vs 2026-02: —"
    assert view.tiles["members_active"].value.text() == "2"


def test_charts_hold_the_report(view: ReportsView) -> None:
    # End of February Ann had 300 + Eve's 50 = 350 (< 500): everyone dormant. End of March
    # Ann has 780 in 5 purchases: basic.
    assert view.segment_chart.values == {"2026-02": [0, 0, 0, 4], "2026-03": [0, 0, 1, 4]}
    assert view.tier_chart.values["2026-03"] == [0, 0, 0, 5]
    flows = view.flow_chart.values
    assert flows["Issued"][1] == 120 and flows["Redeemed"][7] == 300
    assert view.liability_chart.categories == ["2027-02", "2027-03"]
    assert view.liability_chart.values["Liability ¥"] == [278.0, 73.0]
    assert view.tier_chart.categories == ["Diamond", "Gold", "Silver", "Regular"]


def test_drill_down_into_members(qtbot: QtBot, view: ReportsView) -> None:
    assert view.list_title.text() == "Top members: 2"
    assert view.members.data(view.members.index(0, 1)) == "Ann 安"
    assert view.members.data(view.members.index(0, 2)) == "138****0001"  # masked
    with qtbot.waitSignal(view.list_shown, timeout=10_000):
        view._segment_clicked(2)  # the "basic" bar
    assert view.list_picker.currentData() == "segment:basic"
    assert [
        view.members.data(view.members.index(r, 1)) for r in range(view.members.rowCount())
    ] == ["Ann 安"]
    view.choose_list("dormant_buyers")
    assert view.list_title.text().startswith("Dormant: 4")
    assert Segment.BASIC.value in view.list_picker.itemData(6)


def test_the_page_follows_the_clients_language(qtbot: QtBot, view: ReportsView) -> None:
    from loyalty_desk.gui import i18n

    i18n.apply("zh_CN")
    try:
        qtbot.waitUntil(lambda: view.refresh_button.text() == "刷新")
        assert view.tier_chart.categories == ["钻石", "金卡", "银卡", "普通"]
        assert view.flow_chart.values["发放"][1] == 120
        assert view.tiles["sales_fen"].title.text() == "会员销售额"
        assert view.tiles["sales_fen"].change.text() == "▼ -¥240.00 (-32.88%) 对比 2026-02"
        assert view.tier_chart.chart().title() == "等级分布"
        assert view.members.headerData(3, Qt.Orientation.Horizontal) == "等级"
        assert view.list_title.text() == "消费排行：2"
    finally:
        i18n.apply("en")
    qtbot.waitUntil(lambda: view.refresh_button.text() == "Refresh")
    assert view.tier_chart.categories[-1] == "Regular"


def test_work_runs_off_the_gui_thread(
    qtbot: QtBot, desk: Desk, clock: FakeClock, manager: str
) -> None:
    threads: list[Any] = []
    import loyalty_desk.gui.reports_view as module

    real = module.compute

    def spy(*args: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args)

    module.compute = spy  # type: ignore[assignment]
    try:
        widget = ReportsView(desk)
        qtbot.addWidget(widget)
        progress: list[int] = []
        widget.progress.valueChanged.connect(progress.append)
        with qtbot.waitSignal(widget.refreshed, timeout=20_000):
            widget.refresh()
            assert not widget.progress.isHidden()  # busy while the worker computes
        assert threads and threads[0] is not threading.main_thread()
        assert progress and max(progress) == 100
        assert widget.progress.isHidden()
    finally:
        module.compute = real  # type: ignore[assignment]


def test_period_picker(qtbot: QtBot, view: ReportsView) -> None:
    with qtbot.waitSignal(view.refreshed, timeout=20_000):
        view.step(-1)
    assert view.bundle is not None and view.bundle.period.label == "2026-02"
    view.kind.setCurrentIndex(0)  # day
    assert view.period() == period_of(PeriodKind.DAY, date(2026, 2, 1))
    view.kind.setCurrentIndex(3)  # custom
    view.date_to.setDate(view.date_from.date().addDays(-1))
    with qtbot.waitSignal(view.failed, timeout=5_000):
        view.refresh()
    assert "before it starts" in view.status.text()


def test_export_with_full_phones_asks_for_the_pin(
    qtbot: QtBot, view: ReportsView, tmp_path: Path
) -> None:
    view.export_kind.setCurrentIndex(3)  # win-back
    view.full_phones.setChecked(True)
    with qtbot.waitSignal(view.exported, timeout=20_000) as blocker:
        view.export(ExportFormat.CSV)
    result = blocker.args[0]
    assert result.unmasked and result.approved_by == "Wang Manager"
    assert "13900000002" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")


def test_embeds_with_the_clients_database_worker(qtbot: QtBot, desk: Desk) -> None:
    """The main window passes its own worker (gui.operations): the same calling convention."""
    from loyalty_desk.gui.operations import Operations

    ops = Operations()
    try:
        widget = ReportsView(desk, runner=ops.run)
        qtbot.addWidget(widget)
        widget.set_period(MARCH)
        with qtbot.waitSignal(widget.refreshed, timeout=20_000):
            widget.refresh()
        assert widget.tiles["sales_fen"].value.text() == "¥490.00"
    finally:
        assert ops.shutdown()


def test_one_click_win_back_coupons(qtbot: QtBot, view: ReportsView) -> None:
    with qtbot.waitSignal(view.coupons_issued, timeout=20_000) as blocker:
        view.winback_button.click()
    # Dormant buyers: Bo, Cai, Du, Fay (Ann is basic); nobody held a win-back coupon.
    assert len(blocker.args[0].issued) == 4
    assert view.status.text().startswith("Issued 4 win-back coupons")
    with qtbot.waitSignal(view.failed, timeout=20_000):
        view.winback_button.click()  # everyone has one now: refused, said on the status line
    assert "nothing was issued" in view.status.text()

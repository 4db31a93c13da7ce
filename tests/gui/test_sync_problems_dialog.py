"""The manager's sync problems, opened from Settings: what happened and what to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.gui.sync_problems_dialog import SyncProblemsDialog
from loyalty_desk.services.desk import Desk
from loyalty_desk.store.models import Outbox
from loyalty_desk.sync.canonical import canonical_json
from tests.gui.conftest import MANAGER, dialog_of, press, sign_in


def server_answered(store: Desk, kind: str, result: dict[str, object]) -> None:
    """Mark the till's first event of `kind` as the server's push reply would."""
    with store.write() as s:
        row = s.scalars(
            select(Outbox).where(Outbox.kind == kind).order_by(Outbox.device_seq)
        ).first()
        assert row is not None
        row.acked_at = store.now()
        row.result = canonical_json(result)


def test_problems_say_what_happened_and_what_to_do(
    qtbot: QtBot, window: MainWindow, store: Desk
) -> None:
    server_answered(
        store,
        "points_earned",
        {"status": "accepted", "code": None, "message": None, "conflicts": ["overdraft"]},
    )
    server_answered(
        store,
        "member_enrolled",
        {
            "status": "rejected",
            "code": "UNKNOWN_MEMBER",
            "message": "No such member on the server",
            "conflicts": [],
        },
    )
    sign_in(qtbot, window, MANAGER)
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.settings_page
    assert page is not None
    page.server.ui.problemsButton.click()
    dialog = dialog_of(qtbot, SyncProblemsDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    model = dialog.model
    rows = {model.index(r, 1).data(): r for r in range(2)}
    assert set(rows) == {"Case opened", "Refused by the server"}
    overdraft = rows["Case opened"]
    assert model.index(overdraft, 2).data().startswith("张三 · ")
    assert model.index(overdraft, 3).data() == "R-OLD-1"
    dialog.ui.problemsView.selectRow(overdraft)
    assert "overdraft" in dialog.ui.whatLabel.text()
    assert "repay the overdraft first" in dialog.ui.todoLabel.text()
    assert dialog.ui.eventLabel.text().startswith("points_earned #")
    dialog.ui.problemsView.selectRow(rows["Refused by the server"])
    assert "UNKNOWN_MEMBER" in dialog.ui.whatLabel.text()
    assert "No such member on the server." in dialog.ui.whatLabel.text()
    assert "adjustment" in dialog.ui.todoLabel.text()
    assert dialog.ui.summaryLabel.text().startswith("2 things")
    dialog.ui.closeButton.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_no_problems_says_so(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, MANAGER)
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.settings_page is not None
    window.settings_page.server.ui.problemsButton.click()
    dialog = dialog_of(qtbot, SyncProblemsDialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000) as blocker:
        dialog.load()
    assert blocker.args == [0]
    assert dialog.ui.summaryLabel.text().startswith("No problems")
    assert not dialog.ui.detailGroup.isEnabled()
    dialog.reject()


def test_the_servers_refusal_is_said_in_chinese_with_its_figures(qtbot: QtBot) -> None:
    """The server sends a code and an English sentence; a Chinese client shows the
    Chinese sentence with the same figures (matched to its template)."""
    from datetime import UTC, datetime

    from loyalty_desk.gui import i18n
    from loyalty_desk.gui.sync_problems_dialog import ProblemTexts
    from loyalty_desk.services.sync_problems import Category, SyncProblem

    problem = SyncProblem(
        category=Category.REJECTED,
        code="RECEIPT_ALREADY_EARNED",
        message="Receipt R-9 already earned points (88.00 yuan); it cannot earn again.",
        at=datetime(2026, 5, 1, tzinfo=UTC),
        event_kind="points_earned",
        event_id="e1",
        device_seq=3,
        member_id=None,
        member_name=None,
        member_code=None,
        receipt_no="R-9",
        merged_into_code=None,
        attempts=1,
    )
    texts = ProblemTexts()
    i18n.apply("zh_CN")
    try:
        said = texts.what(problem)
    finally:
        i18n.apply("en")
    assert "小票 R-9 已获得过积分（88.00 元）；不能再次积分。" in said
    assert "already earned" not in said
    assert "Receipt R-9 already earned points" in texts.what(problem)

"""Background sync in the client, against the real server (uvicorn on a free port, SQLite
behind it) and against an address where nothing answers: registration from Settings, the
live status bar, Sync now, a revoked till, a large pull's progress bar, closing promptly."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.server import admin
from loyalty_desk.server import models as sm
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.service import open_database
from loyalty_desk.services import checkout, sync
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.sync_status import status
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock
from tests.gui.conftest import (
    MANAGER,
    ZHANG_PHONE,
    close,
    open_window,
    press,
    sign_in,
    type_text,
)
from tests.sync.live import LiveServer

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    server = LiveServer(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def server_db(live: LiveServer) -> Iterator[ServerDatabase]:
    db = open_database(live.database_url)
    admin.add_store(db, "S001", "Flagship", datetime.now(UTC))
    yield db
    db.close()


def code_for(db: ServerDatabase) -> str:
    return str(admin.issue_code(db, "S001", datetime.now(UTC))["code"])


def events_on_server(db: ServerDatabase, device_id: str) -> int:
    with db.read() as conn:
        count = conn.execute(
            select(func.count()).select_from(sm.Event).where(sm.Event.device_id == device_id)
        ).scalar_one()
    return int(count)


def sync_text(w: MainWindow) -> str:
    return w.status.sync_label.text()


def test_register_from_settings_then_sync_in_the_background(
    qtbot: QtBot, window: MainWindow, store: Desk, live: LiveServer, server_db: ServerDatabase
) -> None:
    qtbot.waitUntil(lambda: sync_text(window).startswith("Sync not set up"))
    assert not window.sync.running and not window.status.sync_button.isVisible()
    sign_in(qtbot, window, MANAGER)
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.settings_page
    assert page is not None
    server = page.server
    qtbot.waitUntil(lambda: server.state is not None)
    assert server.ui.stateValue.text().startswith("Not registered")
    assert not server.ui.syncNowButton.isEnabled()

    # A mistyped code is refused, readably, and nothing changes.
    server.ui.urlEdit.setText(live.url)
    server.ui.codeEdit.setText("1234")
    server.ui.registerButton.click()
    qtbot.waitUntil(lambda: "12 digits" in server.ui.serverMessage.text())
    assert server.ui.serverMessage.property("tone") == "error"
    assert not status(store).configured

    server.ui.codeEdit.setText(code_for(server_db))
    server.ui.registerButton.click()
    qtbot.waitUntil(lambda: server.ui.serverMessage.property("tone") == "ok", timeout=30_000)
    assert server.ui.serverMessage.text().startswith("Registered Flagship (S001) with")
    device_id = store.info.device_id
    qtbot.waitUntil(lambda: server.ui.deviceValue.text() == device_id)
    assert server.ui.serverValue.text() == live.url
    # Registered: the background sync starts at once and sends everything.
    qtbot.waitUntil(lambda: window.sync.running)
    qtbot.waitUntil(lambda: sync_text(window).startswith("Synced"), timeout=30_000)
    assert sync_text(window).endswith("· 0 events waiting")
    assert window.status.sync_label.property("tone") == "good"
    assert window.status.sync_button.isVisible()
    local = status(store)
    assert local.pending == 0 and local.last_error is None
    sent = events_on_server(server_db, device_id)
    assert sent >= 5  # three enrolments, an award, the registration (and staff events)
    assert server.ui.lastSyncValue.text() != "never"

    # A sale at the till waits until the next round; "Sync now" does not wait 30 s.
    unwrap(checkout.earn(store, ZHANG_PHONE, "R-SYNC-1", 10_000))
    window.status.refresh()
    qtbot.waitUntil(lambda: "1 events waiting" in sync_text(window))
    rounds = window.sync.runner.rounds if window.sync.runner else 0
    window.status.sync_button.click()
    qtbot.waitUntil(lambda: window.sync.runner is not None and window.sync.runner.rounds > rounds)
    qtbot.waitUntil(lambda: sync_text(window).endswith("· 0 events waiting"), timeout=30_000)
    assert events_on_server(server_db, device_id) == sent + 1

    # The chain's office revokes the till: syncing stops and says what to do.
    admin.revoke_device(server_db, device_id, datetime.now(UTC))
    server.ui.syncNowButton.click()
    qtbot.waitUntil(lambda: "revoked" in sync_text(window), timeout=30_000)
    assert sync_text(window).startswith("Sync stopped: this till was revoked on the server")
    assert window.status.sync_label.property("tone") == "bad"
    assert window.sync.runner is not None and window.sync.runner.stopped_by == "DEVICE_REVOKED"
    assert window.sync.retry_at is None  # no retrying until someone acts
    qtbot.waitUntil(lambda: server.ui.stateValue.text().startswith("Stopped (revoked)"))
    assert status(store).pending == 0  # nothing lost


def test_an_unreachable_server_backs_off_and_the_till_keeps_working(
    qtbot: QtBot,
    store: Desk,
    data_dir: Path,
    clock: FakeClock,
    live: LiveServer,
    server_db: ServerDatabase,
) -> None:
    unwrap(sync.register(store, live.url, code_for(server_db)))
    live.stop()  # nothing listens there any more: connections are refused
    waiting = status(store).pending  # the store's history and the registration
    assert waiting > 0
    w = open_window(qtbot, data_dir, clock)
    try:
        qtbot.waitUntil(lambda: "retrying in" in sync_text(w), timeout=30_000)
        text = sync_text(w)
        assert text.startswith(f"Offline · {waiting} events waiting · retrying in")
        assert text.endswith("· last sync never")
        seconds = w.sync.seconds_to_retry()
        assert seconds is not None and 0 <= seconds <= 5  # first failure: 2.5-5 s
        assert w.status.sync_label.property("tone") == "bad"
        assert "cannot be reached" in w.status.sync_label.toolTip()
        # The till does not wait for the network: sign in, find a member, award.
        sign_in(qtbot, w, MANAGER)
        checkout_page = w.checkout
        assert checkout_page is not None
        type_text(qtbot, ZHANG_PHONE)
        qtbot.waitUntil(lambda: checkout_page.member is not None)
        runner = w.sync.runner
        assert runner is not None
        rounds = runner.rounds
        w.status.sync_button.click()  # Sync now, while offline: tried at once, then backs off
        qtbot.waitUntil(lambda: runner.rounds > rounds, timeout=30_000)
        qtbot.waitUntil(lambda: "retrying in" in sync_text(w))
        assert runner.failures >= 1 and w.sync.seconds_to_retry() is not None
    finally:
        close(qtbot, w)  # promptly: the runner was sleeping, not stuck
    assert not w.sync.running
    assert status(store).pending == waiting  # kept for the next time the server answers


def test_a_large_pull_shows_its_progress_in_the_status_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    bar = window.status.pull_bar
    control = window.sync
    # The runner reports from its own thread; the status bar hears it on the GUI thread.
    worker = threading.Thread(target=lambda: control._pulled.emit(5_000, 20_000))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bar.isVisible())
    assert (bar.value(), bar.maximum()) == (5_000, 20_000)
    control.progressed.emit(100, 400)  # a small pull later on: no bar for that
    assert bar.value() == 100  # while one is showing it follows the numbers
    control.round_finished.emit(None)
    assert not bar.isVisible()
    control.progressed.emit(100, 400)
    assert not bar.isVisible()

"""Take the README's screenshots from the real program (run under Xvfb: `make screenshots`).

Drives the client the way a person would — sign in, type a phone, open screens — on a demo
store, and saves each window with QWidget.grab() into docs/.

    xvfb-run -s "-screen 0 1280x800x24" python docs/screenshots.py [data-dir]
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from loyalty_desk.gui import i18n
from loyalty_desk.gui.app import create_app
from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.services.demo import DEMO_MANAGER, create_demo_store
from loyalty_desk.services.desk import Desk

DOCS = Path(os.environ.get("SHOT_DIR", Path(__file__).resolve().parent))
SIZE = tuple(int(v) for v in os.environ.get("SHOT_SIZE", "1180x800").split("x"))


def pump(ms: int = 50) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(check: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    waited = 0
    while not check():
        pump(20)
        waited += 20
        if waited > timeout_ms:
            raise TimeoutError("the window did not get there")


def shoot(widget: QWidget, name: str) -> None:
    pump(300)
    path = DOCS / name
    widget.window().grab().save(str(path))
    print("saved", path)


def first_start() -> None:
    """The set-up wizard of the very first start, on an empty data directory: the store's
    page in English, then the same page after switching the wizard to Chinese. Nothing is
    written (the wizard is cancelled before the store would be created)."""
    from loyalty_desk.gui.first_start import KIND, LANGUAGE, STORE, FirstRunWizard

    window = MainWindow(Path(tempfile.mkdtemp()) / "empty")
    window.resize(*SIZE)
    window.show()
    window.start()
    wait_for(lambda: any(isinstance(w, FirstRunWizard) for w in QApplication.topLevelWidgets()))
    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunWizard))
    ui = wizard.ui
    pump(300)
    wizard.next()
    wait_for(lambda: wizard.currentId() == KIND)
    ui.emptyRadio.setChecked(True)
    wizard.next()
    wait_for(lambda: wizard.currentId() == STORE)
    QTest.keyClicks(ui.storeIdEdit, "SH001")
    QTest.keyClicks(ui.storeNameEdit, "Nanjing Road ")
    ui.storeNameEdit.insert("南京路店")  # what an input method commits
    for name in ("wizard-en.png", "wizard-zh.png"):
        pump(300)
        wizard.grab().save(str(DOCS / name))
        print("saved", DOCS / name)
        if name == "wizard-zh.png":
            break
        while wizard.currentId() != LANGUAGE:
            wizard.back()
        ui.languageCombo.setCurrentIndex(ui.languageCombo.findData("zh_CN"))
        wizard.next()
        wizard.next()
        wait_for(lambda: wizard.currentId() == STORE)
    wizard.reject()
    wait_for(lambda: not window.isVisible())
    i18n.apply("en")


def coupon_redeem(window: MainWindow) -> None:
    """The member's coupon on a receipt above its minimum spend: the discount, large."""
    from loyalty_desk.gui.coupon_flow import CouponRedeemDialog
    from loyalty_desk.services import coupons

    checkout = window.checkout
    assert checkout is not None and checkout.member is not None
    if checkout.card is None or not checkout.card.coupons:
        coupons.issue(
            window.ctx.desk,
            checkout.member.code,
            "winback",
            manager_pin=DEMO_MANAGER[1],
            manager_name=DEMO_MANAGER[0],
        )
        checkout.refresh_member()
        wait_for(lambda: checkout.card is not None and bool(checkout.card.coupons))
    assert checkout.card is not None
    coupon = checkout.card.coupons[0]
    checkout.coupons.use_coupon()
    wait_for(lambda: isinstance(QApplication.activeModalWidget(), CouponRedeemDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, CouponRedeemDialog)
    QTest.keyClicks(dialog.ui.receiptEdit, "20260518-0043")
    QTest.keyClicks(dialog.ui.amountEdit, f"{coupon.min_spend_fen // 100 + 68}.50")
    wait_for(lambda: dialog.preview is not None)
    pump(200)
    dialog.grab().save(str(DOCS / "coupon-redeem.png"))
    print("saved", DOCS / "coupon-redeem.png")
    dialog.reject()


def reports_in_window(window: MainWindow) -> None:
    """The Reports screen as a manager reaches it: Ctrl+5 in the main window."""
    window.ui.navReports.click()
    reports = window.reports
    assert reports is not None
    wait_for(lambda: reports.bundle is not None, 60_000)
    shoot(window, "reports-in-window.png")


def synced_with_a_server(window: MainWindow, folder: Path) -> None:
    """Settings → Central server: register the demo till with a real server started here,
    then the status bar once the background sync has sent the store's history."""
    import socket
    import subprocess
    from datetime import UTC, datetime

    import requests

    from loyalty_desk.server import admin
    from loyalty_desk.server.service import open_database

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url, database = f"http://127.0.0.1:{port}", f"sqlite:///{folder / 'server.db'}"
    db = open_database(database)
    admin.add_store(db, window.ctx.desk.info.store_id, "Demo store", datetime.now(UTC))
    code = admin.issue_code(db, window.ctx.desk.info.store_id, datetime.now(UTC))["code"]
    db.close()
    serve = [sys.executable, "-m", "loyalty_desk", "serve", "--database-url", database]
    server = subprocess.Popen([*serve, "--port", str(port), "--log-level", "warning"])
    try:
        wait_for(lambda: _ready(requests, url), 30_000)
        window.ui.navSettings.click()
        page = window.settings_page
        assert page is not None
        page.server.ui.urlEdit.setText(url)
        page.server.ui.codeEdit.setText(str(code))
        page.server.ui.registerButton.click()
        wait_for(lambda: window.status.sync_label.text().startswith("Synced"), 120_000)
        wait_for(lambda: page.server.ui.deviceValue.text() != "—")
        shoot(window, "settings-server.png")
        pump(300)
        window.statusBar().grab().save(str(DOCS / "status-synced.png"))
        print("saved", DOCS / "status-synced.png")
        window.sync.stop()
        wait_for(lambda: not window.sync.running, 60_000)
    finally:
        server.terminate()
        server.wait(15)
    window.sync.start()  # the server is gone now: the status bar counts down to a retry
    wait_for(lambda: "retrying in" in window.status.sync_label.text(), 30_000)
    window.statusBar().grab().save(str(DOCS / "status-offline.png"))
    print("saved", DOCS / "status-offline.png")


def _ready(requests: Any, url: str) -> bool:
    try:
        return bool(requests.get(url + "/readyz", timeout=1).status_code == 200)
    except requests.RequestException:
        return False


def main(data_dir: Path) -> int:
    if not Desk.database_path(data_dir).exists():
        print("creating the demo store in", data_dir)
        create_demo_store(data_dir)
    create_app()
    first_start()
    window = MainWindow(data_dir)
    window.resize(*SIZE)
    window.show()
    window.start()
    wait_for(lambda: window.sign_in.ui.staffCombo.count() > 0)
    sign_in = window.sign_in.ui
    sign_in.staffCombo.setCurrentIndex(sign_in.staffCombo.findData(DEMO_MANAGER[0]))
    shoot(window, "sign-in.png")

    QTest.keyClicks(sign_in.pinEdit, DEMO_MANAGER[1])
    QTest.keyClick(sign_in.pinEdit, Qt.Key.Key_Return)
    wait_for(lambda: window.ready)
    checkout = window.checkout
    assert checkout is not None
    # A regular customer: type the last 4 digits of the phone, pick from the list.
    window.ui.navMembers.click()
    members_page = window.members
    assert members_page is not None
    wait_for(lambda: members_page.model.rowCount() > 0)
    members_page.ui.tableView.selectRow(2)
    shoot(window, "members.png")

    # A regular of the store: the most recent visitor among the Gold and Diamond members.
    rows = members_page.model.rows
    regular = next((m for m in rows if m.tier in ("gold", "diamond")), rows[0])
    code, phone = regular.code, regular.phone
    window.ui.navCheckout.click()
    wait_for(lambda: checkout.isVisible())
    QTest.keyClicks(checkout.ui.searchEdit, phone[-4:], delay=90)
    wait_for(lambda: checkout.results.rowCount() > 0)
    shoot(window, "checkout-search.png")
    checkout.open_member(code)
    wait_for(lambda: checkout.member is not None)
    shoot(window, "checkout.png")
    i18n.apply("zh_CN")  # the same screen in Chinese: every page retranslates itself
    shoot(window, "checkout-zh.png")
    i18n.apply("en")

    checkout.award()
    pump(200)
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        QTest.keyClicks(dialog.ui.receiptEdit, "20260518-0042")  # type: ignore[attr-defined]
        QTest.keyClicks(dialog.ui.amountEdit, "1288.50")  # type: ignore[attr-defined]
        wait_for(lambda: dialog.preview is not None)  # type: ignore[attr-defined]
        pump(200)
        dialog.grab().save(str(DOCS / "award.png"))
        print("saved", DOCS / "award.png")
        dialog.reject()

    coupon_redeem(window)

    checkout.history()
    pump(200)
    history = QApplication.activeModalWidget()
    if history is not None:
        wait_for(lambda: history.model.rowCount() > 0)  # type: ignore[attr-defined]
        pump(200)
        history.grab().save(str(DOCS / "history.png"))
        print("saved", DOCS / "history.png")
        history.accept()  # type: ignore[attr-defined]

    window.ui.navSettings.click()
    settings_page = window.settings_page
    assert settings_page is not None
    wait_for(lambda: settings_page.staff.rowCount() > 0)
    shoot(window, "settings.png")
    reports_in_window(window)
    synced_with_a_server(window, Path(tempfile.mkdtemp()))

    window.close()
    QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "demo"
    raise SystemExit(main(folder))

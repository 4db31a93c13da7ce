"""The window: opens the store, signs staff in and out, switches screens, shows status."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QToolButton, QWidget

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.gui import i18n, startup_checks
from loyalty_desk.gui.app import log_file
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.forms.ui_main_window import Ui_MainWindow
from loyalty_desk.gui.operations import BACKGROUND, Operations, said
from loyalty_desk.gui.sign_in import SignInPage
from loyalty_desk.gui.status import StatusBar
from loyalty_desk.gui.sync_control import SyncControl

if TYPE_CHECKING:
    from loyalty_desk.gui.audit_page import AuditPage
    from loyalty_desk.gui.checkout import CheckoutPage
    from loyalty_desk.gui.members_page import MembersPage
    from loyalty_desk.gui.reports_page import ReportsPage
    from loyalty_desk.gui.settings_page import SettingsPage
    from loyalty_desk.services.backup import RestoreResult
    from loyalty_desk.services.desk import Clock, Desk
    from loyalty_desk.services.settings import StoreSettings
    from loyalty_desk.services.staff import StaffView


# How often a running client looks whether a new store day began (one small read).
DAILY_JOBS_CHECK_MS = 10 * 60 * 1000
DAILY_JOBS_LATEST_MS = 5_000  # after the store opened, whatever the sign-in screen does


class MainWindow(QMainWindow):
    """The client's window. It imports no database code itself: that loads on the worker
    while the sign-in screen comes up, which is most of a cold start."""

    checkout_ready = Signal()  # signed in, the checkout screen is up (benchmarks, tests)

    def __init__(self, data_dir: Path, *, clock: Clock | None = None) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.data_dir = data_dir
        self.ops = Operations(self)
        self.ops.default_refusal = self._show_refusal
        self.ops.default_fault = self._show_fault
        self.ctx = Context(self.ops, data_dir, clock)
        self.status = StatusBar(self.ctx, self.ui.statusbar)
        self.sync = self.ctx.sync = SyncControl(self.ctx)
        self.status.attach(self.sync)
        self.sign_in = SignInPage(self.ctx)
        self.sign_in.signed_in.connect(self._signed_in)
        self.ui.pages.addWidget(self.sign_in)
        # The other screens are built at the first sign-in: the sign-in screen comes up first.
        self.checkout: CheckoutPage | None = None
        self.members: MembersPage | None = None
        self.reports: ReportsPage | None = None
        self.audit: AuditPage | None = None
        self.settings_page: SettingsPage | None = None
        self._nav: dict[QToolButton, QWidget] = {}
        self._closing = False
        self._closed = False
        self._ready = False
        self._daily_running = False
        self._daily_timer = QTimer(self)
        self._daily_timer.setInterval(DAILY_JOBS_CHECK_MS)
        self._daily_timer.timeout.connect(self._run_daily_jobs)
        self.ui.signOutButton.clicked.connect(self.sign_out)
        self.ui.demoBadge.hide()
        self._set_signed_in_chrome(None)
        for key, button in (
            ("Ctrl+1", self.ui.navCheckout),
            ("Ctrl+2", self.ui.navMembers),
            ("Ctrl+3", self.ui.navAudit),
            ("Ctrl+4", self.ui.navSettings),
            ("Ctrl+5", self.ui.navReports),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda b=button: self._go(b))
            button.clicked.connect(lambda _checked=False, b=button: self._go(b))
        QShortcut(QKeySequence("Ctrl+L"), self).activated.connect(self.sign_out)
        self.ctx.settings_changed.connect(self._settings_changed)
        self.ctx.member_requested.connect(self._serve_member)
        self.resize(1180, 800)
        self.setMinimumSize(1000, 700)

    # -- opening the store -----------------------------------------------------------------

    def start(self) -> None:
        """Open the store database off the GUI thread (first start: offer demo or empty)."""
        data_dir, clock = self.data_dir, self.ctx.clock
        self.ops.run(
            lambda: _open_store(data_dir, clock),
            on_done=self._opened,
            on_refusal=self._not_opened,
            label="open store",
        )

    def _not_opened(self, refusal: Refusal) -> None:
        if refusal.code is Code.NOT_INITIALISED:
            from loyalty_desk.gui.first_start import FirstRunWizard

            dialog = FirstRunWizard(self.ctx, self)
            dialog.finished.connect(lambda result: self.start() if result else self.close())
            dialog.open()
            return
        if refusal.code is Code.DATABASE_DAMAGED:
            backups = [Path(p) for p in refusal.details.get("backups", ())]
            self._offer_restore(said(refusal), backups)
            return
        if refusal.code is Code.SCHEMA_TOO_NEW:
            startup_checks.refuse_newer_database(self, refusal).finished.connect(self.close)
            return
        QMessageBox.critical(self, self.tr("Cannot open the store"), said(refusal))
        self.close()

    def _opened(self, desk: Desk) -> None:
        self.ctx.desk = desk
        if desk.upgrade is not None:
            startup_checks.tell_upgraded(self, desk.upgrade)
        self.ops.run(lambda: _load_settings(desk), on_done=self._settings_changed, busy=False)
        self.sign_in.load()
        self.status.start()
        self.sync.start_if_registered()
        # A till left running overnight does the next day's jobs (backup first) as well.
        self._daily_timer.start()
        # Today's jobs once the sign-in screen is usable: they import the checkout, sync and
        # printing code, and on their lane that still takes the GIL from the screen being built.
        self.sign_in.staff_loaded.connect(
            lambda _count: self._run_daily_jobs(), Qt.ConnectionType.SingleShotConnection
        )
        # Should the staff list never come (a refusal), the jobs still run soon, not in ten
        # minutes; a second call finds them running or done.
        QTimer.singleShot(DAILY_JOBS_LATEST_MS, self, self._run_daily_jobs)

    def _run_daily_jobs(self) -> None:
        """The thorough database check, backup and expiry take a while on a big till: the
        background lane, never in the way of the sign-in or the first customer."""
        # A stopped timer means the store was closed (a damaged file): nothing more to run
        # until it opens again, whichever of the start-up triggers comes late.
        if self._daily_running or not self.ctx.has_desk or not self._daily_timer.isActive():
            return
        desk = self.ctx.desk
        self._daily_running = self.ops.run(
            lambda: _daily_jobs(desk),
            on_done=self._daily_jobs_done,
            on_finally=self._daily_jobs_finished,
            label="daily jobs",
            busy=False,
            lane=BACKGROUND,
        )

    def _daily_jobs_finished(self) -> None:
        self._daily_running = False

    def _daily_jobs_done(self, outcome: object) -> None:
        from loyalty_desk.services.backup import HealthReport

        if isinstance(outcome, HealthReport) and not outcome.ok:
            self._database_damaged(outcome.message, list(outcome.backups))

    def _database_damaged(self, problem: str, backups: list[Path]) -> None:
        """The background check failed: stop selling, let go of the file, offer a restore."""
        self.sign_out()
        self.status.stop()
        self._daily_timer.stop()
        desk = self.ctx.desk

        def close_database() -> None:
            # After whatever the cashier already confirmed (the main lane keeps its order).
            self.ops.run(
                lambda: desk.close(),
                on_finally=lambda: self._offer_restore(problem, backups),
                busy=False,
                label="close damaged database",
            )

        # The background sync lets go of the file first.
        if self.sync.stop():
            self.sync.stopped.connect(close_database, Qt.ConnectionType.SingleShotConnection)
        else:
            close_database()

    def _offer_restore(self, problem: str, backups: list[Path]) -> None:
        dialog = startup_checks.offer_restore(self.ctx, self, problem, backups)
        dialog.restored.connect(self._restored)
        dialog.rejected.connect(self.close)

    def _restored(self, result: RestoreResult) -> None:
        startup_checks.tell_restored(self, result)
        self.start()

    def _settings_changed(self, store: StoreSettings) -> None:
        self.ctx.settings = store
        i18n.apply(store.language)
        self.ui.demoBadge.setVisible(store.demo)
        self.setWindowTitle(self.tr("Loyalty Desk — {store}").format(store=store.store_name))
        self.sign_in.set_store(store)
        self.status.set_store(store)

    # -- signing in and out ----------------------------------------------------------------

    def _build_pages(self) -> None:
        """The checkout screen at the first sign-in; the others when first visited."""
        if self.checkout is not None:
            return
        from loyalty_desk.gui.checkout import CheckoutPage

        self.checkout = CheckoutPage(self.ctx)
        self.ui.pages.addWidget(self.checkout)
        self._nav = {self.ui.navCheckout: self.checkout}

    def _page_for(self, button: QToolButton) -> QWidget | None:
        page = self._nav.get(button)
        if page is not None or self.checkout is None:
            return page
        if button is self.ui.navMembers:
            from loyalty_desk.gui.members_page import MembersPage

            self.members = page = MembersPage(self.ctx)
        elif button is self.ui.navReports:
            from loyalty_desk.gui.reports_page import ReportsPage

            self.reports = page = ReportsPage(self.ctx)
        elif button is self.ui.navAudit:
            from loyalty_desk.gui.audit_page import AuditPage

            self.audit = page = AuditPage(self.ctx)
        elif button is self.ui.navSettings:
            from loyalty_desk.gui.settings_page import SettingsPage

            self.settings_page = page = SettingsPage(self.ctx)
        else:
            return None
        self.ui.pages.addWidget(page)
        self._nav[button] = page
        return page

    def _signed_in(self, staff: StaffView) -> None:
        self._build_pages()
        self.ctx.staff = staff
        self._set_signed_in_chrome(staff)
        self.ctx.signed_in.emit(staff)
        self._go(self.ui.navCheckout)
        self._ready = True
        self.checkout_ready.emit()

    def sign_out(self) -> None:
        if self.ctx.staff is None:
            return
        self.ctx.staff = None
        self._set_signed_in_chrome(None)
        self.ctx.signed_in.emit(None)
        self.ui.pages.setCurrentWidget(self.sign_in)
        self.sign_in.reset()

    def _set_signed_in_chrome(self, staff: StaffView | None) -> None:
        manager = staff is not None and staff.is_manager
        for button in (self.ui.navCheckout, self.ui.navMembers):
            button.setVisible(staff is not None)
        for button in (self.ui.navReports, self.ui.navAudit, self.ui.navSettings):
            button.setVisible(manager)
        self.ui.signOutButton.setVisible(staff is not None)
        if staff is None:
            self.ui.whoLabel.setText("")
        else:
            role = self.tr("Manager") if staff.is_manager else self.tr("Cashier")
            self.ui.whoLabel.setText(f"{staff.name} · {role}")
        self.status.set_staff(staff)

    def _go(self, button: QToolButton) -> None:
        if not button.isVisible() or self.ctx.staff is None:
            return
        page = self._page_for(button)
        if page is None:
            return
        button.setChecked(True)
        self.ui.pages.setCurrentWidget(page)
        activate = getattr(page, "activate", None)
        if activate is not None:
            activate()

    def _serve_member(self, code: str) -> None:
        if self.checkout is None:
            return
        self._go(self.ui.navCheckout)
        self.checkout.open_member(code)

    @property
    def ready(self) -> bool:
        """Signed in and the checkout screen is showing (for tests and benchmarks)."""
        return self._ready and self.ctx.staff is not None

    # -- outcomes nobody else handled ------------------------------------------------------

    def _show_refusal(self, refusal: Refusal, owner: QObject | None) -> None:
        parent = owner if isinstance(owner, QWidget) else self
        QMessageBox.information(parent.window(), self.tr("Not done"), said(refusal))

    def _show_fault(self, fault: BaseException, owner: QObject | None) -> None:
        parent = owner if isinstance(owner, QWidget) else self
        QMessageBox.critical(
            parent.window(),
            self.tr("Something went wrong"),
            self.tr(
                "{error}\n\nThe action did not complete and nothing of it was saved. "
                "The details were written to {log}."
            ).format(error=f"{type(fault).__name__}: {fault}", log=log_file(self.data_dir)),
        )

    # -- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing submitted is lost: wait until the worker has finished it and the
        background sync has let go (a pull stops between pages), then close."""
        syncing = self.sync.stop() or self.sync.running
        if (self.ops.pending or syncing) and not self._closing:
            self._closing = True
            self.ops.close()
            self.status.show_closing()
            self.setEnabled(False)
            self.ops.idle.connect(self._close_if_idle, Qt.ConnectionType.QueuedConnection)
            self.sync.stopped.connect(self._close_if_idle, Qt.ConnectionType.QueuedConnection)
            # The worker may already be done by now; look again once events settle.
            QTimer.singleShot(0, self._close_if_idle)
            event.ignore()
            return
        if self.sync.running and not self._closed:
            event.ignore()  # the sync round ends by its own timeouts; `stopped` closes then
            return
        if not self._closed:
            self._closed = True
            self._daily_timer.stop()
            self.status.stop()
            self.ops.shutdown()
            self.sync.wait_stopped()
            if self.ctx.has_desk:
                self.ctx.desk.close()
        event.accept()

    def _close_if_idle(self) -> None:
        if self.ops.pending == 0 and not self.sync.running and not self._closed:
            self.close()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._set_signed_in_chrome(self.ctx.staff)
        super().changeEvent(event)


def _daily_jobs(desk: Desk) -> object:
    """Check every page of the database, then back up, expire points and review tiers
    (once a store-local day), in the background. A failed check stops there: a damaged
    file is not copied over a good backup, and the window offers a restore.

    Imported here, on the worker: the sign-in screen does not wait for the checkout code.
    """
    from loyalty_desk.services import backup, maintenance

    if not maintenance.due_today(desk):
        return None
    report = backup.check_database(desk.data_dir)
    if not report.ok:
        return report
    return maintenance.open_store(desk)


def _open_store(data_dir: Path, clock: Clock) -> Desk | Refusal:
    from loyalty_desk.services import backup
    from loyalty_desk.services.desk import Desk

    # The quick check (header, schema, small tables) on every start; every page is read
    # in the background afterwards (_daily_jobs): seconds on a million members.
    report = backup.check_database(data_dir, thorough=False)
    if not report.ok:
        return Refusal(
            Code.DATABASE_DAMAGED, report.message, {"backups": [str(p) for p in report.backups]}
        )
    return Desk.open(data_dir, clock=clock)


def _load_settings(desk: Desk) -> StoreSettings:
    from loyalty_desk.services import settings

    return settings.load(desk)

"""The window: opens the store, signs staff in and out, switches screens, shows status."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QToolButton, QWidget

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.gui import i18n
from loyalty_desk.gui.app import log_file
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.forms.ui_main_window import Ui_MainWindow
from loyalty_desk.gui.operations import Operations
from loyalty_desk.gui.sign_in import SignInPage
from loyalty_desk.gui.status import StatusBar
from loyalty_desk.services import maintenance, settings
from loyalty_desk.services.desk import Clock, Desk, system_clock
from loyalty_desk.services.settings import StoreSettings
from loyalty_desk.services.staff import StaffView

if TYPE_CHECKING:
    from loyalty_desk.gui.audit_page import AuditPage
    from loyalty_desk.gui.checkout import CheckoutPage
    from loyalty_desk.gui.members_page import MembersPage
    from loyalty_desk.gui.settings_page import SettingsPage


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, *, clock: Clock = system_clock) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.data_dir = data_dir
        self.ops = Operations(self)
        self.ops.default_refusal = self._show_refusal
        self.ops.default_fault = self._show_fault
        self.ctx = Context(self.ops, data_dir, clock)
        self.status = StatusBar(self.ctx, self.ui.statusbar)
        self.sign_in = SignInPage(self.ctx)
        self.sign_in.signed_in.connect(self._signed_in)
        self.ui.pages.addWidget(self.sign_in)
        # The other screens are built at the first sign-in: the sign-in screen comes up first.
        self.checkout: CheckoutPage | None = None
        self.members: MembersPage | None = None
        self.audit: AuditPage | None = None
        self.settings_page: SettingsPage | None = None
        self._nav: dict[QToolButton, QWidget] = {}
        self._closing = False
        self._closed = False
        self._ready = False
        self.ui.signOutButton.clicked.connect(self.sign_out)
        self.ui.demoBadge.hide()
        self._set_signed_in_chrome(None)
        for key, button in (
            ("Ctrl+1", self.ui.navCheckout),
            ("Ctrl+2", self.ui.navMembers),
            ("Ctrl+3", self.ui.navAudit),
            ("Ctrl+4", self.ui.navSettings),
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
        self.ops.run(
            lambda: Desk.open(self.data_dir, clock=self.ctx.clock),
            on_done=self._opened,
            on_refusal=self._not_opened,
            label="open store",
        )

    def _not_opened(self, refusal: Refusal) -> None:
        if refusal.code is Code.NOT_INITIALISED:
            from loyalty_desk.gui.first_start import FirstStartDialog

            dialog = FirstStartDialog(self.ctx, self)
            dialog.finished.connect(lambda result: self.start() if result else self.close())
            dialog.open()
            return
        QMessageBox.critical(self, self.tr("Cannot open the store"), refusal.message)
        self.close()

    def _opened(self, desk: Desk) -> None:
        self.ctx.desk = desk
        self.ops.run(lambda: settings.load(desk), on_done=self._settings_changed, busy=False)
        # The daily jobs (expire points, review tiers) run once a day, in the background.
        self.ops.run(lambda: maintenance.open_store(desk), label="daily jobs")
        self.sign_in.load()
        self.status.start()

    def _settings_changed(self, store: StoreSettings) -> None:
        self.ctx.settings = store
        i18n.apply(store.language)
        self.ui.demoBadge.setVisible(store.demo)
        self.setWindowTitle(self.tr("Loyalty Desk — {store}").format(store=store.store_name))
        self.sign_in.set_store(store)
        self.status.set_store(store)

    # -- signing in and out ----------------------------------------------------------------

    def _build_pages(self) -> None:
        if self.checkout is not None:
            return
        from loyalty_desk.gui.audit_page import AuditPage
        from loyalty_desk.gui.checkout import CheckoutPage
        from loyalty_desk.gui.members_page import MembersPage
        from loyalty_desk.gui.settings_page import SettingsPage

        self.checkout = CheckoutPage(self.ctx)
        self.members = MembersPage(self.ctx)
        self.audit = AuditPage(self.ctx)
        self.settings_page = SettingsPage(self.ctx)
        self._nav = {
            self.ui.navCheckout: self.checkout,
            self.ui.navMembers: self.members,
            self.ui.navAudit: self.audit,
            self.ui.navSettings: self.settings_page,
        }
        for page in self._nav.values():
            self.ui.pages.addWidget(page)

    def _signed_in(self, staff: StaffView) -> None:
        self._build_pages()
        self.ctx.staff = staff
        self._set_signed_in_chrome(staff)
        self.ctx.signed_in.emit(staff)
        self._go(self.ui.navCheckout)
        self._ready = True

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
        for button in (self.ui.navAudit, self.ui.navSettings):
            button.setVisible(manager)
        self.ui.signOutButton.setVisible(staff is not None)
        if staff is None:
            self.ui.whoLabel.setText("")
        else:
            role = self.tr("Manager") if staff.is_manager else self.tr("Cashier")
            self.ui.whoLabel.setText(f"{staff.name} · {role}")
        self.status.set_staff(staff)

    def _go(self, button: QToolButton) -> None:
        page = self._nav.get(button)
        if page is None or not button.isVisible() or self.ctx.staff is None:
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
        QMessageBox.information(parent.window(), self.tr("Not done"), refusal.message)

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
        """Nothing submitted is lost: wait until the worker has finished it, then close."""
        if self.ops.pending and not self._closing:
            self._closing = True
            self.ops.close()
            self.status.show_closing()
            self.setEnabled(False)
            self.ops.idle.connect(self.close, Qt.ConnectionType.QueuedConnection)
            # The worker may already be done by now; look again once events settle.
            QTimer.singleShot(0, self._close_if_idle)
            event.ignore()
            return
        if not self._closed:
            self._closed = True
            self.status.stop()
            self.ops.shutdown()
            if self.ctx.has_desk:
                self.ctx.desk.close()
        event.accept()

    def _close_if_idle(self) -> None:
        if self.ops.pending == 0:
            self.close()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._set_signed_in_chrome(self.ctx.staff)
        super().changeEvent(event)

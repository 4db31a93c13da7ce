"""The very first start on a PC: a wizard that sets the till up, no config file to edit.

Language (switches the wizard at once) → demo store or your store → store id, name and
time zone → first manager and PIN → the chain's server (optional) → printer with a test
page (optional) → done. The demo store is a store of its own (its id, staff and data), so
the choice comes before the store's details, and a demo is never registered with the
chain's server.

Every write runs on the database worker. A page whose write is under way stays put with
its buttons off; a refusal is said under the page's fields and nothing moves on. Once the
store exists there is no way back to the pages that made it (QWizard's commit pages), and
closing the wizard then opens the store instead of quitting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget, QWizard

from loyalty_desk.domain.codes import PIN_PATTERN
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.people import validate_name
from loyalty_desk.domain.timeutil import DEFAULT_TIMEZONE
from loyalty_desk.gui import i18n
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import bring_forward, hand_back
from loyalty_desk.gui.forms.ui_first_run_wizard import Ui_FirstRunWizard
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.widgets import fill_timezones, no_input_method, pin_field, say

if TYPE_CHECKING:
    from loyalty_desk.services.desk import Desk
    from loyalty_desk.services.first_run import FirstStore
    from loyalty_desk.services.printer_choice import PrinterChoice
    from loyalty_desk.services.sync import RegisterResult

LANGUAGE, KIND, STORE, MANAGER, SERVER, PRINTER, DONE = range(7)
STORE_ID_RE = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"  # services.setup.STORE_ID_PATTERN
# The page's one entry for every receipt printer: the text typed says how it is connected
# (net:…, usb:…, win:…, file:…), which picks the kind of printer saved.
RECEIPT_PRINTER = "thermal"


class _Progress(QObject):
    """Carries the demo's progress from the worker thread to the wizard (queued signal)."""

    changed = Signal(int, int)


class FirstRunWizard(QWizard):
    demo_members = 240  # "a few hundred": every screen has something real to show

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_FirstRunWizard()
        self.ui.setupUi(self)
        self.setModal(True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.store: FirstStore | None = None
        self.registered: RegisterResult | None = None
        self._busy = False
        self._focus: QWidget | None = None
        self._passed: set[int] = set()  # pages whose write is done
        self.progress = _Progress(self)
        self.progress.changed.connect(self._progressed)
        ui = self.ui
        self._fill_languages()
        ui.languageCombo.currentIndexChanged.connect(lambda _i: self._language_changed())
        fill_timezones(ui.timezoneCombo, DEFAULT_TIMEZONE)
        no_input_method(ui.storeIdEdit)
        no_input_method(ui.serverUrlEdit)
        no_input_method(ui.serverCodeEdit)
        pin_field(ui.pinEdit)
        pin_field(ui.pinAgainEdit)
        self._fill_printers()
        ui.printerKindCombo.currentIndexChanged.connect(lambda _i: self._printer_kind_changed())
        no_input_method(ui.printerTargetCombo)
        ui.testPrintButton.clicked.connect(self.test_print)
        ui.testPrintButton.setAutoDefault(False)
        ui.demoProgress.hide()
        for label in self._messages():
            say(label, "")
        self._printer_kind_changed()

    # -- language --------------------------------------------------------------------------

    def _fill_languages(self) -> None:
        from loyalty_desk.services.settings import Language

        combo = self.ui.languageCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for language, text in (
            (Language.SYSTEM, self.tr("As the computer is set")),
            (Language.CHINESE, "简体中文"),
            (Language.ENGLISH, "English"),
        ):
            combo.addItem(text, str(language))
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def language(self) -> str:
        return str(self.ui.languageCombo.currentData() or "system")

    def _language_changed(self) -> None:
        i18n.apply(self.language())  # Qt sends LanguageChange: see changeEvent

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._name_buttons()
            self._fill_languages()
            self._fill_printers()
            self._printer_kind_changed()
            self._show_done()
        super().changeEvent(event)

    def _name_buttons(self) -> None:
        """QWizard names its buttons once, at start; Qt's own translation (qtbase) names
        them again in the language now installed (the wizard's style is never Mac's)."""
        from PySide6.QtCore import QCoreApplication

        button = QWizard.WizardButton
        for which, text in (
            (button.BackButton, "< &Back"),
            (button.NextButton, "&Next >"),
            (button.FinishButton, "&Finish"),
            (button.CancelButton, "Cancel"),
            (button.HelpButton, "&Help"),
        ):
            self.setButtonText(which, QCoreApplication.translate("QWizard", text))

    # -- the order of pages ----------------------------------------------------------------

    def demo_chosen(self) -> bool:
        return self.ui.demoRadio.isChecked()

    def nextId(self) -> int:
        page = self.currentId()
        if page == KIND:
            return PRINTER if self.demo_chosen() else STORE
        if page == PRINTER:
            return DONE
        if page == DONE:
            return -1
        return page + 1

    def initializePage(self, page: int) -> None:
        super().initializePage(page)
        if page == PRINTER:
            self._passed.discard(PRINTER)  # back from the last page: save again
        if page == DONE:
            self._show_done()
        focus = {
            LANGUAGE: self.ui.languageCombo,
            KIND: self.ui.demoRadio if self.demo_chosen() else self.ui.emptyRadio,
            STORE: self.ui.storeIdEdit,
            MANAGER: self.ui.managerEdit,
            SERVER: self.ui.serverUrlEdit,
            PRINTER: self.ui.printerKindCombo,
        }.get(page)
        if focus is not None:
            focus.setFocus()

    def validateCurrentPage(self) -> bool:
        """Checks the page; a page that writes starts its write and moves on when it is
        done (see `_write`), so Next does nothing meanwhile."""
        page = self.currentId()
        if self._busy:
            return False
        if page in self._passed:
            return True
        if page == KIND and self.demo_chosen():
            self._make_demo()
            return False
        if page == STORE:
            return self._check(self.ui.storeMessage, self._store_problem())
        if page == MANAGER:
            if self._check(self.ui.managerMessage, self._manager_problem()):
                self._make_store()
            return False
        if page == SERVER:
            return self._register()
        if page == PRINTER:
            self._save_printer()
            return False
        return True

    def _check(self, label: QLabel, problem: str | None) -> bool:
        say(label, problem or "", "error")
        return problem is None

    # -- checks said on the page (the services check again before writing) -----------------

    def _store_problem(self) -> str | None:
        from PySide6.QtCore import QRegularExpression

        from loyalty_desk.domain.timeutil import zone

        store_id = self.ui.storeIdEdit.text().strip()
        if not QRegularExpression(STORE_ID_RE).match(store_id).hasMatch():
            self.ui.storeIdEdit.setFocus()
            return self.tr(
                "The store id is 1 to 32 letters, digits, - or _, starting with a letter or "
                "digit (e.g. SH001)."
            )
        if zone(self.ui.timezoneCombo.currentText().strip()) is None:
            self.ui.timezoneCombo.setFocus()
            return self.tr("Choose a time zone from the list (e.g. Asia/Shanghai).")
        return None

    def _manager_problem(self) -> str | None:
        ui = self.ui
        if not ui.managerEdit.text().strip():
            ui.managerEdit.setFocus()
            return self.tr("Type the first manager's name.")
        name = validate_name(ui.managerEdit.text())
        if isinstance(name, Refusal):
            ui.managerEdit.setFocus()
            return said(name)
        if not PIN_PATTERN.match(ui.pinEdit.text()):
            ui.pinEdit.setFocus()
            return self.tr("The PIN is 4 to 12 digits.")
        if ui.pinEdit.text() != ui.pinAgainEdit.text():
            ui.pinAgainEdit.clear()
            ui.pinAgainEdit.setFocus()
            return self.tr("The two PINs differ; type the same PIN twice.")
        return None

    # -- writes on the worker --------------------------------------------------------------

    def _write(
        self,
        page: int,
        label: QLabel,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        what: str,
    ) -> None:
        """Run `work` off the GUI thread; when it is done the page counts as passed and the
        wizard moves on; a refusal is said on the page."""
        self._set_busy(True)
        say(label, what, "info")

        def done(value: Any) -> None:
            self._set_busy(False)
            say(label, "")
            on_done(value)
            self._passed.add(page)
            self.next()

        def refused(refusal: Refusal) -> None:
            self._set_busy(False)
            say(label, said(refusal), "error")

        self.ctx.ops.run(
            work,
            on_done=done,
            on_refusal=refused,
            on_finally=lambda: self._set_busy(False),
            owner=self,
            label=f"first run: {what}",
        )

    def _set_busy(self, busy: bool) -> None:
        if busy and not self._busy:
            self._focus = QApplication.focusWidget()  # a disabled page loses the focus
        self._busy = busy
        page = self.currentPage()
        if page is not None:
            page.setEnabled(not busy)
        if not busy and self._focus is not None and QApplication.focusWidget() is None:
            self._focus.setFocus()
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            button = self.button(which)
            if busy:
                button.setEnabled(False)
        if not busy:
            self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
            back_ok = self.currentId() not in (LANGUAGE,) and not self._past_commit()
            self.button(QWizard.WizardButton.BackButton).setEnabled(back_ok)

    def _past_commit(self) -> bool:
        history = self.visitedIds()
        return len(history) >= 2 and self.page(history[-2]).isCommitPage()

    def _store_made(self, store: FirstStore) -> None:
        self.store = store
        self.currentPage().setCommitPage(True)  # the store exists: no way back past here

    def _make_demo(self) -> None:
        from loyalty_desk.services import first_run
        from loyalty_desk.services.settings import Language

        data_dir, clock, count = self.ctx.data_dir, self.ctx.clock, self.demo_members
        language = Language(self.language())
        progress = self.progress
        self.ui.demoProgress.setRange(0, 0)
        self.ui.demoProgress.show()

        def work() -> FirstStore | Refusal:
            return first_run.create_demo(
                data_dir,
                language=language,
                members_count=count,
                progress=lambda done, total: progress.changed.emit(done, total),
                clock=clock,
            )

        self._write(
            KIND,
            self.ui.kindMessage,
            work,
            self._store_made,
            self.tr("Creating the demo store: members and fourteen months of purchases…"),
        )

    def _progressed(self, done: int, total: int) -> None:
        self.ui.demoProgress.setRange(0, total)
        self.ui.demoProgress.setValue(done)

    def _make_store(self) -> None:
        from loyalty_desk.services import first_run
        from loyalty_desk.services.settings import Language

        ui = self.ui
        data_dir, clock = self.ctx.data_dir, self.ctx.clock
        fields = {
            "store_id": ui.storeIdEdit.text(),
            "store_name": ui.storeNameEdit.text(),
            "timezone": ui.timezoneCombo.currentText().strip(),
            "manager": ui.managerEdit.text(),
            "pin": ui.pinEdit.text(),
            "pin_again": ui.pinAgainEdit.text(),
        }
        language = Language(self.language())

        def work() -> FirstStore | Refusal:
            return first_run.create_store(data_dir, language=language, clock=clock, **fields)

        self._write(
            MANAGER, ui.managerMessage, work, self._store_made, self.tr("Creating the store…")
        )

    def _register(self) -> bool:
        """Both fields empty: skipped (register later). Otherwise register now."""
        from loyalty_desk.services import sync

        ui = self.ui
        url, code = ui.serverUrlEdit.text().strip(), ui.serverCodeEdit.text().strip()
        if not url and not code:
            say(ui.serverMessage, "")
            return True
        if not url or not code:
            missing = ui.serverUrlEdit if not url else ui.serverCodeEdit
            missing.setFocus()
            return self._check(
                ui.serverMessage,
                self.tr(
                    "Type both the server address and the one-time code, or leave both "
                    "empty to register later."
                ),
            )
        desk = self._desk()

        def registered(result: RegisterResult) -> None:
            self.registered = result
            ui.serverUrlEdit.setReadOnly(True)
            ui.serverCodeEdit.setReadOnly(True)

        self._write(
            SERVER,
            ui.serverMessage,
            lambda: sync.register(desk, url, code),
            registered,
            self.tr("Registering with {url}…").format(url=url),
        )
        return False

    # -- printer ---------------------------------------------------------------------------

    def _fill_printers(self) -> None:
        from loyalty_desk.services.printer_choice import WIDTHS, PrinterKind

        ui = self.ui
        kind = ui.printerKindCombo.currentData()
        ui.printerKindCombo.blockSignals(True)
        ui.printerKindCombo.clear()
        for value, text in (
            (PrinterKind.NONE, self.tr("No printer yet: save as PDF files")),
            (PrinterKind.SYSTEM, self.tr("A printer of this computer")),
            (RECEIPT_PRINTER, self.tr("Receipt printer (ESC/POS)")),
        ):
            ui.printerKindCombo.addItem(text, str(value))
        ui.printerKindCombo.setCurrentIndex(max(0, ui.printerKindCombo.findData(kind)))
        ui.printerKindCombo.blockSignals(False)
        width = ui.paperCombo.currentData()
        ui.paperCombo.clear()
        for mm in sorted(WIDTHS, reverse=True):
            ui.paperCombo.addItem(self.tr("{mm} mm").format(mm=mm), mm)
        ui.paperCombo.setCurrentIndex(max(0, ui.paperCombo.findData(width)))

    def _printer_kind_changed(self) -> None:
        from loyalty_desk.services.printer_choice import PrinterKind

        ui = self.ui
        kind = ui.printerKindCombo.currentData() or str(PrinterKind.NONE)
        combo = ui.printerTargetCombo
        current = combo.currentText()
        combo.clear()
        if kind == PrinterKind.SYSTEM:
            from PySide6.QtPrintSupport import QPrinterInfo  # only here: slow to load

            combo.addItems(QPrinterInfo.availablePrinterNames())
            hint = self.tr("The printers this computer knows; empty: its default printer.")
        elif kind == RECEIPT_PRINTER:
            hint = self.tr(
                "How it is connected: net:192.168.1.50:9100, usb:04b8:0202 (vendor:product), "
                "win:PRINTER NAME or file:PATH."
            )
        else:
            hint = self.tr("Vouchers and slips are saved as PDF files to print elsewhere.")
        combo.setCurrentText(current if kind != PrinterKind.NONE else "")
        combo.setEnabled(kind != PrinterKind.NONE)
        ui.paperCombo.setEnabled(kind == RECEIPT_PRINTER)
        ui.printerHint.setText(hint)

    def printer_choice(self) -> PrinterChoice | str:
        """The printer chosen on the page, or what is wrong with it (said on the page)."""
        from loyalty_desk.services.printer_choice import PrinterChoice, PrinterKind, receipt_printer
        from loyalty_desk.vouchers.escpos import PrinterError

        ui = self.ui
        kind = ui.printerKindCombo.currentData() or str(PrinterKind.NONE)
        target = ui.printerTargetCombo.currentText().strip()
        width_mm = int(ui.paperCombo.currentData() or 80)
        if kind == RECEIPT_PRINTER:
            try:
                return receipt_printer(target, width_mm)
            except PrinterError:
                return self.tr(
                    "Write how the receipt printer is connected: net:192.168.1.50:9100, "
                    "usb:04b8:0202, win:PRINTER NAME or file:PATH."
                )
        if kind == PrinterKind.SYSTEM:
            return PrinterChoice(PrinterKind.SYSTEM, target, width_mm)
        return PrinterChoice(PrinterKind.NONE, "", width_mm)

    def _printer_problem(self, problem: str) -> None:
        say(self.ui.printerMessage, problem, "error")
        self.ui.printerTargetCombo.setFocus()

    def _save_printer(self) -> None:
        from loyalty_desk.services import vouchers

        desk, choice = self._desk(), self.printer_choice()
        if isinstance(choice, str):
            self._printer_problem(choice)
            return
        self._write(
            PRINTER,
            self.ui.printerMessage,
            lambda: vouchers.save_printer_choice(desk, choice),
            lambda _saved: None,
            self.tr("Saving the printer…"),
        )

    def test_print(self) -> None:
        """Save the choice, render a sample card for it, then print it on that printer."""
        from loyalty_desk.gui.printing import Document, Printing
        from loyalty_desk.services import vouchers

        ui = self.ui
        desk, choice = self._desk(), self.printer_choice()
        if isinstance(choice, str):
            self._printer_problem(choice)
            return

        def work() -> Document | Refusal:
            saved = vouchers.save_printer_choice(desk, choice)
            if isinstance(saved, Refusal):
                return saved
            pdf = vouchers.render_test_page(desk)
            thermal = vouchers.render_test_page(
                desk,
                vouchers.Layout(format=vouchers.Format.ESCPOS, width_mm=choice.width_mm),
            )
            if isinstance(pdf, Refusal):
                return pdf
            if isinstance(thermal, Refusal):
                return thermal
            return Document(self.tr("Test page"), pdf, thermal)

        def rendered(document: Document) -> None:
            printing = Printing(desk, self)
            printing.done.connect(lambda text: say(ui.printerMessage, text, "ok"))
            printing.failed.connect(lambda text: say(ui.printerMessage, text, "error"))
            self.printing = printing  # kept: a thermal job reports back later
            printing.print(document)

        ui.testPrintButton.setEnabled(False)
        say(ui.printerMessage, self.tr("Printing a test page…"), "info")
        self.ctx.ops.run(
            work,
            on_done=rendered,
            on_refusal=lambda r: say(ui.printerMessage, said(r), "error"),
            on_finally=lambda: ui.testPrintButton.setEnabled(True),
            owner=self,
            label="first run: test page",
        )

    # -- the end ---------------------------------------------------------------------------

    def _desk(self) -> Desk:
        if self.store is None:
            raise RuntimeError("the store is made before this page")
        return self.store.desk

    def _show_done(self) -> None:
        store = self.store
        if store is None:
            self.ui.doneText.setText("")
            return
        if store.demo:
            from loyalty_desk.services.demo import DEMO_CASHIER, DEMO_MANAGER

            text = self.tr(
                "The demo store is ready. Sign in as {cashier} (PIN {cashier_pin}) or as the "
                "manager {manager} (PIN {manager_pin})."
            ).format(
                cashier=DEMO_CASHIER[0],
                cashier_pin=DEMO_CASHIER[1],
                manager=DEMO_MANAGER[0],
                manager_pin=DEMO_MANAGER[1],
            )
        else:
            text = self.tr(
                "{name} ({store_id}) is ready. Sign in as {manager} with the PIN you chose, "
                "then add your cashiers under Settings."
            ).format(name=store.store_name, store_id=store.store_id, manager=store.manager)
            if self.registered is not None:
                text += "\n\n" + self.tr("Registered with {url}.").format(
                    url=self.registered.server_url
                )
            else:
                text += "\n\n" + self.tr(
                    "Not registered with the chain's server: a manager can do it later with "
                    "`loyalty-desk register --server URL --code CODE`."
                )
        self.ui.doneText.setText(text)

    def _messages(self) -> tuple[QLabel, ...]:
        ui = self.ui
        return (
            ui.kindMessage,
            ui.storeMessage,
            ui.managerMessage,
            ui.serverMessage,
            ui.printerMessage,
        )

    def reject(self) -> None:
        if self._busy:
            return  # the store is being written; closing now would leave half a store
        if self.store is not None:
            # The store exists: the rest can be done later in Settings. QWizard would
            # validate (and so save) the page first; leaving skips that.
            self._close(QDialog.DialogCode.Accepted)
            return
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        bring_forward(self)

    def done(self, result: int) -> None:
        super().done(result)  # QWizard refuses to finish while the last page is invalid
        if not self.isVisible():
            self._closed()

    def _close(self, result: QDialog.DialogCode) -> None:
        QDialog.done(self, result)
        self._closed()

    def _closed(self) -> None:
        if self.store is not None:
            desk = self.store.desk
            self.ctx.ops.run(desk.close, busy=False, label="first run: close")
        hand_back(self)

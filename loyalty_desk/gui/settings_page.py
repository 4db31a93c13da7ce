"""Settings (managers): store name, time zone, language, printer, the central server (see
gui/server_settings.py), and staff accounts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QWidget

from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.forms.ui_settings_page import Ui_SettingsPage
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.rows_model import RowsModel
from loyalty_desk.gui.server_settings import ServerSettings
from loyalty_desk.gui.staff_dialog import StaffDialog
from loyalty_desk.gui.widgets import fill_timezones, no_input_method, say, tidy_table
from loyalty_desk.services import settings, staff_admin
from loyalty_desk.services.printer_choice import WIDTHS, PrinterChoice, PrinterKind
from loyalty_desk.services.settings import Language, StoreSettings
from loyalty_desk.services.staff_admin import StaffAccount
from loyalty_desk.vouchers.escpos import QrMode


class StaffModel(RowsModel[StaffAccount]):
    columns = 3

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Role"), self.tr("Status"))[section]

    def status(self, account: StaffAccount) -> str:
        if not account.active:
            return self.tr("Closed")
        if account.locked(self.ctx.desk.now()):
            return self.tr("Locked until {time}").format(
                time=fmt.local_time(account.locked_until, self.ctx.tz, with_date=False)
            )
        return self.tr("Active")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return a.name
            if index.column() == 1:
                return self.tr("Manager") if a.role == "manager" else self.tr("Cashier")
            return self.status(a)
        if role == Qt.ItemDataRole.ForegroundRole and not a.active:
            return Qt.GlobalColor.gray
        return None


class SettingsPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        ui = self.ui
        for language, text in (
            (Language.SYSTEM, self.tr("As the computer is set")),
            (Language.CHINESE, "简体中文"),
            (Language.ENGLISH, "English"),
        ):
            ui.languageCombo.addItem(text, str(language))
        self._fill_printer_combos()
        ui.printerKindCombo.currentIndexChanged.connect(lambda _i: self._printer_kind_changed())
        no_input_method(ui.printerTargetCombo)
        ui.saveButton.clicked.connect(self.save)
        ui.languageNote.setText(
            self.tr("The screens switch to the language as soon as the settings are saved.")
        )
        self.staff = StaffModel(ctx)
        ui.staffView.setModel(self.staff)
        tidy_table(ui.staffView)
        ui.staffView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.staffView.selectionModel().currentRowChanged.connect(lambda *_: self._staff_buttons())
        ui.addStaffButton.clicked.connect(lambda: self._staff_dialog(StaffDialog.Mode.ADD))
        ui.setPinButton.clicked.connect(lambda: self._staff_dialog(StaffDialog.Mode.SET_PIN))
        ui.unlockButton.clicked.connect(lambda: self._staff_dialog(StaffDialog.Mode.UNLOCK))
        ui.activeButton.clicked.connect(self._toggle_active)
        say(ui.settingsMessage, "")
        say(ui.staffMessage, "")
        # Above the staff accounts, apart from the store's settings and their Save button:
        # registering is a step of its own, done at once.
        self.server = ServerSettings(ctx, self)
        ui.rightColumn.insertWidget(0, self.server)
        self._printers_listed = False
        self._staff_buttons()

    # -- loading ---------------------------------------------------------------------------

    def activate(self) -> None:
        desk = self.ctx.desk
        self.ctx.ops.run(
            lambda: settings.load(desk), on_done=self._show, owner=self, label="settings"
        )
        self.server.load()
        self.load_staff()
        self.ui.storeNameEdit.setFocus()

    def load_staff(self) -> None:
        desk = self.ctx.desk
        self.ctx.ops.run(
            lambda: staff_admin.accounts(desk),
            on_done=self.staff.set_rows,
            owner=self,
            label="staff accounts",
        )

    def _show(self, store: StoreSettings) -> None:
        ui = self.ui
        ui.storeIdValue.setText(store.store_id)
        ui.storeNameEdit.setText(store.store_name)
        if ui.timezoneCombo.count() == 0:
            fill_timezones(ui.timezoneCombo, store.timezone)
        ui.timezoneCombo.setCurrentText(store.timezone)
        ui.languageCombo.setCurrentIndex(ui.languageCombo.findData(str(store.language)))
        ui.printerKindCombo.setCurrentIndex(ui.printerKindCombo.findData(str(store.printer.kind)))
        ui.paperCombo.setCurrentIndex(max(0, ui.paperCombo.findData(store.printer.width_mm)))
        ui.qrCombo.setCurrentIndex(max(0, ui.qrCombo.findData(str(store.printer.qr))))
        self._printer_kind_changed()
        ui.printerTargetCombo.setCurrentText(store.printer.target)
        if store.printer_unreadable:
            say(
                ui.settingsMessage,
                self.tr(
                    "The printer setting stored on this computer cannot be read ({value}); "
                    "vouchers and slips are saved as PDF files until a printer is chosen "
                    "and saved."
                ).format(value=store.printer_unreadable),
                "warn",
            )

    def _fill_printer_combos(self) -> None:
        """The printer's choices in the current language, keeping what is selected."""
        ui = self.ui
        for combo, items in (
            (
                ui.printerKindCombo,
                (
                    (PrinterKind.NONE, self.tr("No printer")),
                    (PrinterKind.SYSTEM, self.tr("A printer of this computer")),
                    (
                        PrinterKind.ESCPOS_NETWORK,
                        self.tr("Receipt printer on the network (ESC/POS)"),
                    ),
                    (PrinterKind.ESCPOS_USB, self.tr("Receipt printer on USB (ESC/POS)")),
                    (
                        PrinterKind.ESCPOS_WINDOWS,
                        self.tr("Receipt printer by its Windows name (ESC/POS)"),
                    ),
                    (
                        PrinterKind.ESCPOS_FILE,
                        self.tr("Receipt printer as a file or device (ESC/POS)"),
                    ),
                ),
            ),
            (
                ui.paperCombo,
                tuple(
                    (mm, self.tr("{mm} mm").format(mm=mm)) for mm in sorted(WIDTHS, reverse=True)
                ),
            ),
            (
                ui.qrCombo,
                (
                    (QrMode.NATIVE, self.tr("Drawn by the printer")),
                    (QrMode.IMAGE, self.tr("Sent as a picture (printers without a QR command)")),
                ),
            ),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for value, text in items:
                combo.addItem(text, value if isinstance(value, int) else str(value))
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def _printer_kind_changed(self) -> None:
        ui = self.ui
        kind = PrinterKind(ui.printerKindCombo.currentData() or PrinterKind.NONE)
        combo = ui.printerTargetCombo
        combo.setEnabled(kind is not PrinterKind.NONE)
        thermal = PrinterChoice(kind).thermal  # paper and QR mode: receipt printers only
        ui.paperCombo.setEnabled(thermal)
        ui.qrCombo.setEnabled(thermal)
        current = combo.currentText()
        combo.clear()
        if kind in (PrinterKind.SYSTEM, PrinterKind.ESCPOS_WINDOWS):
            from PySide6.QtPrintSupport import QPrinterInfo  # only here: slow to load

            combo.addItems(QPrinterInfo.availablePrinterNames())
        if kind is PrinterKind.SYSTEM:
            hint = self.tr("The printers this computer knows.")
        elif kind is PrinterKind.ESCPOS_NETWORK:
            hint = self.tr("Its address, e.g. 192.168.1.50:9100")
        elif kind is PrinterKind.ESCPOS_USB:
            hint = self.tr("Vendor and product id in hex, e.g. 04b8:0202")
        elif kind is PrinterKind.ESCPOS_WINDOWS:
            hint = self.tr("The printer's name in Windows; the receipts go to it unchanged.")
        elif kind is PrinterKind.ESCPOS_FILE:
            hint = self.tr("The file or device it is written to, e.g. /dev/usb/lp0")
        else:
            hint = self.tr("Vouchers and slips are saved as PDF files to print elsewhere.")
        combo.setCurrentText(current if kind is not PrinterKind.NONE else "")
        ui.printerHint.setText(hint)

    # -- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        ui = self.ui
        if self.ctx.staff is None:
            return
        desk, actor = self.ctx.desk, self.ctx.staff.name
        name = ui.storeNameEdit.text()
        tz = ui.timezoneCombo.currentText()
        language = Language(ui.languageCombo.currentData())
        printer = PrinterChoice(
            kind=PrinterKind(ui.printerKindCombo.currentData()),
            target=ui.printerTargetCombo.currentText(),
            width_mm=int(ui.paperCombo.currentData()),
            qr=QrMode(ui.qrCombo.currentData()),
        )
        ui.saveButton.setEnabled(False)
        self.ctx.ops.run(
            lambda: settings.save(
                desk, store_name=name, timezone=tz, language=language, printer=printer, actor=actor
            ),
            on_done=self._saved,
            on_refusal=lambda r: say(ui.settingsMessage, said(r), "error"),
            on_finally=lambda: ui.saveButton.setEnabled(True),
            owner=self,
            label="save settings",
        )

    def _saved(self, store: StoreSettings) -> None:
        self.ctx.settings_changed.emit(store)
        self._show(store)
        say(self.ui.settingsMessage, self.tr("Settings saved."), "ok")

    # -- staff -----------------------------------------------------------------------------

    def _selected(self) -> StaffAccount | None:
        index = self.ui.staffView.currentIndex()
        return self.staff.rows[index.row()] if index.isValid() else None

    def _staff_buttons(self) -> None:
        account = self._selected()
        ui = self.ui
        for button in (ui.setPinButton, ui.unlockButton, ui.activeButton):
            button.setEnabled(account is not None)
        if account is not None:
            ui.unlockButton.setEnabled(account.locked(self.ctx.desk.now()))
            ui.activeButton.setText(
                self.tr("Close account…") if account.active else self.tr("Reopen account…")
            )

    def _staff_dialog(self, mode: StaffDialog.Mode) -> None:
        account = self._selected()
        name = account.name if account is not None else ""
        if mode is not StaffDialog.Mode.ADD and account is None:
            return
        dialog = StaffDialog(self.ctx, mode, name, self)
        dialog.changed.connect(self._staff_changed)
        dialog.open()

    def _toggle_active(self) -> None:
        account = self._selected()
        if account is not None:
            mode = StaffDialog.Mode.CLOSE if account.active else StaffDialog.Mode.REOPEN
            self._staff_dialog(mode)

    def _staff_changed(self, text: str) -> None:
        say(self.ui.staffMessage, text, "ok")
        self.load_staff()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill_printer_combos()
            self._printer_kind_changed()  # its hint, in the new language
        super().changeEvent(event)

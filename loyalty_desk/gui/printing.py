"""Printing from the desktop client: preview, then the printer chosen in settings.

    system   a printer of the operating system, through Qt's print dialog
    thermal  an ESC/POS receipt printer (USB, network 9100, Windows queue, file)
    pdf      save as a PDF file

The preview always shows the PDF rendering (for a thermal printer, its 80 mm version).
A batch of vouchers renders in a worker thread behind a progress bar that can be cancelled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, QSizeF, QThread, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.gui.formatting import translate
from loyalty_desk.gui.operations import said
from loyalty_desk.services import printer_choice as printers
from loyalty_desk.services import vouchers
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.printer_choice import PrinterChoice, PrinterKind

ChooseFile = Callable[[QWidget | None, str], str | None]


@dataclass(frozen=True, slots=True)
class Document:
    """One thing to print, rendered for both kinds of printer."""

    title: str
    pdf: bytes
    escpos: bytes


def _both(
    title: str, render: Callable[[vouchers.Layout], bytes | Refusal], choice: PrinterChoice
) -> Document | Refusal:
    pdf = render(vouchers.Layout())
    if isinstance(pdf, Refusal):
        return pdf
    thermal = vouchers.Layout(format=vouchers.Format.ESCPOS, width_mm=choice.width_mm, qr=choice.qr)
    escpos = render(thermal)
    if isinstance(escpos, Refusal):
        return escpos
    return Document(title, pdf, escpos)


def voucher_document(desk: Desk, code: str) -> Document | Refusal:
    choice = printers.load(desk)
    return _both(
        translate("Printing", "Voucher"),
        lambda layout: vouchers.render_voucher(desk, code, layout),
        choice,
    )


def slip_document(desk: Desk, receipt_no: str) -> Document | Refusal:
    choice = printers.load(desk)
    return _both(
        translate("Printing", "Points slip"),
        lambda layout: vouchers.render_slip(desk, receipt_no, layout),
        choice,
    )


def card_document(desk: Desk, member_ref: str) -> Document | Refusal:
    choice = printers.load(desk)
    return _both(
        translate("Printing", "Member card"),
        lambda layout: vouchers.render_card(desk, member_ref, layout),
        choice,
    )


# -- painting a PDF onto a QPrinter --------------------------------------------------------


def load_pdf(data: bytes) -> QPdfDocument:
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


def paint_pdf(data: bytes, printer: QPrinter) -> int:
    """Every page of the PDF onto the printer, each on paper of its own size; returns pages.

    Pages are drawn as images at the printer's resolution (QtPdf renders to images), which
    is what a thermal or laser printer gets from any PDF viewer too.
    """
    document = load_pdf(data)
    pages = document.pageCount()
    printer.setFullPage(True)
    painter = QPainter()
    for index in range(pages):
        points = document.pagePointSize(index)
        size = QPageSize(
            QSizeF(points), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch
        )
        if index == 0:
            printer.setPageSize(size)
            printer.setPageOrientation(QPageLayout.Orientation.Portrait)
            if not painter.begin(printer):
                return 0
        else:
            printer.setPageSize(size)
            printer.newPage()
        dpi = printer.resolution()
        pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        image: QImage = document.render(index, pixels)
        target = printer.pageLayout().fullRectPixels(dpi)
        painter.drawImage(target, image)
    if painter.isActive():
        painter.end()
    return pages


# -- sending to the chosen printer ---------------------------------------------------------


def ask_save_path(parent: QWidget | None, title: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, translate("Printing", "Save as PDF"), f"{title}.pdf", "PDF (*.pdf)"
    )
    return path or None


class ThermalSender(QThread):
    """One ESC/POS job to the thermal printer, off the GUI thread."""

    outcome = Signal(object)  # bytes sent (int), or the Refusal saying why not

    def __init__(self, desk: Desk, job: bytes, target: str, parent: QObject | None = None):
        super().__init__(parent)
        self.desk = desk
        self.job = job
        self.target = target

    def run(self) -> None:
        self.outcome.emit(vouchers.print_thermal(self.desk, self.job, self.target))


class Printing(QObject):
    """Prints documents on the printer chosen in settings; reports what happened."""

    done = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        choose_file: ChooseFile = ask_save_path,
        ask_printer: bool = True,
        printer: QPrinter | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.widget = parent
        self.choose_file = choose_file
        self.ask_printer = ask_printer
        self.printer = printer
        self.sending: ThermalSender | None = None

    def choice(self) -> PrinterChoice:
        return printers.load(self.desk)

    def print(self, document: Document) -> bool:
        choice = self.choice()
        if choice.thermal:
            return self._thermal(document, choice)
        if choice.kind is PrinterKind.SYSTEM:
            return self._system(document, choice)
        return self.save_pdf(document)

    def save_pdf(self, document: Document) -> bool:
        path = self.choose_file(self.widget, document.title)
        if path is None:
            return False
        try:
            Path(path).write_bytes(document.pdf)
        except OSError as exc:
            self.failed.emit(
                translate("Printing", "Cannot save {path}: {exc}").format(path=path, exc=exc)
            )
            return False
        self.done.emit(translate("Printing", "Saved {path}").format(path=path))
        return True

    def _thermal(self, document: Document, choice: PrinterChoice) -> bool:
        """Sent off a worker thread: an unplugged network printer takes seconds to time out,
        and the till must not freeze meanwhile. `done` or `failed` follows."""
        sender = ThermalSender(self.desk, document.escpos, choice.connection, self)
        sender.outcome.connect(self._thermal_outcome)
        sender.start()
        self.sending = sender
        return True

    def _thermal_outcome(self, outcome: object) -> None:
        if isinstance(outcome, Refusal):
            self.failed.emit(said(outcome))
        else:
            self.done.emit(translate("Printing", "Printed on the receipt printer"))

    def _system(self, document: Document, choice: PrinterChoice) -> bool:
        printer = self.printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        if choice.system_name and self.printer is None:
            printer.setPrinterName(choice.system_name)
        printer.setDocName(document.title)
        if self.ask_printer:
            dialog = QPrintDialog(printer, self.widget)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        if paint_pdf(document.pdf, printer) == 0:
            self.failed.emit(translate("Printing", "The printer could not be opened."))
            return False
        self.done.emit(
            translate("Printing", "Sent to {printer}").format(printer=printer.printerName())
            if printer.printerName()
            else translate("Printing", "Sent to the printer")
        )
        return True


# -- preview dialog ------------------------------------------------------------------------


class PrintPreviewDialog(QDialog):
    """The document as it will come out, with Print (chosen printer) and Save as PDF."""

    def __init__(self, printing: Printing, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.printing = printing
        self.document = document
        self.setWindowTitle(
            translate("Printing", "Print preview — {title}").format(title=document.title)
        )
        self.preview_printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        self.preview = QPrintPreviewWidget(self.preview_printer, self)
        self.preview.paintRequested.connect(lambda printer: paint_pdf(document.pdf, printer))
        self.preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitInView)
        self.preview.setMinimumSize(420, 560)
        choice = printing.choice()
        if choice.thermal:
            where = translate("Printing", "receipt printer {target} ({mm} mm)").format(
                target=choice.connection, mm=choice.width_mm
            )
        elif choice.kind is PrinterKind.SYSTEM:
            where = choice.system_name or translate("Printing", "system printer")
        else:
            where = translate("Printing", "PDF file")
        self.where = QLabel(translate("Printing", "Printer: {where}").format(where=where))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.print_button = QPushButton(translate("Printing", "Print"))
        self.save_button = QPushButton(translate("Printing", "Save as PDF"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(self.where)
        layout.addWidget(buttons)
        printing.failed.connect(
            lambda message: QMessageBox.warning(self, self.windowTitle(), message)
        )

    def page_count(self) -> int:
        self.preview.updatePreview()
        count: int = self.preview.pageCount()
        return count

    def _print(self) -> None:
        if self.printing.print(self.document):
            self.accept()

    def _save(self) -> None:
        if self.printing.save_pdf(self.document):
            self.accept()


# -- a batch behind a progress bar ---------------------------------------------------------


class _Cancelled(Exception):
    pass


class BatchRenderer(QThread):
    """Renders a batch of vouchers off the GUI thread, reporting each page."""

    progressed = Signal(int, int)
    rendered = Signal(object)  # Document
    failed = Signal(str)

    def __init__(self, desk: Desk, codes: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.codes = tuple(codes)
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def _progress(self, done: int, total: int) -> None:
        if self._cancel:
            raise _Cancelled
        self.progressed.emit(done, total)

    def run(self) -> None:
        contents = vouchers.voucher_contents(self.desk, self.codes)
        if isinstance(contents, Refusal):
            self.failed.emit(said(contents))
            return
        choice = printers.load(self.desk)
        try:
            pdf = vouchers.render_batch(
                contents, vouchers.Layout(page=vouchers.PageSize.A6), self._progress
            )
            escpos = vouchers.render_batch(
                contents,
                vouchers.Layout(
                    format=vouchers.Format.ESCPOS, width_mm=choice.width_mm, qr=choice.qr
                ),
            )
        except _Cancelled:
            self.failed.emit(translate("Printing", "Cancelled."))
            return
        title = translate("Printing", "{n} vouchers").format(n=len(contents))
        self.rendered.emit(Document(title, pdf, escpos))


class BatchPrintDialog(QDialog):
    """'Rendering 340 of 1,000 vouchers…' — then the preview, or a message."""

    ready = Signal(object)  # Document

    def __init__(self, desk: Desk, codes: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Printing", "Printing vouchers"))
        self.document: Document | None = None
        self.label = QLabel(translate("Printing", "Rendering {n} vouchers…").format(n=len(codes)))
        self.bar = QProgressBar(self)
        self.bar.setRange(0, max(1, len(codes)))
        self.bar.setValue(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)
        self.worker = BatchRenderer(desk, codes, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.rendered.connect(self._rendered)
        self.worker.failed.connect(self.label.setText)

    def start(self) -> None:
        self.worker.start()

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setValue(done)
        self.label.setText(
            translate("Printing", "Rendering {done} of {total} vouchers…").format(
                done=done, total=total
            )
        )

    def _rendered(self, document: Document) -> None:
        self.document = document
        self.label.setText(translate("Printing", "Ready to print."))
        self.ready.emit(document)
        self.accept()

    def reject(self) -> None:
        self.worker.cancel()
        self.worker.wait()
        super().reject()


def print_batch(desk: Desk, codes: Sequence[str], parent: QWidget | None = None) -> bool:
    """Render with a progress bar, then preview and print on the chosen printer."""
    progress = BatchPrintDialog(desk, codes, parent)
    progress.start()
    if progress.exec() != QDialog.DialogCode.Accepted or progress.document is None:
        return False
    preview = PrintPreviewDialog(Printing(desk, parent), progress.document, parent)
    return preview.exec() == QDialog.DialogCode.Accepted


def print_with_preview(
    document: Document | Refusal, desk: Desk, parent: QWidget | None = None
) -> bool:
    """Preview one voucher, slip or card, then print it on the chosen printer."""
    if isinstance(document, Refusal):
        QMessageBox.warning(parent, translate("Printing", "Cannot print"), said(document))
        return False
    preview = PrintPreviewDialog(Printing(desk, parent), document, parent)
    return preview.exec() == QDialog.DialogCode.Accepted

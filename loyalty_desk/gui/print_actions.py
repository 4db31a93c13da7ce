"""Paper from the cashier's screens: the points slip, the member card, one voucher.

The document is rendered on the database worker (it reads the till), then shown in the
print preview; Print sends it to the printer chosen in settings, Save as PDF asks where.
What happened (printed, saved, refused) is said on the screen that asked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import hand_back
from loyalty_desk.gui.operations import said

if TYPE_CHECKING:  # QtPdf and QtPrintSupport load on the first print, not at sign-in
    from loyalty_desk.gui import printing

Report = Callable[[str, str], None]  # (text, tone)


def choose_pdf_path(parent: QWidget | None, title: str) -> str | None:
    """Where to save a PDF: asked with the system's file dialog (tests replace this)."""
    from loyalty_desk.gui import printing

    return printing.ask_save_path(parent, title)


def printer_job(ctx: Context, parent: QWidget, report: Report) -> printing.Printing:
    """A print job on the chosen printer whose outcome is said through `report`."""
    from loyalty_desk.gui import printing

    job = printing.Printing(
        ctx.desk, parent, choose_file=lambda widget, title: choose_pdf_path(widget, title)
    )
    job.done.connect(lambda text: report(text, "ok"))
    job.failed.connect(lambda text: report(text, "error"))
    return job


class PrintActions(QObject):
    previewed = Signal(object)  # the PrintPreviewDialog now on screen

    def __init__(self, ctx: Context, parent: QWidget, report: Report) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.report = report

    def slip(self, receipt_no: str) -> None:
        from loyalty_desk.gui import printing

        desk = self.ctx.desk
        self._preview(lambda: printing.slip_document(desk, receipt_no), "points slip")

    def card(self, member_code: str) -> None:
        from loyalty_desk.gui import printing

        desk = self.ctx.desk
        self._preview(lambda: printing.card_document(desk, member_code), "member card")

    def voucher(self, code: str) -> None:
        from loyalty_desk.gui import printing

        desk = self.ctx.desk
        self._preview(lambda: printing.voucher_document(desk, code), "voucher")

    def _preview(self, render: Callable[[], printing.Document | Refusal], label: str) -> None:
        self.ctx.ops.run(
            render,
            on_done=self._show,
            on_refusal=lambda refusal: self.report(said(refusal), "error"),
            owner=self.widget,
            label=f"render {label}",
        )

    def _show(self, document: printing.Document) -> None:
        from loyalty_desk.gui import printing

        job = printer_job(self.ctx, self.widget, self.report)
        dialog = printing.PrintPreviewDialog(job, document, self.widget.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.print_button.setDefault(True)  # Enter prints, Esc closes
        dialog.finished.connect(lambda _result: hand_back(dialog))  # the keyboard returns
        dialog.open()
        self.previewed.emit(dialog)

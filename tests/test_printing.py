"""Printing from the client: Qt's printer path, thermal, save as PDF, preview, a 1,000 batch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtPrintSupport import QPrinter

from loyalty_desk.domain.coupons import Kind, promotion_terms
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.gui import printing
from loyalty_desk.services import coupons, members, vouchers
from loyalty_desk.services.coupon_issue import issue_coupon
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.printer_choice import PrinterChoice, PrinterKind
from loyalty_desk.services.usecase import unwrap
from tests.pdf_check import decode_qr, page_count, rasterise


def welcome(desk: Desk) -> str:
    member = unwrap(members.enroll(desk, "13812345678", "李雷")).code
    (coupon,) = unwrap(coupons.list_for_member(desk, member))
    return coupon.code


def pdf_printer(path: Path) -> QPrinter:
    """Qt's printer object with PDF output: the same painting a system printer receives."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_system_printer_path_paints_every_page(desk: Desk, qtbot: Any, tmp_path: Path) -> None:
    code = welcome(desk)
    unwrap(vouchers.save_printer_choice(desk, PrinterChoice(PrinterKind.SYSTEM)))
    document = printing.voucher_document(desk, code)
    assert isinstance(document, printing.Document)
    out = tmp_path / "printed.pdf"
    job = printing.Printing(desk, ask_printer=False, printer=pdf_printer(out))
    with qtbot.waitSignal(job.done, timeout=10_000):
        assert job.print(document)
    printed = out.read_bytes()
    assert page_count(printed) == 1
    assert decode_qr(rasterise(printed, dpi=150)[0]) == [code]


def test_thermal_printer_gets_the_escpos_job(desk: Desk, qtbot: Any, tmp_path: Path) -> None:
    code = welcome(desk)
    target = tmp_path / "lp0"
    choice = PrinterChoice(PrinterKind.ESCPOS_FILE, str(target), width_mm=58)
    unwrap(vouchers.save_printer_choice(desk, choice))
    document = printing.voucher_document(desk, code)
    assert isinstance(document, printing.Document)
    assert document.escpos == unwrap(
        vouchers.render_voucher(
            desk, code, vouchers.Layout(format=vouchers.Format.ESCPOS, width_mm=58)
        )
    )
    job = printing.Printing(desk)
    with qtbot.waitSignal(job.done, timeout=5_000):
        assert job.print(document)
    assert job.sending is not None and job.sending.wait(5_000)
    assert target.read_bytes() == document.escpos
    unwrap(
        vouchers.save_printer_choice(
            desk,
            PrinterChoice(PrinterKind.ESCPOS_NETWORK, "127.0.0.1:1"),
        )
    )
    with qtbot.waitSignal(job.failed, timeout=30_000) as failure:
        assert job.print(document)  # handed to the sender thread
    assert "127.0.0.1:1" in failure.args[0]
    assert job.sending is not None and job.sending.wait(5_000)


def test_save_as_pdf_and_preview(desk: Desk, qtbot: Any, tmp_path: Path) -> None:
    member = unwrap(members.enroll(desk, "13812345678", "李雷")).code
    document = printing.card_document(desk, member)
    assert isinstance(document, printing.Document)
    target = tmp_path / "card.pdf"
    job = printing.Printing(desk, choose_file=lambda parent, title: str(target))
    dialog = printing.PrintPreviewDialog(job, document)
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 1
    assert "PDF" in dialog.where.text()  # the default choice: save as PDF
    with qtbot.waitSignal(job.done, timeout=5_000):
        dialog.print_button.click()
    assert target.read_bytes() == document.pdf
    assert dialog.result() == printing.PrintPreviewDialog.DialogCode.Accepted
    cancelled = printing.Printing(desk, choose_file=lambda parent, title: None)
    assert not cancelled.save_pdf(document)
    missing = printing.slip_document(desk, "NOPE")
    assert not isinstance(missing, printing.Document)


def test_a_thousand_vouchers_render_behind_a_progress_bar(desk: Desk, qtbot: Any) -> None:
    now = desk.now()
    terms = promotion_terms(desk.rules_at(now).coupons, Kind.WINBACK, local_date(now, desk.tz))
    with desk.write() as s:
        codes = [issue_coupon(s, desk, None, terms, now, rule_version=1).code for _ in range(1_000)]
    dialog = printing.BatchPrintDialog(desk, codes)
    qtbot.addWidget(dialog)
    values: list[int] = []
    dialog.bar.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.ready, timeout=120_000) as ready:
        dialog.start()
    document = ready.args[0]
    assert dialog.bar.value() == dialog.bar.maximum() == 1_000
    assert len(values) > 1 and values == sorted(values)  # it moved, and only forward
    assert page_count(document.pdf) == 1_000
    last = rasterise(document.pdf, dpi=100, pages=range(999, 1_000))[0]
    assert decode_qr(last) == [codes[-1]]
    assert document.escpos.count(b"\x1d\x56\x00") == 1_000


def test_a_batch_can_be_cancelled(desk: Desk, qtbot: Any) -> None:
    now = desk.now()
    terms = promotion_terms(desk.rules_at(now).coupons, Kind.WINBACK, local_date(now, desk.tz))
    with desk.write() as s:
        codes = [issue_coupon(s, desk, None, terms, now, rule_version=1).code for _ in range(300)]
    dialog = printing.BatchPrintDialog(desk, codes)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.bar.valueChanged, timeout=30_000):
        dialog.start()
    dialog.reject()
    assert dialog.document is None and not dialog.worker.isRunning()
    assert dialog.bar.value() < 300

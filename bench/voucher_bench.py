"""Voucher rendering next to a bare ReportLab canvas measured in the same run.

    .venv/bin/python -m bench.voucher_bench [--runs 300] [--batch 1000]

DESIGN §6 budget: a voucher PDF with its QR code in ≤ 20 ms. The baseline is ReportLab's
own floor: one page, one line in a built-in font. Also shown: one line in the embedded CJK
font (the cost of subsetting alone), A6, the ESC/POS job, and a 1,000-voucher batch PDF.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from bench.common import Row, machine, median, p, table
from loyalty_desk.domain.coupons import Kind, make_code
from loyalty_desk.services import coupons, members, vouchers
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.vouchers import escpos, pdf
from loyalty_desk.vouchers.content import VoucherContent
from loyalty_desk.vouchers.fonts import cjk_font

BUDGET_MS = 20.0
BASELINE = "bare ReportLab canvas, 1 line"
RASTER = escpos.QrMode.IMAGE


def clock() -> datetime:
    return datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


def bare_canvas() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(80 * mm, 150 * mm))
    canvas.drawString(20, 300, "Voucher 9011 2345 6789 0131 9484")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def cjk_canvas() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(80 * mm, 150 * mm), initialFontName=cjk_font())
    canvas.drawString(20, 300, "新会员礼券 满100减20 ￥20")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def content(serial: int) -> VoucherContent:
    return VoucherContent(
        code=make_code("01", bytes(range(32)), f"{serial:011d}"),
        kind=Kind.NEW_MEMBER,
        value_fen=2_000,
        min_spend_fen=10_000,
        first_day=date(2026, 3, 10),
        last_day=date(2026, 4, 8),
        store_name="旗舰店 Flagship",
        phone_masked="138****5678",
    )


def interleaved(cases: dict[str, Callable[[], object]], runs: int) -> dict[str, list[float]]:
    """Time the cases round-robin, so that a busy neighbour slows every case alike."""
    out: dict[str, list[float]] = {name: [] for name in cases}
    for fn in cases.values():
        fn()
    for _ in range(runs):
        for name, fn in cases.items():
            start = time.perf_counter()
            fn()
            out[name].append((time.perf_counter() - start) * 1000)
    return out


def run(runs: int, batch_size: int) -> list[Row]:
    start = time.perf_counter()
    cjk_font()  # parsed once per process, before anything is timed
    font_ms = (time.perf_counter() - start) * 1000

    voucher = content(1)
    with tempfile.TemporaryDirectory() as tmp:
        unwrap(init_store(Path(tmp), "S001", "旗舰店", clock=clock))
        desk = unwrap(Desk.open(Path(tmp), clock=clock))
        member = unwrap(members.enroll(desk, "13812345678", "李雷")).code
        code = unwrap(coupons.list_for_member(desk, member))[0].code
        cases: dict[str, Callable[[], object]] = {
            BASELINE: bare_canvas,
            "1 CJK line, font subset embedded": cjk_canvas,
            "voucher PDF 80 mm with QR": lambda: pdf.voucher_pdf(voucher),
            "voucher PDF A6 with QR": lambda: pdf.voucher_pdf(voucher, pdf.PageSize.A6),
            "voucher PDF through services (+ DB read)": lambda: unwrap(
                vouchers.render_voucher(desk, code)
            ),
            "voucher ESC/POS, native QR": lambda: escpos.voucher_job(voucher),
            "voucher ESC/POS, raster QR": lambda: escpos.voucher_job(voucher, 80, RASTER),
        }
        measured = interleaved(cases, runs)
        desk.close()
    base = measured.pop(BASELINE)
    rows = [Row("CJK font registration, once per process", font_ms, "ms", "")]
    main_figure = measured["voucher PDF 80 mm with QR"]
    rows.append(
        Row(
            "voucher PDF 80 mm with QR (p95)",
            p(main_figure, 0.95),
            "ms",
            f"≤ {BUDGET_MS:.0f} ms",
            p(base, 0.95),
            BASELINE,
            p(main_figure, 0.95) <= BUDGET_MS,
        )
    )
    for name, values in measured.items():
        rows.append(Row(f"{name} (median)", median(values), "ms", "", median(base), BASELINE))
    batch = [content(i) for i in range(batch_size)]
    start = time.perf_counter()
    pdf.batch_pdf(batch, pdf.PageSize.A6)
    rows.append(
        Row(f"batch of {batch_size} A6 vouchers, one PDF", time.perf_counter() - start, "s", "")
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--batch", type=int, default=1_000)
    args, _ = parser.parse_known_args()
    print(machine())
    print(table(run(args.runs, args.batch)))


if __name__ == "__main__":
    main()

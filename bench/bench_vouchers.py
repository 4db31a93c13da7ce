"""Voucher rendering: a voucher PDF with its QR code (budget ≤ 20 ms, DESIGN §6), next to a
bare ReportLab canvas measured in the same run; plus the thermal job and a 1,000 batch.

    python -m bench.bench_vouchers [--runs 300]
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from loyalty_desk.domain.coupons import Kind, make_code
from loyalty_desk.services import coupons, members, vouchers
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.vouchers import escpos, pdf
from loyalty_desk.vouchers.content import VoucherContent
from loyalty_desk.vouchers.fonts import cjk_font

BUDGET_MS = 20.0
RASTER = escpos.QrMode.IMAGE


def clock() -> datetime:
    return datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


def bare_canvas() -> bytes:
    """The floor: ReportLab's own cost of one page with one line in a built-in font."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(80 * mm, 150 * mm))
    canvas.drawString(20, 300, "Voucher 9011 2345 6789 0131 9484")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def cjk_canvas() -> bytes:
    """One Chinese line in the embedded CJK font: the cost of subsetting alone."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(80 * mm, 150 * mm), initialFontName=cjk_font())
    canvas.drawString(20, 300, "新会员礼券 满100减20 ￥20")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def timings(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm: the font file is parsed once per process
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def line(name: str, ms: list[float], baseline: float | None = None) -> str:
    ordered = sorted(ms)
    median = statistics.median(ordered)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    ratio = f"  ×{median / baseline:5.1f} baseline" if baseline else ""
    return (
        f"{name:<44} median {median:6.2f} ms  p95 {p95:6.2f} ms  max {ordered[-1]:6.2f} ms{ratio}"
    )


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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--batch", type=int, default=1_000)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    cjk_font()
    once = 1000 * (time.perf_counter() - start)
    print(f"{'CJK font registration (once per process)':<44} {once:.1f} ms")
    base = timings(bare_canvas, args.runs)
    baseline = statistics.median(base)
    print(line("baseline: bare ReportLab canvas, 1 line", base))
    voucher = content(1)
    cases: list[tuple[str, Callable[[], object]]] = [
        ("baseline: 1 CJK line, font subset embedded", cjk_canvas),
        ("voucher PDF 80 mm with QR", lambda: pdf.voucher_pdf(voucher)),
        ("voucher PDF A6 with QR", lambda: pdf.voucher_pdf(voucher, pdf.PageSize.A6)),
        ("voucher ESC/POS 80 mm, native QR", lambda: escpos.voucher_job(voucher)),
        ("voucher ESC/POS 80 mm, raster QR", lambda: escpos.voucher_job(voucher, 80, RASTER)),
    ]
    results: dict[str, list[float]] = {}
    for name, fn in cases:
        results[name] = timings(fn, args.runs)
        print(line(name, results[name], baseline))

    with tempfile.TemporaryDirectory() as tmp:
        unwrap(init_store(Path(tmp), "S001", "旗舰店", clock=clock))
        desk = unwrap(Desk.open(Path(tmp), clock=clock))
        member = unwrap(members.enroll(desk, "13812345678", "李雷")).code
        code = unwrap(coupons.list_for_member(desk, member))[0].code
        through = timings(lambda: unwrap(vouchers.render_voucher(desk, code)), args.runs)
        print(line("voucher PDF through services (DB read too)", through, baseline))
        desk.close()

    batch = [content(i) for i in range(args.batch)]
    start = time.perf_counter()
    data = pdf.batch_pdf(batch, pdf.PageSize.A6)
    seconds = time.perf_counter() - start
    print(
        f"{f'batch of {args.batch} A6 vouchers, one PDF':<44} {seconds:6.2f} s "
        f"({1000 * seconds / args.batch:.2f} ms a page, {len(data) / 1e6:.1f} MB)"
    )
    v80 = sorted(results["voucher PDF 80 mm with QR"])
    p95 = v80[int(len(v80) * 0.95) - 1]
    verdict = "within" if p95 <= BUDGET_MS else "OVER"
    print(f"budget: voucher PDF with QR <= {BUDGET_MS:.0f} ms: p95 {p95:.2f} ms, {verdict} budget")


if __name__ == "__main__":
    main()

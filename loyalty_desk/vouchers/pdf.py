"""PDF vouchers, points slips, member cards and batches, drawn with ReportLab.

Sizes: 80 mm receipt roll (the page is as long as its content), A6 (105 x 148 mm, one
voucher per page: a batch prints on A6 card or four-up on A4 by the printer driver, or goes
by mail) and credit-card size (85.6 x 54 mm) for member cards. Every text is set in the
shipped CJK font, embedded as a subset; nothing refers to a font the PC must have.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas

from loyalty_desk.domain.codes import member_qr_payload
from loyalty_desk.domain.coupons import coupon_qr_payload
from loyalty_desk.vouchers.content import CardContent, SlipContent, VoucherContent
from loyalty_desk.vouchers.fonts import cjk_font
from loyalty_desk.vouchers.qr import QUIET_ZONE, dark_runs, qr_matrix

Progress = Callable[[int, int], None]

RECEIPT_WIDTH = 80 * mm
RECEIPT_MARGIN = 5 * mm
A6 = (105 * mm, 148 * mm)
CARD = (85.6 * mm, 54 * mm)
INK = (0, 0, 0)
GREY = (0.35, 0.35, 0.35)


class PageSize(StrEnum):
    RECEIPT_80 = "80mm"
    A6 = "a6"


# -- drawing primitives --------------------------------------------------------------------


def new_canvas(buffer: io.BytesIO, pagesize: tuple[float, float], title: str) -> Canvas:
    font = cjk_font()
    # invariant: no creation date or random id in the file, so the same voucher renders to
    # the same bytes (reproducible examples and tests).
    canvas = Canvas(
        buffer,
        pagesize=pagesize,
        invariant=1,
        initialFontName=font,
        initialFontSize=10,
        pageCompression=1,
    )
    canvas.setTitle(title)
    canvas.setCreator("Loyalty Desk")
    return canvas


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """A QR symbol with its quiet zone in the square (x, y, size); y is the bottom edge."""
    matrix = qr_matrix(payload)
    modules = len(matrix) + 2 * QUIET_ZONE
    cell = size / modules
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + size - (row_index + QUIET_ZONE) * cell
        for start, length in dark_runs(row):
            # A hair of overlap closes the seams a rasteriser leaves between rows; the
            # non-zero fill rule keeps the overlaps dark (even-odd would punch them out).
            path.rect(x + (start + QUIET_ZONE) * cell, top - cell, length * cell, cell * 1.02)
    canvas.setFillColorRGB(*INK)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break a line to fit `width`; Chinese breaks between any two characters."""
    font = cjk_font()
    if stringWidth(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    current, used = "", 0.0
    for ch in text:
        advance = stringWidth(ch, font, size)
        if used + advance > width and current:
            lines.append(current)
            current, used = ch.lstrip(), (advance if ch.strip() else 0.0)
        else:
            current, used = current + ch, used + advance
    if current:
        lines.append(current)
    return lines or [""]


@dataclass(frozen=True, slots=True)
class Op:
    """One block of a top-down layout: its height, and how to draw it below `top`."""

    height: float
    draw: Callable[[Canvas, float, float, float], None]  # canvas, left, top, width


def text_ops(
    text: str, size: float, width: float, *, center: bool = True, grey: bool = False
) -> list[Op]:
    leading = size * 1.35

    def line_op(line: str) -> Op:
        def draw(canvas: Canvas, left: float, top: float, w: float) -> None:
            canvas.setFont(cjk_font(), size)
            canvas.setFillColorRGB(*(GREY if grey else INK))
            baseline = top - size
            if center:
                canvas.drawCentredString(left + w / 2, baseline, line)
            else:
                canvas.drawString(left, baseline, line)

        return Op(leading, draw)

    return [line_op(line) for line in wrap(text, size, width)]


def row_op(label: str, value: str, size: float) -> Op:
    def draw(canvas: Canvas, left: float, top: float, w: float) -> None:
        canvas.setFont(cjk_font(), size)
        canvas.setFillColorRGB(*GREY)
        canvas.drawString(left, top - size, label)
        canvas.setFillColorRGB(*INK)
        canvas.drawRightString(left + w, top - size, value)

    return Op(size * 1.5, draw)


def qr_op(payload: str, size: float) -> Op:
    def draw(canvas: Canvas, left: float, top: float, w: float) -> None:
        draw_qr(canvas, payload, left + (w - size) / 2, top - size, size)

    return Op(size, draw)


def space(height: float) -> Op:
    return Op(height, lambda canvas, left, top, w: None)


def dashed_rule() -> Op:
    def draw(canvas: Canvas, left: float, top: float, w: float) -> None:
        canvas.setDash(2, 2)
        canvas.setLineWidth(0.5)
        canvas.setStrokeColorRGB(*GREY)
        canvas.line(left, top - 2 * mm, left + w, top - 2 * mm)
        canvas.setDash()

    return Op(4 * mm, draw)


def run_ops(canvas: Canvas, ops: Sequence[Op], left: float, top: float, width: float) -> None:
    for op in ops:
        op.draw(canvas, left, top, width)
        top -= op.height


def height_of(ops: Iterable[Op]) -> float:
    return sum(op.height for op in ops)


# -- voucher -------------------------------------------------------------------------------


def voucher_ops(content: VoucherContent, width: float, scale: float = 1.0) -> list[Op]:
    ops: list[Op] = []
    ops += text_ops(content.store_name, 9 * scale, width, grey=True)
    ops += text_ops(content.title, 14 * scale, width)
    ops.append(space(1 * mm))
    ops += text_ops(content.value_text, 30 * scale, width)
    ops += text_ops(content.condition_text, 12 * scale, width)
    ops.append(space(2 * mm))
    ops.append(qr_op(coupon_qr_payload(content.code), 34 * mm * scale))
    ops += text_ops(content.code_text, 11 * scale, width)
    ops.append(space(1 * mm))
    ops += text_ops(content.validity_text, 9 * scale, width)
    ops += text_ops(content.holder_text, 9 * scale, width)
    ops.append(dashed_rule())
    for line in content.terms:
        ops += text_ops(line, 7.5 * scale, width, grey=True)
    return ops


def draw_voucher_page(canvas: Canvas, content: VoucherContent, size: PageSize) -> None:
    """One voucher on the current page (the page size is set here)."""
    if size is PageSize.A6:
        page_w, page_h = A6
        margin = 8 * mm
        ops = voucher_ops(content, page_w - 2 * margin, scale=1.15)
        canvas.setPageSize(A6)
        canvas.setLineWidth(0.8)
        canvas.setStrokeColorRGB(*GREY)
        canvas.roundRect(4 * mm, 4 * mm, page_w - 8 * mm, page_h - 8 * mm, 3 * mm)
        top = (page_h + height_of(ops)) / 2
        run_ops(canvas, ops, margin, top, page_w - 2 * margin)
    else:
        width = RECEIPT_WIDTH - 2 * RECEIPT_MARGIN
        ops = voucher_ops(content, width)
        page_h = height_of(ops) + 2 * RECEIPT_MARGIN
        canvas.setPageSize((RECEIPT_WIDTH, page_h))
        run_ops(canvas, ops, RECEIPT_MARGIN, page_h - RECEIPT_MARGIN, width)
    canvas.showPage()


def voucher_pdf(content: VoucherContent, size: PageSize = PageSize.RECEIPT_80) -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A6, f"{content.title} {content.code}")
    draw_voucher_page(canvas, content, size)
    canvas.save()
    return buffer.getvalue()


def batch_pdf(
    contents: Sequence[VoucherContent],
    size: PageSize = PageSize.A6,
    progress: Progress | None = None,
    title: str = "优惠券",
) -> bytes:
    """All vouchers of a batch, one per page, in one file to print or mail."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A6, title)
    total = len(contents)
    for done, content in enumerate(contents, start=1):
        draw_voucher_page(canvas, content, size)
        if progress is not None:
            progress(done, total)
    canvas.save()
    return buffer.getvalue()


# -- points slip ---------------------------------------------------------------------------


def slip_pdf(content: SlipContent) -> bytes:
    width = RECEIPT_WIDTH - 2 * RECEIPT_MARGIN
    ops: list[Op] = []
    ops += text_ops(content.store_name, 11, width)
    ops += text_ops(content.heading, 13, width)
    ops += text_ops(content.printed_at, 8, width, grey=True)
    ops.append(dashed_rule())
    ops += [row_op(label, value, 9) for label, value in content.rows]
    ops.append(dashed_rule())
    ops.append(qr_op(member_qr_payload(content.member_code), 28 * mm))
    ops += text_ops(content.code_line, 9, width)
    ops.append(space(1 * mm))
    for line in content.footer:
        ops += text_ops(line, 7.5, width, grey=True)
    page_h = height_of(ops) + 2 * RECEIPT_MARGIN
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, (RECEIPT_WIDTH, page_h), content.document_title)
    run_ops(canvas, ops, RECEIPT_MARGIN, page_h - RECEIPT_MARGIN, width)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# -- member card ---------------------------------------------------------------------------


def card_pdf(content: CardContent) -> bytes:
    """Credit-card size (ISO/IEC 7810 ID-1), for a card printer or to cut out of a sheet."""
    page_w, page_h = CARD
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, CARD, content.document_title)
    canvas.setLineWidth(0.6)
    canvas.setStrokeColorRGB(*GREY)
    canvas.roundRect(1 * mm, 1 * mm, page_w - 2 * mm, page_h - 2 * mm, 3 * mm)
    qr_size = 30 * mm
    draw_qr(
        canvas, member_qr_payload(content.member_code), page_w - qr_size - 4 * mm, 9 * mm, qr_size
    )
    text_width = page_w - qr_size - 10 * mm
    ops: list[Op] = []
    ops += text_ops(content.store_name, 8, text_width, center=False, grey=True)
    ops += text_ops(content.heading, 13, text_width, center=False)
    ops.append(space(2 * mm))
    ops += text_ops(content.member_name, 11, text_width, center=False)
    ops += text_ops(content.tier_label, 9, text_width, center=False)
    ops += text_ops(content.phone_masked, 8, text_width, center=False, grey=True)
    run_ops(canvas, ops, 6 * mm, page_h - 5 * mm, text_width)
    canvas.setFont(cjk_font(), 9)
    canvas.setFillColorRGB(*INK)
    canvas.drawString(6 * mm, 6 * mm, content.code_text)
    canvas.setFont(cjk_font(), 6)
    canvas.setFillColorRGB(*GREY)
    canvas.drawRightString(page_w - 4 * mm, 5 * mm, content.since_text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()

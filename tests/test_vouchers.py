"""Rendering: PDF vouchers, slips and cards read back with a real QR decoder and font check;
ESC/POS bytes checked command by command."""

from __future__ import annotations

import socket
import threading
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from loyalty_desk.domain.coupons import Kind, make_code
from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import checkout, coupons, members, vouchers
from loyalty_desk.services import printer_choice as printers
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.printer_choice import PrinterChoice, PrinterKind
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.vouchers import escpos
from loyalty_desk.vouchers.content import VoucherContent
from tests.conftest import FakeClock
from tests.pdf_check import decode_qr, drawn_fonts, pdffonts, rasterise

MM = 72 / 25.4


def assert_fonts_embedded(data: bytes) -> None:
    """What `pdffonts` would list: only the CJK TrueType font, embedded, as a subset."""
    rows = pdffonts(data)
    assert rows, "no fonts at all"
    for row in rows:
        assert row.type == "TrueType" and row.embedded and row.subset, row
        assert "WenQuanYiMicroHei" in row.name
    assert all(embedded for _, embedded in drawn_fonts(data))


def page_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    return "".join(page.get_textpage().get_text_range() for page in pdf)


def enrolled(desk: Desk) -> tuple[str, str]:
    member = unwrap(members.enroll(desk, "13812345678", "李雷"))
    (coupon,) = unwrap(coupons.list_for_member(desk, member.code))
    return member.code, coupon.code


@pytest.mark.parametrize(
    ("page", "size_mm"), [(vouchers.PageSize.RECEIPT_80, 80.0), (vouchers.PageSize.A6, 105.0)]
)
def test_voucher_pdf_scans_back_to_its_code(
    desk: Desk, page: vouchers.PageSize, size_mm: float
) -> None:
    _, code = enrolled(desk)
    data = unwrap(vouchers.render_voucher(desk, code, vouchers.Layout(page=page)))
    (image,) = rasterise(data, dpi=150)
    assert decode_qr(image) == [code]
    width, _ = pdfium.PdfDocument(data)[0].get_size()
    assert width == pytest.approx(size_mm * MM, abs=0.1)
    assert_fonts_embedded(data)
    text = page_text(data)
    for expected in ("新会员礼券", "￥20", "满100减20", "138****5678", "2026-04-08"):
        assert expected in text, expected
    assert " ".join(code[i : i + 4] for i in range(0, 20, 4)) in text


def test_points_slip_pdf(desk: Desk, clock: FakeClock) -> None:
    member, _ = enrolled(desk)
    unwrap(checkout.earn(desk, member, "R-1001", 12_800))  # first purchase ×5: 640
    clock.advance(days=340)
    unwrap(checkout.earn(desk, member, "R-2002", 5_000))
    content = unwrap(vouchers.slip_content(desk, "R-2002"))
    assert (content.points_earned, content.balance, content.expiring_points) == (50, 690, 640)
    assert content.expiring_by == date(2027, 3, 10)
    data = unwrap(vouchers.render_slip(desk, "R-2002"))
    (image,) = rasterise(data)
    assert decode_qr(image) == [member]
    assert_fonts_embedded(data)
    text = page_text(data)
    for expected in ("会员积分小票", "R-2002", "￥50", "+50", "690", "640分 2027-03-10前"):
        assert expected in text, expected
    missing = vouchers.render_slip(desk, "NOPE")
    assert isinstance(missing, Refusal) and missing.code is Code.UNKNOWN_RECEIPT


def test_slip_mentions_the_birthday_coupon_of_the_visit(desk: Desk) -> None:
    member = unwrap(members.enroll(desk, "13812345678", "李雷", date(1990, 3, 3))).code
    earned = unwrap(checkout.earn(desk, member, "R-1", 10_000))
    content = unwrap(vouchers.slip_content(desk, "R-1"))
    assert content.new_coupons == (earned.birthday_coupon,)
    assert content.bonus_note == "首单5倍积分"


def test_member_card_is_credit_card_size(desk: Desk) -> None:
    member, _ = enrolled(desk)
    data = unwrap(vouchers.render_card(desk, member))
    width, height = pdfium.PdfDocument(data)[0].get_size()
    assert (width, height) == (pytest.approx(85.6 * MM, abs=0.1), pytest.approx(54 * MM, abs=0.1))
    (image,) = rasterise(data, dpi=300)
    assert decode_qr(image) == [member]
    assert_fonts_embedded(data)
    assert "李雷" in page_text(data)
    job = unwrap(vouchers.render_card(desk, member, vouchers.Layout(format=vouchers.Format.ESCPOS)))
    assert member.encode() in job and "会员卡".encode("gb18030") in job


# -- ESC/POS -------------------------------------------------------------------------------

CODE = make_code("01", bytes(range(32)), "12345678901")
VOUCHER = VoucherContent(
    code=CODE,
    kind=Kind.NEW_MEMBER,
    value_fen=2_000,
    min_spend_fen=10_000,
    first_day=date(2026, 3, 10),
    last_day=date(2026, 4, 8),
    store_name="旗舰店",
    phone_masked="138****5678",
)


def gbk(text: str) -> bytes:
    return text.encode("gb18030") + b"\n"


def test_escpos_voucher_58mm_byte_for_byte() -> None:
    grouped = " ".join(CODE[i : i + 4] for i in range(0, 20, 4))
    expected = b"".join(
        [
            b"\x1b\x40",  # ESC @: initialise
            b"\x1c\x26",  # FS &: Chinese character mode
            b"\x1b\x61\x01",  # ESC a 1: centre
            gbk("旗舰店"),
            b"\x1b\x45\x01",  # ESC E 1: bold
            gbk("新会员礼券"),
            b"\x1d\x21\x11",  # GS ! 0x11: double width and height
            b"\xa3\xa4" + b"20\n",  # ￥20 — the full-width yuan sign is A3 A4 in GB18030
            b"\x1d\x21\x00",  # GS ! 0: normal size
            b"\x1b\x45\x00",  # bold off
            b"\xc2\xfa100\xbc\xf520\n",  # 满100减20
            b"\x1b\x61\x01",
            b"\x1d(k\x04\x00\x31\x41\x32\x00",  # QR: model 2
            b"\x1d(k\x03\x00\x31\x43\x06",  # module size 6 dots
            b"\x1d(k\x03\x00\x31\x45\x31",  # error correction M
            b"\x1d(k\x17\x00\x31\x50\x30" + CODE.encode("ascii"),  # store the 20 digits
            b"\x1d(k\x03\x00\x31\x51\x30",  # print the symbol
            b"\n",
            b"\x1b\x61\x01",
            gbk(grouped),
            gbk("有效期 2026-03-10 至 2026-04-08"),
            gbk("会员专用 138****5678"),
            b"-" * 32 + b"\n",
            b"\x1b\x61\x00",  # left
            gbk("每张小票限用一张，不找零，不兑换"),  # 32 columns on 58 mm paper
            gbk("现金。"),
            gbk("整单退货时券退回，有效期不变。"),
            gbk("出示二维码或报券号给收银员。"),
            b"\x1b\x64\x06",  # ESC d 6: feed
            b"\x1d\x56\x00",  # GS V 0: full cut
        ]
    )
    assert escpos.voucher_job(VOUCHER, 58) == expected


def test_escpos_qr_as_a_raster_image_for_printers_without_qr() -> None:
    job = escpos.voucher_job(VOUCHER, 80, escpos.QrMode.IMAGE)
    side = (21 + 8) * 8  # modules with the quiet zone, 8 dots each
    header = b"\x1d\x76\x30\x00" + (576 // 8).to_bytes(2, "little") + side.to_bytes(2, "little")
    start = job.index(header) + len(header)
    raster = job[start : start + 72 * side]
    assert len(raster) == 72 * side and raster.count(b"\x00") < len(raster)
    assert b"\x1d(k" not in job


def test_text_the_printer_cannot_show_is_replaced() -> None:
    assert escpos.printable("¥20 满减") == "￥20 满减"
    assert escpos.printable("会员🎂") == "会员?"
    assert escpos.pair("积分余额", "1234", 16) == "积分余额    1234"


def test_thermal_job_goes_to_a_file_or_the_network(desk: Desk, tmp_path: Path) -> None:
    _, code = enrolled(desk)
    job = unwrap(
        vouchers.render_voucher(desk, code, vouchers.Layout(format=vouchers.Format.ESCPOS))
    )
    target = tmp_path / "lp0"
    assert unwrap(vouchers.print_thermal(desk, job, f"file:{target}")) == len(job)
    assert target.read_bytes() == job

    received: list[bytes] = []
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def accept() -> None:
        conn, _ = server.accept()
        with conn:
            chunks = []
            while chunk := conn.recv(65536):
                chunks.append(chunk)
            received.append(b"".join(chunks))

    thread = threading.Thread(target=accept)
    thread.start()
    unwrap(vouchers.print_thermal(desk, job, f"net:127.0.0.1:{port}"))
    thread.join(timeout=10)
    server.close()
    assert received == [job]

    for bad in ("lpt1", "net:127.0.0.1:1", "usb:zz:01", f"file:{tmp_path}/no/such/dir/lp"):
        refused = vouchers.print_thermal(desk, job, bad)
        assert isinstance(refused, Refusal) and refused.code is Code.PRINTER_UNAVAILABLE, bad


def test_printer_choice_is_kept_in_settings(desk: Desk, tmp_path: Path) -> None:
    assert printers.load(desk).kind is PrinterKind.NONE
    chosen = printers.receipt_printer("net:10.0.0.9:9100", width_mm=58)
    unwrap(vouchers.save_printer_choice(desk, chosen))
    assert printers.load(desk) == chosen
    for bad in (
        PrinterChoice(PrinterKind.ESCPOS_NETWORK),
        PrinterChoice(PrinterKind.ESCPOS_WINDOWS),
        PrinterChoice(PrinterKind.ESCPOS_USB, "zz:01"),
        PrinterChoice(width_mm=76),
    ):
        assert isinstance(vouchers.save_printer_choice(desk, bad), Refusal), bad
    assert printers.load(desk) == chosen

"""Vouchers, points slips and member cards for 58 mm and 80 mm thermal printers (ESC/POS).

A job is built once as bytes (python-escpos `Dummy`) and then sent to the printer the
store configured: USB, network port 9100, a Windows printer queue, or a file/device.

Chinese thermal printers print GB18030 (GBK) text in Chinese character mode (FS &). The
yuan sign goes out as the full-width ￥ (A3 A4), which every such printer has; the
half-width ¥ has no two-byte GBK code and would print as garbage.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from escpos.capabilities import Profile, get_profile_class
from escpos.constants import QR_ECLEVEL_M
from escpos.escpos import Escpos
from escpos.printer import Dummy
from PIL import Image

from loyalty_desk.domain.codes import member_qr_payload
from loyalty_desk.domain.coupons import coupon_qr_payload
from loyalty_desk.vouchers.content import CardContent, SlipContent, VoucherContent
from loyalty_desk.vouchers.qr import QUIET_ZONE, qr_matrix

ESC = b"\x1b"
GS = b"\x1d"
FS = b"\x1c"
INIT = ESC + b"@"
CHINESE_MODE = FS + b"&"
LF = b"\n"
ENCODING = "gb18030"


@dataclass(frozen=True, slots=True)
class Paper:
    width_mm: int
    dots: int  # printable width at 203 dpi
    columns: int  # font A (12 x 24): half-width characters per line


PAPERS = {58: Paper(58, 384, 32), 80: Paper(80, 576, 48)}


class QrMode(StrEnum):
    NATIVE = "native"  # GS ( k: the printer draws the symbol (sharp, few bytes)
    IMAGE = "image"  # GS v 0 raster: for printers without a QR command


def _profile(paper: Paper) -> Profile:
    """The default profile with this paper's width (images are checked against it)."""
    base = get_profile_class("default").profile_data
    data = {**base, "media": {"dpi": 203, "width": {"mm": paper.width_mm, "pixels": paper.dots}}}
    cls = type(f"Paper{paper.width_mm}Profile", (Profile,), {"profile_data": data})
    profile: Profile = cls(columns=paper.columns, features=dict(base["features"]))
    return profile


def printable(text: str) -> str:
    """Text the printer's GBK font can show: ¥ becomes ￥, anything beyond GBK becomes ?."""
    out = []
    for ch in text.replace("¥", "￥"):
        encoded = ch.encode(ENCODING)
        out.append(ch if len(encoded) <= 2 else "?")
    return "".join(out)


def display_width(text: str) -> int:
    """Columns a text takes: Chinese characters are two columns wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def fit(text: str, columns: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for ch in text:
        if display_width(current + ch) > columns and current:
            lines.append(current)
            current = ch
        else:
            current += ch
    return [*lines, current] if current else lines or [""]


def pair(label: str, value: str, columns: int) -> str:
    """'积分余额            1234': the value pushed to the right edge."""
    gap = columns - display_width(label) - display_width(value)
    if gap < 1:
        return f"{label} {value}"
    return label + " " * gap + value


class Ticket:
    """A print job being written: text in GB18030, alignment, size, QR, cut."""

    def __init__(self, paper: Paper, qr_mode: QrMode = QrMode.NATIVE) -> None:
        self.paper = paper
        self.qr_mode = qr_mode
        self.printer = Dummy(profile=_profile(paper))
        self.raw(INIT + CHINESE_MODE)

    def raw(self, data: bytes) -> None:
        self.printer._raw(data)

    def align(self, center: bool) -> None:
        self.raw(ESC + b"a" + (b"\x01" if center else b"\x00"))

    def size(self, double: bool) -> None:
        self.raw(GS + b"!" + (b"\x11" if double else b"\x00"))

    def bold(self, on: bool) -> None:
        self.raw(ESC + b"E" + (b"\x01" if on else b"\x00"))

    def line(self, text: str = "", *, double: bool = False) -> None:
        columns = self.paper.columns // 2 if double else self.paper.columns
        for part in fit(printable(text), columns):
            self.raw(part.encode(ENCODING) + LF)

    def pair(self, label: str, value: str) -> None:
        self.line(pair(printable(label), printable(value), self.paper.columns))

    def rule(self) -> None:
        self.line("-" * self.paper.columns)

    def qr(self, payload: str, module_dots: int) -> None:
        self.align(True)
        if self.qr_mode is QrMode.NATIVE:
            self.printer.qr(payload, ec=QR_ECLEVEL_M, size=module_dots, native=True)
            self.raw(LF)
        else:
            self.printer.image(qr_image(payload, module_dots, self.paper.dots))

    def cut(self) -> None:
        self.printer.cut()

    def bytes(self) -> bytes:
        data: bytes = self.printer.output
        return data


def qr_image(payload: str, module_dots: int, width_dots: int) -> Image.Image:
    """The symbol as a 1-bit image, centred on the paper's printable width."""
    matrix = qr_matrix(payload)
    side = (len(matrix) + 2 * QUIET_ZONE) * module_dots
    image = Image.new("1", (width_dots, side), 1)
    left = (width_dots - side) // 2
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                x0 = left + (x + QUIET_ZONE) * module_dots
                y0 = (y + QUIET_ZONE) * module_dots
                image.paste(0, (x0, y0, x0 + module_dots, y0 + module_dots))
    return image


def _module_dots(paper: Paper) -> int:
    # 21 + 8 modules: 8 dots a module is 29 mm on 80 mm paper, 6 is 22 mm on 58 mm.
    return 8 if paper.width_mm >= 80 else 6


def voucher_job(content: VoucherContent, width_mm: int = 80, qr: QrMode = QrMode.NATIVE) -> bytes:
    paper = PAPERS[width_mm]
    t = Ticket(paper, qr)
    t.align(True)
    t.line(content.store_name)
    t.bold(True)
    t.line(content.title)
    t.size(True)
    t.line(content.value_text, double=True)
    t.size(False)
    t.bold(False)
    t.line(content.condition_text)
    t.qr(coupon_qr_payload(content.code), _module_dots(paper))
    t.align(True)
    t.line(content.code_text)
    t.line(content.validity_text)
    t.line(content.holder_text)
    t.rule()
    t.align(False)
    for term in content.terms:
        t.line(term)
    t.cut()
    return t.bytes()


def slip_job(content: SlipContent, width_mm: int = 80, qr: QrMode = QrMode.NATIVE) -> bytes:
    paper = PAPERS[width_mm]
    t = Ticket(paper, qr)
    t.align(True)
    t.line(content.store_name)
    t.bold(True)
    t.line(content.heading)
    t.bold(False)
    t.line(content.printed_at)
    t.align(False)
    t.rule()
    for label, value in content.rows:
        t.pair(label, value)
    t.rule()
    t.qr(member_qr_payload(content.member_code), _module_dots(paper))
    t.align(True)
    t.line(content.code_line)
    for line in content.footer:
        t.line(line)
    t.cut()
    return t.bytes()


def card_job(content: CardContent, width_mm: int = 80, qr: QrMode = QrMode.NATIVE) -> bytes:
    paper = PAPERS[width_mm]
    t = Ticket(paper, qr)
    t.align(True)
    t.line(content.store_name)
    t.bold(True)
    t.size(True)
    t.line(content.heading, double=True)
    t.size(False)
    t.bold(False)
    t.line(f"{content.member_name} · {content.tier_label}")
    t.line(content.phone_masked)
    t.qr(member_qr_payload(content.member_code), _module_dots(paper))
    t.align(True)
    t.line(content.code_text)
    t.line(content.since_text)
    t.cut()
    return t.bytes()


# -- sending -------------------------------------------------------------------------------


class PrinterError(Exception):
    """The thermal printer could not be reached or is not set up; the message says which."""


class Connection(StrEnum):
    """How a thermal printer is reached: the prefix of its target, e.g. net:192.168.1.50."""

    NETWORK = "net"  # HOST[:PORT], port 9100 by default
    USB = "usb"  # VID:PID in hex
    WINDOWS = "win"  # a Windows printer queue, by name; the job goes to it raw
    FILE = "file"  # a file or device path (e.g. /dev/usb/lp0)


def split_target(target: str) -> tuple[Connection, str]:
    """'net:192.168.1.50:9100' -> (NETWORK, '192.168.1.50:9100'); PrinterError otherwise."""
    prefix, _, rest = target.partition(":")
    try:
        return Connection(prefix), rest
    except ValueError:
        raise PrinterError(
            f"'{target}' is not a printer setting: use usb:VID:PID, net:HOST[:PORT], "
            "win:PRINTER NAME or file:PATH."
        ) from None


def open_printer(target: str) -> Escpos:
    """A printer from its target: usb:VID:PID, net:HOST[:PORT], win:QUEUE NAME, file:PATH."""
    connection, rest = split_target(target)
    try:
        if connection is Connection.NETWORK:
            host, _, port = rest.partition(":")
            from escpos.printer import Network

            return Network(host, port=int(port or 9100), timeout=10)
        if connection is Connection.USB:
            vendor, _, product = rest.partition(":")
            from escpos.printer import Usb

            return Usb(int(vendor, 16), int(product, 16))
        if connection is Connection.WINDOWS:
            from escpos.printer import Win32Raw

            return Win32Raw(rest)
        from escpos.printer import File

        return File(rest)
    except (ValueError, RuntimeError, ImportError) as exc:
        raise PrinterError(f"The thermal printer '{target}' cannot be used here: {exc}") from exc


def send(job: bytes, target: str) -> None:
    printer = open_printer(target)
    try:
        printer._raw(job)
    except Exception as exc:  # whatever the transport raises: the cashier needs a reason
        raise PrinterError(f"Printing to '{target}' failed: {exc}") from exc
    finally:
        printer.close()


def jobs(parts: Sequence[bytes]) -> bytes:
    """Several tickets sent as one job (each ends with its own cut)."""
    return b"".join(parts)

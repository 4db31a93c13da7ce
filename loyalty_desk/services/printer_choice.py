"""The printer the till prints on: one value, kept under the store's `printer` setting.

The settings screen and the first-run wizard write it; vouchers, slips and cards are
printed on it. Written as {"kind", "target", "width_mm", "qr"}. Tills in the field also
hold the two shapes written before there was one value, and both are still read:

    settings screen  {"kind": "none"|"system"|"escpos_network"|"escpos_usb", "target": …}
    first-run wizard {"kind": "pdf"|"system"|"thermal", "system_name": …,
                      "thermal_target": "net:…"|"usb:…"|"win:…"|"file:…", "width_mm", "qr"}

A value that cannot be read prints as PDF files (nothing goes to a printer nobody chose)
and the settings screen says so, with the value, until a printer is saved again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from loyalty_desk.services.desk import Desk, read_setting
from loyalty_desk.vouchers import escpos

PRINTER_SETTING = "printer"
WIDTHS = tuple(escpos.PAPERS)

log = logging.getLogger(__name__)


class PrinterKind(StrEnum):
    NONE = "none"  # no printer: vouchers and slips are saved as PDF files
    SYSTEM = "system"  # a printer of the operating system, by name (empty: its default)
    ESCPOS_NETWORK = "escpos_network"  # receipt printer on the LAN: host[:port]
    ESCPOS_USB = "escpos_usb"  # receipt printer on USB: vendor:product in hex
    ESCPOS_WINDOWS = "escpos_windows"  # receipt printer behind a Windows queue: its name
    ESCPOS_FILE = "escpos_file"  # receipt printer as a file or device: its path


_CONNECTIONS = {
    PrinterKind.ESCPOS_NETWORK: escpos.Connection.NETWORK,
    PrinterKind.ESCPOS_USB: escpos.Connection.USB,
    PrinterKind.ESCPOS_WINDOWS: escpos.Connection.WINDOWS,
    PrinterKind.ESCPOS_FILE: escpos.Connection.FILE,
}
_KINDS = {connection: kind for kind, connection in _CONNECTIONS.items()}


@dataclass(frozen=True, slots=True)
class PrinterChoice:
    kind: PrinterKind = PrinterKind.NONE
    target: str = ""  # the OS printer's name, host[:port], vendor:product, queue or path
    width_mm: int = 80  # thermal paper
    qr: escpos.QrMode = escpos.QrMode.NATIVE

    @property
    def thermal(self) -> bool:
        return self.kind in _CONNECTIONS

    @property
    def connection(self) -> str:
        """The thermal printer as `escpos.open_printer` takes it (net:…); '' for others."""
        return f"{_CONNECTIONS[self.kind]}:{self.target}" if self.thermal else ""

    @property
    def system_name(self) -> str | None:
        """The OS printer's name; None: the default printer (or not an OS printer)."""
        return (self.target or None) if self.kind is PrinterKind.SYSTEM else None


def receipt_printer(
    connection: str, width_mm: int = 80, qr: escpos.QrMode = escpos.QrMode.NATIVE
) -> PrinterChoice:
    """A thermal printer written as its connection (net:192.168.1.50:9100, usb:04b8:0202,
    win:NAME, file:PATH); escpos.PrinterError says what is wrong with another text."""
    kind, target = escpos.split_target(connection.strip())
    return PrinterChoice(_KINDS[kind], target.strip(), width_mm, qr)


class UnreadablePrinter(ValueError):
    """The stored printer setting is not one this version knows how to read."""


def to_setting(choice: PrinterChoice) -> dict[str, Any]:
    return {
        "kind": str(choice.kind),
        "target": choice.target,
        "width_mm": choice.width_mm,
        "qr": str(choice.qr),
    }


def from_setting(raw: Any) -> PrinterChoice:
    """The stored setting, in any shape written so far; UnreadablePrinter if none fits."""
    if raw is None:
        return PrinterChoice()  # never chosen
    if not isinstance(raw, dict):
        raise UnreadablePrinter(f"not a printer setting: {raw!r}")
    try:
        width_mm = int(raw.get("width_mm", 80))
        qr = escpos.QrMode(raw.get("qr", escpos.QrMode.NATIVE))
    except (TypeError, ValueError) as exc:
        raise UnreadablePrinter(f"paper or QR mode: {exc}") from None
    if width_mm not in WIDTHS:
        raise UnreadablePrinter(f"thermal paper {width_mm} mm wide")
    if "target" in raw:
        return _current_shape(raw, width_mm, qr)
    return _wizard_shape(raw, width_mm, qr)


def _current_shape(raw: dict[str, Any], width_mm: int, qr: escpos.QrMode) -> PrinterChoice:
    target = raw.get("target")
    try:
        kind = PrinterKind(str(raw.get("kind")))
    except ValueError:
        raise UnreadablePrinter(f"printer kind {raw.get('kind')!r}") from None
    if not isinstance(target, str):
        raise UnreadablePrinter(f"printer target {target!r}")
    return PrinterChoice(kind, target.strip() if kind is not PrinterKind.NONE else "", width_mm, qr)


def _wizard_shape(raw: dict[str, Any], width_mm: int, qr: escpos.QrMode) -> PrinterChoice:
    kind = raw.get("kind")
    if kind == "pdf":
        return PrinterChoice(PrinterKind.NONE, "", width_mm, qr)
    if kind == "system":
        name = raw.get("system_name")
        if name is not None and not isinstance(name, str):
            raise UnreadablePrinter(f"system printer name {name!r}")
        return PrinterChoice(PrinterKind.SYSTEM, (name or "").strip(), width_mm, qr)
    if kind == "thermal":
        connection = raw.get("thermal_target")
        if not isinstance(connection, str) or not connection.strip():
            raise UnreadablePrinter("a receipt printer without its connection")
        try:
            return receipt_printer(connection, width_mm, qr)
        except escpos.PrinterError as exc:
            raise UnreadablePrinter(str(exc)) from None
    raise UnreadablePrinter(f"printer kind {kind!r}")


@dataclass(frozen=True, slots=True)
class Stored:
    """The printer as stored: what to print on, and the stored text when it was unreadable."""

    choice: PrinterChoice
    unreadable: str = ""  # the stored value as JSON when it could not be read; else ''


def stored(raw: Any) -> Stored:
    """Never raises: an unreadable value prints as PDF files and is logged with the reason."""
    try:
        return Stored(from_setting(raw))
    except UnreadablePrinter as exc:
        text = json.dumps(raw, ensure_ascii=False, default=str)
        log.warning("printer setting %s cannot be read (%s); saving PDF files instead", text, exc)
        return Stored(PrinterChoice(), text)


def load(desk: Desk) -> PrinterChoice:
    """The printer to print on, as the settings screen or the wizard saved it."""
    with desk.read() as s:
        return stored(read_setting(s, PRINTER_SETTING)).choice

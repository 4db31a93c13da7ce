"""One printer value from the settings screen and the first-run wizard to the printing.

Every kind goes settings screen → stored value → the printer vouchers go to; the shapes
tills in the field already store still read as the printer they meant; a stored value
that cannot be read prints as PDF files and the settings screen says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from loyalty_desk.gui.main_window import MainWindow
from loyalty_desk.services import printer_choice as printers
from loyalty_desk.services import settings, vouchers
from loyalty_desk.services.desk import Desk, read_setting, write_setting
from loyalty_desk.services.printer_choice import PRINTER_SETTING, PrinterChoice, PrinterKind
from loyalty_desk.services.settings import Language
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import AuditLog
from loyalty_desk.vouchers.escpos import PrinterError, QrMode
from tests.conftest import FakeClock
from tests.gui.conftest import MANAGER, close, open_window, press, sign_in, type_text

EVERY_KIND = [
    (PrinterChoice(), ""),
    (PrinterChoice(PrinterKind.SYSTEM), ""),  # the computer's default printer
    (PrinterChoice(PrinterKind.SYSTEM, "Office LaserJet"), ""),
    (PrinterChoice(PrinterKind.ESCPOS_NETWORK, "192.168.1.50:9100"), "net:192.168.1.50:9100"),
    (PrinterChoice(PrinterKind.ESCPOS_USB, "04b8:0202"), "usb:04b8:0202"),
    (PrinterChoice(PrinterKind.ESCPOS_WINDOWS, "EPSON TM-T82 收银"), "win:EPSON TM-T82 收银"),
    (PrinterChoice(PrinterKind.ESCPOS_FILE, "/dev/usb/lp0", 58), "file:/dev/usb/lp0"),
]


def save_on_settings(desk: Desk, printer: PrinterChoice) -> settings.StoreSettings:
    """What the settings screen's Save does."""
    return unwrap(
        settings.save(
            desk,
            store_name="Flagship",
            timezone="Asia/Shanghai",
            language=Language.SYSTEM,
            printer=printer,
            actor="Wang Manager",
        )
    )


def stored_raw(desk: Desk) -> Any:
    with desk.read() as s:
        return read_setting(s, PRINTER_SETTING)


def store_raw(desk: Desk, raw: Any) -> None:
    with desk.write() as s:
        write_setting(s, PRINTER_SETTING, raw)


def audit_rows(desk: Desk) -> int:
    with desk.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditLog)) or 0)


def printer_audited(desk: Desk) -> bool:
    """Whether any settings change in the audit log touched the printer."""
    with desk.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.action == "settings.change")).all()
        return any(PRINTER_SETTING in json.loads(row.detail) for row in rows)


@pytest.mark.parametrize(("choice", "connection"), EVERY_KIND)
def test_every_kind_goes_from_the_settings_screen_to_the_printing(
    desk: Desk, choice: PrinterChoice, connection: str
) -> None:
    shown = save_on_settings(desk, choice).printer
    assert shown == choice
    # Never chosen and "no printer" are the same printer: nothing needs writing for it.
    assert stored_raw(desk) in (printers.to_setting(choice), None)
    assert printers.from_setting(printers.to_setting(choice)) == choice
    printing = printers.load(desk)
    assert printing == choice
    assert (printing.thermal, printing.connection) == (bool(connection), connection)
    if choice.kind is PrinterKind.SYSTEM:
        assert printing.system_name == (choice.target or None)


@pytest.mark.parametrize(("choice", "connection"), EVERY_KIND)
def test_the_printer_saved_alone_as_the_wizard_does_shows_on_the_settings_screen(
    desk: Desk, choice: PrinterChoice, connection: str, tmp_path: Path
) -> None:
    if choice.kind is PrinterKind.ESCPOS_FILE:
        choice = PrinterChoice(PrinterKind.ESCPOS_FILE, str(tmp_path / "lp0"), 58)
    if choice.thermal and choice.kind is not PrinterKind.ESCPOS_FILE:
        # The wizard opens a thermal printer once before saving it; none is attached here.
        store_raw(desk, printers.to_setting(choice))
    else:
        assert unwrap(vouchers.save_printer_choice(desk, choice)) == choice
    assert settings.load(desk).printer == choice
    assert printers.load(desk) == choice


# What tills in the field store under "printer", written before there was one value.
OLD_SHAPES = [
    # the settings screen: {"kind", "target"}
    ({"kind": "none", "target": ""}, PrinterChoice()),
    (
        {"kind": "system", "target": "Office LaserJet"},
        PrinterChoice(PrinterKind.SYSTEM, "Office LaserJet"),
    ),
    (
        {"kind": "escpos_network", "target": "192.168.1.50:9100"},
        PrinterChoice(PrinterKind.ESCPOS_NETWORK, "192.168.1.50:9100"),
    ),
    (
        {"kind": "escpos_usb", "target": "04b8:0202"},
        PrinterChoice(PrinterKind.ESCPOS_USB, "04b8:0202"),
    ),
    # the first-run wizard and the printing code: {"kind", "system_name", "thermal_target", …}
    (
        {
            "kind": "pdf",
            "system_name": None,
            "thermal_target": None,
            "width_mm": 80,
            "qr": "native",
        },
        PrinterChoice(),
    ),
    (
        {
            "kind": "system",
            "system_name": None,
            "thermal_target": None,
            "width_mm": 80,
            "qr": "native",
        },
        PrinterChoice(PrinterKind.SYSTEM),
    ),
    (
        {
            "kind": "system",
            "system_name": "Office LaserJet",
            "thermal_target": None,
            "width_mm": 80,
            "qr": "native",
        },
        PrinterChoice(PrinterKind.SYSTEM, "Office LaserJet"),
    ),
    (
        {
            "kind": "thermal",
            "system_name": None,
            "thermal_target": "net:192.168.1.50:9100",
            "width_mm": 80,
            "qr": "native",
        },
        PrinterChoice(PrinterKind.ESCPOS_NETWORK, "192.168.1.50:9100"),
    ),
    (
        {
            "kind": "thermal",
            "system_name": None,
            "thermal_target": "usb:04b8:0202",
            "width_mm": 58,
            "qr": "image",
        },
        PrinterChoice(PrinterKind.ESCPOS_USB, "04b8:0202", 58, QrMode.IMAGE),
    ),
    (
        {
            "kind": "thermal",
            "system_name": None,
            "thermal_target": "win:EPSON TM-T82",
            "width_mm": 80,
            "qr": "native",
        },
        PrinterChoice(PrinterKind.ESCPOS_WINDOWS, "EPSON TM-T82"),
    ),
    (
        {
            "kind": "thermal",
            "system_name": None,
            "thermal_target": "file:/dev/usb/lp0",
            "width_mm": 58,
            "qr": "native",
        },
        PrinterChoice(PrinterKind.ESCPOS_FILE, "/dev/usb/lp0", 58),
    ),
]


@pytest.mark.parametrize(("raw", "meant"), OLD_SHAPES)
def test_every_shape_stored_in_the_field_still_reads(
    desk: Desk, raw: dict[str, Any], meant: PrinterChoice
) -> None:
    store_raw(desk, raw)
    shown = settings.load(desk)
    assert (shown.printer, shown.printer_unreadable) == (meant, "")
    assert printers.load(desk) == meant
    # Saving the screen as it shows the printer changes nothing: no write, no audit row.
    audits = audit_rows(desk)
    save_on_settings(desk, shown.printer)
    assert stored_raw(desk) == raw
    save_on_settings(desk, shown.printer)
    assert (stored_raw(desk), audit_rows(desk)) == (raw, audits + 1)  # the store name only


UNREADABLE = [
    "epson",
    ["thermal", "net:10.0.0.9"],
    {"kind": "laser", "target": "x"},
    {"kind": "system", "target": 5},
    {"kind": "escpos_usb", "target": "04b8:0202", "width_mm": 76},
    {"kind": "escpos_usb", "target": "04b8:0202", "width_mm": "wide"},
    {"kind": "pdf", "qr": "hologram"},
    {"kind": "thermal", "system_name": None, "thermal_target": None},
    {"kind": "thermal", "thermal_target": "lpt1"},
    {"kind": "system", "system_name": ["Office"]},
]


@pytest.mark.parametrize("raw", UNREADABLE)
def test_an_unreadable_value_prints_as_pdf_and_is_said(desk: Desk, raw: Any) -> None:
    store_raw(desk, raw)
    with pytest.raises(printers.UnreadablePrinter):
        printers.from_setting(raw)
    assert printers.load(desk) == PrinterChoice()  # nothing goes to a printer nobody chose
    shown = settings.load(desk)
    assert shown.printer == PrinterChoice()
    assert json.loads(shown.printer_unreadable) == raw
    chosen = PrinterChoice(PrinterKind.ESCPOS_USB, "04b8:0202")
    assert save_on_settings(desk, chosen).printer_unreadable == ""
    assert printers.load(desk) == chosen


def test_never_chosen_prints_as_pdf(desk: Desk) -> None:
    shown = settings.load(desk)
    assert (shown.printer, shown.printer_unreadable) == (PrinterChoice(), "")
    assert printers.load(desk) == PrinterChoice()


# -- the settings screen, by keyboard ------------------------------------------------------


@pytest.fixture
def window(
    qtbot: QtBot, desk: Desk, manager: str, data_dir: Path, clock: FakeClock
) -> Iterator[MainWindow]:
    w = open_window(qtbot, data_dir, clock)
    yield w
    close(qtbot, w)


def open_settings(qtbot: QtBot, window: MainWindow) -> Any:
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.settings_page
    assert page is not None
    qtbot.waitUntil(lambda: page.ui.storeIdValue.text() != "")
    return page


def save_by_keyboard(qtbot: QtBot, page: Any) -> None:
    ui = page.ui
    ui.settingsMessage.clear()
    ui.saveButton.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ui.settingsMessage.text() == "Settings saved.")


@pytest.mark.parametrize(
    ("raw", "kind", "target"),
    [
        (
            {
                "kind": "thermal",
                "thermal_target": "win:EPSON TM-T82",
                "width_mm": 58,
                "qr": "image",
            },
            "Receipt printer by its Windows name (ESC/POS)",
            "EPSON TM-T82",
        ),
        (
            {
                "kind": "thermal",
                "thermal_target": "file:/dev/usb/lp0",
                "width_mm": 80,
                "qr": "native",
            },
            "Receipt printer as a file or device (ESC/POS)",
            "/dev/usb/lp0",
        ),
        (
            {"kind": "thermal", "thermal_target": "net:192.168.1.50:9100"},
            "Receipt printer on the network (ESC/POS)",
            "192.168.1.50:9100",
        ),
        ({"kind": "system", "system_name": None}, "A printer of this computer", ""),
        (
            {"kind": "escpos_usb", "target": "04b8:0202"},
            "Receipt printer on USB (ESC/POS)",
            "04b8:0202",
        ),
        ({"kind": "pdf", "width_mm": 58}, "No printer", ""),
    ],
)
def test_the_screen_shows_what_is_stored_and_saving_it_again_changes_nothing(
    qtbot: QtBot, window: MainWindow, desk: Desk, raw: dict[str, Any], kind: str, target: str
) -> None:
    store_raw(desk, raw)
    meant = printers.load(desk)
    sign_in(qtbot, window, MANAGER)
    page = open_settings(qtbot, window)
    ui = page.ui
    qtbot.waitUntil(lambda: ui.printerKindCombo.currentText() == kind)
    assert ui.printerTargetCombo.currentText() == target
    assert not ui.settingsMessage.isVisible() or ui.settingsMessage.property("tone") != "warn"
    save_by_keyboard(qtbot, page)
    assert (stored_raw(desk), printer_audited(desk)) == (raw, False)
    assert printers.load(desk) == meant


def test_each_kind_chosen_by_keyboard_reaches_the_printing(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    sign_in(qtbot, window, MANAGER)
    page = open_settings(qtbot, window)
    ui = page.ui
    out = tmp_path / "lp0"
    for kind, target, expected in [
        (PrinterKind.ESCPOS_FILE, str(out), PrinterChoice(PrinterKind.ESCPOS_FILE, str(out))),
        (
            PrinterKind.ESCPOS_WINDOWS,
            "EPSON TM-T82",
            PrinterChoice(PrinterKind.ESCPOS_WINDOWS, "EPSON TM-T82"),
        ),
        (
            PrinterKind.ESCPOS_NETWORK,
            "192.168.1.50:9100",
            PrinterChoice(PrinterKind.ESCPOS_NETWORK, "192.168.1.50:9100"),
        ),
        (PrinterKind.ESCPOS_USB, "04b8:0202", PrinterChoice(PrinterKind.ESCPOS_USB, "04b8:0202")),
        (PrinterKind.SYSTEM, "", PrinterChoice(PrinterKind.SYSTEM)),
        (PrinterKind.NONE, "", PrinterChoice()),
    ]:
        ui.printerKindCombo.setFocus()
        wanted = ui.printerKindCombo.findData(str(kind))
        key = Qt.Key.Key_Down if wanted > ui.printerKindCombo.currentIndex() else Qt.Key.Key_Up
        while ui.printerKindCombo.currentIndex() != wanted:
            press(qtbot, key)
        if kind is not PrinterKind.NONE:
            press(qtbot, Qt.Key.Key_Tab)
            assert ui.printerTargetCombo.hasFocus()
            press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            press(qtbot, Qt.Key.Key_Delete)
            type_text(qtbot, target, 0)
        save_by_keyboard(qtbot, page)
        assert printers.load(desk) == expected, kind
        assert ui.printerKindCombo.currentData() == str(kind)
        assert ui.printerTargetCombo.currentText() == target
        if kind is PrinterKind.ESCPOS_FILE:  # the printing code sends there: check it lands
            from loyalty_desk.gui import printing

            layout = vouchers.Layout(format=vouchers.Format.ESCPOS)
            document = printing.Document(
                "Test page",
                unwrap(vouchers.render_test_page(desk)),
                unwrap(vouchers.render_test_page(desk, layout)),
            )
            job = printing.Printing(desk)
            with qtbot.waitSignal(job.done, timeout=10_000):
                assert job.print(document)
            assert job.sending is not None and job.sending.wait(5_000)
            assert out.read_bytes() == document.escpos


def test_an_unreadable_value_is_said_on_the_screen(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    store_raw(desk, {"kind": "thermal", "thermal_target": "lpt1"})
    sign_in(qtbot, window, MANAGER)
    page = open_settings(qtbot, window)
    ui = page.ui
    qtbot.waitUntil(lambda: "cannot be read" in ui.settingsMessage.text())
    assert "lpt1" in ui.settingsMessage.text()
    assert ui.settingsMessage.property("tone") == "warn"
    assert ui.printerKindCombo.currentData() == str(PrinterKind.NONE)


def test_a_receipt_printer_is_written_as_its_connection() -> None:
    """The wizard's one field for a receipt printer, and the old stored `thermal_target`."""
    for connection, kind, target in [
        ("net:192.168.1.50", PrinterKind.ESCPOS_NETWORK, "192.168.1.50"),
        (" usb:04b8:0202 ", PrinterKind.ESCPOS_USB, "04b8:0202"),
        ("win:EPSON TM-T82", PrinterKind.ESCPOS_WINDOWS, "EPSON TM-T82"),
        ("file:/dev/usb/lp0", PrinterKind.ESCPOS_FILE, "/dev/usb/lp0"),
    ]:
        choice = printers.receipt_printer(connection)
        assert (choice.kind, choice.target) == (kind, target)
        assert choice.connection == connection.strip()
    for bad in ("", "lpt1", "com1:9600", "192.168.1.50:9100"):
        with pytest.raises(PrinterError, match="is not a printer setting"):
            printers.receipt_printer(bad)

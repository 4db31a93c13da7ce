"""The printer chosen on the settings screen is the one vouchers, slips and cards go to."""

from __future__ import annotations

from loyalty_desk.services import settings, vouchers
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.settings import Language, PrinterChoice, PrinterKind
from loyalty_desk.services.usecase import unwrap


def choose(desk: Desk, kind: PrinterKind, target: str = "") -> vouchers.PrinterChoice:
    unwrap(
        settings.save(
            desk,
            store_name="Flagship",
            timezone="Asia/Shanghai",
            language=Language.SYSTEM,
            printer=PrinterChoice(kind, target),
            actor="Wang Manager",
        )
    )
    return vouchers.printer_choice(desk)


def test_each_settings_screen_choice_reaches_the_printing(desk: Desk) -> None:
    network = choose(desk, PrinterKind.ESCPOS_NETWORK, "192.168.1.50:9100")
    assert (network.kind, network.thermal_target) == (
        vouchers.PrinterKind.THERMAL,
        "net:192.168.1.50:9100",
    )
    usb = choose(desk, PrinterKind.ESCPOS_USB, "04b8:0202")
    assert (usb.kind, usb.thermal_target) == (vouchers.PrinterKind.THERMAL, "usb:04b8:0202")
    system = choose(desk, PrinterKind.SYSTEM, "Office LaserJet")
    assert (system.kind, system.system_name) == (vouchers.PrinterKind.SYSTEM, "Office LaserJet")
    assert choose(desk, PrinterKind.NONE).kind is vouchers.PrinterKind.PDF  # save as PDF

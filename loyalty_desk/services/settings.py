"""Store settings a manager changes at the till: name, time zone, language, printer.

The store id is fixed once the till has a ledger (every entry carries it), so it is shown,
not edited. A time-zone change moves business days (daily cap, birthday month, expiry
dates), so it is audited like the other changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from loyalty_desk.domain.errors import Code, refuse
from loyalty_desk.domain.timeutil import zone
from loyalty_desk.services import audit
from loyalty_desk.services.desk import Desk, read_setting, write_setting
from loyalty_desk.services.usecase import use_case

LANGUAGE_KEY = "language"
PRINTER_KEY = "printer"
STORE_NAME_MAX = 80


class Language(StrEnum):
    SYSTEM = "system"  # follow the PC's locale
    CHINESE = "zh_CN"
    ENGLISH = "en"


class PrinterKind(StrEnum):
    NONE = "none"
    SYSTEM = "system"  # a printer the operating system knows, by name
    ESCPOS_NETWORK = "escpos_network"  # receipt printer on the LAN, host:port
    ESCPOS_USB = "escpos_usb"  # receipt printer on USB, vendor:product in hex


_HOST_PORT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,252}(?::[0-9]{1,5})?$")
_USB_IDS = re.compile(r"^[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}$")


@dataclass(frozen=True, slots=True)
class PrinterChoice:
    kind: PrinterKind = PrinterKind.NONE
    target: str = ""  # printer name, host[:port] or vendor:product, by kind

    def to_json(self) -> dict[str, str]:
        return {"kind": str(self.kind), "target": self.target}


@dataclass(frozen=True, slots=True)
class StoreSettings:
    store_id: str
    store_name: str
    timezone: str
    language: Language
    printer: PrinterChoice
    demo: bool  # generated demo data, not a real store

    def to_json(self) -> dict[str, Any]:
        return {
            "store_id": self.store_id,
            "store_name": self.store_name,
            "timezone": self.timezone,
            "language": str(self.language),
            "printer": self.printer.to_json(),
            "demo": self.demo,
        }


def _printer_from(value: Any) -> PrinterChoice:
    if not isinstance(value, dict):
        return PrinterChoice()
    if "target" not in value:
        return _from_printing(value)
    try:
        return PrinterChoice(PrinterKind(value.get("kind", "none")), str(value.get("target", "")))
    except ValueError:
        return PrinterChoice()


def _language_from(value: Any) -> Language:
    try:
        return Language(value or Language.SYSTEM)
    except ValueError:
        return Language.SYSTEM


def _from_printing(value: dict[str, Any]) -> PrinterChoice:
    """The printer as the first-run wizard saves it (services.vouchers' own form)."""
    kind = value.get("kind")
    if kind == "system":
        return PrinterChoice(PrinterKind.SYSTEM, str(value.get("system_name") or ""))
    connection, _, rest = str(value.get("thermal_target") or "").partition(":")
    if kind == "thermal" and connection == "net":
        return PrinterChoice(PrinterKind.ESCPOS_NETWORK, rest)
    if kind == "thermal" and connection == "usb":
        return PrinterChoice(PrinterKind.ESCPOS_USB, rest)
    return PrinterChoice()  # PDF files, or a connection this screen cannot show


def load(desk: Desk) -> StoreSettings:
    with desk.read() as s:
        return StoreSettings(
            store_id=desk.info.store_id,
            store_name=read_setting(s, "store_name", desk.info.store_id),
            timezone=read_setting(s, "timezone", desk.info.timezone),
            language=_language_from(read_setting(s, LANGUAGE_KEY)),
            printer=_printer_from(read_setting(s, PRINTER_KEY)),
            demo=bool(read_setting(s, "demo", False)),
        )


def check_printer(choice: PrinterChoice) -> PrinterChoice:
    target = choice.target.strip()
    if choice.kind is PrinterKind.NONE:
        return PrinterChoice()
    if choice.kind is PrinterKind.SYSTEM and not target:
        raise refuse(Code.INVALID_SETTING, "Choose which printer to use.")
    if choice.kind is PrinterKind.ESCPOS_NETWORK:
        port = target.rpartition(":")[2] if ":" in target else "9100"
        if not _HOST_PORT.match(target) or not 1 <= int(port) <= 65535:
            raise refuse(
                Code.INVALID_SETTING,
                "'{target}' is not a printer address; write it as host or host:port (e.g. "
                "192.168.1.50:9100).",
                target=target,
            )
    if choice.kind is PrinterKind.ESCPOS_USB and not _USB_IDS.match(target):
        raise refuse(
            Code.INVALID_SETTING,
            "'{target}' is not a USB printer id; write vendor:product in hex (e.g. 04b8:0202).",
            target=target,
        )
    return PrinterChoice(choice.kind, target)


@use_case
def save(
    desk: Desk,
    *,
    store_name: str,
    timezone: str,
    language: Language,
    printer: PrinterChoice,
    actor: str,
) -> StoreSettings:
    """Save what the settings screen shows; only what changed goes into the audit log."""
    name = " ".join(store_name.split())
    if not name or len(name) > STORE_NAME_MAX:
        raise refuse(
            Code.INVALID_SETTING,
            "The store name is 1 to {store_name_max} characters long.",
            store_name_max=STORE_NAME_MAX,
        )
    tz_name = timezone.strip()
    if zone(tz_name) is None:
        raise refuse(
            Code.INVALID_TIMEZONE,
            "'{timezone}' is not a time zone (e.g. Asia/Shanghai).",
            timezone=timezone,
        )
    clean_printer = check_printer(printer)
    wanted: dict[str, Any] = {
        "store_name": name,
        "timezone": tz_name,
        LANGUAGE_KEY: str(language),
        PRINTER_KEY: clean_printer.to_json(),
    }
    with desk.write() as s:
        changes: dict[str, Any] = {}
        for key, value in wanted.items():
            before = read_setting(s, key)
            if before != value:
                changes[key] = {"from": before, "to": value}
                write_setting(s, key, value)
        if changes:
            audit.record(
                s, desk, "settings.change", actor=actor, subject=desk.info.store_id, detail=changes
            )
    desk.set_info(replace(desk.info, store_name=name, timezone=tz_name))
    return load(desk)


@use_case
def save_language(desk: Desk, language: Language, *, actor: str | None) -> Language:
    """The language alone (the first-run wizard asks it before anything else)."""
    with desk.write() as s:
        before = read_setting(s, LANGUAGE_KEY)
        if before != str(language):
            write_setting(s, LANGUAGE_KEY, str(language))
            audit.record(
                s,
                desk,
                "settings.change",
                actor=actor,
                subject=desk.info.store_id,
                detail={LANGUAGE_KEY: {"from": before, "to": str(language)}},
            )
    return language


def mark_demo(desk: Desk) -> None:
    """Flag generated demo data, so every screen can say so."""
    with desk.write() as s:
        write_setting(s, "demo", True)

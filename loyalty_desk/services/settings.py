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
from loyalty_desk.services.printer_choice import (
    PRINTER_SETTING,
    PrinterChoice,
    PrinterKind,
    Stored,
    stored,
    to_setting,
)
from loyalty_desk.services.usecase import use_case

LANGUAGE_KEY = "language"
STORE_NAME_MAX = 80


class Language(StrEnum):
    SYSTEM = "system"  # follow the PC's locale
    CHINESE = "zh_CN"
    ENGLISH = "en"


_HOST_PORT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,252}(?::[0-9]{1,5})?$")
_USB_IDS = re.compile(r"^[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}$")


@dataclass(frozen=True, slots=True)
class StoreSettings:
    store_id: str
    store_name: str
    timezone: str
    language: Language
    printer: PrinterChoice
    demo: bool  # generated demo data, not a real store
    printer_unreadable: str = ""  # the stored printer setting when it could not be read

    def to_json(self) -> dict[str, Any]:
        return {
            "store_id": self.store_id,
            "store_name": self.store_name,
            "timezone": self.timezone,
            "language": str(self.language),
            "printer": to_setting(self.printer),
            "demo": self.demo,
        }


def _language_from(value: Any) -> Language:
    try:
        return Language(value or Language.SYSTEM)
    except ValueError:
        return Language.SYSTEM


def load(desk: Desk) -> StoreSettings:
    with desk.read() as s:
        printer = stored(read_setting(s, PRINTER_SETTING))
        return StoreSettings(
            store_id=desk.info.store_id,
            store_name=read_setting(s, "store_name", desk.info.store_id),
            timezone=read_setting(s, "timezone", desk.info.timezone),
            language=_language_from(read_setting(s, LANGUAGE_KEY)),
            printer=printer.choice,
            demo=bool(read_setting(s, "demo", False)),
            printer_unreadable=printer.unreadable,
        )


def check_printer(choice: PrinterChoice) -> PrinterChoice:
    """The choice with its target trimmed, or INVALID_SETTING. An empty system printer is
    the computer's default printer; the paper width and QR mode are kept for any kind."""
    target = choice.target.strip()
    if choice.kind is PrinterKind.NONE:
        return replace(choice, target="")
    if choice.kind in (PrinterKind.ESCPOS_WINDOWS, PrinterKind.ESCPOS_FILE) and not target:
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
    return replace(choice, target=target)


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
        PRINTER_SETTING: to_setting(clean_printer),
    }
    with desk.write() as s:
        changes: dict[str, Any] = {}
        for key, value in wanted.items():
            before = read_setting(s, key)
            if key == PRINTER_SETTING and stored(before) == Stored(clean_printer):
                continue  # the same printer, maybe in an older shape: left as it is
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

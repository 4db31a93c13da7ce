"""What the first-run wizard writes: the store with its first manager, or the demo store,
each with the language chosen on the wizard's first page.

Each returns the store opened (the wizard goes on to register it and choose a printer),
so the caller closes the Desk. Everything is checked before the first byte is written:
a refused name or PIN leaves the data directory empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from loyalty_desk.domain.codes import PIN_PATTERN
from loyalty_desk.domain.errors import Code, Refusal, Refused, refuse
from loyalty_desk.domain.people import validate_name
from loyalty_desk.services import demo, settings, staff
from loyalty_desk.services.desk import Clock, Desk, system_clock
from loyalty_desk.services.setup import STORE_ID_PATTERN, init_store
from loyalty_desk.services.usecase import unwrap, use_case


@dataclass(frozen=True, slots=True)
class FirstStore:
    desk: Desk
    store_id: str
    store_name: str
    manager: str  # who signs in first
    demo: bool


def check_pins(pin: str, again: str) -> None:
    if not PIN_PATTERN.match(pin):
        raise refuse(Code.INVALID_PIN, "The PIN is 4 to 12 digits.")
    if pin != again:
        raise refuse(Code.INVALID_PIN, "The two PINs differ; type the same PIN twice.")


def check_store_id(store_id: str) -> str:
    clean = store_id.strip()
    if not STORE_ID_PATTERN.match(clean):
        raise refuse(
            Code.INVALID_STORE,
            "'{clean}' is not a store id: 1 to 32 letters, digits, - or _, starting with a letter "
            "or digit (e.g. SH001).",
            clean=clean,
        )
    return clean


@use_case
def create_store(
    data_dir: Path,
    *,
    store_id: str,
    store_name: str,
    timezone: str,
    manager: str,
    pin: str,
    pin_again: str,
    language: settings.Language,
    clock: Clock = system_clock,
) -> FirstStore:
    clean_id = check_store_id(store_id)
    name = validate_name(manager)
    if isinstance(name, Refusal):
        raise Refused(name)
    check_pins(pin, pin_again)
    created = unwrap(
        init_store(data_dir, clean_id, store_name.strip() or clean_id, timezone, clock=clock)
    )
    desk = unwrap(Desk.open(data_dir, clock=clock))
    try:
        unwrap(staff.add_staff(desk, name, "manager", pin))
        unwrap(settings.save_language(desk, language, actor=name))
    except BaseException:
        desk.close()
        raise
    return FirstStore(desk, created.store_id, created.store_name, name, demo=False)


@use_case
def create_demo(
    data_dir: Path,
    *,
    language: settings.Language,
    members_count: int,
    progress: demo.Progress | None = None,
    clock: Clock = system_clock,
) -> FirstStore:
    result = unwrap(
        demo.create_demo_store(data_dir, members_count=members_count, progress=progress)
    )
    desk = unwrap(Desk.open(data_dir, clock=clock))
    try:
        unwrap(settings.save_language(desk, language, actor=None))
    except BaseException:
        desk.close()
        raise
    return FirstStore(desk, result.store_id, desk.info.store_name, result.manager[0], demo=True)

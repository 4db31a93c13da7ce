"""Staff accounts and PINs: argon2 hashes, lock-out after repeated wrong PINs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from loyalty_desk.domain.codes import PIN_PATTERN
from loyalty_desk.domain.errors import Code, Refusal, Refused, refusal, refuse
from loyalty_desk.domain.ids import new_id
from loyalty_desk.domain.people import storable, validate_name
from loyalty_desk.services import audit
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import use_case
from loyalty_desk.store.models import Staff

MAX_ATTEMPTS = 5
LOCK_MINUTES = 15

# Module-level so tests can swap in a cheaper profile; production keeps argon2's defaults.
hasher = PasswordHasher()


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"


@dataclass(frozen=True, slots=True)
class StaffView:
    id: str
    name: str
    role: Role

    @property
    def is_manager(self) -> bool:
        return self.role is Role.MANAGER

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "role": str(self.role)}


def _view(row: Staff) -> StaffView:
    return StaffView(row.id, row.name, Role(row.role))


def _locked_refusal(row: Staff, now: datetime, tz: tzinfo) -> Refusal | None:
    if row.locked_until is not None and row.locked_until > now:
        minutes = math.ceil((row.locked_until - now).total_seconds() / 60)
        return refusal(
            Code.ACCOUNT_LOCKED,
            "{name} is locked after {max_attempts} wrong PINs; try again in {minutes} min (at "
            "{until:%H:%M}).",
            details={"locked_until": row.locked_until.isoformat()},
            name=row.name,
            max_attempts=MAX_ATTEMPTS,
            minutes=minutes,
            until=row.locked_until.astimezone(tz),
        )
    return None


def _check_pin(row: Staff, pin: str) -> bool:
    if not storable(pin):  # not text at all (a lone surrogate): no PIN is made of that
        return False
    try:
        return hasher.verify(row.pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def _register_failure(row: Staff, now: datetime) -> None:
    row.failed_attempts += 1
    if row.failed_attempts >= MAX_ATTEMPTS:
        row.locked_until = now + timedelta(minutes=LOCK_MINUTES)
        row.failed_attempts = 0


def _wrong_pin(row: Staff, now: datetime, tz: tzinfo) -> Refusal:
    locked = _locked_refusal(row, now, tz)
    if locked is not None:
        return locked
    left = MAX_ATTEMPTS - row.failed_attempts
    return refusal(
        Code.WRONG_PIN,
        "Wrong PIN for {name}; {left} tries left before a {lock_minutes}-minute lock.",
        details={"attempts_left": left},
        name=row.name,
        left=left,
        lock_minutes=LOCK_MINUTES,
    )


def sign_in(desk: Desk, name: str, pin: str) -> StaffView | Refusal:
    """Check a PIN; a wrong one is counted (and committed) even though it refuses."""
    now = desk.now()
    if not storable(name):
        return refusal(Code.UNKNOWN_STAFF, "No staff account has that name; type it again.")
    with desk.write() as s:
        row = s.scalars(select(Staff).where(Staff.name == name.strip(), Staff.active)).first()
        if row is None:
            return refusal(Code.UNKNOWN_STAFF, "No staff account named '{name}'.", name=name)
        locked = _locked_refusal(row, now, desk.tz)
        if locked is not None:
            return locked
        if _check_pin(row, pin):
            row.failed_attempts = 0
            row.locked_until = None
            return _view(row)
        _register_failure(row, now)
        return _wrong_pin(row, now, desk.tz)


def verify_manager_pin(desk: Desk, pin: str | None, name: str | None = None) -> StaffView | Refusal:
    """Approve with a manager's PIN. Without a name, any unlocked manager's PIN approves;
    a wrong PIN then counts against every manager, since it is unknown whose it was meant to be.
    """
    if not pin:
        return refusal(Code.MANAGER_PIN_REQUIRED, "This needs a manager's PIN.")
    if name is not None:
        result = sign_in(desk, name, pin)
        if isinstance(result, StaffView) and not result.is_manager:
            return refusal(Code.NOT_A_MANAGER, "{name} is not a manager.", name=result.name)
        return result
    now = desk.now()
    with desk.write() as s:
        managers = list(
            s.scalars(select(Staff).where(Staff.role == Role.MANAGER.value, Staff.active))
        )
        if not managers:
            return refusal(
                Code.MANAGER_PIN_REQUIRED, "No manager account exists; add one with `staff add`."
            )
        unlocked = [m for m in managers if _locked_refusal(m, now, desk.tz) is None]
        if not unlocked:
            locked = _locked_refusal(managers[0], now, desk.tz)
            assert locked is not None
            return locked
        for m in unlocked:
            if _check_pin(m, pin):
                m.failed_attempts = 0
                return _view(m)
        for m in unlocked:
            _register_failure(m, now)
        return _wrong_pin(unlocked[0], now, desk.tz)


def managers_exist(session: Session) -> bool:
    return (
        session.scalars(
            select(Staff.id).where(Staff.role == Role.MANAGER.value, Staff.active).limit(1)
        ).first()
        is not None
    )


@use_case
def add_staff(
    desk: Desk, name: str, role: str, pin: str, approver_pin: str | None = None
) -> StaffView:
    """Add a cashier or manager. Once a manager exists, adding staff needs a manager's PIN."""
    clean = validate_name(name)
    if isinstance(clean, Refusal):
        raise Refused(clean)
    if role not in (Role.CASHIER.value, Role.MANAGER.value):
        raise refuse(Code.INVALID_ROLE, "Role must be cashier or manager, not '{role}'.", role=role)
    if not PIN_PATTERN.match(pin):
        raise refuse(Code.INVALID_PIN, "A PIN is 4 to 12 digits.")
    with desk.read() as s:
        need_approval = managers_exist(s)
    approver: StaffView | None = None
    if need_approval:
        result = verify_manager_pin(desk, approver_pin)
        if isinstance(result, Refusal):
            raise Refused(result)
        approver = result
    with desk.write() as s:
        if s.scalars(select(Staff.id).where(Staff.name == clean)).first() is not None:
            raise refuse(
                Code.STAFF_EXISTS, "A staff account named '{clean}' already exists.", clean=clean
            )
        row = Staff(
            id=new_id(),
            name=clean,
            role=role,
            pin_hash=hasher.hash(pin),
            failed_attempts=0,
            locked_until=None,
            active=True,
            created_at=desk.now(),
        )
        s.add(row)
        audit.record(
            s,
            desk,
            "staff.add",
            actor=approver.name if approver else None,
            subject=clean,
            detail={"role": role},
        )
        return _view(row)


def list_staff(desk: Desk) -> list[StaffView]:
    with desk.read() as s:
        return [_view(r) for r in s.scalars(select(Staff).where(Staff.active).order_by(Staff.name))]

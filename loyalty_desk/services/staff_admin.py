"""Managing staff accounts from the settings screen: PINs, unlocking, leaving staff.

Every change is approved with a manager's PIN (the signed-in manager types it again: an
unattended till must not hand out accounts) and written to the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from loyalty_desk.domain.codes import PIN_PATTERN
from loyalty_desk.domain.errors import Code, Refusal, Refused, refuse
from loyalty_desk.services import audit
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.staff import Role, StaffView, hasher, verify_manager_pin
from loyalty_desk.services.usecase import use_case
from loyalty_desk.store.models import Staff


@dataclass(frozen=True, slots=True)
class StaffAccount:
    id: str
    name: str
    role: Role
    active: bool
    locked_until: datetime | None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


def accounts(desk: Desk) -> list[StaffAccount]:
    """Active accounts first, then those that left; by name."""
    with desk.read() as s:
        rows = s.scalars(select(Staff).order_by(Staff.active.desc(), Staff.name))
        return [StaffAccount(r.id, r.name, Role(r.role), r.active, r.locked_until) for r in rows]


def _approve(desk: Desk, manager_name: str, manager_pin: str) -> StaffView:
    verdict = verify_manager_pin(desk, manager_pin, manager_name)
    if isinstance(verdict, Refusal):
        raise Refused(verdict)
    return verdict


def _account(s: Session, name: str) -> Staff:
    row = s.scalars(select(Staff).where(Staff.name == name.strip())).first()
    if row is None:
        raise refuse(Code.UNKNOWN_STAFF, "No staff account named '{name}'.", name=name)
    return row


@use_case
def set_pin(
    desk: Desk, name: str, new_pin: str, *, manager_name: str, manager_pin: str
) -> StaffAccount:
    """Give an account a new PIN (forgotten PIN, or a manager changing their own)."""
    if not PIN_PATTERN.match(new_pin):
        raise refuse(Code.INVALID_PIN, "A PIN is 4 to 12 digits.")
    approver = _approve(desk, manager_name, manager_pin)
    with desk.write() as s:
        row = _account(s, name)
        row.pin_hash = hasher.hash(new_pin)
        row.failed_attempts = 0
        row.locked_until = None
        audit.record(s, desk, "staff.set_pin", actor=approver.name, subject=row.name, detail={})
        return StaffAccount(row.id, row.name, Role(row.role), row.active, row.locked_until)


@use_case
def unlock(desk: Desk, name: str, *, manager_name: str, manager_pin: str) -> StaffAccount:
    """Lift a lock-out after wrong PINs before its time runs out."""
    approver = _approve(desk, manager_name, manager_pin)
    with desk.write() as s:
        row = _account(s, name)
        row.failed_attempts = 0
        row.locked_until = None
        audit.record(s, desk, "staff.unlock", actor=approver.name, subject=row.name, detail={})
        return StaffAccount(row.id, row.name, Role(row.role), row.active, None)


@use_case
def set_active(
    desk: Desk, name: str, active: bool, *, manager_name: str, manager_pin: str
) -> StaffAccount:
    """Close the account of someone who left (or reopen it). History keeps their name."""
    approver = _approve(desk, manager_name, manager_pin)
    with desk.write() as s:
        row = _account(s, name)
        if not active and row.role == Role.MANAGER.value and row.active:
            others = s.scalar(
                select(func.count()).where(
                    Staff.role == Role.MANAGER.value, Staff.active, Staff.id != row.id
                )
            )
            if not others:
                raise refuse(
                    Code.LAST_MANAGER,
                    "{name} is the only manager; add another manager before closing this account.",
                    name=row.name,
                )
        if row.active != active:
            row.active = active
            action = "staff.reopen" if active else "staff.close"
            audit.record(s, desk, action, actor=approver.name, subject=row.name, detail={})
        return StaffAccount(row.id, row.name, Role(row.role), row.active, row.locked_until)

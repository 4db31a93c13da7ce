"""Correcting a member's details at the till: name and birthday by anyone, the phone
number only with a manager's PIN (the phone is how the member is found and recognised)."""

from __future__ import annotations

from datetime import date

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.people import normalise_phone
from loyalty_desk.services import members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.staff import verify_manager_pin
from loyalty_desk.services.views import MemberView


def edit(
    desk: Desk,
    ref: str,
    *,
    name: str,
    birthday: date | None,
    phone: str,
    manager_pin: str | None = None,
    actor: str | None = None,
) -> MemberView | Refusal:
    """Save the detail form. A new phone is checked against a manager's PIN first."""
    current = members.show(desk, ref)
    if isinstance(current, Refusal):
        return current
    new_phone: str | None = None
    approver: str | None = None
    if normalise_phone(phone) != current.phone:
        verdict = verify_manager_pin(desk, manager_pin)
        if isinstance(verdict, Refusal):
            return verdict
        new_phone, approver = phone, verdict.name
    if new_phone is None and name.strip() == current.name and birthday == current.birthday:
        return current  # nothing changed: no event, no write
    return members.update_member(
        desk,
        current.code,
        name=name,
        birthday=birthday,
        phone=new_phone,
        approver_name=approver,
        actor=actor,
    )

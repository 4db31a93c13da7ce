"""The one-line reminder of who a dialog is for."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from loyalty_desk.gui import formatting as fmt
from loyalty_desk.services.views import MemberView


def member_line(m: MemberView, *, unmasked: bool) -> str:
    return QCoreApplication.translate(
        "MemberLine", "{name} · {phone} · {tier} · {points} points"
    ).format(
        name=m.name,
        phone=fmt.phone(m.phone, unmasked=unmasked),
        tier=fmt.tier_name(m.tier),
        points=fmt.points(m.balance),
    )

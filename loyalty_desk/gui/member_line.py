"""One-line reminders: who a dialog is for, which coupon is meant."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from loyalty_desk.gui import formatting as fmt
from loyalty_desk.services.coupon_views import CouponView
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


def coupon_line(c: CouponView) -> str:
    """'¥20.00 off from ¥100.00 · until 2026-12-22 · 9012 3456 …': a coupon in a list."""
    return QCoreApplication.translate(
        "MemberPanel", "{value} off from {spend} · until {until} · {code}"
    ).format(
        value=fmt.yuan(c.value_fen),
        spend=fmt.yuan(c.min_spend_fen),
        until=c.last_day.isoformat(),
        code=c.code_grouped,
    )

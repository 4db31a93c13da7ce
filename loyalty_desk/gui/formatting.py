"""How money, points, dates, tiers and phones read on screen (all text through Qt's tr)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from loyalty_desk.domain.people import mask_phone
from loyalty_desk.domain.tiers import Tier

_chinese_labels = False


def use_chinese_labels(on: bool) -> None:
    """Tier and entry names the domain already knows in Chinese follow the language."""
    global _chinese_labels
    _chinese_labels = on


def chinese_labels() -> bool:
    return _chinese_labels


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def yuan(fen: int, *, sign: bool = False) -> str:
    """12345 -> '¥123.45'; thousands grouped; a minus (or plus) in front when asked."""
    whole, part = divmod(abs(fen), 100)
    prefix = "-" if fen < 0 else ("+" if sign and fen > 0 else "")
    return f"{prefix}¥{whole:,}.{part:02d}"


def points(value: int, *, sign: bool = False) -> str:
    return f"{value:+,}" if sign else f"{value:,}"


def tier_name(tier: Tier | str) -> str:
    t = Tier(tier)
    if _chinese_labels:
        return t.label_zh
    return {
        Tier.REGULAR: tr("Tier", "Regular"),
        Tier.SILVER: tr("Tier", "Silver"),
        Tier.GOLD: tr("Tier", "Gold"),
        Tier.DIAMOND: tr("Tier", "Diamond"),
    }[t]


_KIND_ZH = {
    "EARN": "消费积分",
    "REDEEM": "积分抵扣",
    "EXPIRE": "积分过期",
    "ADJUST": "人工调整",
    "REVERSAL": "退货冲回",
    "REFERRAL": "推荐奖励",
    "BONUS": "奖励积分",
}


def entry_kind(kind: str) -> str:
    if _chinese_labels and kind in _KIND_ZH:
        return _KIND_ZH[kind]
    names = {
        "EARN": tr("Kind", "Earned"),
        "REDEEM": tr("Kind", "Redeemed"),
        "EXPIRE": tr("Kind", "Expired"),
        "ADJUST": tr("Kind", "Adjusted"),
        "REVERSAL": tr("Kind", "Refund"),
        "REFERRAL": tr("Kind", "Referral"),
        "BONUS": tr("Kind", "Bonus"),
    }
    return names.get(kind, kind)


def phone(number: str, *, unmasked: bool) -> str:
    """Managers see the whole number; everyone else 138****1234."""
    return number if unmasked else mask_phone(number)


def local_time(moment: datetime | None, tz: ZoneInfo, *, with_date: bool = True) -> str:
    if moment is None:
        return "—"
    local = moment.astimezone(tz)
    return local.strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M")


def local_day(moment: datetime | date | None, tz: ZoneInfo) -> str:
    if moment is None:
        return "—"
    if isinstance(moment, datetime):
        return moment.astimezone(tz).strftime("%Y-%m-%d")
    return moment.isoformat()

"""How money, points, dates, tiers and phones read on screen (all text through Qt's tr).

Numbers and money follow the client's language through QLocale (set by gui.i18n). Dates
stay ISO 8601 (2026-03-10) in both languages: China's own standard (GB/T 7408), and never
ambiguous to a store's English-speaking staff the way 3/10/26 would be.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale

from loyalty_desk.domain.people import mask_phone
from loyalty_desk.domain.tiers import Tier


def translate(context: str, text: str) -> str:
    """Qt's translation under `context` (pyside6-lupdate finds these calls by this name)."""
    return QCoreApplication.translate(context, text)


def _locale() -> QLocale:
    """The client's locale; a PC set to the bare C locale reads numbers as in English."""
    chosen = QLocale()
    return QLocale(QLocale.Language.English) if chosen.language() == QLocale.Language.C else chosen


def chinese_labels() -> bool:
    """Names the domain knows in both languages (coupon kinds) follow the client's."""
    return QLocale().language() == QLocale.Language.Chinese


def number(value: int) -> str:
    """Grouped the way the client's language writes numbers (QLocale: 12,345)."""
    return _locale().toString(value)


def yuan(fen: int, *, sign: bool = False) -> str:
    """12345 -> '¥123.45'; thousands grouped for the language; a minus (or plus) when asked."""
    whole, part = divmod(abs(fen), 100)
    prefix = "-" if fen < 0 else ("+" if sign and fen > 0 else "")
    point = _locale().decimalPoint()
    return f"{prefix}¥{number(whole)}{point}{part:02d}"


def points(value: int, *, sign: bool = False) -> str:
    text = number(abs(value))
    if value < 0:
        return f"-{text}"
    return f"+{text}" if sign and value > 0 else text


def tier_name(tier: Tier | str) -> str:
    return {
        Tier.REGULAR: translate("Tier", "Regular"),
        Tier.SILVER: translate("Tier", "Silver"),
        Tier.GOLD: translate("Tier", "Gold"),
        Tier.DIAMOND: translate("Tier", "Diamond"),
    }[Tier(tier)]


def entry_kind(kind: str) -> str:
    names = {
        "EARN": translate("Kind", "Earned"),
        "REDEEM": translate("Kind", "Redeemed"),
        "EXPIRE": translate("Kind", "Expired"),
        "ADJUST": translate("Kind", "Adjusted"),
        "REVERSAL": translate("Kind", "Refund"),
        "REFERRAL": translate("Kind", "Referral"),
        "BONUS": translate("Kind", "Bonus"),
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

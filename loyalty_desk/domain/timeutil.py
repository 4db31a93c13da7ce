"""Business days live in the store's time zone; everything stored is UTC."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Asia/Shanghai"


def zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def as_utc(moment: datetime) -> datetime:
    """Naive datetimes coming back from SQLite are UTC by convention."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def local_date(moment: datetime, tz: ZoneInfo) -> date:
    return as_utc(moment).astimezone(tz).date()


def local_midnight_utc(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def local_day_bounds(moment: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The store-local day around `moment`, as a half-open UTC interval."""
    day = local_date(moment, tz)
    return local_midnight_utc(day, tz), local_midnight_utc(day + timedelta(days=1), tz)


def add_months(day: date, months: int) -> date:
    """Same day n months later; the 29th–31st fall back to the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_months_utc(moment: datetime, months: int, tz: ZoneInfo) -> datetime:
    """Start of the store-local day `months` after the local day of `moment`."""
    return local_midnight_utc(add_months(local_date(moment, tz), months), tz)

"""Report periods: a day, a week, a month or a custom range of store-local days.

A period is compared with the one before it: the day before, the week before, the previous
calendar month, or — for a custom range — the same number of days just before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from loyalty_desk.domain.errors import Code, Refusal, refusal
from loyalty_desk.domain.timeutil import add_months, local_midnight_utc

MAX_DAYS = 3 * 366  # a longer range is a typo, and would compare with years before the chain


class PeriodKind(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class Period:
    kind: PeriodKind
    first: date
    last: date  # inclusive

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> Period:
        if self.kind is PeriodKind.MONTH:
            first = add_months(self.first, -1)
            return Period(self.kind, first, self.first - timedelta(days=1))
        length = timedelta(days=self.days)
        return Period(self.kind, self.first - length, self.last - length)

    def start_utc(self, tz: ZoneInfo) -> datetime:
        return local_midnight_utc(self.first, tz)

    def end_utc(self, tz: ZoneInfo) -> datetime:
        """The end, exclusive: midnight after the last day."""
        return local_midnight_utc(self.last + timedelta(days=1), tz)

    @property
    def label(self) -> str:
        if self.kind is PeriodKind.DAY:
            return self.first.isoformat()
        if self.kind is PeriodKind.WEEK:
            year, week, _ = self.first.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind is PeriodKind.MONTH:
            return f"{self.first:%Y-%m}"
        return f"{self.first.isoformat()} – {self.last.isoformat()}"

    def to_json(self) -> dict[str, str]:
        return {
            "kind": str(self.kind),
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "label": self.label,
        }


def period_of(kind: PeriodKind, day: date) -> Period:
    """The day, ISO week (Monday–Sunday) or calendar month that contains `day`."""
    if kind is PeriodKind.WEEK:
        first = day - timedelta(days=day.weekday())
        return Period(kind, first, first + timedelta(days=6))
    if kind is PeriodKind.MONTH:
        first = day.replace(day=1)
        return Period(kind, first, add_months(first, 1) - timedelta(days=1))
    return Period(PeriodKind.DAY, day, day)


def custom_period(first: date, last: date) -> Period | Refusal:
    if last < first:
        return refusal(
            Code.INVALID_DATE,
            "The period ends ({last}) before it starts ({first}); swap the dates.",
            last=last,
            first=first,
        )
    if (last - first).days + 1 > MAX_DAYS:
        return refusal(
            Code.INVALID_DATE,
            "A report covers at most {max_days} days; {first} to {last} is longer.",
            max_days=MAX_DAYS,
            first=first,
            last=last,
        )
    return Period(PeriodKind.CUSTOM, first, last)


def period_between(first: date, last: date) -> Period | Refusal:
    """A range typed by a person: recognised as a day, week or month when it is exactly one."""
    checked = custom_period(first, last)
    if isinstance(checked, Refusal):
        return checked
    for kind in (PeriodKind.DAY, PeriodKind.WEEK, PeriodKind.MONTH):
        candidate = period_of(kind, first)
        if candidate.first == first and candidate.last == last:
            return candidate
    return checked

"""What every manager report shares: the period in UTC, the clock, progress, member lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from loyalty_desk.domain.people import mask_phone
from loyalty_desk.domain.periods import Period
from loyalty_desk.domain.tiers import Tier
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_queries import Window

# Called with (steps done, steps in all, what is being computed) while a report runs.
Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, label: str) -> None:
    return None


def window(desk: Desk, period: Period) -> Window:
    return Window(period.start_utc(desk.tz), period.end_utc(desk.tz))


def as_of(desk: Desk, period: Period) -> datetime:
    """The moment a period's standing figures are taken: its end, or now if it is not over."""
    return min(period.end_utc(desk.tz), desk.now())


@dataclass(frozen=True, slots=True)
class ReportHeader:
    store_id: str
    store_name: str
    period: Period
    previous: Period
    as_of: datetime
    generated_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "store_id": self.store_id,
            "store_name": self.store_name,
            "period": self.period.to_json(),
            "previous": self.previous.to_json(),
            "as_of": self.as_of.isoformat(),
            "generated_at": self.generated_at.isoformat(),
        }


def header(desk: Desk, period: Period) -> ReportHeader:
    return ReportHeader(
        desk.info.store_id,
        desk.info.store_name,
        period,
        period.previous(),
        as_of(desk, period),
        desk.now(),
    )


@dataclass(frozen=True, slots=True)
class MemberLine:
    """One member in a report list: enough to recognise and to act on."""

    id: str
    code: str
    name: str
    phone: str
    tier: Tier
    segment: str
    balance: int
    spend_12m_fen: int
    purchases_12m: int
    last_purchase_at: datetime | None
    lifetime_spend_fen: int
    lifetime_purchases: int
    joined: date
    last_visit_at: datetime | None
    note: str = ""  # why the member is on this list (e.g. what is missing for the next tier)
    figure_fen: int | None = None  # the list's own amount (period spend, gap to next tier)

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    def shown_phone(self, unmasked: bool) -> str:
        return self.phone if unmasked else self.phone_masked

    def to_json(self, *, unmasked: bool = False) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "phone": self.shown_phone(unmasked),
            "tier": str(self.tier),
            "segment": self.segment,
            "balance": self.balance,
            "spend_12m_fen": self.spend_12m_fen,
            "purchases_12m": self.purchases_12m,
            "last_purchase": self.last_purchase_at.isoformat() if self.last_purchase_at else None,
            "lifetime_spend_fen": self.lifetime_spend_fen,
            "lifetime_purchases": self.lifetime_purchases,
            "joined": self.joined.isoformat(),
            "last_visit": self.last_visit_at.isoformat() if self.last_visit_at else None,
            "note": self.note,
            "figure_fen": self.figure_fen,
        }


@dataclass(frozen=True, slots=True)
class MemberList:
    """A page of members behind a report cell, and how many there are in all."""

    title: str
    total: int
    members: tuple[MemberLine, ...]
    figure_label: str = ""

    def to_json(self, *, unmasked: bool = False) -> dict[str, Any]:
        return {
            "title": self.title,
            "total": self.total,
            "figure_label": self.figure_label,
            "members": [m.to_json(unmasked=unmasked) for m in self.members],
        }


def member_line(
    row: Any, desk: Desk, *, note: str = "", figure_fen: int | None = None
) -> MemberLine:
    """A `reports_queries.member_rows` row as a list line."""
    return MemberLine(
        id=row.id,
        code=row.code,
        name=row.name,
        phone=row.phone,
        tier=Tier(row.tier),
        segment=row.segment or "dormant",
        balance=int(row.balance),
        spend_12m_fen=int(row.spend_12m_fen or 0),
        purchases_12m=int(row.purchases_12m or 0),
        last_purchase_at=row.last_purchase_at,
        lifetime_spend_fen=int(row.lifetime_spend_fen or 0),
        lifetime_purchases=int(row.lifetime_purchases or 0),
        joined=local_date(row.created_at, desk.tz),
        last_visit_at=row.last_visit_at,
        note=note,
        figure_fen=figure_fen,
    )

"""The daily jobs: expire old points and review tiers at their anniversary.

They run by themselves the first time the till is used each store-local day, and on demand
(`loyalty-desk expire`). Both are idempotent: a second run finds nothing left to do.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, literal_column, select

from loyalty_desk.domain.lots import LotView
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.services import activity, backup, tiers
from loyalty_desk.services.checkout import business_time
from loyalty_desk.services.desk import Desk, read_setting, write_setting
from loyalty_desk.services.events import Event
from loyalty_desk.services.ledger import expire_lots
from loyalty_desk.services.usecase import use_case
from loyalty_desk.store.models import Member, PointLot

# Written into the SQL, not bound, so SQLite can use the partial index on open lots.
OPEN: ColumnElement[int] = literal_column("0")
LAST_RUN_KEY = "maintenance_day"
BATCH_MEMBERS = 500


@dataclass(frozen=True, slots=True)
class ExpiryResult:
    members: int
    points: int
    tier_changes: int

    def to_json(self) -> dict[str, Any]:
        return {
            "members_expired": self.members,
            "points_expired": self.points,
            "tier_changes": self.tier_changes,
        }


@use_case
def expire(desk: Desk, at: datetime | None = None) -> ExpiryResult:
    """Expire every lot whose time has come; one EXPIRE entry (and event) per member and batch.

    Lots are taken in expiry order through the partial index on open lots, so a run that
    finds nothing due costs one index probe, however large the till.
    """
    moment = business_time(desk, at) if at is not None else desk.now()
    expired: set[str] = set()
    points = 0
    while True:
        # In batches, so a till with a million members never holds one huge transaction.
        with desk.write() as s:
            rows = s.execute(
                select(PointLot.member_id, PointLot.id, PointLot.expires_at, PointLot.remaining)
                .where(PointLot.remaining > OPEN, PointLot.expires_at <= moment)
                .order_by(PointLot.expires_at, PointLot.id)
                .limit(BATCH_MEMBERS * 4)
            ).all()
            if not rows:
                break
            by_member: dict[str, list[LotView]] = defaultdict(list)
            for member_id, lot_id, expires_at, remaining in rows:
                by_member[member_id].append(LotView(lot_id, expires_at, remaining))
            for member_id, member_lots in by_member.items():
                member = s.get(Member, member_id)
                assert member is not None
                event = Event(s, "points_expired", moment, desk.info.store_id, desk.info.device_id)
                entry = expire_lots(desk, event, member, member_lots, moment)
                event.data = {"member_id": member.id}
                event.seal()
                expired.add(member_id)
                points += -entry.points
    changes = review_tiers(desk, moment)
    activity.catch_up(desk, moment)
    return ExpiryResult(members=len(expired), points=points, tier_changes=changes)


def review_tiers(desk: Desk, at: datetime) -> int:
    changed = 0
    while True:
        with desk.write() as s:
            due = list(
                s.scalars(
                    select(Member)
                    .where(Member.tier_until.is_not(None), Member.tier_until <= at)
                    .limit(BATCH_MEMBERS)
                )
            )
            if not due:
                return changed
            for member in due:
                if tiers.review(s, desk, member, at) is not None:
                    changed += 1


def due_today(desk: Desk) -> bool:
    """Have the daily jobs not run yet this store-local day? (One small read.)"""
    today = local_date(desk.now(), desk.tz).isoformat()
    with desk.read() as s:
        return bool(read_setting(s, LAST_RUN_KEY) != today)


def open_store(desk: Desk) -> ExpiryResult | None:
    """Run the daily jobs once per store-local day; cheap when they already ran today."""
    today = local_date(desk.now(), desk.tz).isoformat()
    if not due_today(desk):
        return None
    backup.daily_backup(desk)  # before the day's first write
    result = expire(desk)
    assert isinstance(result, ExpiryResult)
    with desk.write() as s:
        write_setting(s, LAST_RUN_KEY, today)
    return result

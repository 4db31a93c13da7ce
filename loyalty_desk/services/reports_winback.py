"""Win-back list (issue 6 item 4): members worth bringing back, most valuable first.

- dormant: members who bought before and are now dormant (no purchase for 180 days, or under
  500 yuan in 12 months) — members who never bought are not "back" material and are left out;
- slipping: core and potential members whose last purchase is `slipping_days` ago or more:
  still in a good segment, but their visits have stopped.
Both as of now, from the activity rows, with last visit and lifetime spend.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from loyalty_desk.domain.segments import Segment
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.services import activity
from loyalty_desk.services import reports_queries as q
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_common import MemberList, member_line
from loyalty_desk.services.usecase import use_case

SLIPPING_DAYS = 60
LIST_LIMIT = 200


@dataclass(frozen=True)
class WinbackReport:
    store_id: str
    store_name: str
    as_of: datetime
    slipping_days: int
    dormant: MemberList
    slipping: MemberList

    def member_codes(self) -> list[str]:
        return [m.code for m in (*self.slipping.members, *self.dormant.members)]

    def to_json(self, *, unmasked: bool = False) -> dict[str, Any]:
        return {
            "store_id": self.store_id,
            "store_name": self.store_name,
            "as_of": self.as_of.isoformat(),
            "slipping_days": self.slipping_days,
            "dormant": self.dormant.to_json(unmasked=unmasked),
            "slipping": self.slipping.to_json(unmasked=unmasked),
        }


def _listed(
    s: Session,
    desk: Desk,
    cond: list[Any],
    title: str,
    limit: int,
    offset: int,
) -> MemberList:
    a = q.TILL.activity
    total = int(s.scalar(select(func.count()).select_from(a).where(*cond)) or 0)
    ids = list(
        s.scalars(
            select(a.c.member_id)
            .where(*cond)
            .order_by(a.c.lifetime_spend_fen.desc(), a.c.member_id)
            .limit(limit)
            .offset(offset)
        )
    )
    rows = q.member_rows(s, ids)
    lines = []
    for member_id in ids:
        row = rows[member_id]
        last = row.last_visit_at or row.last_purchase_at
        note = f"last visit {local_date(last, desk.tz).isoformat()}" if last else "no visit"
        lines.append(member_line(row, desk, note=note, figure_fen=int(row.lifetime_spend_fen)))
    return MemberList(title, total, tuple(lines), "Lifetime spend")


@use_case
def winback_list(
    desk: Desk,
    *,
    slipping_days: int = SLIPPING_DAYS,
    limit: int = LIST_LIMIT,
    offset: int = 0,
) -> WinbackReport:
    activity.catch_up(desk)
    now = desk.now()
    a = q.TILL.activity
    with desk.read() as s:
        dormant = _listed(
            s,
            desk,
            [a.c.segment == Segment.DORMANT.value],
            "Dormant 沉睡",
            limit,
            offset,
        )
        slipping = _listed(
            s,
            desk,
            [
                a.c.segment.in_((Segment.CORE.value, Segment.POTENTIAL.value)),
                a.c.last_purchase_at <= now - timedelta(days=slipping_days),
            ],
            f"Slipping: no purchase for {slipping_days} days",
            limit,
            offset,
        )
    return WinbackReport(
        desk.info.store_id, desk.info.store_name, now, slipping_days, dormant, slipping
    )

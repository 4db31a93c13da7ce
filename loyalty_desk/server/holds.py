"""Holds: an online till reserves points on the server before it redeems them.

Two online stores then cannot both spend the same points: the second hold sees the first
one and is refused. A hold ends when the redemption's event arrives (consumed), when the
till releases it (the sale was abandoned), or when its time runs out (the till crashed
before it committed the redemption).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from loyalty_desk.domain.errors import Code
from loyalty_desk.server import models as m
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.errors import ApiError
from loyalty_desk.server.unit import Unit
from loyalty_desk.sync.protocol import HoldReply, HoldRequest


def _reply(row: dict[str, object], now: datetime) -> HoldReply:
    expires = row["expires_at"]
    assert isinstance(expires, datetime)
    status = str(row["status"])
    if status == "active" and expires <= now:
        status = "expired"
    return HoldReply(
        hold_id=str(row["id"]),
        member_id=str(row["member_id"]),
        points=int(str(row["points"])),
        status=status,
        expires_at=expires,
        available=int(str(row["available"])),
    )


def place(
    db: ServerDatabase, device_id: str, request: HoldRequest, now: datetime, ttl: timedelta
) -> HoldReply:
    with db.write() as conn:
        prior = conn.execute(select(m.Hold).where(m.Hold.id == request.hold_id)).mappings().first()
        if prior is not None:
            if prior["device_id"] != device_id or prior["points"] != request.points:
                raise ApiError(409, Code.INVALID_EVENT, "This hold id is taken by another hold.")
            return _reply(dict(prior), now)
        u = Unit(conn, now)
        member = u.resolve(request.member_id)
        member_id = member.id if member is not None else request.member_id
        balance = member.balance if member is not None else 0
        # What the server already applied of the entries the till still counts as pending.
        applied = conn.execute(
            select(func.coalesce(func.sum(m.Entry.points), 0)).where(
                m.Entry.device_id == device_id,
                m.Entry.device_seq > request.acked_through,
                m.Entry.member_id == member_id,
            )
        ).scalar_one()
        held = conn.execute(
            select(func.coalesce(func.sum(m.Hold.points), 0)).where(
                m.Hold.member_id == member_id, m.Hold.status == "active", m.Hold.expires_at > now
            )
        ).scalar_one()
        available = balance + request.pending_points - int(applied) - int(held)
        if request.points > available:
            raise ApiError(
                409,
                Code.INSUFFICIENT_POINTS,
                f"The member has {max(available, 0)} points available across the chain; "
                f"{request.points} cannot be redeemed.",
                available=max(available, 0),
            )
        row = {
            "id": request.hold_id,
            "member_id": member_id,
            "device_id": device_id,
            "points": request.points,
            "receipt_no": request.receipt_no,
            "created_at": now,
            "expires_at": now + ttl,
            "status": "active",
            "available": available,
        }
        conn.execute(m.Hold.__table__.insert().values(**row))
    return _reply(row, now)


def release(db: ServerDatabase, device_id: str, hold_id: str, now: datetime) -> HoldReply:
    with db.write() as conn:
        row = conn.execute(select(m.Hold).where(m.Hold.id == hold_id)).mappings().first()
        if row is None or row["device_id"] != device_id:
            raise ApiError(404, "UNKNOWN_HOLD", f"No hold {hold_id} for this till.")
        if row["status"] == "active":
            conn.execute(update(m.Hold).where(m.Hold.id == hold_id).values(status="released"))
        current = dict(row)
        if current["status"] == "active":
            current["status"] = "released"
    return _reply(current, now)

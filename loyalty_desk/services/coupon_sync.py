"""Taking in coupons pulled from the central server (issued or used in other stores).

Coupons are issued once and their terms never change; only the status moves. The server's
copy wins, except over a change this till made that the server has not acknowledged yet
(push runs before pull, so that is rare: the change arrives with the next push). A coupon
that this till redeemed and the server says was redeemed elsewhere is a double use: the
local record of our own receipt is kept, and the server holds the conflict case.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from loyalty_desk.domain.coupons import Kind, Status
from loyalty_desk.domain.timeutil import as_utc
from loyalty_desk.store.models import Coupon, LedgerEntry, Member, Outbox


class Applied(StrEnum):
    INSERTED = "inserted"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_LOCAL = "kept_local"  # a local change is still on its way to the server
    CONFLICT = "conflict"  # used here and, per the server, elsewhere too
    MISSING_MEMBER = "missing_member"  # apply the member first; nothing was written


_STATUS_FIELDS = ("status", "redeemed_at", "redeemed_receipt", "redeemed_store_id", "voided_at")


def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return as_utc(moment)


def _pending(session: Session, row: Coupon) -> bool:
    """The last local change is still in the outbox, not yet acknowledged by the server."""
    if row.changed_seq is None:
        return False
    event = session.scalars(select(Outbox).where(Outbox.device_seq == row.changed_seq)).first()
    return event is not None and event.acked_at is None


def apply_pulled_coupon(session: Session, record: Mapping[str, Any]) -> Applied:
    """Insert or update one coupon from a pull page, inside the page's transaction."""
    Kind(record["kind"]), Status(record["status"])  # a malformed record is a fault
    member_id = record.get("member_id")
    if member_id is not None and session.get(Member, member_id) is None:
        return Applied.MISSING_MEMBER
    incoming = {
        "status": record["status"],
        "redeemed_at": _moment(record.get("redeemed_at")),
        "redeemed_receipt": record.get("redeemed_receipt"),
        "redeemed_store_id": record.get("redeemed_store_id"),
        "voided_at": _moment(record.get("voided_at")),
    }
    row = session.get(Coupon, record["code"])
    if row is None:
        entry_id = record.get("entry_id")
        session.add(
            Coupon(
                code=record["code"],
                member_id=member_id,
                kind=record["kind"],
                min_spend_fen=int(record["min_spend_fen"]),
                value_fen=int(record["value_fen"]),
                valid_from=_moment(record["valid_from"]),
                valid_until=_moment(record["valid_until"]),
                issued_at=_moment(record["issued_at"]),
                issued_store_id=record["issued_store_id"],
                rule_version=int(record.get("rule_version") or 1),
                # The points-voucher entry lives on the issuing till only.
                entry_id=entry_id if entry_id and session.get(LedgerEntry, entry_id) else None,
                void_reason=record.get("void_reason"),
                changed_seq=None,
                **incoming,
            )
        )
        return Applied.INSERTED
    if all(getattr(row, name) == incoming[name] for name in _STATUS_FIELDS):
        return Applied.UNCHANGED
    if (
        row.status == Status.REDEEMED.value
        and incoming["status"] == Status.REDEEMED.value
        and (row.redeemed_store_id, row.redeemed_receipt)
        != (incoming["redeemed_store_id"], incoming["redeemed_receipt"])
    ):
        return Applied.CONFLICT
    if _pending(session, row):
        return Applied.KEPT_LOCAL
    for name in _STATUS_FIELDS:
        setattr(row, name, incoming[name])
    row.void_reason = record.get("void_reason")
    return Applied.UPDATED

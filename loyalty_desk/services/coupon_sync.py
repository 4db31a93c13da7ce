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


_SERVER_FIELDS = ("status", "redeemed_at", "redeemed_receipt", "redeemed_store_id", "voided_at")


def flatten(pulled: Mapping[str, Any]) -> dict[str, Any]:
    """One coupon record from a pull page's entry.

    The server may send the coupon as its issuing till announced it (`record`, the
    coupon_issued payload) next to its own view of the status; or the flat record itself.
    """
    if "record" not in pulled:
        return dict(pulled)
    out = dict(pulled["record"])
    out.update({name: pulled[name] for name in _SERVER_FIELDS if name in pulled})
    out["code"] = pulled["code"]
    if "member_id" in pulled:
        out["member_id"] = pulled["member_id"]
    if "void_reason" in pulled:
        out["void_reason"] = pulled["void_reason"]
    return out


def apply_pulled_coupon(session: Session, pulled: Mapping[str, Any]) -> Applied:
    """Insert or update one coupon from a pull page, inside the page's transaction."""
    record = flatten(pulled)
    Kind(record["kind"]), Status(record["status"])  # a malformed record is a fault
    member_id = record.get("member_id")
    if member_id is not None and session.get(Member, member_id) is None:
        return Applied.MISSING_MEMBER
    # Only what the server sent: a field it does not carry (voided_at) keeps the local value.
    incoming: dict[str, Any] = {"status": record["status"]}
    for name in _SERVER_FIELDS[1:]:
        if name in record:
            value = record[name]
            incoming[name] = _moment(value) if name.endswith("_at") else value
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
    if all(getattr(row, name) == value for name, value in incoming.items()):
        return Applied.UNCHANGED
    if (
        row.status == Status.REDEEMED.value
        and incoming["status"] == Status.REDEEMED.value
        and (row.redeemed_store_id, row.redeemed_receipt)
        != (incoming.get("redeemed_store_id"), incoming.get("redeemed_receipt"))
    ):
        return Applied.CONFLICT
    if _pending(session, row):
        return Applied.KEPT_LOCAL
    for name, value in incoming.items():
        setattr(row, name, value)
    if "void_reason" in record:
        row.void_reason = record["void_reason"]
    return Applied.UPDATED

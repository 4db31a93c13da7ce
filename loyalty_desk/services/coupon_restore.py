"""Giving a coupon back when the receipt it was used on is refunded."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from loyalty_desk.domain.coupons import Status
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.events import Event
from loyalty_desk.store.models import Coupon


def used_on(session: Session, desk: Desk, receipt_no: str) -> list[Coupon]:
    return list(
        session.scalars(
            select(Coupon)
            .where(
                Coupon.redeemed_store_id == desk.info.store_id,
                Coupon.redeemed_receipt == receipt_no,
                Coupon.status == Status.REDEEMED.value,
            )
            .order_by(Coupon.code)
        )
    )


def restore_used_on(
    session: Session, desk: Desk, receipt_no: str, at: datetime, *, approved_by: str | None
) -> list[str]:
    """Every coupon used on the receipt becomes usable again (one coupon_restored event each).

    Its validity is unchanged: a coupon that has expired meanwhile comes back expired.
    """
    codes: list[str] = []
    for row in used_on(session, desk, receipt_no):
        event = Event(session, "coupon_restored", at, desk.info.store_id, desk.info.device_id)
        row.status = Status.ISSUED.value
        row.redeemed_at = None
        row.redeemed_receipt = None
        row.redeemed_store_id = None
        row.changed_seq = event.device_seq
        event.data = {"code": row.code, "receipt_no": receipt_no, "approved_by": approved_by}
        event.seal()
        codes.append(row.code)
    return codes

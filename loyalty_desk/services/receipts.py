"""A member's recent receipts at this store: what the refund dialog offers to pick from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from loyalty_desk.services.desk import Desk
from loyalty_desk.services.members import resolve_member
from loyalty_desk.services.usecase import use_case
from loyalty_desk.store.models import Receipt, Redemption, Refund


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    receipt_no: str
    occurred_at: datetime
    paid_fen: int  # what the points were earned on (or the receipt net of points)
    refunded_fen: int
    earned_points: int
    redeemed_points: int

    @property
    def refundable_fen(self) -> int:
        return max(0, self.paid_fen - self.refunded_fen)


@use_case
def recent(desk: Desk, member_ref: str, limit: int = 30) -> list[ReceiptLine]:
    """Newest first: receipts that earned points, and those that only redeemed points."""
    store = desk.info.store_id
    with desk.read() as s:
        member = resolve_member(s, member_ref)
        earned = list(
            s.scalars(
                select(Receipt)
                .where(Receipt.member_id == member.id, Receipt.store_id == store)
                .order_by(Receipt.occurred_at.desc())
                .limit(limit)
            )
        )
        redeemed = list(
            s.scalars(
                select(Redemption)
                .where(Redemption.member_id == member.id, Redemption.store_id == store)
                .order_by(Redemption.occurred_at.desc())
                .limit(limit)
            )
        )
        by_no = {r.receipt_no: r for r in redeemed}
        lines: dict[str, ReceiptLine] = {}
        for r in earned:
            red = by_no.get(r.receipt_no)
            lines[r.receipt_no] = ReceiptLine(
                r.receipt_no,
                r.occurred_at,
                r.paid_fen,
                r.refunded_fen,
                r.earned_points,
                red.points if red else 0,
            )
        for red in redeemed:
            if red.receipt_no in lines:
                continue
            refunded = s.scalar(
                select(func.coalesce(func.sum(Refund.amount_fen), 0)).where(
                    Refund.store_id == store, Refund.receipt_no == red.receipt_no
                )
            )
            lines[red.receipt_no] = ReceiptLine(
                red.receipt_no,
                red.occurred_at,
                red.receipt_amount_fen - red.value_fen,
                int(refunded or 0),
                0,
                red.points,
            )
    ordered = sorted(lines.values(), key=lambda line: line.occurred_at, reverse=True)
    return ordered[:limit]

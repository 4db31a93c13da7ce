"""Checks shared by tests: the ledger invariants of DESIGN §2/§3."""

from __future__ import annotations

from sqlalchemy import func, select

from loyalty_desk.services.desk import Desk
from loyalty_desk.store.models import LedgerEntry, Member, Outbox, PointLot


def check_invariants(desk: Desk) -> None:
    """Balance == sum(ledger) == sum(lots) - debt for every member; device_seq gap-free;
    lots never negative; every ledger entry belongs to an outbox event."""
    with desk.read() as s:
        ledger = dict(
            s.execute(
                select(LedgerEntry.member_id, func.sum(LedgerEntry.points)).group_by(
                    LedgerEntry.member_id
                )
            ).all()
        )
        lots = dict(
            s.execute(
                select(PointLot.member_id, func.sum(PointLot.remaining)).group_by(
                    PointLot.member_id
                )
            ).all()
        )
        for m in s.scalars(select(Member)):
            assert m.balance == (ledger.get(m.id) or 0), (m.code, m.balance, ledger.get(m.id))
            assert m.balance == (lots.get(m.id) or 0) - m.debt, (m.code, m.balance, lots.get(m.id))
            assert m.debt >= 0
            if m.debt > 0:
                assert (lots.get(m.id) or 0) == 0
        assert s.scalar(select(func.count()).where(PointLot.remaining < 0)) == 0
        assert s.scalar(select(func.count()).where(PointLot.remaining > PointLot.points)) == 0
        seqs = list(s.scalars(select(Outbox.device_seq).order_by(Outbox.device_seq)))
        assert seqs == list(range(1, len(seqs) + 1))
        orphans = s.scalar(
            select(func.count())
            .select_from(LedgerEntry)
            .outerjoin(Outbox, Outbox.event_id == LedgerEntry.event_id)
            .where(Outbox.event_id.is_(None))
        )
        assert orphans == 0
        mismatched = s.scalar(
            select(func.count())
            .select_from(LedgerEntry)
            .join(Outbox, Outbox.event_id == LedgerEntry.event_id)
            .where(Outbox.device_seq != LedgerEntry.device_seq)
        )
        assert mismatched == 0


def db_fingerprint(desk: Desk) -> tuple[int, ...]:
    """Row counts and the balance total: equal before and after a refused use case."""
    from loyalty_desk.store import models as m

    with desk.read() as s:
        counts = [
            s.scalar(select(func.count()).select_from(t))
            for t in (
                m.Member,
                m.LedgerEntry,
                m.PointLot,
                m.Outbox,
                m.Receipt,
                m.Redemption,
                m.Refund,
                m.AuditLog,
                m.Staff,
                m.LotMovement,
                m.Coupon,
            )
        ]
        # A refused coupon use must not change any coupon's status either.
        counts.append(s.scalar(select(func.count()).where(m.Coupon.status != "issued")))
        total = s.scalar(select(func.coalesce(func.sum(m.Member.balance), 0)))
        lots = s.scalar(select(func.coalesce(func.sum(m.PointLot.remaining), 0)))
    return (*[int(c or 0) for c in counts], int(total or 0), int(lots or 0))


def check_activity(desk: Desk) -> None:
    """Each member's activity row and segment-move log equal a fresh replay of its receipts."""
    from loyalty_desk.services.activity import history_of
    from loyalty_desk.store.models import MemberActivity, Receipt, SegmentChange

    now = desk.now()
    with desk.read() as s:
        rows = {r.member_id: r for r in s.scalars(select(MemberActivity))}
        logged: dict[str, list[tuple[object, str, str]]] = {}
        for c in s.scalars(select(SegmentChange).order_by(SegmentChange.at, SegmentChange.id)):
            logged.setdefault(c.member_id, []).append((c.at, c.from_segment, c.to_segment))
        buyers = set(s.scalars(select(Receipt.member_id).distinct()))
        survivors = {
            m.id
            for m in s.scalars(select(Member))
            if m.merged_into is None and (m.id in buyers or m.id in rows)
        }
        merged_buyers = {m for m in buyers if m not in survivors}
        for member_id in merged_buyers:
            assert member_id not in rows and member_id not in logged, member_id
        for member_id in survivors:
            history = history_of(s, desk, member_id, now)
            if not history.purchases:
                assert member_id not in rows
                continue
            row = rows[member_id]
            # The row is the state when it was last evaluated, and says when it next changes.
            state = history.state_at(row.evaluated_at)
            assert row.next_check_at == history.next_change(row.evaluated_at), member_id
            assert (
                row.spend_12m_fen,
                row.purchases_12m,
                row.last_purchase_at,
                row.lifetime_spend_fen,
                row.lifetime_purchases,
                row.segment,
            ) == (
                state.spend_12m_fen,
                state.purchases_12m,
                state.last_purchase_at,
                state.lifetime_spend_fen,
                state.lifetime_purchases,
                state.segment.value,
            ), member_id
            expected = [
                (m.at, m.from_segment.value, m.to_segment.value)
                for m in history.moves(row.evaluated_at)
            ]
            assert logged.get(member_id, []) == expected, member_id

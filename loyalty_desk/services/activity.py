"""Keeping each member's activity row and segment-move log in step with receipts and refunds.

Called inside the transaction that records a purchase or a refund (checkout), by the daily
job for what time alone changes (maintenance), and after two accounts are merged. The rows
are derived data: `rebuild` recomputes a member from the receipts, so calling it again is
harmless. See domain/activity.py for the rules.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from loyalty_desk.domain.activity import History, Purchase, RefundFact
from loyalty_desk.services.desk import Desk
from loyalty_desk.store.models import Member, MemberActivity, Receipt, Refund, SegmentChange

BATCH_MEMBERS = 500
TICK = timedelta(microseconds=1)


def _members_behind(session: Session, member_id: str) -> list[str]:
    """The member and every account merged into it (their receipts are its receipts)."""
    found = [member_id]
    frontier = [member_id]
    while frontier:
        merged = list(session.scalars(select(Member.id).where(Member.merged_into.in_(frontier))))
        found.extend(merged)
        frontier = merged
    return found


def _survivor(session: Session, member_id: str) -> str:
    """The account a (possibly merged) member's facts belong to now."""
    hops = 0
    into = session.scalar(select(Member.merged_into).where(Member.id == member_id))
    while into is not None and hops < 5:
        member_id = into
        into = session.scalar(select(Member.merged_into).where(Member.id == member_id))
        hops += 1
    return member_id


def history_of(session: Session, desk: Desk, member_id: str, at: datetime) -> History:
    ids = _members_behind(session, member_id)
    receipts = session.execute(
        select(
            Receipt.id, Receipt.store_id, Receipt.receipt_no, Receipt.occurred_at, Receipt.paid_fen
        ).where(Receipt.member_id.in_(ids))
    ).all()
    keys = {(r.store_id, r.receipt_no): r.id for r in receipts}
    refunds = []
    for store_id, receipt_no, amount, when in session.execute(
        select(Refund.store_id, Refund.receipt_no, Refund.amount_fen, Refund.occurred_at).where(
            Refund.member_id.in_(ids)
        )
    ):
        key = keys.get((store_id, receipt_no))
        if key is not None:  # a refund of a redemption-only receipt is no purchase
            refunds.append(RefundFact(key, when, amount))
    return History(
        (Purchase(r.id, r.occurred_at, r.paid_fen) for r in receipts),
        refunds,
        desk.rules_at(at).segments,
        desk.tz,
    )


def rebuild(
    session: Session,
    desk: Desk,
    member_id: str,
    *,
    since: datetime | None,
    until: datetime | None = None,
) -> None:
    """Recompute the member's row up to now (or `until`, if later), and its moves after
    `since` (all of them: None)."""
    now = max(desk.now(), until or desk.now())
    history = history_of(session, desk, member_id, now)
    if since is None:
        session.execute(delete(SegmentChange).where(SegmentChange.member_id == member_id))
    else:
        session.execute(
            delete(SegmentChange).where(
                SegmentChange.member_id == member_id, SegmentChange.at > since
            )
        )
    for move in history.moves(now, after=since):
        session.add(
            SegmentChange(
                member_id=member_id,
                at=move.at,
                from_segment=move.from_segment.value,
                to_segment=move.to_segment.value,
            )
        )
    row = session.get(MemberActivity, member_id)
    if not history.purchases:
        if row is not None:
            session.delete(row)
        return
    state = history.state_at(now)
    if row is None:
        row = MemberActivity(member_id=member_id)
        session.add(row)
    row.spend_12m_fen = state.spend_12m_fen
    row.purchases_12m = state.purchases_12m
    row.last_purchase_at = state.last_purchase_at
    row.lifetime_spend_fen = state.lifetime_spend_fen
    row.lifetime_purchases = state.lifetime_purchases
    row.segment = state.segment.value
    row.evaluated_at = now
    row.next_check_at = history.next_change(now)


def after_fact(session: Session, desk: Desk, member_id: str, at: datetime) -> None:
    """A purchase or refund at `at` (possibly back-dated): moves from then on are redone."""
    session.flush()
    member_id = _survivor(session, member_id)
    row = session.get(MemberActivity, member_id)
    since = at - TICK
    if row is not None and row.evaluated_at < since:
        since = row.evaluated_at
    rebuild(session, desk, member_id, since=since, until=at)


def after_merge(session: Session, desk: Desk, merged_id: str, into_id: str) -> None:
    """Two accounts became one: the survivor's history now includes the merged receipts,
    and the merged account no longer counts anywhere."""
    session.flush()
    session.execute(delete(SegmentChange).where(SegmentChange.member_id == merged_id))
    session.execute(delete(MemberActivity).where(MemberActivity.member_id == merged_id))
    rebuild(session, desk, into_id, since=None)


def catch_up(desk: Desk, at: datetime | None = None) -> int:
    """Record what time alone changed up to `at` (default now); returns members updated."""
    moment = at or desk.now()
    done = 0
    while True:
        with desk.write() as s:
            due = list(
                s.scalars(
                    select(MemberActivity)
                    .where(
                        MemberActivity.next_check_at.is_not(None),
                        MemberActivity.next_check_at <= moment,
                    )
                    .limit(BATCH_MEMBERS)
                )
            )
            if not due:
                return done
            for row in due:
                rebuild(s, desk, row.member_id, since=row.evaluated_at, until=moment)
                done += 1

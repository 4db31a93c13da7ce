"""Keeping each member's activity row and segment-move log in step with receipts and refunds.

Called inside the transaction that records a purchase or a refund (checkout), by the daily
job for what time alone changes (maintenance), and after two accounts are merged. The rows
are derived data: `rebuild` recomputes a member from the receipts, so calling it again is
harmless. See domain/activity.py for the rules.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, bindparam, case, delete, func, insert, select, update
from sqlalchemy.orm import Session

from loyalty_desk.domain.activity import (
    Earlier,
    History,
    Purchase,
    RefundFact,
    State,
    leaves_window,
)
from loyalty_desk.domain.segments import Segment, classify
from loyalty_desk.domain.timeutil import as_utc
from loyalty_desk.services.desk import Desk
from loyalty_desk.store.models import (
    Member,
    MemberActivity,
    Receipt,
    Refund,
    SegmentChange,
    table_of,
)

BATCH_MEMBERS = 500
TICK = timedelta(microseconds=1)
# Moves after a moment depend on the 12 months before it (window start: a local midnight,
# at most 12 months and a day before); older purchases only add to lifetime totals.
RECENT = timedelta(days=400)


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


def history_of(
    session: Session, desk: Desk, member_id: str, at: datetime, since: datetime | None = None
) -> History:
    """The member's purchases and refunds; with `since`, only what can move a segment after
    it (the last 13 months before it), the older purchases summed up (`Earlier`)."""
    ids = _members_behind(session, member_id)
    cut = None if since is None else since - RECENT
    query = select(
        Receipt.id, Receipt.store_id, Receipt.receipt_no, Receipt.occurred_at, Receipt.paid_fen
    ).where(Receipt.member_id.in_(ids))
    earlier = None
    if cut is not None:
        query = query.where(Receipt.occurred_at >= cut)
        net = Receipt.paid_fen - Receipt.refunded_fen
        spend, count, last = session.execute(
            select(
                func.coalesce(func.sum(net), 0),
                func.coalesce(func.sum(case((net > 0, 1), else_=0)), 0),
                func.max(case((net > 0, Receipt.occurred_at), else_=None)),
            ).where(Receipt.member_id.in_(ids), Receipt.occurred_at < cut)
        ).one()
        last_at = (
            None
            if last is None
            else as_utc(datetime.fromisoformat(last) if isinstance(last, str) else last)
        )
        earlier = Earlier(int(spend), int(count), last_at)
    receipts = session.execute(query).all()
    keys = {(r.store_id, r.receipt_no): r.id for r in receipts}
    refunds = []
    refund_query = select(
        Refund.store_id, Refund.receipt_no, Refund.amount_fen, Refund.occurred_at
    ).where(Refund.member_id.in_(ids))
    if cut is not None:
        refund_query = refund_query.where(Refund.occurred_at >= cut)
    for store_id, receipt_no, amount, when in session.execute(refund_query):
        key = keys.get((store_id, receipt_no))
        if key is not None:  # a refund of a redemption-only or an earlier receipt: not here
            refunds.append(RefundFact(key, when, amount))
    return History(
        (Purchase(r.id, r.occurred_at, r.paid_fen) for r in receipts),
        refunds,
        desk.rules_at(at).segments,
        desk.tz,
        earlier,
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
    history = history_of(session, desk, member_id, now, since)
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
    if not history.purchases and not history.earlier.purchases:
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


def after_fact(
    session: Session,
    desk: Desk,
    member_id: str,
    at: datetime,
    *,
    purchase_fen: int | None = None,
    resolved: bool = False,
) -> None:
    """A purchase (`purchase_fen` paid) or a refund at `at`, possibly back-dated: the row is
    brought up to date and the moves from then on are redone. `resolved`: `member_id` is
    already the account the fact belongs to (no merge to follow)."""
    if not resolved:
        member_id = _survivor(session, member_id)
    now = max(desk.now(), at)
    if (
        purchase_fen is not None
        and session.identity_key(MemberActivity, member_id) not in session.identity_map
        and _add_purchase(session.connection(), desk, member_id, at, now, purchase_fen)
    ):
        return
    session.flush()  # the replay reads receipts and merges through the session
    row = session.get(MemberActivity, member_id)
    since = at - TICK
    if row is not None and row.evaluated_at < since:
        since = row.evaluated_at
    rebuild(session, desk, member_id, since=since, until=at)


_ACTIVITY = table_of(MemberActivity)
_MOVES = table_of(SegmentChange)
# The award's statements, built once and run on the connection (Core): the award is the
# till's hottest path, and the ORM's identity map and flush cost more than these rows.
_ROW = select(_ACTIVITY).where(_ACTIVITY.c.member_id == bindparam("member"))
_UPDATE = (
    update(_ACTIVITY)
    .where(_ACTIVITY.c.member_id == bindparam("member"))
    .values({c.name: bindparam(c.name) for c in _ACTIVITY.c if c.name != "member_id"})
)


def _add_purchase(
    conn: Connection,
    desk: Desk,
    member_id: str,
    at: datetime,
    now: datetime,
    paid_fen: int,
) -> bool:
    """The award's fast path: a new purchase after the row's moment, with nothing due in
    between, only adds to the row — no replay. False when a replay is needed."""
    row = conn.execute(_ROW, {"member": member_id}).first()
    if row is not None and (
        at < row.evaluated_at or (row.next_check_at is not None and row.next_check_at <= now)
    ):
        return False
    rules = desk.rules_at(now).segments
    before = Segment(row.segment) if row is not None else Segment.DORMANT
    state = State(
        at=now,
        spend_12m_fen=(row.spend_12m_fen if row else 0) + paid_fen,
        purchases_12m=(row.purchases_12m if row else 0) + (paid_fen > 0),
        last_purchase_at=at if paid_fen > 0 else (row.last_purchase_at if row else None),
        lifetime_spend_fen=(row.lifetime_spend_fen if row else 0) + paid_fen,
        lifetime_purchases=(row.lifetime_purchases if row else 0) + (paid_fen > 0),
        segment=Segment.DORMANT,
    )
    segment = classify(rules, state.activity())
    if segment is not before:
        conn.execute(
            insert(_MOVES),
            {
                "member_id": member_id,
                "at": at,
                "from_segment": before.value,
                "to_segment": segment.value,
            },
        )
    # The next change: the earliest of the row's own and this purchase's (it leaves the
    # window; 180 days without another purchase), all later than now.
    marks = [leaves_window(at, desk.tz), at + timedelta(days=rules.dormant_after_days)]
    if row is not None and row.next_check_at is not None:
        marks.append(row.next_check_at)
    values = {
        "spend_12m_fen": state.spend_12m_fen,
        "purchases_12m": state.purchases_12m,
        "last_purchase_at": state.last_purchase_at,
        "lifetime_spend_fen": state.lifetime_spend_fen,
        "lifetime_purchases": state.lifetime_purchases,
        "segment": segment.value,
        "evaluated_at": now,
        "next_check_at": min(m for m in marks if m > now),
    }
    if row is None:
        conn.execute(insert(_ACTIVITY), {"member_id": member_id, **values})
    else:
        conn.execute(_UPDATE, {"member": member_id, **values})
    return True


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

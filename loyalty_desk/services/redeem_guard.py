"""Who may spend points right now: a server hold when online, the offline rules when not.

A till that is not registered with a server stands alone: there is no other store to
double-spend against, and nothing here applies. A registered till first asks the server
to hold the points (so two online stores cannot spend the same points); if the server
cannot be reached within a few seconds, the offline limits of DESIGN §4 decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from loyalty_desk.domain.errors import Code, Refused, passed_on
from loyalty_desk.domain.ids import new_id
from loyalty_desk.domain.offline import OfflineSituation, check_offline_redemption
from loyalty_desk.domain.redemption import check_redemption
from loyalty_desk.domain.timeutil import local_day_bounds
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.ledger import Kind
from loyalty_desk.services.members import resolve_member
from loyalty_desk.services.sync_client import (
    HOLD_TIMEOUT,
    STOPPED,
    SyncFailure,
    client_for,
    mark_unreachable,
    recently_unreachable,
)
from loyalty_desk.store.models import LedgerEntry, Member, Outbox, Redemption, SyncState


@dataclass(frozen=True, slots=True)
class Authorization:
    guarded: bool  # the till is registered: offline limits apply when there is no hold
    hold_id: str | None  # the server holds the points: an online redemption

    @property
    def offline(self) -> bool:
        return self.hold_id is None

    def release(self, desk: Desk) -> None:
        """The sale did not go through: give the held points back (best effort; an
        unreleased hold simply runs out)."""
        if self.hold_id is None:
            return
        with desk.read() as s:
            state = s.get(SyncState, 1)
        try:
            client = client_for(desk, state, timeout=HOLD_TIMEOUT)
            client.call("DELETE", f"/v1/holds/{self.hold_id}", accept=(404,))
        except SyncFailure:
            pass


STANDALONE = Authorization(guarded=False, hold_id=None)


def _acked_through(s: Session) -> int:
    first_open = s.scalar(select(func.min(Outbox.device_seq)).where(Outbox.acked_at.is_(None)))
    if first_open is not None:
        return int(first_open) - 1
    return int(s.scalar(select(func.max(Outbox.device_seq))) or 0)


def authorize(
    desk: Desk,
    member_ref: str,
    receipt_no: str,
    points: int,
    receipt_amount_fen: int,
    when: datetime,
    *,
    dry_run: bool = False,
) -> Authorization:
    """Before the redemption's transaction: place a hold on the server if it answers."""
    with desk.read() as s:
        state = s.get(SyncState, 1)
        if state is None or not state.device_token:
            return STANDALONE
        if dry_run or points <= 0:
            return Authorization(guarded=False, hold_id=None)
        member = resolve_member(s, member_ref)
        replay = s.scalar(
            select(Redemption.id).where(
                Redemption.store_id == desk.info.store_id, Redemption.receipt_no == receipt_no
            )
        )
        if replay is not None:
            return Authorization(guarded=False, hold_id=None)  # the use case replays it
        rules = desk.rules_at(when)
        if check_redemption(rules, points, member.balance, receipt_amount_fen) is not None:
            return Authorization(guarded=False, hold_id=None)  # the use case refuses it
        acked = _acked_through(s)
        pending = s.scalar(
            select(func.coalesce(func.sum(LedgerEntry.points), 0)).where(
                LedgerEntry.member_id == member.id,
                LedgerEntry.device_seq > acked,
                LedgerEntry.kind != Kind.SYNC.value,
            )
        )
        member_id = member.id
    if state.status in STOPPED.values() or recently_unreachable(desk):
        return Authorization(guarded=True, hold_id=None)
    hold_id = new_id()
    try:
        client = client_for(desk, state, timeout=HOLD_TIMEOUT)
        reply = client.call(
            "POST",
            "/v1/holds",
            body={
                "hold_id": hold_id,
                "member_id": member_id,
                "points": points,
                "receipt_no": receipt_no,
                "pending_points": int(pending or 0),
                "acked_through": acked,
            },
            accept=(409,),
        )
    except SyncFailure as failure:
        if failure.code == Code.SERVER_UNREACHABLE:
            mark_unreachable(desk)
        return Authorization(guarded=True, hold_id=None)
    if reply.status == 409:
        details = reply.body.get("error", {}).get("details", {}) if reply.body else {}
        raise passed_on(
            Code.INSUFFICIENT_POINTS,
            reply.error_message,
            {"balance": details.get("available"), "source": "server"},
        )
    return Authorization(guarded=True, hold_id=hold_id)


def check_offline(
    s: Session, desk: Desk, member: Member, points: int, when: datetime, auth: Authorization
) -> None:
    """Inside the redemption's transaction: the offline limits, when there is no hold."""
    if not auth.guarded or not auth.offline:
        return
    state = s.get(SyncState, 1)
    assert state is not None
    age: timedelta | None = None
    if state.server_synced_at is not None:
        server_now = desk.now() + timedelta(milliseconds=state.clock_offset_ms or 0)
        age = max(server_now - state.server_synced_at, timedelta(0))
    start, end = local_day_bounds(when, desk.tz)
    offline_redeems = (
        LedgerEntry.member_id == member.id,
        LedgerEntry.kind == Kind.REDEEM.value,
        LedgerEntry.offline.is_(True),
    )
    today = s.scalar(
        select(func.coalesce(func.sum(-LedgerEntry.points), 0)).where(
            *offline_redeems, LedgerEntry.occurred_at >= start, LedgerEntry.occurred_at < end
        )
    )
    unconfirmed = s.scalar(
        select(func.count()).where(*offline_redeems, LedgerEntry.sync_status == "pending")
    )
    problem = check_offline_redemption(
        desk.rules_at(when).offline,
        OfflineSituation(
            points=points,
            sync_age=age,
            redeemed_offline_today=int(today or 0),
            unconfirmed_offline=int(unconfirmed or 0),
            online_only=member.online_only,
        ),
    )
    if problem is not None:
        raise Refused(problem)

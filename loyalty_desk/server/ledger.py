"""Double-entry postings on the server: every change of points is a balanced transfer.

Member accounts (`member:<id>`) never go below zero. What a member spends beyond their
points (two stores redeeming the same points offline) or loses to a reversal is booked on
the member's overdraft account (`overdraft:<id>`, the recorded debt), and later credits repay
it first. System accounts are named after the entry kind that moves points in or out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from loyalty_desk.domain.lots import split_restore
from loyalty_desk.server import models as m
from loyalty_desk.server.unit import LotState, MemberState, Unit


def member_account(member_id: str) -> str:
    return f"member:{member_id}"


def overdraft_account(member_id: str) -> str:
    return f"overdraft:{member_id}"


@dataclass(frozen=True, slots=True)
class Posting:
    event_id: str
    entry_id: str
    kind: str  # the system account on the other side
    store_id: str
    at: datetime  # when it happened at the till
    expires_at: datetime | None  # for a lot this posting opens (None: it debits)


def credit(u: Unit, member: MemberState, points: int, p: Posting) -> int:
    """New points: repay the member's debt first; the rest opens a lot."""
    repay = min(member.debt, points)
    u.transfer(p.event_id, p.entry_id, p.kind, overdraft_account(member.id), repay)
    member.debt -= repay
    rest = points - repay
    u.transfer(p.event_id, p.entry_id, p.kind, member_account(member.id), rest)
    member.points += rest
    if points > 0:
        assert p.expires_at is not None
        u.add_lot(LotState(p.entry_id, member.id, p.store_id, p.at, p.expires_at, points, rest))
    u.changed(member)
    return points


def debit(
    u: Unit, member: MemberState, points: int, p: Posting, *, first_lot: str | None = None
) -> int:
    """Take points oldest lot first; returns the shortfall booked as debt (overdraft)."""
    lots = u.open_lots(member.id)
    if first_lot is not None:
        lots.sort(key=lambda lot: lot.id != first_lot)  # stable: the rest stay oldest first
    left = points
    for lot in lots:
        if left <= 0:
            break
        take = min(lot.remaining, left)
        if take <= 0:
            continue
        lot.remaining -= take
        lot.dirty = True
        left -= take
        u.add(m.LotTake, entry_id=p.entry_id, lot_id=lot.id, points=take)
    taken = points - left
    u.transfer(p.event_id, p.entry_id, member_account(member.id), p.kind, taken)
    member.points -= taken
    u.transfer(p.event_id, p.entry_id, overdraft_account(member.id), p.kind, left)
    member.debt += left
    u.changed(member)
    return left


def restore(u: Unit, member: MemberState, points: int, p: Posting, original_entry_id: str) -> int:
    """Give spent points back into the lots they came from (repaying debt first).

    A lot never grows past its size; what does not fit goes into a new lot named after
    this entry, with the expiry the till gave it.
    """
    repay = min(member.debt, points)
    u.transfer(p.event_id, p.entry_id, p.kind, overdraft_account(member.id), repay)
    member.debt -= repay
    rest = points - repay
    left = rest
    for lot_id, give in split_restore(u.takes_of(original_entry_id), rest):
        lot = u.lot(lot_id)
        if lot is None:
            continue
        fits = min(give, lot.points - lot.remaining)
        if fits > 0:
            lot.remaining += fits
            lot.member_id = member.id
            lot.dirty = True
            left -= fits
    if left > 0:
        assert p.expires_at is not None
        u.add_lot(LotState(p.entry_id, member.id, p.store_id, p.at, p.expires_at, left, left))
    u.transfer(p.event_id, p.entry_id, p.kind, member_account(member.id), rest)
    member.points += rest
    u.changed(member)
    return points


def expire(u: Unit, member: MemberState, lots: list[tuple[str, int]], p: Posting) -> int:
    """Expire the named lots, but only what is still left of them on the server.

    This is what makes expiry safe to run on every till: when two tills expire the same
    lot, or a lot was spent elsewhere first, the second EXPIRE finds nothing left to take.
    Returns the points actually expired.
    """
    total = 0
    for lot_id, wanted in lots:
        lot = u.lot(lot_id)
        if lot is None or u.final_member_id(lot.member_id) != member.id:
            continue
        take = min(max(wanted, 0), lot.remaining)
        if take > 0:
            lot.remaining -= take
            lot.dirty = True
            total += take
    u.transfer(p.event_id, p.entry_id, member_account(member.id), p.kind, total)
    member.points -= total
    u.changed(member)
    return total


def net_debt(u: Unit, member: MemberState, event_id: str) -> None:
    """A member holding both points and debt (after a merge) repays the debt from lots."""
    repay = min(member.points, member.debt)
    if repay <= 0:
        return
    left = repay
    for lot in u.open_lots(member.id):
        if left <= 0:
            break
        take = min(lot.remaining, left)
        lot.remaining -= take
        lot.dirty = True
        left -= take
    u.transfer(event_id, None, member_account(member.id), overdraft_account(member.id), repay)
    member.points -= repay
    member.debt -= repay


def move_member(u: Unit, loser: MemberState, winner: MemberState, event_id: str) -> None:
    """Fold `loser` into `winner`: its points, debt, lots, entries, coupons and holds."""
    u.transfer(event_id, None, member_account(loser.id), member_account(winner.id), loser.points)
    u.transfer(
        event_id, None, overdraft_account(winner.id), overdraft_account(loser.id), loser.debt
    )
    winner.points += loser.points
    winner.debt += loser.debt
    loser.points = loser.debt = 0
    for lot in u.lots.values():
        if lot.member_id == loser.id:
            lot.member_id = winner.id
            lot.dirty = True
    conn = u.conn
    conn.execute(update(m.Lot).where(m.Lot.member_id == loser.id).values(member_id=winner.id))
    conn.execute(update(m.Entry).where(m.Entry.member_id == loser.id).values(member_id=winner.id))
    conn.execute(update(m.Coupon).where(m.Coupon.member_id == loser.id).values(member_id=winner.id))
    conn.execute(update(m.Hold).where(m.Hold.member_id == loser.id).values(member_id=winner.id))
    u.lots_loaded.discard(winner.id)  # its lots in the database just grew
    followers = list(
        u.conn.execute(
            select(m.Member.id).where(
                (m.Member.merged_into == loser.id) | (m.Member.referrer_id == loser.id)
            )
        ).scalars()
    )
    u.load_members(followers)
    for state in list(u.members.values()):
        if state.merged_into == loser.id:
            state.merged_into = winner.id
            u.changed(state)
        if state.referrer_id == loser.id and state.id != winner.id:
            state.referrer_id = winner.id
            u.changed(state)
    winner.online_only = winner.online_only or loser.online_only
    winner.overdraft = winner.overdraft or loser.overdraft
    winner.referral_rewarded = winner.referral_rewarded or loser.referral_rewarded
    firsts = [t for t in (winner.first_purchase_at, loser.first_purchase_at) if t is not None]
    winner.first_purchase_at = min(firsts) if firsts else None
    visits = [t for t in (winner.last_visit_at, loser.last_visit_at) if t is not None]
    winner.last_visit_at = max(visits) if visits else None
    loser.merged_into = winner.id
    net_debt(u, winner, event_id)
    u.changed(loser)
    u.changed(winner)
    u.add(m.Merge, loser_id=loser.id, winner_id=winner.id, event_id=event_id, at=u.now)

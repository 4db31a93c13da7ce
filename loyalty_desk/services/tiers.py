"""Moving members between tiers: upgrade at once, review at the anniversary, undo on refund."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session

from loyalty_desk.domain.tiers import Tier, TierStats, qualifying_tier
from loyalty_desk.domain.timeutil import add_months_utc
from loyalty_desk.services.desk import Desk
from loyalty_desk.store.models import Member, Receipt, TierChange, table_of

_RECEIPTS = table_of(Receipt)
_NET = _RECEIPTS.c.paid_fen - _RECEIPTS.c.refunded_fen
_ROLLING = select(
    func.coalesce(func.sum(_NET), 0),
    func.coalesce(func.sum(case((_NET > 0, 1), else_=0)), 0),
).where(
    _RECEIPTS.c.member_id == bindparam("member"),
    _RECEIPTS.c.occurred_at >= bindparam("start"),
    _RECEIPTS.c.occurred_at <= bindparam("end"),
)


def rolling_stats(session: Session, desk: Desk, member_id: str, at: datetime) -> TierStats:
    """Spend and purchases in the 12 months up to `at`, net of refunds."""
    start = add_months_utc(at, -12, desk.tz)
    # Core on the session's connection: receipts are written with Core on the award path.
    spend, purchases = (
        session.connection()
        .execute(_ROLLING, {"member": member_id, "start": start, "end": at})
        .one()
    )
    return TierStats(spend_fen=int(spend), purchases=int(purchases))


def _change(
    session: Session,
    member: Member,
    to: Tier,
    at: datetime,
    reason: str,
    until: datetime | None,
    receipt_no: str | None = None,
) -> TierChange:
    row = TierChange(
        member_id=member.id,
        from_tier=member.tier,
        to_tier=to.value,
        at=at,
        reason=reason,
        receipt_no=receipt_no,
        until=until,
    )
    session.add(row)
    if to.value != member.tier:
        member.tier_since = at
    member.tier = to.value
    member.tier_until = until
    return row


def upgrade_after_purchase(
    session: Session, desk: Desk, member: Member, at: datetime, receipt_no: str
) -> Tier | None:
    """Upgrade right after the qualifying purchase (which itself earned at the old tier)."""
    rules = desk.rules_at(at).tiers
    stats = rolling_stats(session, desk, member.id, at)
    target = qualifying_tier(rules.thresholds, stats)
    if target.rank <= Tier(member.tier).rank:
        return None
    _change(
        session,
        member,
        target,
        at,
        "upgrade",
        add_months_utc(at, rules.term_months, desk.tz),
        receipt_no,
    )
    member.tier_grace = False
    return target


def review(session: Session, desk: Desk, member: Member, at: datetime) -> TierChange | None:
    """The anniversary review of a member whose tier term has run out."""
    if member.tier_until is None or member.tier_until > at:
        return None
    rules = desk.rules_at(at).tiers
    current = Tier(member.tier)
    anniversary = member.tier_until
    stats = rolling_stats(session, desk, member.id, at)
    earned = qualifying_tier(rules.thresholds, stats)
    if earned.rank >= current.rank:
        member.tier_grace = False
        return _change(
            session,
            member,
            earned,
            at,
            "renew",
            add_months_utc(anniversary, rules.term_months, desk.tz),
        )
    if (
        rules.grace_applies(current)
        and not member.tier_grace
        and stats.purchases >= rules.grace_min_purchases
    ):
        member.tier_grace = True
        return _change(
            session,
            member,
            current,
            at,
            "grace",
            add_months_utc(anniversary, rules.grace_months, desk.tz),
        )
    member.tier_grace = False
    until = (
        None if earned is Tier.REGULAR else add_months_utc(anniversary, rules.term_months, desk.tz)
    )
    return _change(session, member, earned, at, "downgrade", until)


def after_refund(
    session: Session, desk: Desk, member: Member, receipt: Receipt, at: datetime
) -> Tier | None:
    """Undo an upgrade that the refunded purchase made, if the member no longer qualifies."""
    if receipt.upgraded_to is None or member.tier != receipt.upgraded_to:
        return None
    upgrade = session.scalars(
        select(TierChange)
        .where(
            TierChange.member_id == member.id,
            TierChange.reason == "upgrade",
            TierChange.receipt_no == receipt.receipt_no,
        )
        .order_by(TierChange.id.desc())
        .limit(1)
    ).first()
    latest = session.scalars(
        select(TierChange).where(TierChange.member_id == member.id).order_by(TierChange.id.desc())
    ).first()
    if upgrade is None or latest is None or latest.id != upgrade.id:
        return None  # the tier has moved on since; the anniversary review will judge it
    rules = desk.rules_at(at).tiers
    stats = rolling_stats(session, desk, member.id, at)
    earned = qualifying_tier(rules.thresholds, stats)
    if earned.rank >= Tier(member.tier).rank:
        return None
    before = session.scalars(
        select(TierChange)
        .where(TierChange.member_id == member.id, TierChange.id < upgrade.id)
        .order_by(TierChange.id.desc())
    ).first()
    previous = Tier(upgrade.from_tier)
    target = earned if earned.rank > previous.rank else previous
    until = (
        add_months_utc(at, rules.term_months, desk.tz)
        if target is not previous
        else (before.until if before is not None else None)
    )
    _change(session, member, target, at, "refund", until, receipt.receipt_no)
    return target

"""Writing new coupons: a signed code, the terms of the rule set, a coupon_issued event.

Used by the coupon use cases and by the automatic hooks: the new-member coupon at
enrolment and the birthday coupon at the first visit of the birthday month, each in the
transaction of the enrolment or purchase that earned it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from loyalty_desk.domain.coupons import Kind, Status, Terms, new_code, promotion_terms
from loyalty_desk.domain.timeutil import local_date, local_midnight_utc
from loyalty_desk.services.coupon_keys import signing_key
from loyalty_desk.services.coupon_views import coupon_record
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.events import Event
from loyalty_desk.store.models import Coupon, Member


def unused_code(session: Session, desk: Desk) -> str:
    key_id, secret = signing_key(session, desk)
    while True:
        code = new_code(key_id, secret, desk.rng)
        if session.get(Coupon, code) is None:
            return code


def add_coupon(
    session: Session,
    desk: Desk,
    event: Event,
    member: Member | None,
    terms: Terms,
    *,
    rule_version: int,
    entry_id: str | None = None,
    code: str | None = None,
) -> Coupon:
    """A coupon row announced by `event` (the caller seals the event)."""
    row = Coupon(
        code=code or unused_code(session, desk),
        member_id=member.id if member else None,
        kind=terms.kind.value,
        min_spend_fen=terms.min_spend_fen,
        value_fen=terms.value_fen,
        valid_from=local_midnight_utc(terms.first_day, desk.tz),
        valid_until=local_midnight_utc(terms.last_day + timedelta(days=1), desk.tz),
        status=Status.ISSUED.value,
        issued_at=event.at,
        issued_store_id=desk.info.store_id,
        rule_version=rule_version,
        entry_id=entry_id,
        changed_seq=event.device_seq,
    )
    session.add(row)
    session.flush()
    return row


def issue_coupon(
    session: Session,
    desk: Desk,
    member: Member | None,
    terms: Terms,
    at: datetime,
    *,
    rule_version: int,
    **data: Any,
) -> Coupon:
    """One coupon in its own coupon_issued event, inside the caller's transaction."""
    event = Event(session, "coupon_issued", at, desk.info.store_id, desk.info.device_id)
    row = add_coupon(session, desk, event, member, terms, rule_version=rule_version)
    event.data = {"coupon": coupon_record(row), **data}
    event.seal()
    return row


def issue_to_members(
    session: Session,
    desk: Desk,
    member_ids: list[str],
    terms: Terms,
    at: datetime,
    *,
    rule_version: int,
    **data: Any,
) -> list[str]:
    """One coupon each for a list of members (a manager's batch), in the caller's
    transaction; returns the codes in the order of the members."""
    codes: list[str] = []
    for member_id in member_ids:
        member = session.get(Member, member_id)
        row = issue_coupon(session, desk, member, terms, at, rule_version=rule_version, **data)
        codes.append(row.code)
    return codes


def welcome_coupon(session: Session, desk: Desk, member: Member, at: datetime) -> Coupon | None:
    """The new-member coupon (满100减20, 30 days), issued with the enrolment."""
    rules = desk.rules_at(at)
    if rules.coupons.new_member.value_fen <= 0:  # switched off in this rule version
        return None
    terms = promotion_terms(rules.coupons, Kind.NEW_MEMBER, local_date(at, desk.tz))
    return issue_coupon(
        session, desk, member, terms, at, rule_version=rules.version, reason="enrolment"
    )


def birthday_coupon_if_due(
    session: Session, desk: Desk, member: Member, at: datetime
) -> Coupon | None:
    """The birthday coupon (满200减50) at the member's first visit in the birthday month.

    Once a year: a birthday coupon already issued this birthday month — here, or in another
    store and pulled since — means none is due.
    """
    if member.birthday is None:
        return None
    today = local_date(at, desk.tz)
    if member.birthday.month != today.month:
        return None
    rules = desk.rules_at(at)
    if rules.coupons.birthday.value_fen <= 0:
        return None
    month_start = local_midnight_utc(today.replace(day=1), desk.tz)
    already = session.scalars(
        select(Coupon.code).where(
            Coupon.member_id == member.id,
            Coupon.kind == Kind.BIRTHDAY.value,
            Coupon.issued_at >= month_start,
        )
    ).first()
    if already is not None:
        return None
    terms = promotion_terms(rules.coupons, Kind.BIRTHDAY, today)
    return issue_coupon(
        session, desk, member, terms, at, rule_version=rules.version, reason="birthday month"
    )

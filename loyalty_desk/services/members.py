"""Enrolling, finding and showing members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from loyalty_desk.domain.codes import (
    is_member_code,
    is_referral_code,
    member_code_from_qr,
    new_member_code,
    new_referral_code,
)
from loyalty_desk.domain.errors import Code, Refusal, Refused, refusal, refuse
from loyalty_desk.domain.ids import new_id
from loyalty_desk.domain.people import (
    PHONE_PATTERN,
    normalise_phone,
    validate_birthday,
    validate_name,
    validate_phone,
)
from loyalty_desk.domain.redemption import points_value_fen
from loyalty_desk.domain.tiers import Tier
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.services import audit
from loyalty_desk.services.coupon_issue import welcome_coupon
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.events import Event, iso
from loyalty_desk.services.usecase import use_case
from loyalty_desk.services.views import HistoryLine, MemberSummary, MemberView
from loyalty_desk.store.models import LedgerEntry, Member, PointLot, table_of

PICK_LIST_LIMIT = 20
EXPIRING_WINDOW = timedelta(days=30)


def _ok(value: Any) -> Any:
    """Unwrap a domain validator's value, or raise its refusal out to the use-case edge."""
    if isinstance(value, Refusal):
        raise Refused(value)
    return value


# Built once: every award, redemption and lookup resolves a member first.
_BY_CODE = select(Member).where(Member.code == bindparam("ref"))
_BY_PHONE = select(Member).where(Member.phone == bindparam("ref"))


def resolve_member(session: Session, ref: str, *, follow_merge: bool = True) -> Member:
    """A member by code, full phone or id; a merged member leads to the one it merged into."""
    text = ref.strip()
    phone = normalise_phone(text)
    member: Member | None
    if is_member_code(text):
        member = session.scalars(_BY_CODE, {"ref": text}).first()
    elif PHONE_PATTERN.match(phone):
        member = session.scalars(_BY_PHONE, {"ref": phone}).first()
    elif len(text) == 36:
        member = session.get(Member, text)
    else:
        raise refuse(
            Code.INVALID_QUERY,
            "'{ref}' is neither a member code (10 digits) nor a full mobile number.",
            ref=ref,
        )
    hops = 0
    while member is not None and follow_merge and member.merged_into and hops < 5:
        member = session.get(Member, member.merged_into)
        hops += 1
    if member is None:
        raise refuse(Code.UNKNOWN_MEMBER, "No member matches '{ref}'.", ref=ref)
    return member


_LOTS = table_of(PointLot)
# Built once: the member panel and every award ask this; Core keeps it off the ORM path.
_EXPIRING = select(func.coalesce(func.sum(_LOTS.c.remaining), 0)).where(
    _LOTS.c.member_id == bindparam("member"),
    _LOTS.c.expires_at > bindparam("now"),
    _LOTS.c.expires_at <= bindparam("until"),
    _LOTS.c.remaining > 0,
)


def expiring_points(session: Session, member_id: str, now: datetime) -> int:
    total = (
        session.connection()
        .execute(_EXPIRING, {"member": member_id, "now": now, "until": now + EXPIRING_WINDOW})
        .scalar()
    )
    return int(total or 0)


def member_view(session: Session, desk: Desk, m: Member) -> MemberView:
    now = desk.now()
    today = local_date(now, desk.tz)
    return MemberView(
        id=m.id,
        code=m.code,
        name=m.name,
        phone=m.phone,
        tier=Tier(m.tier),
        tier_until=m.tier_until,
        balance=m.balance,
        balance_value_fen=points_value_fen(desk.rules_at(now), max(0, m.balance)),
        expiring_30d=expiring_points(session, m.id, now),
        debt=m.debt,
        online_only=m.online_only,
        overdraft=m.overdraft,
        birthday=m.birthday,
        birthday_month=m.birthday is not None and m.birthday.month == today.month,
        referral_code=m.referral_code,
        last_visit_at=m.last_visit_at,
        created_at=m.created_at,
        first_purchase_done=m.first_purchase_at is not None,
    )


def summary(m: Member) -> MemberSummary:
    return MemberSummary(
        id=m.id,
        code=m.code,
        name=m.name,
        phone=m.phone,
        tier=Tier(m.tier),
        balance=m.balance,
        last_visit_at=m.last_visit_at,
    )


def member_record(m: Member) -> dict[str, Any]:
    """The member as announced to the central server."""
    return {
        "id": m.id,
        "code": m.code,
        "phone": m.phone,
        "name": m.name,
        "birthday": m.birthday.isoformat() if m.birthday else None,
        "referral_code": m.referral_code,
        "referrer_id": m.referrer_id,
        "home_store_id": m.home_store_id,
        "created_at": iso(m.created_at),
    }


def _unique_code(session: Session, desk: Desk, column: Any, make: Any) -> str:
    while True:
        code: str = make(desk.rng)
        if session.scalars(select(Member.id).where(column == code)).first() is None:
            return code


def new_member_row(
    session: Session,
    desk: Desk,
    *,
    phone: str,
    name: str,
    birthday: date | None,
    referrer_id: str | None,
    at: datetime,
) -> Member:
    member = Member(
        id=new_id(),
        code=_unique_code(session, desk, Member.code, new_member_code),
        phone=phone,
        phone_suffix=phone[-4:],
        name=name,
        birthday=birthday,
        tier=Tier.REGULAR.value,
        tier_since=at,
        tier_until=None,
        tier_grace=False,
        referral_code=_unique_code(session, desk, Member.referral_code, new_referral_code),
        referrer_id=referrer_id,
        referral_rewarded=False,
        balance=0,
        debt=0,
        online_only=False,
        overdraft=False,
        home_store_id=desk.info.store_id,
        created_at=at,
        updated_at=at,
    )
    session.add(member)
    return member


@use_case
def enroll(
    desk: Desk,
    phone: str,
    name: str,
    birthday: date | None = None,
    referrer_code: str | None = None,
    *,
    cashier_id: str | None = None,
) -> MemberView:
    """Enrol a new member. A phone number belongs to one member only."""
    now = desk.now()
    clean_phone: str = _ok(validate_phone(phone))
    clean_name: str = _ok(validate_name(name))
    if birthday is not None:
        _ok(validate_birthday(birthday, local_date(now, desk.tz)))
    with desk.write() as s:
        existing = s.scalars(select(Member).where(Member.phone == clean_phone)).first()
        if existing is not None:
            raise refuse(
                Code.PHONE_ALREADY_ENROLLED,
                "{phone_head}****{phone_tail} is already member {member_code}.",
                details={"member_code": existing.code},
                phone_head=clean_phone[:3],
                phone_tail=clean_phone[-4:],
                member_code=existing.code,
            )
        referrer_id: str | None = None
        if referrer_code:
            code = referrer_code.strip()
            referrer = (
                s.scalars(select(Member).where(Member.referral_code == code)).first()
                if is_referral_code(code)
                else None
            )
            if referrer is None:
                raise refuse(
                    Code.UNKNOWN_REFERRER,
                    "No member has the referral code '{referrer_code}'; check it or leave it out.",
                    referrer_code=referrer_code,
                )
            referrer_id = referrer.id
        member = new_member_row(
            s,
            desk,
            phone=clean_phone,
            name=clean_name,
            birthday=birthday,
            referrer_id=referrer_id,
            at=now,
        )
        s.flush()
        event = Event(s, "member_enrolled", now, desk.info.store_id, desk.info.device_id)
        event.data = {"member": member_record(member), "cashier_id": cashier_id}
        event.seal()
        welcome_coupon(s, desk, member, now)
        return member_view(s, desk, member)


@dataclass(frozen=True, slots=True)
class FindResult:
    mode: str  # phone | suffix | prefix | code
    members: tuple[MemberSummary, ...]


def find(desk: Desk, query: str) -> FindResult | Refusal:
    """Full phone, last 4 digits, a phone prefix, member code, or a scanned QR payload."""
    text = query.strip()
    digits = normalise_phone(text)
    with desk.read() as s:
        if PHONE_PATTERN.match(digits):
            rows = s.scalars(select(Member).where(Member.phone == digits)).all()
            return FindResult("phone", tuple(summary(m) for m in rows))
        code = text if is_member_code(text) else member_code_from_qr(text)
        if code is not None:
            rows = s.scalars(select(Member).where(Member.code == code)).all()
            return FindResult("code", tuple(summary(m) for m in rows))
        if digits.isascii() and digits.isdigit() and len(digits) == 4:
            rows = s.scalars(
                select(Member)
                .where(Member.phone_suffix == digits, Member.merged_into.is_(None))
                .order_by(Member.last_visit_at.desc(), Member.created_at.desc())
                .limit(PICK_LIST_LIMIT)
            ).all()
            return FindResult("suffix", tuple(summary(m) for m in rows))
        if digits.isascii() and digits.isdigit() and 5 <= len(digits) <= 10 and digits[0] == "1":
            upper = digits[:-1] + chr(ord(digits[-1]) + 1)
            rows = s.scalars(
                select(Member)
                .where(Member.phone >= digits, Member.phone < upper, Member.merged_into.is_(None))
                .order_by(Member.phone)
                .limit(PICK_LIST_LIMIT)
            ).all()
            return FindResult("prefix", tuple(summary(m) for m in rows))
    return refusal(
        Code.INVALID_QUERY,
        "Type the full phone (11 digits) or its last 4 digits, or scan the member's code.",
    )


@use_case
def show(desk: Desk, ref: str) -> MemberView:
    with desk.read() as s:
        return member_view(s, desk, resolve_member(s, ref))


@use_case
def history(desk: Desk, ref: str, limit: int = 500) -> list[HistoryLine]:
    with desk.read() as s:
        member = resolve_member(s, ref)
        rows = s.execute(
            select(LedgerEntry, PointLot)
            .outerjoin(PointLot, PointLot.id == LedgerEntry.id)
            .where(LedgerEntry.member_id == member.id)
            .order_by(LedgerEntry.occurred_at.desc(), LedgerEntry.id.desc())
            .limit(limit)
        ).all()
        return [
            HistoryLine(
                entry_id=e.id,
                kind=e.kind,
                points=e.points,
                balance_after=e.known_balance + e.points,
                occurred_at=e.occurred_at,
                store_id=e.store_id,
                receipt_no=e.receipt_no,
                amount_fen=e.amount_fen,
                reason=e.reason,
                expires_at=lot.expires_at if lot else None,
                lot_remaining=lot.remaining if lot else None,
                synced=e.sync_status == "acked",
            )
            for e, lot in rows
        ]


_UNSET: Any = object()


@use_case
def update_member(
    desk: Desk,
    ref: str,
    *,
    name: str | None = None,
    birthday: date | None = _UNSET,
    phone: str | None = None,
    approver_name: str | None = None,
    actor: str | None = None,
) -> MemberView:
    """Correct a member's name or birthday; a phone change is a manager's decision."""
    now = desk.now()
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = _ok(validate_name(name))
    if birthday is not _UNSET:
        if birthday is not None:
            _ok(validate_birthday(birthday, local_date(now, desk.tz)))
        changes["birthday"] = birthday
    if phone is not None:
        if approver_name is None:
            raise refuse(Code.MANAGER_PIN_REQUIRED, "Changing a phone number needs a manager.")
        changes["phone"] = _ok(validate_phone(phone))
    with desk.write() as s:
        member = resolve_member(s, ref)
        if "phone" in changes and changes["phone"] != member.phone:
            other = s.scalars(select(Member).where(Member.phone == changes["phone"])).first()
            if other is not None:
                raise refuse(
                    Code.PHONE_ALREADY_ENROLLED,
                    "That phone already belongs to member {member_code}.",
                    details={"member_code": other.code},
                    member_code=other.code,
                )
            member.phone_suffix = changes["phone"][-4:]
            audit.record(
                s,
                desk,
                "member.phone_change",
                actor=approver_name,
                subject=member.code,
                detail={"from": member.phone[-4:], "to": changes["phone"][-4:]},
            )
        for key, value in changes.items():
            setattr(member, key, value)
        member.updated_at = now
        event = Event(s, "member_updated", now, desk.info.store_id, desk.info.device_id)
        event.data = {
            "member_id": member.id,
            "changes": {
                k: (v.isoformat() if isinstance(v, date) else v) for k, v in changes.items()
            },
            "actor": actor,
        }
        event.seal()
        return member_view(s, desk, member)

"""Applying one till event to the server's books.

Each handler first checks everything it needs (reads only) and raises `Reject` for a
business refusal — nothing has been changed then, and the event is recorded as rejected
without blocking the device's queue. Only then does it post, which cannot fail.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError
from sqlalchemy import select, update

from loyalty_desk.domain.errors import Code
from loyalty_desk.domain.people import PHONE_PATTERN, validate_name, validate_phone
from loyalty_desk.domain.timeutil import add_months_utc, zone
from loyalty_desk.server import ledger
from loyalty_desk.server import models as m
from loyalty_desk.server.unit import MemberState, Unit
from loyalty_desk.sync.protocol import EntryIn, EventIn

CREDIT_KINDS = frozenset({"EARN", "REFERRAL", "BONUS"})


class Reject(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Outcome:
    status: str  # accepted | rejected | noted
    code: str | None = None
    message: str | None = None
    conflicts: list[str] = field(default_factory=list)


@dataclass
class DeviceContext:
    device_id: str
    store_id: str
    timezone: str
    expiry_months: dict[int, int] = field(default_factory=dict)

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.timezone) or ZoneInfo("Asia/Shanghai")


def months_for(u: Unit, ctx: DeviceContext, version: int) -> int:
    if version not in ctx.expiry_months:
        body = u.conn.execute(
            select(m.RuleVersion.body).where(m.RuleVersion.version == version)
        ).scalar()
        months = 12
        if body:
            expiry = json.loads(body).get("expiry", {})
            if isinstance(expiry.get("months"), int) and expiry["months"] > 0:
                months = expiry["months"]
        ctx.expiry_months[version] = months
    return ctx.expiry_months[version]


def open_case(
    u: Unit, kind: str, *, member_id: str | None, event: EventIn, detail: dict[str, Any]
) -> None:
    u.add(
        m.Case,
        kind=kind,
        member_id=member_id,
        store_id=event.store_id,
        event_id=event.event_id,
        detail=json.dumps(detail, sort_keys=True, ensure_ascii=False, default=str),
        opened_at=u.now,
        closed_at=None,
        closed_note=None,
    )


# -- entries -----------------------------------------------------------------------------


def check_entries(u: Unit, event: EventIn, new_members: set[str]) -> None:
    seen: set[str] = set()
    for e in event.entries:
        if e.id in u.entry_ids or e.id in seen:
            raise Reject(Code.INVALID_EVENT, f"Ledger entry {e.id} was already recorded.")
        seen.add(e.id)
        if e.member_id not in new_members and u.resolve(e.member_id) is None:
            raise Reject(Code.UNKNOWN_MEMBER, f"No member {e.member_id} on the server.")
        sign_ok = {
            "EARN": e.points >= 0,
            "REFERRAL": e.points >= 0,
            "BONUS": e.points >= 0,
            "REDEEM": e.points <= 0,
            "EXPIRE": e.points <= 0,
        }.get(e.kind, True)
        if not sign_ok:
            raise Reject(Code.INVALID_EVENT, f"A {e.kind} entry cannot have {e.points} points.")
        if e.kind == "EXPIRE" and not _expired_lots(e):
            raise Reject(Code.INVALID_EVENT, "An EXPIRE entry must list the lots it expired.")


def _expired_lots(e: EntryIn) -> list[tuple[str, int]]:
    raw = (e.detail or {}).get("lots")
    out: list[tuple[str, int]] = []
    if not isinstance(raw, list):
        return out
    for item in raw:
        if (
            isinstance(item, list)
            and len(item) == 2
            and isinstance(item[0], str)
            and isinstance(item[1], int)
            and not isinstance(item[1], bool)
        ):
            out.append((item[0], item[1]))
    return out


def post_entries(u: Unit, ctx: DeviceContext, event: EventIn, outcome: Outcome) -> None:
    for e in event.entries:
        member = u.resolve(e.member_id)
        assert member is not None  # checked before
        credits = e.kind in CREDIT_KINDS or (e.kind in ("ADJUST", "REVERSAL") and e.points >= 0)
        expires_at = None  # only an entry that credits points opens a lot
        if credits:
            expires_at = e.expires_at or add_months_utc(
                e.occurred_at, months_for(u, ctx, e.rule_version), ctx.tz
            )
        p = ledger.Posting(event.event_id, e.id, e.kind, event.store_id, e.occurred_at, expires_at)
        applied = e.points
        shortfall = 0
        if credits:
            if e.kind == "REVERSAL" and e.reverses_id:
                ledger.restore(u, member, e.points, p, e.reverses_id)
            else:
                ledger.credit(u, member, e.points, p)
        elif e.kind == "EXPIRE":
            applied = -ledger.expire(u, member, _expired_lots(e), p)
        else:
            first = e.reverses_id if e.kind == "REVERSAL" else None
            shortfall = ledger.debit(u, member, -e.points, p, first_lot=first)
        if shortfall > 0 and e.kind in ("REDEEM", "ADJUST"):
            # The goods left the store: accept, book the overdraft, and stop offline spending
            # for this member on every till until a manager has looked at it.
            member.overdraft = True
            member.online_only = True
            u.changed(member)
            open_case(
                u,
                "overdraft",
                member_id=member.id,
                event=event,
                detail={
                    "entry_id": e.id,
                    "kind": e.kind,
                    "points": -e.points,
                    "shortfall": shortfall,
                    "offline": e.offline,
                    "receipt_no": e.receipt_no,
                    "debt": member.debt,
                },
            )
            outcome.conflicts.append("overdraft")
        u.add(
            m.Entry,
            id=e.id,
            event_id=event.event_id,
            member_id=member.id,
            original_member_id=e.member_id,
            device_id=event.device_id,
            device_seq=event.device_seq,
            store_id=event.store_id,
            kind=e.kind,
            points=e.points,
            applied=applied,
            receipt_no=e.receipt_no,
            amount_fen=e.amount_fen,
            rule_version=e.rule_version,
            reverses_id=e.reverses_id,
            occurred_at=e.occurred_at,
            offline=e.offline,
        )
        u.entry_ids.add(e.id)


# -- members -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MemberRecord:
    id: str
    code: str
    phone: str
    name: str
    birthday: date | None
    referral_code: str
    referrer_id: str | None
    home_store_id: str
    created_at: datetime


def member_record(raw: Any, fallback_store: str, at: datetime) -> MemberRecord:
    if not isinstance(raw, dict):
        raise Reject(Code.INVALID_EVENT, "The event carries no member record.")

    def text(key: str, limit: int, required: bool = True) -> str | None:
        value = raw.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value or len(value) > limit or "\x00" in value:
            raise Reject(Code.INVALID_EVENT, f"Member field '{key}' is missing or too long.")
        return value

    member_id = text("id", 40)
    phone = text("phone", 16)
    assert member_id is not None and phone is not None
    if not PHONE_PATTERN.match(phone):
        raise Reject(Code.INVALID_PHONE, f"'{phone}' is not a mobile number.")
    name = validate_name(str(raw.get("name") or ""))
    if not isinstance(name, str):
        raise Reject(name.code, name.message)
    try:
        birthday = date.fromisoformat(raw["birthday"]) if raw.get("birthday") else None
        created = datetime.fromisoformat(raw["created_at"]) if raw.get("created_at") else at
    except (TypeError, ValueError) as exc:
        raise Reject(Code.INVALID_EVENT, f"Member dates are not ISO dates: {exc}") from exc
    if created.tzinfo is None:
        raise Reject(Code.INVALID_EVENT, "Member created_at must carry a time zone.")
    return MemberRecord(
        id=member_id,
        code=text("code", 16) or "",
        phone=phone,
        name=name,
        birthday=birthday,
        referral_code=text("referral_code", 16) or "",
        referrer_id=text("referrer_id", 40, required=False),
        home_store_id=text("home_store_id", 32, required=False) or fallback_store,
        created_at=created,
    )


def _new_member(rec: MemberRecord, now: datetime) -> MemberState:
    return MemberState(
        id=rec.id,
        code=rec.code,
        phone=rec.phone,
        name=rec.name,
        birthday=rec.birthday,
        referral_code=rec.referral_code,
        referrer_id=rec.referrer_id,
        referral_rewarded=False,
        home_store_id=rec.home_store_id,
        created_at=rec.created_at,
        first_purchase_at=None,
        last_visit_at=None,
        merged_into=None,
        points=0,
        debt=0,
        online_only=False,
        overdraft=False,
        updated_at=now,
    )


def enrol(u: Unit, ctx: DeviceContext, event: EventIn, outcome: Outcome) -> Outcome:
    rec = member_record(event.data.get("member"), ctx.store_id, event.created_at)
    if u.member(rec.id) is not None:
        raise Reject(Code.INVALID_EVENT, f"Member {rec.id} is already on the server.")
    check_entries(u, event, {rec.id})
    newcomer = _new_member(rec, u.now)
    if rec.referrer_id is not None:
        referrer = u.resolve(rec.referrer_id)
        newcomer.referrer_id = referrer.id if referrer is not None else rec.referrer_id
    existing = u.active_by_phone(rec.phone)
    u.add_member(newcomer)
    if existing is not None:
        # The same phone enrolled in two stores while offline: the earlier enrolment wins
        # and the other one's ledger moves over. Every till learns it on its next pull.
        if (existing.created_at, existing.id) <= (rec.created_at, rec.id):
            newcomer.merged_into = existing.id
            u.add(
                m.Merge, loser_id=rec.id, winner_id=existing.id, event_id=event.event_id, at=u.now
            )
            u.changed(existing)
        else:
            ledger.move_member(u, existing, newcomer, event.event_id)
        outcome.conflicts.append("merged")
    elif rec.code:
        # Member codes are drawn at random in each store: two stores can draw the same one.
        # Both members keep working (a till stores the later one under a placeholder and
        # finds it by phone); a manager reissues one of the cards.
        clash = u.conn.execute(
            select(m.Member.id).where(
                m.Member.code == rec.code, m.Member.id != rec.id, m.Member.merged_into.is_(None)
            )
        ).first()
        if clash is not None:
            open_case(
                u,
                "duplicate_code",
                member_id=rec.id,
                event=event,
                detail={"code": rec.code, "other_member_id": clash[0]},
            )
            outcome.conflicts.append("duplicate_code")
    post_entries(u, ctx, event, outcome)
    return outcome


def update_member(u: Unit, ctx: DeviceContext, event: EventIn, outcome: Outcome) -> Outcome:
    member_id = event.data.get("member_id")
    changes = event.data.get("changes")
    if not isinstance(member_id, str) or not isinstance(changes, dict):
        raise Reject(Code.INVALID_EVENT, "member_updated needs member_id and changes.")
    member = u.resolve(member_id)
    if member is None:
        raise Reject(Code.UNKNOWN_MEMBER, f"No member {member_id} on the server.")
    new: dict[str, Any] = {}
    if "name" in changes:
        name = validate_name(str(changes["name"] or ""))
        if not isinstance(name, str):
            raise Reject(name.code, name.message)
        new["name"] = name
    if "birthday" in changes:
        try:
            raw = changes["birthday"]
            new["birthday"] = date.fromisoformat(raw) if raw else None
        except (TypeError, ValueError) as exc:
            raise Reject(Code.INVALID_DATE, "The birthday is not a date.") from exc
    if "phone" in changes:
        phone = validate_phone(str(changes["phone"] or ""))
        if not isinstance(phone, str):
            raise Reject(phone.code, phone.message)
        other = u.active_by_phone(phone)
        if other is not None and other.id != member.id:
            raise Reject(
                Code.PHONE_ALREADY_ENROLLED, f"{phone[:3]}****{phone[-4:]} is another member."
            )
        new["phone"] = phone
    for key, value in new.items():
        setattr(member, key, value)
    u.changed(member)
    return outcome


def _touch_visit(u: Unit, event: EventIn) -> MemberState | None:
    member_id = event.data.get("member_id")
    member = u.resolve(member_id) if isinstance(member_id, str) else None
    if member is not None and event.entries:
        at = max(e.occurred_at for e in event.entries)
        if member.last_visit_at is None or at > member.last_visit_at:
            member.last_visit_at = at
            u.changed(member)
    return member


def points_event(u: Unit, ctx: DeviceContext, event: EventIn, outcome: Outcome) -> Outcome:
    check_entries(u, event, set())
    post_entries(u, ctx, event, outcome)
    member = _touch_visit(u, event)
    if event.kind == "points_earned" and member is not None:
        earns = [e.occurred_at for e in event.entries if e.kind == "EARN"]
        if earns and (member.first_purchase_at is None or min(earns) < member.first_purchase_at):
            member.first_purchase_at = min(earns)
        if member.referrer_id is not None:
            member.referral_rewarded = True
        u.changed(member)
    if event.kind == "receipt_refunded":
        _record_refund(u, event, member)
    hold_id = event.data.get("hold_id")
    if event.kind == "points_redeemed" and isinstance(hold_id, str):
        u.conn.execute(update(m.Hold).where(m.Hold.id == hold_id).values(status="consumed"))
    return outcome


def _record_refund(u: Unit, event: EventIn, member: MemberState | None) -> None:
    """The money given back, for the chain reports: a refund of a receipt that earned no
    points moves none, so the entries alone would miss it."""
    amount = event.data.get("refund_fen")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        return
    u.add(
        m.Refund,
        event_id=event.event_id,
        store_id=event.store_id,
        receipt_no=_short(event.data.get("receipt_no")) or "",
        member_id=member.id if member is not None else None,
        amount_fen=amount,
        occurred_at=event.created_at,
    )


# -- coupons -----------------------------------------------------------------------------


def _coupon(u: Unit, code: str) -> Any:
    return u.conn.execute(select(m.Coupon).where(m.Coupon.code == code)).mappings().first()


def _code(value: Any) -> str:
    if not isinstance(value, str) or not value or len(value) > 64 or "\x00" in value:
        raise Reject(Code.INVALID_CODE, "The event names no coupon code.")
    return value


def _short(value: Any, limit: int = 64) -> str | None:
    return value if isinstance(value, str) and len(value) <= limit and "\x00" not in value else None


def coupon_issued(u: Unit, ctx: DeviceContext, event: EventIn, outcome: Outcome) -> Outcome:
    record = event.data.get("coupon")
    if not isinstance(record, dict):
        raise Reject(Code.INVALID_EVENT, "coupon_issued carries no coupon record.")
    code = _code(record.get("code"))
    member_id = record.get("member_id")
    owner = u.resolve(member_id) if isinstance(member_id, str) else None
    if isinstance(member_id, str) and owner is None:
        raise Reject(Code.UNKNOWN_MEMBER, f"No member {member_id} on the server.")
    text = json.dumps(record, sort_keys=True, ensure_ascii=False)
    prior = _coupon(u, code)
    if prior is not None:
        if prior["record"] == text:
            return Outcome("noted", message="coupon already known")
        raise Reject(Code.INVALID_EVENT, f"Coupon {code} was already issued differently.")
    check_entries(u, event, set())
    u.conn.execute(
        m.Coupon.__table__.insert().values(
            code=code,
            member_id=owner.id if owner is not None else None,
            record=text,
            status="issued",
            issued_store_id=event.store_id,
            redeemed_at=None,
            redeemed_receipt=None,
            redeemed_store_id=None,
            voided_at=None,
            void_reason=None,
            updated_at=u.now,
            **_coupon_terms(record, event.created_at),
        )
    )
    u.changes.add(("coupon", code))
    post_entries(u, ctx, event, outcome)
    return outcome


def _coupon_terms(record: dict[str, Any], fallback: datetime) -> dict[str, Any]:
    """Kind, face value and issue time from the till's record (for the chain reports)."""
    value = record.get("value_fen")
    try:
        issued = datetime.fromisoformat(record["issued_at"]) if record.get("issued_at") else None
    except (TypeError, ValueError):
        issued = None
    if issued is None or issued.tzinfo is None:
        issued = fallback
    return {
        "kind": _short(record.get("kind"), 24),
        "value_fen": value if isinstance(value, int) and not isinstance(value, bool) else None,
        "issued_at": issued,
    }


def coupon_redeemed(u: Unit, ctx: DeviceContext, event: EventIn, outcome: Outcome) -> Outcome:
    code = _code(event.data.get("code"))
    check_entries(u, event, set())
    post_entries(u, ctx, event, outcome)
    receipt = _short(event.data.get("receipt_no"))
    amount = event.data.get("amount_fen")
    member_id = _short(event.data.get("member_id"), 40)
    coupon = _coupon(u, code)
    u.add(
        m.CouponUse,
        code=code,
        event_id=event.event_id,
        store_id=event.store_id,
        receipt_no=receipt,
        member_id=member_id,
        amount_fen=amount if isinstance(amount, int) and not isinstance(amount, bool) else None,
        at=event.created_at,
        restored=False,
    )
    detail = {"code": code, "receipt_no": receipt, "store_id": event.store_id}
    if coupon is None:
        # The goods left the store; a manager finds out why the coupon is unknown.
        open_case(u, "unknown_coupon", member_id=member_id, event=event, detail=detail)
        outcome.conflicts.append("unknown_coupon")
        return outcome
    if coupon["status"] == "issued":
        u.conn.execute(
            update(m.Coupon)
            .where(m.Coupon.code == code)
            .values(
                status="redeemed",
                redeemed_at=event.created_at,
                redeemed_receipt=receipt,
                redeemed_store_id=event.store_id,
                updated_at=u.now,
            )
        )
    elif not (
        coupon["status"] == "redeemed"
        and coupon["redeemed_receipt"] == receipt
        and coupon["redeemed_store_id"] == event.store_id
    ):
        # Redeemed twice (two stores offline) or after it was voided: both sales stand.
        kind = "coupon_double_redeemed" if coupon["status"] == "redeemed" else "void_coupon_used"
        first = {
            "first_store_id": coupon["redeemed_store_id"],
            "first_receipt_no": coupon["redeemed_receipt"],
            "value_fen": json.loads(coupon["record"]).get("value_fen"),
        }
        open_case(u, kind, member_id=coupon["member_id"], event=event, detail={**detail, **first})
        outcome.conflicts.append(kind)
    u.changes.add(("coupon", code))
    return outcome


def coupon_restored(u: Unit, ctx: DeviceContext, event: EventIn, outcome: Outcome) -> Outcome:
    code = _code(event.data.get("code"))
    receipt = _short(event.data.get("receipt_no"))
    coupon = _coupon(u, code)
    if coupon is None:
        raise Reject(Code.INVALID_CODE, f"No coupon {code} on the server.")
    check_entries(u, event, set())
    post_entries(u, ctx, event, outcome)
    u.conn.execute(
        update(m.CouponUse)
        .where(
            m.CouponUse.code == code,
            m.CouponUse.store_id == event.store_id,
            m.CouponUse.receipt_no == receipt,
        )
        .values(restored=True)
    )
    if coupon["redeemed_receipt"] == receipt and coupon["redeemed_store_id"] == event.store_id:
        other = (
            u.conn.execute(
                select(m.CouponUse)
                .where(m.CouponUse.code == code, m.CouponUse.restored.is_(False))
                .order_by(m.CouponUse.id)
                .limit(1)
            )
            .mappings()
            .first()
        )
        # Back to issued, unless another store's redemption of it still stands.
        values: dict[str, Any] = {
            "redeemed_at": None if other is None else other["at"],
            "redeemed_receipt": None if other is None else other["receipt_no"],
            "redeemed_store_id": None if other is None else other["store_id"],
        }
        if other is None and coupon["status"] == "redeemed":
            values["status"] = "issued"
        u.conn.execute(
            update(m.Coupon).where(m.Coupon.code == code).values(**values, updated_at=u.now)
        )
    u.changes.add(("coupon", code))
    return outcome


def coupon_voided(u: Unit, ctx: DeviceContext, event: EventIn, outcome: Outcome) -> Outcome:
    code = _code(event.data.get("code"))
    if _coupon(u, code) is None:
        raise Reject(Code.INVALID_CODE, f"No coupon {code} on the server.")
    check_entries(u, event, set())  # voiding a points voucher gives its points back
    post_entries(u, ctx, event, outcome)
    u.conn.execute(
        update(m.Coupon)
        .where(m.Coupon.code == code)
        .values(
            status="void",
            voided_at=event.created_at,
            void_reason=_short(event.data.get("reason"), 500),
            updated_at=u.now,
        )
    )
    u.changes.add(("coupon", code))
    return outcome


def noted(u: Unit, ctx: DeviceContext, event: EventIn, outcome: Outcome) -> Outcome:
    return Outcome("noted")


Handler = Callable[[Unit, DeviceContext, EventIn, Outcome], Outcome]
HANDLERS: dict[str, Handler] = {
    "member_enrolled": enrol,
    "member_imported": enrol,
    "member_updated": update_member,
    "points_earned": points_event,
    "points_redeemed": points_event,
    "receipt_refunded": points_event,
    "points_expired": points_event,
    "points_adjusted": points_event,
    "coupon_issued": coupon_issued,
    "coupon_redeemed": coupon_redeemed,
    "coupon_restored": coupon_restored,
    "coupon_voided": coupon_voided,
    "device_registered": noted,
}


def apply_event(u: Unit, ctx: DeviceContext, raw: dict[str, Any]) -> tuple[EventIn | None, Outcome]:
    """Validate and apply one event; a refusal changes nothing and is returned as rejected."""
    try:
        event = EventIn.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return None, Outcome("rejected", Code.INVALID_EVENT, f"{where}: {first.get('msg')}")
    handler = HANDLERS.get(event.kind)
    if handler is None:
        return event, Outcome(
            "rejected", Code.INVALID_EVENT, f"This server does not know '{event.kind}' events."
        )
    try:
        return event, handler(u, ctx, event, Outcome("accepted"))
    except Reject as refusal:
        return event, Outcome("rejected", refusal.code, refusal.message)

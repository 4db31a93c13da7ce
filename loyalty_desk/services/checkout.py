"""At the till: award points for a purchase, redeem points against it, refund it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from loyalty_desk.domain.earning import EarnSituation, compute_award
from loyalty_desk.domain.errors import Code, Refusal, Refused, refuse
from loyalty_desk.domain.ids import new_id
from loyalty_desk.domain.lots import proportional_cumulative
from loyalty_desk.domain.money import check_fen, format_yuan
from loyalty_desk.domain.redemption import check_redemption, max_redeemable, points_value_fen
from loyalty_desk.domain.tiers import Tier
from loyalty_desk.domain.timeutil import as_utc, local_date, local_day_bounds
from loyalty_desk.services import activity, audit, redeem_guard, tiers
from loyalty_desk.services.coupon_issue import birthday_coupon_if_due
from loyalty_desk.services.coupon_restore import restore_used_on
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.events import Event
from loyalty_desk.services.ledger import Kind, credit, debit, restore
from loyalty_desk.services.members import member_view, resolve_member
from loyalty_desk.services.staff import StaffView, verify_manager_pin
from loyalty_desk.services.usecase import use_case
from loyalty_desk.services.views import MemberView
from loyalty_desk.store.models import (
    LedgerEntry,
    Member,
    Receipt,
    Redemption,
    Refund,
    table_of,
)

RECEIPT_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_\-./:#]{0,63}$")
FUTURE_TOLERANCE = timedelta(minutes=5)


class _DryRun(Exception):
    """Carries a preview out of a transaction that must not commit."""

    def __init__(self, result: Any) -> None:
        super().__init__("dry run")
        self.result = result


def check_receipt_no(receipt_no: str) -> str:
    text = receipt_no.strip()
    if not RECEIPT_PATTERN.match(text):
        raise refuse(
            Code.INVALID_RECEIPT,
            "'{receipt_no}' is not a receipt number (1–64 letters, digits or - _ . / : #).",
            receipt_no=receipt_no,
        )
    return text


def check_amount(amount_fen: int, what: str = "amount") -> int:
    checked = check_fen(amount_fen, what)
    if isinstance(checked, Refusal):
        raise Refused(checked)
    return checked


def business_time(desk: Desk, at: datetime | None) -> datetime:
    """When the sale happened: now, or a past moment for a receipt entered after the fact."""
    now = desk.now()
    if at is None:
        return now
    moment = as_utc(at.replace(tzinfo=desk.tz) if at.tzinfo is None else at)
    if moment > now + FUTURE_TOLERANCE:
        raise refuse(Code.INVALID_TIME, "{at} is in the future.", at=at.isoformat())
    limit = desk.rules_at(now).limits.max_backdate_days
    if moment < now - timedelta(days=limit):
        raise refuse(
            Code.INVALID_TIME,
            "{at} is more than {limit} days ago; such receipts need an adjustment.",
            at=at.isoformat(),
            limit=limit,
        )
    return moment


_LEDGER = table_of(LedgerEntry)
_RECEIPTS = table_of(Receipt)
# Statements on the award path are built once and run on the connection (Core): the ORM
# layer costs more than the query itself here.
_EARNED_TODAY = select(func.coalesce(func.sum(_LEDGER.c.points), 0)).where(
    _LEDGER.c.member_id == bindparam("member"),
    _LEDGER.c.kind == Kind.EARN.value,
    _LEDGER.c.occurred_at >= bindparam("start"),
    _LEDGER.c.occurred_at < bindparam("end"),
)
_NEW_RECEIPT = insert(_RECEIPTS)
_PRIOR_RECEIPT = select(_RECEIPTS).where(
    _RECEIPTS.c.store_id == bindparam("store"), _RECEIPTS.c.receipt_no == bindparam("receipt")
)


def earned_today(session: Session, desk: Desk, member_id: str, at: datetime) -> int:
    start, end = local_day_bounds(at, desk.tz)
    total = (
        session.connection()
        .execute(_EARNED_TODAY, {"member": member_id, "start": start, "end": end})
        .scalar()
    )
    return int(total or 0)


@dataclass(frozen=True, slots=True)
class EarnResult:
    member: MemberView
    receipt_no: str
    paid_fen: int
    points_awarded: int
    breakdown: dict[str, Any]
    referral_points: int  # the new member's welcome bonus, on a referred first purchase
    referrer_points: int
    upgraded_to: Tier | None
    replayed: bool  # the same earn was already recorded: nothing new was awarded
    preview: bool = False
    birthday_coupon: str | None = None  # issued at the first visit of the birthday month

    def to_json(self) -> dict[str, Any]:
        return {
            **self.member.to_json(),
            "receipt_no": self.receipt_no,
            "amount_fen": self.paid_fen,
            "points_awarded": self.points_awarded,
            "breakdown": self.breakdown,
            "referral_points": self.referral_points,
            "referrer_points": self.referrer_points,
            "upgraded_to": str(self.upgraded_to) if self.upgraded_to else None,
            "replayed": self.replayed,
            "birthday_coupon": self.birthday_coupon,
        }


@use_case
def earn(
    desk: Desk,
    member_ref: str,
    receipt_no: str,
    amount_fen: int,
    *,
    at: datetime | None = None,
    cashier_id: str | None = None,
    dry_run: bool = False,
) -> EarnResult:
    """Award points for a receipt. Repeating the same earn returns the first result."""
    receipt_no = check_receipt_no(receipt_no)
    paid = check_amount(amount_fen)
    when = business_time(desk, at)
    try:
        with desk.write() as s:
            member = resolve_member(s, member_ref)
            prior = (
                s.connection()
                .execute(_PRIOR_RECEIPT, {"store": desk.info.store_id, "receipt": receipt_no})
                .first()
            )
            if prior is not None:
                if prior.member_id == member.id and prior.paid_fen == paid:
                    return _replayed_earn(s, desk, member, prior)
                raise refuse(
                    Code.RECEIPT_ALREADY_EARNED,
                    "Receipt {receipt_no} already earned points ({paid_yuan} yuan); it cannot "
                    "earn again.",
                    details={"receipt_no": receipt_no},
                    receipt_no=receipt_no,
                    paid_yuan=format_yuan(prior.paid_fen),
                )
            result = _earn(s, desk, member, receipt_no, paid, when, cashier_id, dry_run)
            if dry_run:
                raise _DryRun(result)
            return result
    except _DryRun as preview:
        outcome: EarnResult = preview.result
        return outcome


def _replayed_earn(s: Session, desk: Desk, member: Member, prior: Any) -> EarnResult:
    return EarnResult(
        member=member_view(s, desk, member),
        receipt_no=prior.receipt_no,
        paid_fen=prior.paid_fen,
        points_awarded=prior.earned_points,
        breakdown=dict(prior.breakdown),
        referral_points=0,
        referrer_points=0,
        upgraded_to=None,
        replayed=True,
    )


def _earn(
    s: Session,
    desk: Desk,
    member: Member,
    receipt_no: str,
    paid: int,
    when: datetime,
    cashier_id: str | None,
    dry_run: bool,
) -> EarnResult:
    rules = desk.rules_at(when)
    first = member.first_purchase_at is None
    situation = EarnSituation(
        paid_fen=paid,
        tier=Tier(member.tier),
        first_purchase=first,
        birthday_month=(
            member.birthday is not None and member.birthday.month == local_date(when, desk.tz).month
        ),
        earned_today=earned_today(s, desk, member.id, when),
    )
    award = compute_award(rules, situation)
    event = Event(s, "points_earned", when, desk.info.store_id, desk.info.device_id)
    common: dict[str, Any] = {
        "occurred_at": when,
        "rule_version": rules.version,
        "receipt_no": receipt_no,
        "cashier_id": cashier_id,
    }
    entry = credit(
        desk,
        event,
        member,
        Kind.EARN,
        award.awarded_points,
        amount_fen=paid,
        detail=award.to_json(),
        **common,
    )
    referral_points = referrer_points = 0
    if first and member.referrer_id and not member.referral_rewarded:
        referrer = s.get(Member, member.referrer_id)
        if referrer is not None and referrer.merged_into is None:
            referral_points = rules.referral.new_member_points
            referrer_points = rules.referral.referrer_points
            credit(
                desk,
                event,
                member,
                Kind.REFERRAL,
                referral_points,
                reason="referred member's first purchase",
                **common,
            )
            credit(
                desk,
                event,
                referrer,
                Kind.REFERRAL,
                referrer_points,
                reason=f"referred {member.code}'s first purchase",
                **common,
            )
        member.referral_rewarded = True
    if member.first_purchase_at is None:
        member.first_purchase_at = when
    if member.last_visit_at is None or when > member.last_visit_at:
        member.last_visit_at = when
    receipt_id = new_id()
    s.connection().execute(
        _NEW_RECEIPT,
        {
            "id": receipt_id,
            "store_id": desk.info.store_id,
            "receipt_no": receipt_no,
            "member_id": member.id,
            "paid_fen": paid,
            "refunded_fen": 0,
            "earned_points": award.awarded_points,
            "reversed_points": 0,
            "earn_entry_id": entry.id,
            "occurred_at": when,
            "breakdown": award.to_json(),
        },
    )
    upgraded = tiers.upgrade_after_purchase(s, desk, member, when, receipt_no)
    if upgraded is not None:
        s.connection().execute(
            update(_RECEIPTS).where(_RECEIPTS.c.id == receipt_id).values(upgraded_to=upgraded.value)
        )
    activity.after_fact(s, desk, member.id, when, purchase_fen=paid, resolved=True)
    event.data = {"receipt_no": receipt_no, "amount_fen": paid, "member_id": member.id}
    event.seal()
    birthday = birthday_coupon_if_due(s, desk, member, when)
    return EarnResult(
        member=member_view(s, desk, member),
        receipt_no=receipt_no,
        paid_fen=paid,
        points_awarded=award.awarded_points,
        breakdown=award.to_json(),
        referral_points=referral_points,
        referrer_points=referrer_points,
        upgraded_to=upgraded,
        replayed=False,
        preview=dry_run,
        birthday_coupon=birthday.code if birthday else None,
    )


@dataclass(frozen=True, slots=True)
class RedeemLimits:
    balance: int
    min_points: int
    max_points: int  # what this receipt allows: balance and the receipt share
    fen_per_point: int


@use_case
def redemption_limits(desk: Desk, member_ref: str, receipt_amount_fen: int) -> RedeemLimits:
    """What the redeem spinner may offer for this member and receipt."""
    amount = check_amount(receipt_amount_fen, "receipt amount")
    rules = desk.rules_at(desk.now())
    with desk.read() as s:
        member = resolve_member(s, member_ref)
        return RedeemLimits(
            balance=member.balance,
            min_points=rules.redemption.min_points,
            max_points=max_redeemable(rules, member.balance, amount),
            fen_per_point=rules.redemption.fen_per_point,
        )


@dataclass(frozen=True, slots=True)
class RedeemResult:
    member: MemberView
    receipt_no: str
    points_redeemed: int
    value_fen: int
    replayed: bool
    preview: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            **self.member.to_json(),
            "receipt_no": self.receipt_no,
            "points_redeemed": self.points_redeemed,
            "value_fen": self.value_fen,
            "replayed": self.replayed,
        }


@use_case
def redeem(
    desk: Desk,
    member_ref: str,
    receipt_no: str,
    points: int,
    receipt_amount_fen: int,
    *,
    at: datetime | None = None,
    cashier_id: str | None = None,
    dry_run: bool = False,
) -> RedeemResult:
    """Spend points against a receipt: 100 points = 10 yuan, oldest points first.

    A till registered with a server first holds the points there; without an answer the
    offline limits apply (services/redeem_guard.py)."""
    receipt_no = check_receipt_no(receipt_no)
    amount = check_amount(receipt_amount_fen, "receipt amount")
    if isinstance(points, bool) or not isinstance(points, int):
        raise refuse(Code.INVALID_POINTS, "Points are a whole number.")
    when = business_time(desk, at)
    rules = desk.rules_at(when)
    auth = redeem_guard.authorize(
        desk, member_ref, receipt_no, points, amount, when, dry_run=dry_run
    )
    committed = False
    try:
        with desk.write() as s:
            member = resolve_member(s, member_ref)
            prior = s.scalars(
                select(Redemption).where(
                    Redemption.store_id == desk.info.store_id,
                    Redemption.receipt_no == receipt_no,
                )
            ).first()
            if prior is not None:
                if prior.member_id == member.id and prior.points == points:
                    return RedeemResult(
                        member_view(s, desk, member),
                        receipt_no,
                        prior.points,
                        prior.value_fen,
                        replayed=True,
                    )
                raise refuse(
                    Code.RECEIPT_ALREADY_REDEEMED,
                    "Receipt {receipt_no} already has {points} points redeemed.",
                    details={"receipt_no": receipt_no},
                    receipt_no=receipt_no,
                    points=prior.points,
                )
            problem = check_redemption(rules, points, member.balance, amount)
            if problem is not None:
                raise Refused(problem)
            redeem_guard.check_offline(s, desk, member, points, when, auth)
            value = points_value_fen(rules, points)
            event = Event(s, "points_redeemed", when, desk.info.store_id, desk.info.device_id)
            entry = debit(
                desk,
                event,
                member,
                Kind.REDEEM,
                points,
                occurred_at=when,
                rule_version=rules.version,
                receipt_no=receipt_no,
                amount_fen=amount,
                cashier_id=cashier_id,
                detail={"value_fen": value},
                offline=auth.offline,
            )
            s.add(
                Redemption(
                    id=new_id(),
                    store_id=desk.info.store_id,
                    receipt_no=receipt_no,
                    member_id=member.id,
                    points=points,
                    value_fen=value,
                    receipt_amount_fen=amount,
                    restored_points=0,
                    entry_id=entry.id,
                    occurred_at=when,
                    offline=auth.offline,
                )
            )
            if member.last_visit_at is None or when > member.last_visit_at:
                member.last_visit_at = when
            event.data = {
                "receipt_no": receipt_no,
                "receipt_amount_fen": amount,
                "value_fen": value,
                "member_id": member.id,
            }
            if auth.hold_id is not None:
                event.data["hold_id"] = auth.hold_id
            event.seal()
            result = RedeemResult(
                member_view(s, desk, member),
                receipt_no,
                points,
                value,
                replayed=False,
                preview=dry_run,
            )
            if dry_run:
                raise _DryRun(result)
        committed = True
        return result
    except _DryRun as preview:
        outcome: RedeemResult = preview.result
        return outcome
    finally:
        if not committed:
            auth.release(desk)


@dataclass(frozen=True, slots=True)
class RefundResult:
    member: MemberView
    receipt_no: str
    refunded_fen: int
    refundable_left_fen: int
    points_reversed: int
    points_restored: int
    tier_after: Tier | None  # set when the refund undid an upgrade
    approved_by: str | None
    preview: bool = False
    coupons_restored: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            **self.member.to_json(),
            "receipt_no": self.receipt_no,
            "refunded_fen": self.refunded_fen,
            "refundable_left_fen": self.refundable_left_fen,
            "points_reversed": self.points_reversed,
            "points_restored": self.points_restored,
            "tier_after": str(self.tier_after) if self.tier_after else None,
            "approved_by": self.approved_by,
            "coupons_restored": list(self.coupons_restored),
        }


@use_case
def refund(
    desk: Desk,
    receipt_no: str,
    amount_fen: int | None = None,
    *,
    manager_pin: str | None = None,
    manager_name: str | None = None,
    at: datetime | None = None,
    cashier_id: str | None = None,
    dry_run: bool = False,
) -> RefundResult:
    """Refund all or part of a receipt: earned points go back in proportion, redeemed
    points come back into their original lots; a reversal the balance cannot cover leaves
    a flagged negative balance."""
    receipt_no = check_receipt_no(receipt_no)
    if amount_fen is not None:
        check_amount(amount_fen, "refund amount")
    when = business_time(desk, at)
    rules = desk.rules_at(when)
    approver: StaffView | None = None
    if rules.approvals.refund_needs_manager and not dry_run:
        verdict = verify_manager_pin(desk, manager_pin, manager_name)
        if isinstance(verdict, Refusal):
            raise Refused(verdict)
        approver = verdict
    try:
        with desk.write() as s:
            result = _refund(s, desk, receipt_no, amount_fen, when, approver, cashier_id)
            if dry_run:
                raise _DryRun(result)
            return result
    except _DryRun as preview:
        outcome: RefundResult = preview.result
        return RefundResult(**{**_fields(outcome), "preview": True})


def _fields(result: RefundResult) -> dict[str, Any]:
    return {name: getattr(result, name) for name in RefundResult.__dataclass_fields__}


def _refund(
    s: Session,
    desk: Desk,
    receipt_no: str,
    amount_fen: int | None,
    when: datetime,
    approver: StaffView | None,
    cashier_id: str | None,
) -> RefundResult:
    store = desk.info.store_id
    receipt = s.scalars(
        select(Receipt).where(Receipt.store_id == store, Receipt.receipt_no == receipt_no)
    ).first()
    redemption = s.scalars(
        select(Redemption).where(Redemption.store_id == store, Redemption.receipt_no == receipt_no)
    ).first()
    if receipt is None and redemption is None:
        raise refuse(
            Code.UNKNOWN_RECEIPT,
            "No points were earned or redeemed on receipt {receipt_no}.",
            receipt_no=receipt_no,
        )
    refunded_before = sum(
        s.scalars(
            select(Refund.amount_fen).where(
                Refund.store_id == store, Refund.receipt_no == receipt_no
            )
        )
    )
    if receipt is not None:
        base = receipt.paid_fen
    else:
        assert redemption is not None
        base = redemption.receipt_amount_fen - redemption.value_fen
    left = base - refunded_before
    if left <= 0:
        raise refuse(
            Code.RECEIPT_FULLY_REFUNDED,
            "Receipt {receipt_no} is already fully refunded.",
            receipt_no=receipt_no,
        )
    amount = left if amount_fen is None else amount_fen
    if amount > left:
        raise refuse(
            Code.REFUND_EXCEEDS_PAID,
            "Only {left_yuan} yuan of receipt {receipt_no} is left to refund (paid {base_yuan}).",
            details={"refundable_fen": left},
            left_yuan=format_yuan(left),
            receipt_no=receipt_no,
            base_yuan=format_yuan(base),
        )
    cumulative = refunded_before + amount
    member_id = receipt.member_id if receipt is not None else redemption.member_id  # type: ignore[union-attr]
    member = s.get(Member, member_id)
    assert member is not None
    rules = desk.rules_at(when)
    event = Event(s, "receipt_refunded", when, desk.info.store_id, desk.info.device_id)
    common: dict[str, Any] = {
        "occurred_at": when,
        "rule_version": rules.version,
        "receipt_no": receipt_no,
        "amount_fen": amount,
        "cashier_id": cashier_id,
    }
    restored = 0
    if redemption is not None:
        target = proportional_cumulative(redemption.points, cumulative, base)
        restored = target - redemption.restored_points
        if restored > 0:
            restore(
                desk,
                event,
                member,
                restored,
                redemption.entry_id,
                reason="refund: redeemed points restored",
                **common,
            )
            redemption.restored_points = target
    reversed_points = 0
    tier_after: Tier | None = None
    if receipt is not None:
        target = proportional_cumulative(receipt.earned_points, cumulative, base)
        reversed_points = target - receipt.reversed_points
        if reversed_points > 0:
            debit(
                desk,
                event,
                member,
                Kind.REVERSAL,
                reversed_points,
                first_lot=receipt.earn_entry_id,
                allow_debt=True,
                reverses_id=receipt.earn_entry_id,
                reason="refund: earned points reversed",
                **common,
            )
            receipt.reversed_points = target
        receipt.refunded_fen = cumulative
        s.flush()
        tier_after = tiers.after_refund(s, desk, member, receipt, when)
    s.add(
        Refund(
            id=new_id(),
            store_id=store,
            receipt_no=receipt_no,
            member_id=member.id,
            amount_fen=amount,
            points_reversed=reversed_points,
            points_restored=restored,
            occurred_at=when,
            approved_by=approver.id if approver else None,
        )
    )
    if receipt is not None:
        activity.after_fact(s, desk, member.id, when)
    event.data = {"receipt_no": receipt_no, "refund_fen": amount, "member_id": member.id}
    event.seal()
    # The coupon used on the receipt comes back once the whole receipt is refunded: after a
    # partial refund the purchase that kept the coupon's discount still stands.
    coupons_restored: list[str] = []
    if cumulative >= base:
        coupons_restored = restore_used_on(
            s, desk, receipt_no, when, approved_by=approver.id if approver else None
        )
    audit.record(
        s,
        desk,
        "refund",
        actor=approver.name if approver else None,
        subject=receipt_no,
        detail={
            "member": member.code,
            "amount_fen": amount,
            "points_reversed": reversed_points,
            "points_restored": restored,
            "negative_balance": member.balance < 0,
            "coupons_restored": coupons_restored,
        },
    )
    return RefundResult(
        member=member_view(s, desk, member),
        receipt_no=receipt_no,
        refunded_fen=amount,
        refundable_left_fen=base - cumulative,
        points_reversed=reversed_points,
        points_restored=restored,
        tier_after=tier_after,
        approved_by=approver.name if approver else None,
        coupons_restored=tuple(coupons_restored),
    )

"""Coupon use cases: issue by hand, exchange points, redeem at checkout, restore, void, list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from loyalty_desk.domain.coupons import (
    PROMOTION_KINDS,
    CodeCheck,
    Kind,
    Status,
    check_code,
    check_exchange,
    check_use,
    code_refusal,
    discount_fen,
    normalise_code,
    parse_kind,
    points_voucher_terms,
    promotion_terms,
)
from loyalty_desk.domain.errors import Code, Refused, refuse
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.services import audit
from loyalty_desk.services.checkout import check_amount, check_receipt_no
from loyalty_desk.services.coupon_issue import add_coupon, issue_coupon, unused_code
from loyalty_desk.services.coupon_keys import known_keys
from loyalty_desk.services.coupon_restore import restore_used_on, used_on
from loyalty_desk.services.coupon_views import (
    CouponView,
    coupon_record,
    coupon_state,
    coupon_view,
)
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.events import Event
from loyalty_desk.services.ledger import Kind as EntryKind
from loyalty_desk.services.ledger import debit, restore
from loyalty_desk.services.members import member_view, resolve_member
from loyalty_desk.services.staff import StaffView, verify_manager_pin
from loyalty_desk.services.usecase import use_case
from loyalty_desk.services.views import MemberView
from loyalty_desk.store.models import Coupon, LedgerEntry, Member

REASON_LENGTH = (3, 200)


class _DryRun(Exception):
    def __init__(self, result: Any) -> None:
        super().__init__("dry run")
        self.result = result


def _approve(desk: Desk, needed: bool, pin: str | None, name: str | None) -> StaffView | None:
    if not needed:
        return None
    verdict = verify_manager_pin(desk, pin, name)
    if not isinstance(verdict, StaffView):
        raise Refused(verdict)
    return verdict


def _kind(text: str) -> Kind:
    kind = parse_kind(text)
    if kind is None:
        names = ", ".join(k.value for k in Kind)
        raise refuse(
            Code.INVALID_COUPON_KIND,
            "'{text}' is not a coupon kind ({names}).",
            text=text,
            names=names,
        )
    return kind


def _reason(text: str) -> str:
    why = " ".join(text.split())
    low, high = REASON_LENGTH
    if not low <= len(why) <= high:
        raise refuse(
            Code.INVALID_REASON, "Give a reason ({low}–{high} characters).", low=low, high=high
        )
    return why


def find_coupon(session: Session, text: str) -> Coupon:
    """The coupon a typed or scanned code names, or a refusal that says what is wrong.

    A mistyped or forged code is refused before any lookup. A coupon row on this till is
    trusted as it is (issued here, or pulled from the server); a genuine code without a row
    was issued in another store and has not arrived yet.
    """
    code = normalise_code(text)
    verdict = check_code(code, known_keys(session))
    if verdict in (CodeCheck.NOT_A_COUPON, CodeCheck.MISTYPED):
        raise Refused(code_refusal(text, verdict))
    row = session.get(Coupon, code)
    if row is not None:
        return row
    if verdict is CodeCheck.GENUINE:
        raise refuse(
            Code.UNKNOWN_COUPON,
            "This coupon is genuine but has not reached this till yet (it was issued in another "
            "store); sync the till and try again.",
            details={"coupon_code": code},
        )
    raise Refused(code_refusal(text, verdict))


def _final_member_id(session: Session, member_id: str | None) -> str | None:
    """A merged member's coupons belong to the member it was merged into."""
    hops = 0
    while member_id is not None and hops < 5:
        member = session.get(Member, member_id)
        if member is None or not member.merged_into:
            break
        member_id = member.merged_into
        hops += 1
    return member_id


# -- issuing -------------------------------------------------------------------------------


@use_case
def issue(
    desk: Desk,
    member_ref: str | None,
    kind: str,
    *,
    manager_pin: str | None = None,
    manager_name: str | None = None,
) -> CouponView:
    """A manager hands out a promotion coupon, to one member or to the bearer (member_ref None)."""
    chosen = _kind(kind)
    if chosen not in PROMOTION_KINDS:
        raise refuse(
            Code.INVALID_COUPON_KIND,
            "A points voucher is bought with the member's points: exchange points instead.",
        )
    now = desk.now()
    rules = desk.rules_at(now)
    terms = promotion_terms(rules.coupons, chosen, local_date(now, desk.tz))
    if terms.value_fen <= 0:
        raise refuse(
            Code.INVALID_COUPON_KIND,
            "The {lower} is switched off in rule version {version}.",
            lower=chosen.label_en.lower(),
            version=rules.version,
        )
    approver = _approve(desk, rules.approvals.issue_coupon_needs_manager, manager_pin, manager_name)
    with desk.write() as s:
        member = resolve_member(s, member_ref) if member_ref is not None else None
        row = issue_coupon(
            s,
            desk,
            member,
            terms,
            now,
            rule_version=rules.version,
            reason="manager",
            approved_by=approver.id if approver else None,
        )
        audit.record(
            s,
            desk,
            "coupon.issue",
            actor=approver.name if approver else None,
            subject=row.code,
            detail={"kind": chosen.value, "member": member.code if member else None},
        )
        return coupon_view(s, desk, row)


@dataclass(frozen=True, slots=True)
class ExchangeResult:
    coupon: CouponView
    points: int
    member: MemberView

    def to_json(self) -> dict[str, Any]:
        return {
            "coupon": self.coupon.to_json(),
            "points_exchanged": self.points,
            "member": self.member.to_json(),
        }


@use_case
def exchange_points(
    desk: Desk, member_ref: str, points: int, *, cashier_id: str | None = None
) -> ExchangeResult:
    """The member turns N points into a cash voucher of N/10 yuan (one transaction)."""
    if isinstance(points, bool) or not isinstance(points, int):
        raise refuse(Code.INVALID_POINTS, "Points are a whole number.")
    now = desk.now()
    rules = desk.rules_at(now)
    with desk.write() as s:
        member = resolve_member(s, member_ref)
        problem = check_exchange(rules.redemption, points, member.balance)
        if problem is not None:
            raise Refused(problem)
        terms = points_voucher_terms(
            rules.coupons, rules.redemption, points, local_date(now, desk.tz)
        )
        event = Event(s, "coupon_issued", now, desk.info.store_id, desk.info.device_id)
        code = unused_code(s, desk)
        entry = debit(
            desk,
            event,
            member,
            EntryKind.REDEEM,
            points,
            occurred_at=now,
            rule_version=rules.version,
            cashier_id=cashier_id,
            reason="points exchanged for a voucher",
            detail={"value_fen": terms.value_fen, "coupon": code},
        )
        row = add_coupon(
            s, desk, event, member, terms, rule_version=rules.version, entry_id=entry.id, code=code
        )
        if member.last_visit_at is None or now > member.last_visit_at:
            member.last_visit_at = now
        event.data = {"coupon": coupon_record(row), "reason": "points exchange"}
        event.seal()
        return ExchangeResult(coupon_view(s, desk, row), points, member_view(s, desk, member))


# -- redeeming -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CouponRedemption:
    coupon: CouponView
    receipt_no: str
    amount_fen: int
    discount_fen: int
    replayed: bool
    preview: bool = False

    @property
    def to_pay_fen(self) -> int:
        return self.amount_fen - self.discount_fen

    def to_json(self) -> dict[str, Any]:
        return {
            "coupon": self.coupon.to_json(),
            "receipt_no": self.receipt_no,
            "amount_fen": self.amount_fen,
            "discount_fen": self.discount_fen,
            "to_pay_fen": self.to_pay_fen,
            "replayed": self.replayed,
            "preview": self.preview,
        }


@use_case
def redeem(
    desk: Desk,
    code: str,
    receipt_no: str,
    amount_fen: int,
    member_ref: str | None = None,
    *,
    cashier_id: str | None = None,
    dry_run: bool = False,
) -> CouponRedemption:
    """Use a coupon on a receipt: signature, dates, member, minimum spend, single use.

    `dry_run` checks everything and reports the discount without using the coupon (the
    checkout screen shows it before the cashier confirms). Repeating a redemption of the same
    coupon on the same receipt returns the first result.
    """
    receipt_no = check_receipt_no(receipt_no)
    amount = check_amount(amount_fen, "receipt amount")
    now = desk.now()
    store = desk.info.store_id
    try:
        with desk.write() as s:
            row = find_coupon(s, code)
            member = resolve_member(s, member_ref) if member_ref else None
            if (
                row.status == Status.REDEEMED.value
                and row.redeemed_store_id == store
                and row.redeemed_receipt == receipt_no
            ):
                view = coupon_view(s, desk, row)
                return CouponRedemption(
                    view, receipt_no, amount, discount_fen(coupon_state(desk, row), amount), True
                )
            if used_on(s, desk, receipt_no):
                raise refuse(
                    Code.RECEIPT_HAS_COUPON,
                    "Receipt {receipt_no} already has a coupon; one coupon per receipt.",
                    details={"receipt_no": receipt_no},
                    receipt_no=receipt_no,
                )
            owner = _final_member_id(s, row.member_id)
            matches = owner is None or (member is not None and member.id == owner)
            state = coupon_state(desk, row)
            problem = check_use(
                state,
                local_date(now, desk.tz),
                amount,
                matches,
                member_given=member is not None,
            )
            if problem is not None:
                raise Refused(problem)
            discount = discount_fen(state, amount)
            event = Event(s, "coupon_redeemed", now, store, desk.info.device_id)
            row.status = Status.REDEEMED.value
            row.redeemed_at = now
            row.redeemed_receipt = receipt_no
            row.redeemed_store_id = store
            row.changed_seq = event.device_seq
            event.data = {
                "code": row.code,
                "receipt_no": receipt_no,
                "amount_fen": amount,
                "discount_fen": discount,
                "member_id": owner or (member.id if member else None),
                "cashier_id": cashier_id,
            }
            event.seal()
            result = CouponRedemption(
                coupon_view(s, desk, row), receipt_no, amount, discount, False, preview=dry_run
            )
            if dry_run:
                raise _DryRun(result)
            return result
    except _DryRun as preview:
        outcome: CouponRedemption = preview.result
        return outcome


@use_case
def restore_for_receipt(
    desk: Desk,
    receipt_no: str,
    *,
    manager_pin: str | None = None,
    manager_name: str | None = None,
) -> list[CouponView]:
    """Give back the coupon of a refunded receipt on which no points were earned or spent.

    (A refund through checkout.refund gives the coupon back by itself once the receipt is
    fully refunded.)
    """
    receipt_no = check_receipt_no(receipt_no)
    now = desk.now()
    rules = desk.rules_at(now)
    approver = _approve(desk, rules.approvals.refund_needs_manager, manager_pin, manager_name)
    with desk.write() as s:
        codes = restore_used_on(
            s, desk, receipt_no, now, approved_by=approver.id if approver else None
        )
        if not codes:
            raise refuse(
                Code.COUPON_NOT_USED,
                "No coupon was used on receipt {receipt_no} in this store.",
                receipt_no=receipt_no,
            )
        audit.record(
            s,
            desk,
            "coupon.restore",
            actor=approver.name if approver else None,
            subject=receipt_no,
            detail={"codes": codes},
        )
        return [
            coupon_view(s, desk, row)
            for row in s.scalars(select(Coupon).where(Coupon.code.in_(codes)).order_by(Coupon.code))
        ]


@use_case
def void(
    desk: Desk,
    code: str,
    reason: str,
    *,
    manager_pin: str | None = None,
    manager_name: str | None = None,
) -> CouponView:
    """A manager cancels an unused coupon; a points voucher gives its points back."""
    why = _reason(reason)
    now = desk.now()
    rules = desk.rules_at(now)
    approver = _approve(desk, rules.approvals.void_coupon_needs_manager, manager_pin, manager_name)
    with desk.write() as s:
        row = find_coupon(s, code)
        problem = check_use(coupon_state(desk, row), local_date(now, desk.tz), 0, True)
        if problem is not None and problem.code in (Code.COUPON_VOID, Code.COUPON_ALREADY_USED):
            raise Refused(problem)
        entry = s.get(LedgerEntry, row.entry_id) if row.entry_id else None
        if row.kind == Kind.POINTS.value and entry is None:
            raise refuse(
                Code.INVALID_COUPON_KIND,
                "A points voucher is cancelled in the store that issued it ({issued_store_id}), "
                "where its points are given back.",
                issued_store_id=row.issued_store_id,
            )
        event = Event(s, "coupon_voided", now, desk.info.store_id, desk.info.device_id)
        if entry is not None:
            member = s.get(Member, entry.member_id)
            assert member is not None
            restore(
                desk,
                event,
                member,
                -entry.points,
                entry.id,
                occurred_at=now,
                rule_version=rules.version,
                cashier_id=approver.id if approver else None,
                reason="voucher cancelled: points given back",
                detail={"coupon": row.code},
            )
        row.status = Status.VOID.value
        row.voided_at = now
        row.void_reason = why
        row.voided_by = approver.id if approver else None
        row.changed_seq = event.device_seq
        event.data = {
            "code": row.code,
            "reason": why,
            "approved_by": approver.id if approver else None,
        }
        event.seal()
        audit.record(
            s,
            desk,
            "coupon.void",
            actor=approver.name if approver else None,
            subject=row.code,
            detail={"reason": why, "kind": row.kind},
        )
        return coupon_view(s, desk, row)


# -- reading -------------------------------------------------------------------------------


@use_case
def show(desk: Desk, code: str) -> CouponView:
    with desk.read() as s:
        return coupon_view(s, desk, find_coupon(s, code))


@use_case
def list_for_member(desk: Desk, member_ref: str, *, usable_only: bool = False) -> list[CouponView]:
    """A member's coupons: unused first, then by issue time, newest first."""
    today = local_date(desk.now(), desk.tz)
    with desk.read() as s:
        member = resolve_member(s, member_ref)
        ids = [member.id, *s.scalars(select(Member.id).where(Member.merged_into == member.id))]
        rows = s.scalars(
            select(Coupon)
            .where(Coupon.member_id.in_(ids))
            .order_by(
                case((Coupon.status == Status.ISSUED.value, 0), else_=1),
                Coupon.issued_at.desc(),
                Coupon.code,
            )
        )
        views = [coupon_view(s, desk, row) for row in rows]
    return [v for v in views if v.usable_on(today)] if usable_only else views

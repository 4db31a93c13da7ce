"""Rendering paper for the member from the till's data: vouchers, points slips, member cards.

The GUI and the CLI call these; `loyalty_desk.vouchers` draws, this module knows the data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from loyalty_desk.domain.coupons import Kind
from loyalty_desk.domain.earning import Bonus
from loyalty_desk.domain.errors import Code, Refusal, Refused, passed_on, refuse
from loyalty_desk.domain.people import mask_phone
from loyalty_desk.domain.redemption import points_value_fen
from loyalty_desk.domain.tiers import Tier
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.services.checkout import check_receipt_no
from loyalty_desk.services.coupon_views import days_of
from loyalty_desk.services.coupons import find_coupon
from loyalty_desk.services.desk import Desk, read_setting, write_setting
from loyalty_desk.services.members import EXPIRING_WINDOW, resolve_member
from loyalty_desk.services.printer_choice import PRINTER_SETTING, PrinterChoice, to_setting
from loyalty_desk.services.settings import check_printer
from loyalty_desk.services.usecase import use_case
from loyalty_desk.store.models import Coupon, Member, PointLot, Receipt
from loyalty_desk.vouchers import escpos, pdf
from loyalty_desk.vouchers.content import CardContent, SlipContent, VoucherContent

Progress = Callable[[int, int], None]


class Format(StrEnum):
    PDF = "pdf"
    ESCPOS = "escpos"


PageSize = pdf.PageSize
QrMode = escpos.QrMode
WIDTHS = tuple(escpos.PAPERS)

_BONUS_NOTES = {  # (English, Chinese)
    Bonus.FIRST_PURCHASE.value: ("First purchase: points ×5", "首单5倍积分"),
    Bonus.BIG_TICKET.value: ("￥1,000 or more: points ×2", "满1000元积分翻倍"),
    Bonus.BIRTHDAY.value: ("Birthday month: points ×2", "生日双倍积分"),
}


def paper_in_english(session: Session) -> bool:
    """Paper follows the store's language; a store that follows the PC prints Chinese,
    as its customers read it (the GUI may be English for the staff)."""
    return bool(read_setting(session, "language") == "en")


def _tier_label(tier: str, english: bool) -> str:
    t = Tier(tier)
    return t.value.capitalize() if english else t.label_zh


def _bonus_note(bonus: object, english: bool) -> str | None:
    note = _BONUS_NOTES.get(str(bonus)) if bonus else None
    if note is None:
        return None
    return note[0] if english else note[1]


@dataclass(frozen=True, slots=True)
class Layout:
    """How to render: PDF page size, or thermal paper width and QR mode."""

    format: Format = Format.PDF
    page: pdf.PageSize = pdf.PageSize.RECEIPT_80
    width_mm: int = 80
    qr: escpos.QrMode = escpos.QrMode.NATIVE


@use_case
def choose_layout(fmt: str, page: str = "80mm", width_mm: int = 80, qr: str = "native") -> Layout:
    try:
        return Layout(Format(fmt), pdf.PageSize(page), width_mm, escpos.QrMode(qr))
    except ValueError:
        pass
    if width_mm not in WIDTHS:
        raise refuse(
            Code.INVALID_FORMAT,
            "Thermal paper is 58 or 80 mm wide, not {width_mm}.",
            width_mm=width_mm,
        )
    raise refuse(
        Code.INVALID_FORMAT,
        "Render as pdf (page 80mm or a6) or escpos (QR native or image), not {fmt}/{page}/{qr}.",
        fmt=fmt,
        page=page,
        qr=qr,
    )


def store_name(desk: Desk) -> str:
    return desk.info.store_name


def voucher_content(session: Session, desk: Desk, row: Coupon) -> VoucherContent:
    member = session.get(Member, row.member_id) if row.member_id else None
    first, last = days_of(desk, row)
    return VoucherContent(
        code=row.code,
        kind=Kind(row.kind),
        value_fen=row.value_fen,
        min_spend_fen=row.min_spend_fen,
        first_day=first,
        last_day=last,
        store_name=store_name(desk),
        phone_masked=mask_phone(member.phone) if member else None,
        english=paper_in_english(session),
    )


def _render_voucher(content: VoucherContent, layout: Layout) -> bytes:
    if layout.format is Format.PDF:
        return pdf.voucher_pdf(content, layout.page)
    return escpos.voucher_job(content, layout.width_mm, layout.qr)


@use_case
def render_voucher(desk: Desk, code: str, layout: Layout | None = None) -> bytes:
    """One voucher as PDF or ESC/POS bytes."""
    chosen = layout or Layout()
    with desk.read() as s:
        content = voucher_content(s, desk, find_coupon(s, code))
    return _render_voucher(content, chosen)


@use_case
def voucher_contents(desk: Desk, codes: Sequence[str]) -> list[VoucherContent]:
    with desk.read() as s:
        return [voucher_content(s, desk, find_coupon(s, code)) for code in codes]


def render_batch(
    contents: Sequence[VoucherContent], layout: Layout, progress: Progress | None = None
) -> bytes:
    """Many vouchers as one multi-page PDF or one thermal job, reporting progress."""
    if layout.format is Format.PDF:
        return pdf.batch_pdf(contents, layout.page, progress)
    parts = []
    for done, content in enumerate(contents, start=1):
        parts.append(escpos.voucher_job(content, layout.width_mm, layout.qr))
        if progress is not None:
            progress(done, len(contents))
    return escpos.jobs(parts)


# -- points slip ---------------------------------------------------------------------------


def _expiring(session: Session, member_id: str, now: datetime) -> tuple[int, Any]:
    points, first = session.execute(
        select(func.coalesce(func.sum(PointLot.remaining), 0), func.min(PointLot.expires_at)).where(
            PointLot.member_id == member_id,
            PointLot.remaining > 0,
            PointLot.expires_at > now,
            PointLot.expires_at <= now + EXPIRING_WINDOW,
        )
    ).one()
    return int(points or 0), first


@use_case
def slip_content(desk: Desk, receipt_no: str) -> SlipContent:
    """The slip for a receipt that earned points here: earned, balance, expiring soon."""
    receipt_no = check_receipt_no(receipt_no)
    now = desk.now()
    with desk.read() as s:
        receipt = s.scalars(
            select(Receipt).where(
                Receipt.store_id == desk.info.store_id, Receipt.receipt_no == receipt_no
            )
        ).first()
        if receipt is None:
            raise refuse(
                Code.UNKNOWN_RECEIPT,
                "No points were earned on receipt {receipt_no}.",
                receipt_no=receipt_no,
            )
        member = s.get(Member, receipt.member_id)
        assert member is not None
        expiring, first_expiry = _expiring(s, member.id, now)
        bonus = receipt.breakdown.get("bonus")
        new_coupons = tuple(
            s.scalars(
                select(Coupon.code).where(
                    Coupon.member_id == member.id,
                    Coupon.kind == Kind.BIRTHDAY.value,
                    Coupon.issued_at == receipt.occurred_at,
                )
            )
        )
        rules = desk.rules_at(now)
        english = paper_in_english(s)
        return SlipContent(
            store_name=store_name(desk),
            printed_at=receipt.occurred_at.astimezone(desk.tz).strftime("%Y-%m-%d %H:%M"),
            receipt_no=receipt.receipt_no,
            paid_fen=receipt.paid_fen,
            member_code=member.code,
            phone_masked=mask_phone(member.phone),
            tier_label=_tier_label(member.tier, english),
            points_earned=receipt.earned_points,
            bonus_note=_bonus_note(bonus, english),
            balance=member.balance,
            balance_value_fen=points_value_fen(rules, max(0, member.balance)),
            expiring_points=expiring,
            expiring_by=local_date(first_expiry, desk.tz) if first_expiry else None,
            new_coupons=new_coupons,
            english=english,
        )


@use_case
def render_slip(desk: Desk, receipt_no: str, layout: Layout | None = None) -> bytes:
    chosen = layout or Layout()
    content = slip_content(desk, receipt_no)
    if isinstance(content, Refusal):
        raise Refused(content)
    if chosen.format is Format.PDF:
        return pdf.slip_pdf(content)
    return escpos.slip_job(content, chosen.width_mm, chosen.qr)


# -- member card ---------------------------------------------------------------------------


@use_case
def card_content(desk: Desk, member_ref: str) -> CardContent:
    with desk.read() as s:
        member = resolve_member(s, member_ref)
        english = paper_in_english(s)
        return CardContent(
            store_name=store_name(desk),
            member_name=member.name,
            member_code=member.code,
            phone_masked=mask_phone(member.phone),
            tier_label=_tier_label(member.tier, english),
            since=local_date(member.created_at, desk.tz),
            english=english,
        )


@use_case
def render_card(desk: Desk, member_ref: str, layout: Layout | None = None) -> bytes:
    chosen = layout or Layout()
    content = card_content(desk, member_ref)
    if isinstance(content, Refusal):
        raise Refused(content)
    if chosen.format is Format.PDF:
        return pdf.card_pdf(content)
    return escpos.card_job(content, chosen.width_mm, chosen.qr)


@use_case
def render_test_page(desk: Desk, layout: Layout | None = None) -> bytes:
    """A sample member card under the store's name: checks paper width, Chinese text and
    the QR code on the chosen printer before the first customer comes."""
    chosen = layout or Layout()
    with desk.read() as s:
        english = paper_in_english(s)
    content = CardContent(
        store_name=store_name(desk),
        member_name="打印测试 Test print",
        member_code="800000000008",
        phone_masked=mask_phone("13800000000"),
        tier_label=_tier_label(Tier.GOLD, english),
        since=local_date(desk.now(), desk.tz),
        english=english,
    )
    if chosen.format is Format.PDF:
        return pdf.card_pdf(content)
    return escpos.card_job(content, chosen.width_mm, chosen.qr)


# -- the printer chosen in settings --------------------------------------------------------


@use_case
def save_printer_choice(desk: Desk, choice: PrinterChoice) -> PrinterChoice:
    """The printer alone (the first-run wizard): checked, and a thermal one opened once."""
    choice = check_printer(choice)
    if choice.width_mm not in WIDTHS:
        raise refuse(
            Code.INVALID_FORMAT,
            "Thermal paper is 58 or 80 mm wide, not {width_mm}.",
            width_mm=choice.width_mm,
        )
    if choice.thermal:
        if not choice.target:
            raise refuse(Code.PRINTER_UNAVAILABLE, "Choose how the thermal printer is connected.")
        try:
            escpos.open_printer(choice.connection).close()
        except escpos.PrinterError as exc:
            raise passed_on(Code.PRINTER_UNAVAILABLE, str(exc)) from exc
    with desk.write() as s:
        write_setting(s, PRINTER_SETTING, to_setting(choice))
    return choice


@use_case
def print_thermal(desk: Desk, job: bytes, target: str) -> int:
    """Send an ESC/POS job; returns the bytes sent, or PRINTER_UNAVAILABLE with the reason."""
    try:
        escpos.send(job, target)
    except escpos.PrinterError as exc:
        raise passed_on(Code.PRINTER_UNAVAILABLE, str(exc)) from exc
    return len(job)

"""What goes on the paper, as plain values: one source for the PDF and the thermal printer.

Money is printed with the full-width yuan sign ￥ (U+FFE5): it is in every Chinese printer
font (GB18030 A3A4), where the half-width ¥ (U+00A5) is not and would print as garbage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from loyalty_desk.domain.coupons import Kind, condition_zh, group_code
from loyalty_desk.domain.money import format_yuan

YUAN = "￥"


def yuan(fen: int) -> str:
    """￥20 / ￥12.50: whole yuan without decimals, as shoppers read a voucher."""
    text = format_yuan(fen)
    return YUAN + (text[:-3] if text.endswith(".00") else text)


def grouped_digits(code: str) -> str:
    return group_code(code)


@dataclass(frozen=True, slots=True)
class VoucherContent:
    code: str
    kind: Kind
    value_fen: int
    min_spend_fen: int
    first_day: date
    last_day: date
    store_name: str
    phone_masked: str | None  # None: a bearer voucher

    @property
    def title(self) -> str:
        return self.kind.label_zh

    @property
    def value_text(self) -> str:
        return yuan(self.value_fen)

    @property
    def condition_text(self) -> str:
        return condition_zh(self.min_spend_fen, self.value_fen)

    @property
    def validity_text(self) -> str:
        return f"有效期 {self.first_day.isoformat()} 至 {self.last_day.isoformat()}"

    @property
    def holder_text(self) -> str:
        if self.phone_masked is None:
            return "不记名券 · 凭券使用"
        return f"会员专用 {self.phone_masked}"

    @property
    def code_text(self) -> str:
        return grouped_digits(self.code)

    @property
    def terms(self) -> tuple[str, ...]:
        return (
            "每张小票限用一张，不找零，不兑换现金。",
            "整单退货时券退回，有效期不变。",
            "出示二维码或报券号给收银员。",
        )


@dataclass(frozen=True, slots=True)
class SlipContent:
    """The points slip handed over with the receipt: what was earned and what is left."""

    store_name: str
    printed_at: str  # store-local "2026-03-10 10:00"
    receipt_no: str
    paid_fen: int
    member_code: str
    phone_masked: str
    tier_label: str
    points_earned: int
    bonus_note: str | None  # e.g. "首单5倍积分"
    balance: int
    balance_value_fen: int
    expiring_points: int
    expiring_by: date | None
    new_coupons: tuple[str, ...] = ()  # e.g. the birthday coupon issued at this visit

    @property
    def rows(self) -> tuple[tuple[str, str], ...]:
        rows = [
            ("小票号", self.receipt_no),
            ("实付金额", yuan(self.paid_fen)),
            ("会员", f"{self.phone_masked} {self.tier_label}"),
            ("本次积分", f"+{self.points_earned}"),
        ]
        if self.bonus_note:
            rows.append(("积分规则", self.bonus_note))
        rows.append(("积分余额", f"{self.balance}（可抵{yuan(self.balance_value_fen)}）"))
        if self.expiring_points > 0 and self.expiring_by is not None:
            rows.append(("即将到期", f"{self.expiring_points}分 {self.expiring_by.isoformat()}前"))
        return tuple(rows)

    @property
    def footer(self) -> tuple[str, ...]:
        lines = ["100积分抵10元 · 积分有效期1年", "下次到店出示二维码即可识别会员"]
        if self.new_coupons:
            lines.insert(0, f"本次获赠优惠券 {len(self.new_coupons)} 张，请向收银员索取")
        return tuple(lines)


@dataclass(frozen=True, slots=True)
class CardContent:
    """A member card: the member's QR code is the member code itself."""

    store_name: str
    member_name: str
    member_code: str
    phone_masked: str
    tier_label: str
    since: date

    @property
    def code_text(self) -> str:
        code = self.member_code
        return f"{code[:3]} {code[3:6]} {code[6:]}"

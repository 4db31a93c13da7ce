"""What goes on the paper, as plain values: one source for the PDF and the thermal printer.

Money is printed with the full-width yuan sign ￥ (U+FFE5): it is in every Chinese printer
font (GB18030 A3A4), where the half-width ¥ (U+00A5) is not and would print as garbage.

Paper speaks the store's language (Settings): Chinese unless the store chose English
(`english=True`, set by services.vouchers). Every text a renderer prints comes from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from loyalty_desk.domain.coupons import Kind, condition_en, condition_zh, group_code
from loyalty_desk.domain.money import format_yuan

YUAN = "￥"


def yuan(fen: int) -> str:
    """￥20 / ￥12.50: whole yuan without decimals, as shoppers read a voucher."""
    text = format_yuan(fen)
    return YUAN + (text[:-3] if text.endswith(".00") else text)


def grouped_digits(code: str) -> str:
    return group_code(code)


class _Bilingual:
    english: bool

    def say(self, en: str, zh: str) -> str:
        return en if self.english else zh


@dataclass(frozen=True)
class VoucherContent(_Bilingual):
    code: str
    kind: Kind
    value_fen: int
    min_spend_fen: int
    first_day: date
    last_day: date
    store_name: str
    phone_masked: str | None  # None: a bearer voucher
    english: bool = False

    @property
    def title(self) -> str:
        return self.say(self.kind.label_en, self.kind.label_zh)

    @property
    def value_text(self) -> str:
        return yuan(self.value_fen)

    @property
    def condition_text(self) -> str:
        if self.english:
            return condition_en(self.min_spend_fen, self.value_fen)
        return condition_zh(self.min_spend_fen, self.value_fen)

    @property
    def validity_text(self) -> str:
        first, last = self.first_day.isoformat(), self.last_day.isoformat()
        return self.say(f"Valid {first} to {last}", f"有效期 {first} 至 {last}")

    @property
    def holder_text(self) -> str:
        if self.phone_masked is None:
            return self.say("Bearer voucher · for whoever holds it", "不记名券 · 凭券使用")
        return self.say(f"For member {self.phone_masked}", f"会员专用 {self.phone_masked}")

    @property
    def code_text(self) -> str:
        return grouped_digits(self.code)

    @property
    def terms(self) -> tuple[str, ...]:
        return (
            self.say(
                "One per receipt; no change given; not exchangeable for cash.",
                "每张小票限用一张，不找零，不兑换现金。",
            ),
            self.say(
                "Refunding the whole receipt gives the voucher back, valid as before.",
                "整单退货时券退回，有效期不变。",
            ),
            self.say(
                "Show the QR code or tell the cashier the number.", "出示二维码或报券号给收银员。"
            ),
        )


@dataclass(frozen=True)
class SlipContent(_Bilingual):
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
    english: bool = False

    @property
    def heading(self) -> str:
        return self.say("Points slip", "会员积分小票")

    @property
    def document_title(self) -> str:
        return self.say(f"Points slip {self.receipt_no}", f"积分小票 {self.receipt_no}")

    @property
    def code_line(self) -> str:
        return self.say(f"Member {self.member_code}", f"会员号 {self.member_code}")

    @property
    def rows(self) -> tuple[tuple[str, str], ...]:
        say = self.say
        rows = [
            (say("Receipt", "小票号"), self.receipt_no),
            (say("Paid", "实付金额"), yuan(self.paid_fen)),
            (say("Member", "会员"), f"{self.phone_masked} {self.tier_label}"),
            (say("Points earned", "本次积分"), f"+{self.points_earned}"),
        ]
        if self.bonus_note:
            rows.append((say("Bonus", "积分规则"), self.bonus_note))
        worth = yuan(self.balance_value_fen)
        rows.append(
            (
                say("Balance", "积分余额"),
                say(f"{self.balance} (worth {worth})", f"{self.balance}（可抵{worth}）"),
            )
        )
        if self.expiring_points > 0 and self.expiring_by is not None:
            n, by = self.expiring_points, self.expiring_by.isoformat()
            rows.append((say("Expiring", "即将到期"), say(f"{n} by {by}", f"{n}分 {by}前")))
        return tuple(rows)

    @property
    def footer(self) -> tuple[str, ...]:
        lines = [
            self.say(
                "100 points = ￥10 off · points last one year", "100积分抵10元 · 积分有效期1年"
            ),
            self.say(
                "Show the QR code next time to be recognised", "下次到店出示二维码即可识别会员"
            ),
        ]
        if self.new_coupons:
            n = len(self.new_coupons)
            lines.insert(
                0,
                self.say(
                    f"{n} coupon(s) given with this purchase: ask the cashier",
                    f"本次获赠优惠券 {n} 张，请向收银员索取",
                ),
            )
        return tuple(lines)


@dataclass(frozen=True)
class CardContent(_Bilingual):
    """A member card: the member's QR code is the member code itself."""

    store_name: str
    member_name: str
    member_code: str
    phone_masked: str
    tier_label: str
    since: date
    english: bool = False

    @property
    def heading(self) -> str:
        return self.say("Member card", "会员卡")

    @property
    def document_title(self) -> str:
        return self.say(f"Member card {self.member_code}", f"会员卡 {self.member_code}")

    @property
    def since_text(self) -> str:
        day = self.since.isoformat()
        return self.say(f"Member since {day}", f"入会 {day}")

    @property
    def code_text(self) -> str:
        code = self.member_code
        return f"{code[:3]} {code[3:6]} {code[6:]}"

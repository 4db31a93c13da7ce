"""The manager KPIs, computed from a period's raw totals (pure: any database can supply them).

Definitions (a period is store-local days; "as of" is the period's end, or now if sooner):
- members total: members who had joined by the end; merged duplicate accounts never count.
- new: joined during the period. active: made at least one purchase (receipt) in it.
- repurchase rate: members with ≥ 2 purchases in the period / active members.
- churn: members active in the previous period with no purchase in this one, as a share of
  the previous period's active members.
- member sales: what members paid on their receipts of the period (after coupons and points);
  refunds made during the period are shown apart, and net sales = sales − refunds.
- average ticket: member sales / receipts (rounded half up to the fen).
- share of member sales: member sales / the store's total sales, which the till does not know
  (non-members' receipts are not recorded): only shown when the caller supplies it.
- points issued: EARN, REFERRAL, BONUS and positive ADJUST entries; reversed: earned points
  taken back by refunds; redeemed: REDEEM (restored: redeemed points given back by refunds);
  expired: EXPIRE; adjusted out: negative ADJUST.
- redemption rate: (redeemed − restored) / (issued − reversed) within the period.
- outstanding: the ledger balance of all members at the period's end, and its value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

from loyalty_desk.domain.money import round_half_up
from loyalty_desk.domain.timeutil import add_months

RATE_PLACES = Decimal("0.0001")


class Unit(StrEnum):
    COUNT = "count"
    FEN = "fen"
    POINTS = "points"
    RATE = "rate"  # a share, 0..1


@dataclass(frozen=True, slots=True)
class PeriodTotals:
    """What the database adds up for one period."""

    members_total: int
    members_new: int
    members_active: int
    repeat_members: int
    churned: int  # active in the period before this one, not in this one
    previously_active: int
    receipts: int
    sales_fen: int
    refunds_fen: int
    points_issued: int
    points_reversed: int
    points_redeemed: int
    points_restored: int
    points_expired: int
    points_adjusted_out: int
    outstanding_points: int
    outstanding_value_fen: int


@dataclass(frozen=True, slots=True)
class Visits:
    """Who bought in a period and in the one just before it (distinct members)."""

    active: int  # members with a purchase in the period
    repeat: int  # … with two or more
    previously_active: int  # members with a purchase in the period before
    previously_repeat: int
    churned: int  # active before, not now


CREDIT_KINDS = ("EARN", "REFERRAL", "BONUS")


@dataclass(frozen=True, slots=True)
class PointFlows:
    """The points a period's ledger entries moved, split as the KPIs need them."""

    issued: int = 0
    reversed: int = 0
    redeemed: int = 0
    restored: int = 0
    expired: int = 0
    adjusted_out: int = 0

    @classmethod
    def of(cls, gained: Mapping[str, int], lost: Mapping[str, int]) -> PointFlows:
        """From the points gained and lost per entry kind: issued are the credits and the
        positive adjustments, reversed the refunds' take-backs, restored what refunds gave
        back of a redemption, adjusted out the negative adjustments."""
        return cls(
            issued=sum(gained.get(k, 0) for k in CREDIT_KINDS) + gained.get("ADJUST", 0),
            reversed=lost.get("REVERSAL", 0),
            redeemed=lost.get("REDEEM", 0),
            restored=gained.get("REVERSAL", 0),
            expired=lost.get("EXPIRE", 0),
            adjusted_out=lost.get("ADJUST", 0),
        )


def period_totals(
    *,
    members: tuple[int, int],
    visits: Visits,
    receipts: tuple[int, int],
    refunds_fen: int,
    flows: PointFlows,
    outstanding_points: int,
    outstanding_value_fen: int,
    previous: bool,
) -> PeriodTotals:
    """A period's totals: `members` is (joined by the end, joined in it), `receipts` is
    (count, paid fen). For the period before (`previous`) the visits' earlier half counts,
    and there is no churn (nothing before it was looked at)."""
    v = visits
    return PeriodTotals(
        members_total=members[0],
        members_new=members[1],
        members_active=v.previously_active if previous else v.active,
        repeat_members=v.previously_repeat if previous else v.repeat,
        churned=0 if previous else v.churned,
        previously_active=0 if previous else v.previously_active,
        receipts=receipts[0],
        sales_fen=receipts[1],
        refunds_fen=refunds_fen,
        points_issued=flows.issued,
        points_reversed=flows.reversed,
        points_redeemed=flows.redeemed,
        points_restored=flows.restored,
        points_expired=flows.expired,
        points_adjusted_out=flows.adjusted_out,
        outstanding_points=outstanding_points,
        outstanding_value_fen=outstanding_value_fen,
    )


def ratio(numerator: int, denominator: int) -> Decimal | None:
    """A share rounded half up to 4 places; None when there is nothing to divide by."""
    if denominator <= 0:
        return None
    exact = Fraction(numerator, denominator)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        RATE_PLACES, rounding=ROUND_HALF_UP
    )


def per(numerator: int, denominator: int) -> int | None:
    """An average in whole units (fen), rounded half up."""
    if denominator <= 0:
        return None
    return round_half_up(Decimal(numerator) / Decimal(denominator))


Value = int | Decimal | None


@dataclass(frozen=True, slots=True)
class KpiLine:
    key: str
    label_en: str
    label_zh: str
    unit: Unit
    current: Value
    previous: Value

    @property
    def change(self) -> Value:
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def change_ratio(self) -> Decimal | None:
        """Relative change (0.25 = +25%); only for amounts and counts, not for rates."""
        if self.unit is Unit.RATE or self.current is None or self.previous is None:
            return None
        assert isinstance(self.current, int) and isinstance(self.previous, int)
        if self.previous == 0:
            return None
        return ratio(self.current - self.previous, abs(self.previous))

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label_en,
            "label_zh": self.label_zh,
            "unit": str(self.unit),
            "current": _json(self.current),
            "previous": _json(self.previous),
            "change": _json(self.change),
            "change_ratio": _json(self.change_ratio),
        }


def _json(value: Value) -> Any:
    # Rates go out as numbers rounded to 4 places; amounts stay exact integers.
    return float(value) if isinstance(value, Decimal) else value


# key, English, Chinese, unit, how it is computed from a period's totals
_LINES: tuple[tuple[str, str, str, Unit], ...] = (
    ("members_total", "Members", "会员总数", Unit.COUNT),
    ("members_new", "New members", "新增会员", Unit.COUNT),
    ("members_active", "Active members", "活跃会员", Unit.COUNT),
    ("repurchase_rate", "Repurchase rate", "复购率", Unit.RATE),
    ("churn_rate", "Churn", "流失率", Unit.RATE),
    ("receipts", "Member receipts", "会员小票数", Unit.COUNT),
    ("sales_fen", "Member sales", "会员销售额", Unit.FEN),
    ("refunds_fen", "Refunds", "退款", Unit.FEN),
    ("net_sales_fen", "Net member sales", "会员净销售额", Unit.FEN),
    ("average_ticket_fen", "Average ticket", "客单价", Unit.FEN),
    ("member_sales_share", "Share of store sales", "会员销售占比", Unit.RATE),
    ("points_issued", "Points issued", "发放积分", Unit.POINTS),
    ("points_redeemed", "Points redeemed", "兑换积分", Unit.POINTS),
    ("points_expired", "Points expired", "过期积分", Unit.POINTS),
    ("points_reversed", "Points reversed (refunds)", "退款扣回积分", Unit.POINTS),
    ("points_restored", "Points restored (refunds)", "退款退还积分", Unit.POINTS),
    ("points_adjusted_out", "Points adjusted out", "人工扣减积分", Unit.POINTS),
    ("redemption_rate", "Redemption rate", "积分兑换率", Unit.RATE),
    ("outstanding_points", "Outstanding points", "未兑换积分", Unit.POINTS),
    ("outstanding_value_fen", "Points liability", "积分负债", Unit.FEN),
)


def derived(totals: PeriodTotals, store_sales_fen: int | None) -> dict[str, Value]:
    t = totals
    values: dict[str, Value] = {f.name: getattr(t, f.name) for f in fields(PeriodTotals)}
    values["repurchase_rate"] = ratio(t.repeat_members, t.members_active)
    values["churn_rate"] = ratio(t.churned, t.previously_active)
    values["net_sales_fen"] = t.sales_fen - t.refunds_fen
    values["average_ticket_fen"] = per(t.sales_fen, t.receipts)
    values["member_sales_share"] = (
        ratio(t.sales_fen, store_sales_fen) if store_sales_fen is not None else None
    )
    values["redemption_rate"] = ratio(
        t.points_redeemed - t.points_restored, t.points_issued - t.points_reversed
    )
    return values


def kpi_lines(
    current: PeriodTotals,
    previous: PeriodTotals,
    *,
    store_sales_fen: int | None = None,
    previous_store_sales_fen: int | None = None,
) -> tuple[KpiLine, ...]:
    now = derived(current, store_sales_fen)
    before = derived(previous, previous_store_sales_fen)
    return tuple(KpiLine(key, en, zh, unit, now[key], before[key]) for key, en, zh, unit in _LINES)


# -- the parts of a KPI report beside the lines ----------------------------------------------


def expiry_months(first: date, last: date) -> list[tuple[date, date]]:
    """(first day, first day of the next month) of every month from `first`'s to `last`'s:
    the buckets of the points liability by the month the points expire in."""
    out: list[tuple[date, date]] = []
    month, end = first.replace(day=1), last.replace(day=1)
    while month <= end:
        nxt = add_months(month, 1)
        out.append((month, nxt))
        month = nxt
    return out


@dataclass(frozen=True, slots=True)
class LiabilityMonth:
    month: date  # first day of the store-local month the points expire in
    points: int
    value_fen: int

    def to_json(self) -> dict[str, Any]:
        return {"month": f"{self.month:%Y-%m}", "points": self.points, "value_fen": self.value_fen}


@dataclass(frozen=True, slots=True)
class CouponLine:
    kind: str
    issued: int
    used: int
    issued_used: int
    use_rate: Decimal | None  # of the coupons issued in the period, the share used by now
    discount_fen: int

    @classmethod
    def of(
        cls, kind: str, issued: int, used: int, issued_used: int, discount_fen: int
    ) -> CouponLine:
        return cls(kind, issued, used, issued_used, ratio(issued_used, issued), discount_fen)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "issued": self.issued,
            "used": self.used,
            "issued_used": self.issued_used,
            "use_rate": float(self.use_rate) if self.use_rate is not None else None,
            "discount_fen": self.discount_fen,
        }

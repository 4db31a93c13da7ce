"""The chain's business rules as one versioned, immutable value.

Defaults are DESIGN §5 (the chain's strategy papers). A rule file (TOML) overrides any part;
`rules_from_mapping` returns the RuleSet or the list of problems, never half a rule set.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from loyalty_desk.domain.errors import Code, Refusal, refusal
from loyalty_desk.domain.tiers import Tier, TierThreshold


@dataclass(frozen=True, slots=True)
class EarningRules:
    fen_per_point: int = 100  # 每消费1元获得1积分
    first_purchase_multiplier: Decimal = Decimal("5")  # 首单5倍积分
    big_ticket_fen: int = 100_000  # 消费满1000元积分翻倍
    big_ticket_multiplier: Decimal = Decimal("2")
    birthday_multiplier: Decimal = Decimal("2")  # 生日双倍积分
    daily_cap_points: int = 5_000  # 单日累计积分不超过5000


@dataclass(frozen=True, slots=True)
class TierRules:
    regular_multiplier: Decimal = Decimal("1.0")
    silver_multiplier: Decimal = Decimal("1.2")
    gold_multiplier: Decimal = Decimal("1.5")
    diamond_multiplier: Decimal = Decimal("2.0")
    silver_min_spend_fen: int = 200_000
    silver_min_purchases: int = 2
    gold_min_spend_fen: int = 1_000_000  # 累计消费1万元+复购5次升级金卡
    gold_min_purchases: int = 5
    diamond_min_spend_fen: int = 3_000_000
    diamond_min_purchases: int = 10
    term_months: int = 12
    grace_months: int = 3  # 等级延保
    grace_min_purchases: int = 6

    def multiplier(self, tier: Tier) -> Decimal:
        return {
            Tier.REGULAR: self.regular_multiplier,
            Tier.SILVER: self.silver_multiplier,
            Tier.GOLD: self.gold_multiplier,
            Tier.DIAMOND: self.diamond_multiplier,
        }[tier]

    @property
    def thresholds(self) -> tuple[TierThreshold, ...]:
        return (
            TierThreshold(Tier.SILVER, self.silver_min_spend_fen, self.silver_min_purchases),
            TierThreshold(Tier.GOLD, self.gold_min_spend_fen, self.gold_min_purchases),
            TierThreshold(Tier.DIAMOND, self.diamond_min_spend_fen, self.diamond_min_purchases),
        )

    def grace_applies(self, tier: Tier) -> bool:
        return tier in (Tier.GOLD, Tier.DIAMOND)


@dataclass(frozen=True, slots=True)
class ReferralRules:
    referrer_points: int = 200
    new_member_points: int = 300


@dataclass(frozen=True, slots=True)
class RedemptionRules:
    fen_per_point: int = 10  # 100积分抵10元
    min_points: int = 100
    max_share_percent: int = 50  # at most half of the receipt


@dataclass(frozen=True, slots=True)
class ExpiryRules:
    months: int = 12  # 积分有效期1年


@dataclass(frozen=True, slots=True)
class OfflineRules:
    """Bounds on spending points while the till cannot reach the server (DESIGN §4)."""

    daily_cap_points: int = 2_000
    max_consecutive_redemptions: int = 3
    max_sync_age_hours: int = 24


@dataclass(frozen=True, slots=True)
class ApprovalRules:
    adjust_needs_manager: bool = True
    refund_needs_manager: bool = True
    void_coupon_needs_manager: bool = True
    issue_coupon_needs_manager: bool = True  # handing out a promotion coupon by hand


@dataclass(frozen=True, slots=True)
class LimitRules:
    max_backdate_days: int = 90  # how far back `--at` may record a sale
    max_adjust_points: int = 1_000_000


@dataclass(frozen=True, slots=True)
class SegmentRules:
    core_min_spend_fen: int = 500_000
    core_min_purchases: int = 4
    potential_min_spend_fen: int = 200_000
    potential_min_purchases: int = 2
    basic_min_spend_fen: int = 50_000
    basic_min_purchases: int = 1
    dormant_after_days: int = 180


@dataclass(frozen=True, slots=True)
class CouponKind:
    min_spend_fen: int
    value_fen: int
    valid_days: int  # 0: the birthday coupon, valid for the rest of the birthday month


@dataclass(frozen=True, slots=True)
class CouponRules:
    new_member: CouponKind = CouponKind(10_000, 2_000, 30)  # 满100减20
    birthday: CouponKind = CouponKind(20_000, 5_000, 0)  # 满200减50
    winback: CouponKind = CouponKind(20_000, 10_000, 30)  # 满200减100
    upsell: CouponKind = CouponKind(300_000, 50_000, 30)  # 满3000减500
    points_voucher_valid_days: int = 90


@dataclass(frozen=True, slots=True)
class RuleSet:
    version: int = 1
    earning: EarningRules = field(default_factory=EarningRules)
    tiers: TierRules = field(default_factory=TierRules)
    referral: ReferralRules = field(default_factory=ReferralRules)
    redemption: RedemptionRules = field(default_factory=RedemptionRules)
    expiry: ExpiryRules = field(default_factory=ExpiryRules)
    offline: OfflineRules = field(default_factory=OfflineRules)
    approvals: ApprovalRules = field(default_factory=ApprovalRules)
    limits: LimitRules = field(default_factory=LimitRules)
    segments: SegmentRules = field(default_factory=SegmentRules)
    coupons: CouponRules = field(default_factory=CouponRules)

    def to_mapping(self) -> dict[str, Any]:
        out: dict[str, Any] = _plain(asdict(self))
        return out


DEFAULT_RULES = RuleSet()


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return str(value)
    return value


def rules_from_mapping(
    data: Mapping[str, Any], *, base: RuleSet = DEFAULT_RULES
) -> RuleSet | list[Refusal]:
    """Overlay `data` on `base`; unknown keys and wrong types are errors, not ignored."""
    problems: list[Refusal] = []
    result = _overlay(base, data, "", problems)
    if problems:
        return problems
    assert isinstance(result, RuleSet)
    problems.extend(_check(result))
    return problems or result


def _overlay(obj: Any, data: Mapping[str, Any], path: str, problems: list[Refusal]) -> Any:
    if not isinstance(data, Mapping):
        problems.append(
            refusal(Code.INVALID_RULES, "{value} must be a table.", value=path or "rules")
        )
        return obj
    names = {f.name: f for f in fields(obj)}
    changes: dict[str, Any] = {}
    for key, raw in data.items():
        where = f"{path}.{key}" if path else key
        if key not in names:
            problems.append(refusal(Code.INVALID_RULES, "Unknown rule '{where}'.", where=where))
            continue
        current = getattr(obj, key)
        if is_dataclass(current):
            changes[key] = _overlay(current, raw, where, problems)
        else:
            value = _coerce(current, raw, where, problems)
            if value is not None:
                changes[key] = value
    return replace(obj, **changes)


def _coerce(current: Any, raw: Any, where: str, problems: list[Refusal]) -> Any:
    if isinstance(current, bool):
        if isinstance(raw, bool):
            return raw
    elif isinstance(current, int):
        if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw <= 10**12:
            return raw
    elif isinstance(current, Decimal) and isinstance(raw, (int, float, str)):
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            value = Decimal(-1)
        if value.is_finite() and Decimal(0) <= value <= Decimal(100):
            return value
    problems.append(
        refusal(
            Code.INVALID_RULES,
            "'{where}' = {raw!r} is not a valid {name} for this rule.",
            where=where,
            raw=raw,
            name=type(current).__name__,
        )
    )
    return None


def _check(rules: RuleSet) -> list[Refusal]:
    out: list[Refusal] = []
    t = rules.tiers
    if not (
        t.silver_min_spend_fen <= t.gold_min_spend_fen <= t.diamond_min_spend_fen
        and t.silver_min_purchases <= t.gold_min_purchases <= t.diamond_min_purchases
    ):
        out.append(
            refusal(Code.INVALID_RULES, "Tier thresholds must rise silver < gold < diamond.")
        )
    if rules.earning.fen_per_point <= 0 or rules.redemption.fen_per_point <= 0:
        out.append(refusal(Code.INVALID_RULES, "fen_per_point must be more than 0."))
    if not 0 < rules.redemption.max_share_percent <= 100:
        out.append(refusal(Code.INVALID_RULES, "redemption.max_share_percent must be 1–100."))
    if rules.expiry.months <= 0 or t.term_months <= 0:
        out.append(refusal(Code.INVALID_RULES, "Expiry and tier term must be at least 1 month."))
    if rules.version < 1:
        out.append(refusal(Code.INVALID_RULES, "version must be 1 or more."))
    out.extend(_check_durations(rules))
    return out


# Beyond these, dates computed from a rule leave the calendar (year 9999) and every award,
# expiry or coupon that uses the rule would fail: a century is more than any chain means.
_DURATION_LIMITS = {"months": 1_200, "days": 36_500, "hours": 876_000}


def _check_durations(rules: RuleSet) -> list[Refusal]:
    out: list[Refusal] = []

    def walk(obj: Any, path: str) -> None:
        for f in fields(obj):
            value = getattr(obj, f.name)
            where = f"{path}.{f.name}" if path else f.name
            if is_dataclass(value):
                walk(value, where)
                continue
            unit = f.name.rsplit("_", 1)[-1]
            limit = _DURATION_LIMITS.get(unit)
            if limit is not None and value > limit:
                out.append(
                    refusal(
                        Code.INVALID_RULES,
                        "'{where}' = {value} is over {limit} {unit}.",
                        where=where,
                        value=value,
                        limit=limit,
                        unit=unit,
                    )
                )

    walk(rules, "")
    return out

"""How many points a receipt earns, and why — the breakdown a cashier reads out."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from loyalty_desk.domain.money import floor_int
from loyalty_desk.domain.rules import RuleSet
from loyalty_desk.domain.tiers import Tier


class Bonus(StrEnum):
    FIRST_PURCHASE = "first_purchase"
    BIG_TICKET = "big_ticket"
    BIRTHDAY = "birthday"


@dataclass(frozen=True, slots=True)
class EarnSituation:
    paid_fen: int
    tier: Tier
    first_purchase: bool
    birthday_month: bool
    earned_today: int  # points this member already earned this store-local day


@dataclass(frozen=True, slots=True)
class AwardBreakdown:
    paid_fen: int
    base_points: int
    bonuses: tuple[Bonus, ...]  # every bonus that applied
    bonus: Bonus | None  # the one that counts: the largest (bonuses do not stack)
    bonus_multiplier: Decimal
    tier: Tier
    tier_multiplier: Decimal
    computed_points: int
    capped_points: int  # over the daily cap: reported, not awarded
    awarded_points: int
    rule_version: int

    def to_json(self) -> dict[str, object]:
        return {
            "paid_fen": self.paid_fen,
            "base_points": self.base_points,
            "bonuses": [str(b) for b in self.bonuses],
            "bonus": str(self.bonus) if self.bonus else None,
            "bonus_multiplier": str(self.bonus_multiplier),
            "tier": str(self.tier),
            "tier_multiplier": str(self.tier_multiplier),
            "computed_points": self.computed_points,
            "capped_points": self.capped_points,
            "awarded_points": self.awarded_points,
            "rule_version": self.rule_version,
        }


def compute_award(rules: RuleSet, situation: EarnSituation) -> AwardBreakdown:
    er = rules.earning
    base = situation.paid_fen // er.fen_per_point
    candidates: list[tuple[Bonus, Decimal]] = []
    if situation.first_purchase:
        candidates.append((Bonus.FIRST_PURCHASE, er.first_purchase_multiplier))
    if situation.paid_fen >= er.big_ticket_fen:
        candidates.append((Bonus.BIG_TICKET, er.big_ticket_multiplier))
    if situation.birthday_month:
        candidates.append((Bonus.BIRTHDAY, er.birthday_multiplier))
    bonus: Bonus | None = None
    bonus_multiplier = Decimal(1)
    for name, mult in candidates:
        if mult > bonus_multiplier:
            bonus, bonus_multiplier = name, mult
    tier_multiplier = rules.tiers.multiplier(situation.tier)
    computed = floor_int(Decimal(base) * bonus_multiplier * tier_multiplier)
    room = max(0, er.daily_cap_points - max(0, situation.earned_today))
    awarded = min(computed, room)
    return AwardBreakdown(
        paid_fen=situation.paid_fen,
        base_points=base,
        bonuses=tuple(name for name, _ in candidates),
        bonus=bonus,
        bonus_multiplier=bonus_multiplier,
        tier=situation.tier,
        tier_multiplier=tier_multiplier,
        computed_points=computed,
        capped_points=computed - awarded,
        awarded_points=awarded,
        rule_version=rules.version,
    )

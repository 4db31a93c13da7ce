"""The rule set: DESIGN §5 defaults, overlays from a rule file, refusals for bad files."""

from __future__ import annotations

import tomllib
from decimal import Decimal

from loyalty_desk.domain.earning import Bonus, EarnSituation, compute_award
from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.domain.rules import DEFAULT_RULES, RuleSet, rules_from_mapping
from loyalty_desk.domain.tiers import Tier


def test_defaults_are_the_strategy_papers() -> None:
    r = DEFAULT_RULES
    assert r.earning.fen_per_point == 100
    assert r.earning.first_purchase_multiplier == 5
    assert r.earning.big_ticket_fen == 100_000
    assert r.earning.daily_cap_points == 5_000
    assert r.tiers.multiplier(Tier.GOLD) == Decimal("1.5")
    assert r.redemption.fen_per_point == 10 and r.redemption.min_points == 100
    assert r.expiry.months == 12
    assert r.coupons.winback.value_fen == 10_000


def test_overlay_from_toml() -> None:
    text = """
version = 2
[earning]
daily_cap_points = 3000
birthday_multiplier = "3"
[tiers]
gold_multiplier = 1.6
"""
    rules = rules_from_mapping(tomllib.loads(text))
    assert isinstance(rules, RuleSet)
    assert rules.version == 2
    assert rules.earning.daily_cap_points == 3000
    assert rules.earning.birthday_multiplier == Decimal("3")
    assert rules.tiers.gold_multiplier == Decimal("1.6")
    assert rules.earning.fen_per_point == 100  # untouched keys keep their defaults
    assert rules_from_mapping(rules.to_mapping()) == rules


def test_bad_rule_files_list_every_problem() -> None:
    problems = rules_from_mapping(
        {"earning": {"daily_cap": 1, "fen_per_point": "x"}, "tiers": {"gold_min_spend_fen": -5}}
    )
    assert isinstance(problems, list) and len(problems) == 3
    assert all(isinstance(p, Refusal) and p.code is Code.INVALID_RULES for p in problems)
    assert isinstance(rules_from_mapping({"tiers": {"gold_min_spend_fen": 1}}), list)
    assert isinstance(rules_from_mapping({"earning": 5}), list)


def situation(paid: int, **kw: object) -> EarnSituation:
    base: dict[str, object] = {
        "paid_fen": paid,
        "tier": Tier.REGULAR,
        "first_purchase": False,
        "birthday_month": False,
        "earned_today": 0,
    }
    base.update(kw)
    return EarnSituation(**base)  # type: ignore[arg-type]


def test_award_one_point_per_full_yuan() -> None:
    assert compute_award(DEFAULT_RULES, situation(10_099)).awarded_points == 100
    assert compute_award(DEFAULT_RULES, situation(99)).awarded_points == 0


def test_bonuses_do_not_stack_the_largest_applies_then_tier() -> None:
    b = compute_award(
        DEFAULT_RULES,
        situation(200_000, tier=Tier.GOLD, first_purchase=True, birthday_month=True),
    )
    assert set(b.bonuses) == {Bonus.FIRST_PURCHASE, Bonus.BIG_TICKET, Bonus.BIRTHDAY}
    assert b.bonus is Bonus.FIRST_PURCHASE
    # 2000 base × 5 × 1.5 = 15000, capped at 5000
    assert b.computed_points == 15_000
    assert b.awarded_points == 5_000 and b.capped_points == 10_000


def test_silver_multiplier_floors() -> None:
    # 333 base × 1.2 = 399.6 -> 399
    assert compute_award(DEFAULT_RULES, situation(33_300, tier=Tier.SILVER)).awarded_points == 399


def test_daily_cap_counts_what_was_earned_today() -> None:
    b = compute_award(DEFAULT_RULES, situation(100_000, earned_today=4_500))
    assert b.computed_points == 2_000 and b.awarded_points == 500 and b.capped_points == 1_500


def test_local_rule_version_applies_from_its_date_and_is_recorded(
    desk,
    clock,
    manager,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    from datetime import timedelta

    from sqlalchemy import select

    from loyalty_desk.domain.timeutil import local_date
    from loyalty_desk.services import audit, checkout, members
    from loyalty_desk.services import rules as rule_book
    from loyalty_desk.services.usecase import unwrap
    from loyalty_desk.store.models import LedgerEntry

    rule_file = tmp_path / "rules.toml"
    rule_file.write_text('[earning]\nfirst_purchase_multiplier = "3"\n', encoding="utf-8")
    tomorrow = local_date(clock.now, desk.tz) + timedelta(days=1)
    v2 = unwrap(rule_book.publish_local(desk, rule_file, tomorrow, manager_pin=manager))
    assert v2.version == 2 and v2.rules.earning.first_purchase_multiplier == 3
    a = unwrap(members.enroll(desk, "13800000001", "A")).code
    b = unwrap(members.enroll(desk, "13800000002", "B")).code
    assert unwrap(checkout.earn(desk, a, "A1", 10_000)).points_awarded == 500  # still v1 today
    clock.advance(days=1)
    r = unwrap(checkout.earn(desk, b, "B1", 10_000))
    assert r.points_awarded == 300 and r.breakdown["rule_version"] == 2
    with desk.read() as s:
        versions = dict(s.execute(select(LedgerEntry.receipt_no, LedgerEntry.rule_version)).all())
    assert versions == {"A1": 1, "B1": 2}
    assert audit.verify(desk).ok


def test_bad_rule_files_are_refused(desk, clock, manager, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from loyalty_desk.domain.timeutil import local_date
    from loyalty_desk.services import rules as rule_book
    from tests.helpers import db_fingerprint

    today = local_date(clock.now, desk.tz)
    before = db_fingerprint(desk)
    cases = {
        "broken.toml": ("[earning\nx=1", Code.INVALID_RULES),
        "unknown.toml": ("[earning]\nfree_money = 1\n", Code.INVALID_RULES),
        "wrongtype.toml": ('[redemption]\nmin_points = "lots"\n', Code.INVALID_RULES),
    }
    for name, (text, code) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        r = rule_book.publish_local(desk, path, today, manager_pin=manager)
        assert isinstance(r, Refusal) and r.code is code, (name, r)
    missing = rule_book.publish_local(desk, tmp_path / "none.toml", today, manager_pin=manager)
    assert isinstance(missing, Refusal) and missing.code is Code.INVALID_FILE
    ok = tmp_path / "ok.toml"
    ok.write_text("[earning]\ndaily_cap_points = 100\n", encoding="utf-8")
    no_pin = rule_book.publish_local(desk, ok, today, manager_pin=None)
    assert isinstance(no_pin, Refusal) and no_pin.code is Code.MANAGER_PIN_REQUIRED
    assert db_fingerprint(desk) == before

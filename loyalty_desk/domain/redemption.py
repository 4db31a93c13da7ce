"""Spending points against a receipt: the limits a cashier's spinner is capped by."""

from __future__ import annotations

from loyalty_desk.domain.errors import Code, Refusal, refusal
from loyalty_desk.domain.money import format_yuan
from loyalty_desk.domain.rules import RuleSet


def points_value_fen(rules: RuleSet, points: int) -> int:
    return points * rules.redemption.fen_per_point


def max_redeemable(rules: RuleSet, balance: int, receipt_amount_fen: int) -> int:
    """The most points this receipt may take: the balance, and at most the receipt share."""
    rr = rules.redemption
    by_receipt = (receipt_amount_fen * rr.max_share_percent // 100) // rr.fen_per_point
    return max(0, min(balance, by_receipt))


def check_redemption(
    rules: RuleSet, points: int, balance: int, receipt_amount_fen: int
) -> Refusal | None:
    rr = rules.redemption
    if points <= 0:
        return refusal(Code.INVALID_POINTS, "Choose how many points to redeem (more than 0).")
    if points < rr.min_points:
        return refusal(
            Code.BELOW_MINIMUM,
            "At least {min_points} points can be redeemed at a time.",
            details={"minimum": rr.min_points},
            min_points=rr.min_points,
        )
    if points > balance:
        return refusal(
            Code.INSUFFICIENT_POINTS,
            "The member has {balance} points; {points} cannot be redeemed.",
            details={"balance": balance},
            balance=balance,
            points=points,
        )
    limit = max_redeemable(rules, balance, receipt_amount_fen)
    if points > limit:
        share = rr.max_share_percent
        return refusal(
            Code.OVER_RECEIPT_LIMIT,
            "Points may pay at most {share}% of the receipt ({receipt_amount_yuan} yuan): {limit} "
            "points at most.",
            details={"max_points": limit},
            share=share,
            receipt_amount_yuan=format_yuan(receipt_amount_fen * share // 100),
            limit=limit,
        )
    return None

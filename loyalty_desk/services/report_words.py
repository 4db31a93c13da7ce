"""The manager reports' words in one language: Chinese (zh_CN) or English (en).

The reports' data stays language-free (codes such as 'gold', 'core', ISO dates, fen); the
screen, the PDF, the CSV and the CLI put words on it here, in the language the client or
the command uses. Numbers and money are written the same way in both locales (¥1,234.50,
1,234, 62.50 %); dates stay ISO 8601, as everywhere else in the program.
"""

from __future__ import annotations

import re

from loyalty_desk.domain.report_lang import Lang, w
from loyalty_desk.domain.segments import Segment
from loyalty_desk.domain.tiers import Tier


def tier_name(tier: Tier | str, lang: Lang) -> str:
    tier = Tier(tier)
    return tier.label_zh if lang == "zh_CN" else tier.value.capitalize()


def segment_name(segment: Segment | str, lang: Lang) -> str:
    segment = Segment(segment)
    return segment.label_zh if lang == "zh_CN" else segment.label_en


TIER_REASONS = {
    "upgrade": ("Upgrade", "升级"),
    "renew": ("Renewed", "续级"),
    "grace": ("Grace period", "延保"),
    "downgrade": ("Downgrade", "降级"),
    "refund": ("Refund", "退货"),
}


def tier_reason(reason: str, lang: Lang) -> str:
    en, zh = TIER_REASONS.get(reason, (reason, reason))
    return w(lang, en, zh)


# The member lists' titles and figure columns, as the services name them.
LIST_WORDS = {
    "Top members": "消费排行",
    "Spend in the period": "期间消费",
    "Close to the next tier": "接近升级的会员",
    "Spend still needed": "尚需消费",
    "Lifetime spend": "累计消费",
    "Dormant 沉睡": "沉睡会员",
}
_SLIPPING = re.compile(r"^Slipping: no purchase for (\d+) days$")
_MOVE = re.compile(r"^(\w+) → (\w+)$")
_RECEIPTS = re.compile(r"^(\d+) receipts?$")
_LAST_VISIT = re.compile(r"^last visit (\d{4}-\d{2}-\d{2})$")
_NEEDS = re.compile(r"^(\w+): needs (.+)$")
_PURCHASES = re.compile(r"^(\d+) purchases?$")


def list_title(title: str, lang: Lang) -> str:
    """A member list's title ('Top members', 'Core 核心', 'Core → Dormant', 'R5 F1')."""
    if title == "Dormant 沉睡":
        return w(lang, "Dormant", LIST_WORDS[title])
    for segment in Segment:
        if title == f"{segment.label_en} {segment.label_zh}":
            return segment_name(segment, lang)
    if lang == "en":
        return title
    if title in LIST_WORDS:
        return LIST_WORDS[title]
    slipping = _SLIPPING.match(title)
    if slipping:
        return f"流失预警：{slipping.group(1)} 天未消费"
    move = _MOVE.match(title)
    if move:
        names = {s.label_en: s.label_zh for s in Segment}
        return (
            f"{names.get(move.group(1), move.group(1))} → {names.get(move.group(2), move.group(2))}"
        )
    return title


def member_note(note: str, lang: Lang) -> str:
    """Why a member is on a list ('3 receipts', 'last visit 2026-01-02', 'gold: needs …')."""
    if lang == "en" or not note:
        return note
    receipts = _RECEIPTS.match(note)
    if receipts:
        return f"{receipts.group(1)} 张小票"
    visit = _LAST_VISIT.match(note)
    if visit:
        return f"最近到店 {visit.group(1)}"
    if note == "no visit":
        return "从未到店"
    needs = _NEEDS.match(note)
    if needs and needs.group(1) in {t.value for t in Tier}:
        parts = []
        for part in needs.group(2).split(" and "):
            purchases = _PURCHASES.match(part)
            parts.append(f"{purchases.group(1)} 次消费" if purchases else part)
        return f"{tier_name(needs.group(1), lang)}：还需 {' 和 '.join(parts)}"
    return note


def coupon_kind_name(kind: str, lang: Lang) -> str:
    from loyalty_desk.domain.coupons import Kind

    try:
        known = Kind(kind)
    except ValueError:
        return kind
    return known.label_zh if lang == "zh_CN" else known.label_en

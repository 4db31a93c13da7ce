"""Human-readable output outside the GUI (the command lines' summaries): Chinese or English.

One mechanism: each sentence is written in both languages where it is used,
`tr("Backed up to {path}", "已备份到 {path}")`, and `tr` picks one. The GUI uses Qt's
translations instead (resources/translations). tests/test_texts.py checks that every pair
has a Chinese side with the same placeholders, and runs the commands in both languages
looking for English left in the Chinese output.

The language: $LOYALTY_DESK_LANG if set, else the store's setting (Settings, or the first
-run wizard) once a command has opened the store, else the system locale.
"""

from __future__ import annotations

import locale
import os
import re

_store_language: str | None = None  # 'zh_CN' or 'en' from the store's settings


def use_store_language(language: str | None) -> None:
    """The store's language setting ('system' or None: follow the PC)."""
    global _store_language
    _store_language = None if language in (None, "system") else str(language)


def prefers_chinese() -> bool:
    override = os.environ.get("LOYALTY_DESK_LANG")
    if override:
        return override.lower().startswith("zh")
    if _store_language is not None:
        return _store_language.lower().startswith("zh")
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return value.lower().startswith("zh")
    lang, _ = locale.getlocale()
    return bool(lang and lang.lower().startswith("zh"))


def tr(en: str, zh: str) -> str:
    return zh if prefers_chinese() else en


# Names of ledger entries and earning bonuses, as the CLI and documents show them.
ENTRY_KINDS = {
    "EARN": ("Earned", "消费积分"),
    "REDEEM": ("Redeemed", "积分抵扣"),
    "EXPIRE": ("Expired", "积分过期"),
    "ADJUST": ("Adjusted", "人工调整"),
    "REVERSAL": ("Refund", "退货冲回"),
    "REFERRAL": ("Referral", "推荐奖励"),
    "BONUS": ("Bonus", "奖励积分"),
}
BONUSES = {
    "first_purchase": ("first purchase", "首单"),
    "big_ticket": ("big ticket", "大单"),
    "birthday": ("birthday month", "生日月"),
}


RULE_SOURCES = {
    "default": ("default", "默认"),
    "local": ("this store", "本店"),
    "server": ("head office", "总部"),
}
# Reasons the services write on ledger entries (a manager's own reason is shown as typed).
REASONS = {
    "referred member's first purchase": ("referred member's first purchase", "被推荐会员首单"),
    "refund: redeemed points restored": ("refund: redeemed points restored", "退货：退还已用积分"),
    "refund: earned points reversed": ("refund: earned points reversed", "退货：扣回已得积分"),
    "points exchanged for a voucher": ("points exchanged for a voucher", "积分兑换优惠券"),
    "voucher cancelled: points given back": (
        "voucher cancelled: points given back",
        "优惠券作废：退还积分",
    ),
}
_REFERRED = re.compile(r"^referred (\d+)'s first purchase$")


def entry_kind(kind: str) -> str:
    en, zh = ENTRY_KINDS.get(kind, (kind, kind))
    return tr(en, zh)


def bonus_name(bonus: str) -> str:
    en, zh = BONUSES.get(bonus, (bonus, bonus))
    return tr(en, zh)


def rule_source(source: str) -> str:
    en, zh = RULE_SOURCES.get(source, (source, source))
    return tr(en, zh)


def reason(text: str) -> str:
    """A ledger entry's reason: the services' own in the reader's language, others as typed."""
    if text in REASONS:
        return tr(*REASONS[text])
    referred = _REFERRED.match(text)
    if referred:
        code = referred.group(1)
        return tr(text, f"推荐的会员 {code} 首单")
    return text


# argparse's own words ("usage:", "options", its errors), through the gettext hook
# argparse calls them with; the sentences a person at the till meets.
ARGPARSE = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示此帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效选项：%(value)r（可选 %(choices)s）"
    ),
    "expected one argument": "需要一个参数",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项不明确：%(option)s 可匹配 %(matches)s"
    ),
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
}


def argparse_words(message: str) -> str:
    return ARGPARSE[message] if message in ARGPARSE and prefers_chinese() else message

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


# What each refusal means, in Chinese: said first, the service's sentence (with its
# figures) follows. Keyed by domain.errors.Code; a test keeps it complete.
REFUSALS_ZH = {
    "INVALID_AMOUNT": "金额无效",
    "INVALID_PHONE": "手机号无效",
    "INVALID_NAME": "姓名无效",
    "INVALID_DATE": "日期无效",
    "INVALID_TIME": "时间无效",
    "INVALID_POINTS": "积分数无效",
    "INVALID_RECEIPT": "小票号无效",
    "INVALID_QUERY": "查询条件无效",
    "INVALID_PIN": "PIN 无效",
    "INVALID_ROLE": "角色无效",
    "INVALID_REASON": "原因无效",
    "INVALID_RULES": "规则无效",
    "INVALID_CODE": "号码无效",
    "PHONE_ALREADY_ENROLLED": "该手机号已是会员",
    "UNKNOWN_MEMBER": "找不到该会员",
    "UNKNOWN_REFERRER": "找不到推荐人",
    "UNKNOWN_RECEIPT": "找不到该小票",
    "UNKNOWN_STAFF": "找不到该员工",
    "RECEIPT_ALREADY_EARNED": "该小票已获得过积分",
    "RECEIPT_ALREADY_REDEEMED": "该小票已抵扣过积分",
    "RECEIPT_FULLY_REFUNDED": "该小票已全部退货",
    "REFUND_EXCEEDS_PAID": "退货金额超过可退金额",
    "INSUFFICIENT_POINTS": "积分不足",
    "BELOW_MINIMUM": "低于最少抵扣积分",
    "OVER_RECEIPT_LIMIT": "超过本单抵扣上限",
    "ADJUST_BELOW_ZERO": "调整后积分将小于零",
    "MANAGER_PIN_REQUIRED": "需要店长 PIN",
    "WRONG_PIN": "PIN 错误",
    "ACCOUNT_LOCKED": "账号已锁定",
    "NOT_A_MANAGER": "不是店长",
    "STAFF_EXISTS": "员工已存在",
    "MEMBER_MERGED": "会员已合并",
    "NOT_INITIALISED": "尚未设置门店",
    "ALREADY_INITIALISED": "已设置过门店",
    "INVALID_STORE": "门店编号无效",
    "INVALID_TIMEZONE": "时区无效",
    "INVALID_FILE": "文件无效",
    "SCHEMA_TOO_NEW": "数据库版本比程序新",
    "DATABASE_DAMAGED": "数据库已损坏",
    "ONLINE_ONLY": "该会员仅限联网使用积分",
    "AUDIT_BROKEN": "审计日志校验失败",
    "COUPON_EXPIRED": "优惠券已过期",
    "COUPON_NOT_YET_VALID": "优惠券尚未生效",
    "COUPON_ALREADY_USED": "优惠券已使用",
    "COUPON_VOID": "优惠券已作废",
    "COUPON_NOT_USED": "优惠券未使用",
    "BELOW_MIN_SPEND": "未达到用券门槛",
    "NOT_THIS_MEMBER": "不是该会员的券",
    "UNKNOWN_COUPON": "找不到该优惠券",
    "RECEIPT_HAS_COUPON": "该小票已用过券",
    "INVALID_COUPON_KIND": "券种无效",
    "INVALID_SEGMENT": "会员细分无效",
    "EMPTY_SEGMENT": "该细分没有会员",
    "INVALID_FORMAT": "格式无效",
    "PRINTER_UNAVAILABLE": "打印机不可用",
    "INVALID_SETTING": "设置无效",
    "LAST_MANAGER": "不能停用最后一位店长",
    "NOT_REGISTERED": "收银机尚未注册",
    "INVALID_URL": "服务器地址无效",
    "INVALID_REGISTRATION_CODE": "注册码无效",
    "STORE_MISMATCH": "门店不匹配",
    "SERVER_UNREACHABLE": "无法连接服务器",
    "SERVER_ERROR": "服务器出错",
    "UNAUTHORISED": "未获授权",
    "DEVICE_REVOKED": "收银机已被吊销",
    "TOKEN_EXPIRED": "凭证已过期",
    "PROTOCOL_MISMATCH": "程序版本与服务器不匹配",
    "CLONE_DETECTED": "检测到数据库副本",
    "SYNC_TOO_OLD": "上次同步太久以前",
    "OFFLINE_LIMIT": "超出离线使用限额",
    "UNKNOWN_STORE": "找不到该门店",
    "STORE_EXISTS": "门店已存在",
    "UNKNOWN_DEVICE": "找不到该收银机",
    "UNKNOWN_CASE": "找不到该案件",
    "INVALID_EVENT": "记录无效",
    "UNKNOWN_TOKEN": "找不到该令牌",
    "NOT_YOUR_STORE": "无权访问该门店",
}


def refusal_text(code: str, message: str, *, chinese: bool) -> str:
    """A refusal as the reader sees it: in Chinese, what it means, then the details."""
    meaning = REFUSALS_ZH.get(str(code))
    if not chinese or meaning is None:
        return message
    return f"{meaning}。{message}"

"""Every refusal can be said in Chinese with its figures (loyalty_desk/refusal_texts.py).

The source is read as code: each refuse()/refusal()/phrase() call must give its English
sentence as a literal template, and the catalogue must hold a Chinese sentence for it with
the same placeholders. A new refusal without a Chinese sentence fails here."""

from __future__ import annotations

import ast
import re
import string
from datetime import date, datetime
from pathlib import Path

import pytest

from loyalty_desk import texts
from loyalty_desk.domain.coupons import CouponState, Status, check_use
from loyalty_desk.domain.errors import Code, Refusal, refusal
from loyalty_desk.domain.money import parse_yuan
from loyalty_desk.domain.redemption import check_redemption
from loyalty_desk.domain.rules import DEFAULT_RULES
from loyalty_desk.refusal_texts import PASSED_ON, PHRASES, WORDS, ZH, match_text, say

ROOT = Path(__file__).resolve().parent.parent / "loyalty_desk"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
MAKERS = {"refuse": 1, "refusal": 1, "phrase": 0}  # which argument is the template


def calls() -> list[tuple[str, int, str, ast.Call]]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if path.name == "errors.py" and path.parent.name == "domain":
            continue  # where refuse() and refusal() are defined
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                name = node.func.id
                if name in MAKERS or name == "Refusal":
                    found.append((str(path.relative_to(ROOT)), node.lineno, name, node))
    return found


def fields(template: str) -> list[tuple[str, str, str]]:
    return sorted(
        (name, spec or "", conversion or "")
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    )


def templates() -> dict[str, str]:
    """Every template in the source -> where it is."""
    out: dict[str, str] = {}
    for where, line, name, node in calls():
        if name == "Refusal":
            continue
        arg = node.args[MAKERS[name]]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            out.setdefault(arg.value, f"{where}:{line}")
    return out


def test_every_template_is_a_literal() -> None:
    """An f-string would bake the figures into the sentence: nothing left to translate."""
    bad = [
        f"{where}:{line}"
        for where, line, name, node in calls()
        if name != "Refusal"
        and not (
            isinstance(node.args[MAKERS[name]], ast.Constant)
            and isinstance(node.args[MAKERS[name]].value, str)
        )
    ]
    assert bad == []


def test_no_refusal_is_built_with_a_sentence_of_its_own() -> None:
    """Refusal(...) directly is only for passing one on (its message from elsewhere)."""
    bad = [
        f"{where}:{line}"
        for where, line, name, node in calls()
        if name == "Refusal"
        and len(node.args) > 1
        and isinstance(node.args[1], ast.Constant | ast.JoinedStr)
    ]
    assert bad == []


def test_every_template_has_a_chinese_sentence_with_the_same_placeholders() -> None:
    found = templates()
    assert len(found) > 100  # the scan sees the source
    missing = {t: where for t, where in found.items() if t not in ZH and t not in PHRASES}
    assert missing == {}
    for english, where in found.items():
        chinese = ZH.get(english, PHRASES.get(english, ""))
        assert fields(chinese) == fields(english), (where, english, chinese)


def test_the_catalogue_holds_no_sentence_the_source_no_longer_says() -> None:
    found = templates()
    assert sorted(t for t in (*ZH, *PHRASES) if t not in found) == []
    for table in (ZH, PHRASES, PASSED_ON):
        for english, chinese in table.items():
            assert fields(chinese) == fields(english), english
            assert CJK.search(chinese) or english == "{problems}", english
    assert all(CJK.search(zh) for zh in WORDS.values())


def test_every_code_has_a_chinese_meaning() -> None:
    assert sorted(str(c) for c in Code if str(c) not in texts.REFUSALS_ZH) == []


def test_a_refusal_is_said_with_its_figures_in_either_language() -> None:
    refused = check_redemption(
        DEFAULT_RULES,
        balance=120,
        points=500,
        receipt_amount_fen=100_000,
    )
    assert isinstance(refused, Refusal)
    assert refused.code is Code.INSUFFICIENT_POINTS
    assert (
        say(refused, chinese=False)
        == refused.message
        == ("The member has 120 points; 500 cannot be redeemed.")
    )
    assert say(refused, chinese=True) == "该会员有 120 积分；无法抵扣 500 积分。"
    assert refused.to_json() == {
        "code": "INSUFFICIENT_POINTS",
        "message": refused.message,
        "details": {"balance": 120},
    }


def test_words_passed_as_values_are_translated_with_the_sentence() -> None:
    negative = parse_yuan("-3", field="refund amount")
    assert isinstance(negative, Refusal)
    assert negative.message == "The refund amount cannot be negative (-3)."
    assert say(negative, chinese=True) == "退货金额不能为负数（-3）。"


def test_a_nested_refusal_and_a_phrase_are_said_in_the_same_language() -> None:
    inner = refusal(Code.MANAGER_PIN_REQUIRED, "This needs a manager's PIN.")
    outer = refusal(
        Code.MANAGER_PIN_REQUIRED, "Full phone numbers need a manager's PIN: {why}", why=inner
    )
    assert outer.message == "Full phone numbers need a manager's PIN: This needs a manager's PIN."
    assert say(outer, chinese=True) == "完整手机号需要店长 PIN：此操作需要店长 PIN。"
    used = check_use(
        CouponState(
            code="C1",
            status=Status.REDEEMED,
            min_spend_fen=0,
            value_fen=1000,
            first_day=date(2026, 1, 1),
            last_day=date(2026, 12, 31),
            redeemed_receipt="R-9",
            redeemed_store="SH002",
        ),
        date(2026, 6, 1),
        10_000,
        True,
    )
    assert used is not None
    assert used.message.startswith("This coupon was already used on receipt R-9 in store SH002;")
    assert say(used, chinese=True).startswith("此优惠券已使用过，小票 R-9，门店 SH002；")


def test_a_sentence_that_arrived_as_text_is_matched_to_its_template() -> None:
    """The server's replies carry only the code and the English sentence."""
    from_server = Refusal(
        Code.RECEIPT_ALREADY_REDEEMED, "Receipt R-7 already has 300 points redeemed."
    )
    assert say(from_server, chinese=True) == "小票 R-7 已抵扣 300 积分。"
    assert match_text("The server answered 503: busy") == "服务器返回 503：busy"
    unknown = Refusal(Code.SERVER_ERROR, "Something nobody wrote down.")
    assert say(unknown, chinese=True) == "服务器出错。Something nobody wrote down."
    # Said twice (a screen passing on what it was given) is the same as said once.
    once = say(unknown, chinese=True)
    assert say(Refusal(Code.SERVER_ERROR, once), chinese=True) == once


@pytest.mark.parametrize("template", sorted(ZH))
def test_each_chinese_sentence_fills_in(template: str) -> None:
    """Each pair formats with the same values (a placeholder typo would raise)."""
    values: dict[str, object] = {}
    for name, spec, _ in fields(template):
        values[name] = datetime(2026, 5, 1, 14, 30) if spec else 7
    assert ZH[template].format_map(values)
    assert template.format_map(values)

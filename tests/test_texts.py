"""The command lines speak Chinese and English (loyalty_desk/texts.py): every pair has a
Chinese side with the same placeholders, and the commands' summaries in Chinese carry no
English left over. Refusals are said whole in Chinese (tests/test_refusal_texts.py)."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from loyalty_desk import texts
from loyalty_desk.cli import main
from loyalty_desk.services import settings
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap

ROOT = Path(__file__).resolve().parent.parent / "loyalty_desk"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# English words: two letters or more. Data the commands echo (store ids, receipt
# numbers, file names) is removed first; these are the words a Chinese reader still sees.
ALLOWED = {"PIN", "PDF", "CSV", "QR", "ESC", "POS", "SH", "json", "db", "loyalty"}


def users_of_tr() -> list[Path]:
    return sorted(
        p
        for p in ROOT.rglob("*.py")
        if "gui" not in p.parts and "from loyalty_desk.texts import" in p.read_text("utf-8")
    )


def fields(node: ast.expr) -> list[str]:
    """The variables one side shows (f-string fields, {names} for str.format): a side may
    show `kind.label_zh` where the other shows `kind.label_en`, never lose a variable."""
    if isinstance(node, ast.JoinedStr):
        names = {
            n.id
            for v in node.values
            if isinstance(v, ast.FormattedValue)
            for n in ast.walk(v.value)
            if isinstance(n, ast.Name)
        }
        return sorted(names)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return sorted(re.findall(r"\{([A-Za-z_][A-Za-z0-9_]*)\}", node.value))
    return []


def text_of(node: ast.expr) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return ast.unparse(node)


def test_the_command_lines_use_texts() -> None:
    names = {p.name for p in users_of_tr()}
    assert {"cli.py", "cli_sync.py", "cli_reports.py", "coupon_cli.py"} <= names


def test_every_pair_has_a_chinese_side_with_the_same_placeholders() -> None:
    wrong = []
    pairs = 0
    for path in users_of_tr():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id != "tr":
                continue
            pairs += 1
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if len(node.args) != 2 or node.keywords:
                wrong.append(f"{where}: tr takes (english, chinese)")
                continue
            en, zh = node.args
            literal = isinstance(zh, (ast.Constant, ast.JoinedStr))
            if (literal and not CJK.search(text_of(zh))) or (
                not literal and "zh" not in text_of(zh).lower()
            ):
                wrong.append(f"{where}: no Chinese in {text_of(zh)!r}")
            if fields(en) != fields(zh):
                wrong.append(f"{where}: placeholders {fields(en)} != {fields(zh)}")
    assert pairs > 80
    assert wrong == []


def test_every_help_text_comes_in_both_languages() -> None:
    """--help in Chinese: every help= of the command lines is a pair (or hidden)."""
    bare = []
    for path in users_of_tr():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.keyword) or node.arg not in ("help", "description"):
                continue
            value = node.value
            paired = isinstance(value, ast.Call) and ast.unparse(value.func) == "tr"
            wordless = isinstance(value, ast.Constant) and not re.search(r"[a-z]{2}", value.value)
            if (
                not paired
                and not wordless
                and ast.unparse(value) not in ("argparse.SUPPRESS", "helptext")
            ):
                bare.append(f"{path.relative_to(ROOT)}:{value.lineno} {ast.unparse(value)}")
    assert bare == []


def test_help_and_usage_errors_in_chinese(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LOYALTY_DESK_LANG", "zh_CN")
    with pytest.raises(SystemExit):
        main(["earn", "--help"])
    shown = capsys.readouterr().out
    assert "用法：" in shown and "实付金额（元）" in shown and "显示此帮助并退出" in shown
    assert main(["earn"]) == 2
    assert "缺少必需的参数" in capsys.readouterr().err


def test_every_refusal_code_has_a_chinese_meaning() -> None:
    from loyalty_desk.domain.errors import Code

    assert sorted(str(c) for c in Code if str(c) not in texts.REFUSALS_ZH) == []
    assert all(CJK.search(zh) for zh in texts.REFUSALS_ZH.values())
    said = texts.refusal_text(Code.INSUFFICIENT_POINTS, "Only 50 points.", chinese=True)
    assert said == "积分不足。Only 50 points."
    assert texts.refusal_text(Code.INSUFFICIENT_POINTS, "Only 50.", chinese=False) == "Only 50."


def test_a_refusal_on_the_command_line_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "till")
    assert main(["--data-dir", data, "init", "--store-id", "SH001"]) == 0
    monkeypatch.setenv("LOYALTY_DESK_LANG", "zh_CN")
    capsys.readouterr()
    earn = ["earn", "13800000000", "--receipt", "R1", "--amount", "-3"]
    assert main(["--data-dir", data, *earn]) == 2
    assert "拒绝 [INVALID_AMOUNT]: 金额不能为负数（-3）。" in capsys.readouterr().err


def test_the_names_of_entries_and_bonuses_come_in_both_languages() -> None:
    for table in (texts.ENTRY_KINDS, texts.BONUSES):
        for en, zh in table.values():
            assert en and CJK.search(zh), (en, zh)


@pytest.fixture
def till(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., str]:
    data = str(tmp_path / "till")

    def run(*args: str) -> str:
        code = main(["--data-dir", data, *args])
        out = capsys.readouterr()
        assert code == 0, out.out + out.err
        return out.out + out.err

    return run


def english_left(output: str, echoed: set[str]) -> list[str]:
    words = []
    for token in output.split():
        if token in echoed or "/" in token or "\\" in token:
            continue  # data the command echoes back, paths
        words += [w for w in re.findall(r"[A-Za-z]{2,}", token) if w not in ALLOWED]
    return words


SESSION = (
    ("init", "--store-id", "SH001", "--store-name", "南京路店"),
    ("staff", "add", "--name", "赵店长", "--role", "manager", "--pin", "2580"),
    ("member", "enroll", "--phone", "13812345678", "--name", "张三"),
    ("earn", "13812345678", "--receipt", "R1", "--amount", "1288.50"),
    ("redeem", "13812345678", "--receipt", "R2", "--points", "100", "--receipt-amount", "50"),
    ("refund", "--receipt", "R1", "--amount", "100", "--manager-pin", "2580"),
    (
        "adjust",
        "13812345678",
        "--points",
        "20",
        "--reason",
        "补录上周积分",
        "--manager-pin",
        "2580",
    ),
    ("member", "find", "5678"),
    ("member", "show", "13812345678"),
    ("member", "history", "13812345678"),
    ("rules", "show"),
    ("expire",),
    ("audit", "verify"),
    ("backup",),
    ("sync", "status"),
)


def test_the_commands_speak_chinese(
    till: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOYALTY_DESK_LANG", "zh_CN")
    echoed = {"SH001", "R1", "R2"}
    left = {" ".join(args[:2]): english_left(till(*args), echoed) for args in SESSION}
    assert {command: words for command, words in left.items() if words} == {}


def test_the_stores_language_applies_when_the_pc_says_nothing(
    till: Callable[..., str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LOYALTY_DESK_LANG", raising=False)
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    till("init", "--store-id", "SH001")
    assert "Backed up to" in till("backup")
    desk = unwrap(Desk.open(tmp_path / "till"))
    try:
        unwrap(settings.save_language(desk, settings.Language.CHINESE, actor=None))
    finally:
        desk.close()
    try:
        assert "已备份到" in till("backup")
        monkeypatch.setenv("LOYALTY_DESK_LANG", "en")  # the person at the keyboard wins
        assert "Backed up to" in till("backup")
    finally:
        texts.use_store_language(None)


def pdf_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (settings.Language.SYSTEM, ("会员积分小票", "积分余额", "首单5倍积分", "会员卡", "入会")),
        (settings.Language.CHINESE, ("会员积分小票", "积分余额", "会员卡", "新会员礼券")),
        (settings.Language.ENGLISH, ("Points slip", "Balance", "points ×5", "Member card")),
    ],
)
def test_paper_speaks_the_stores_language(
    desk: Desk, language: settings.Language, words: tuple[str, ...]
) -> None:
    """Slips, cards and vouchers, as PDF and on the receipt printer."""
    from loyalty_desk.services import checkout, coupons, members, vouchers

    unwrap(settings.save_language(desk, language, actor=None))
    member = unwrap(members.enroll(desk, "13812345678", "张三"))
    unwrap(checkout.earn(desk, member.code, "R1", 12_800))
    code = unwrap(coupons.list_for_member(desk, member.code))[0].code
    thermal = vouchers.Layout(format=vouchers.Format.ESCPOS)
    slip = pdf_text(unwrap(vouchers.render_slip(desk, "R1")))
    card = pdf_text(unwrap(vouchers.render_card(desk, member.code)))
    voucher = pdf_text(unwrap(vouchers.render_voucher(desk, code)))
    everything = slip + card + voucher
    for word in words:
        assert word in everything, (word, everything)
    english = language is settings.Language.ENGLISH
    own = slip.replace("Flagship 旗舰店", "").replace("张三", "").replace("￥", "")
    assert bool(CJK.search(own)) is not english
    job = unwrap(vouchers.render_card(desk, member.code, thermal))
    assert (b"Member card" in job) is english

"""The client's Chinese is complete, up to date with the code, compiled, and loaded.

Adding a user-visible string without translating it fails here: run `make translations`,
translate what it added to resources/translations/loyalty_desk_zh_CN.ts (pyside6-linguist,
or any editor), run `make translations` again, and commit the .ts and the .qm.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from loyalty_desk.gui import formatting, i18n
from loyalty_desk.gui.translations_build import (
    LANGUAGES,
    copy_ts,
    lrelease,
    lupdate,
    qm_path,
    ts_path,
)

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%p|%n|%[0-9]")
ACCELERATOR = re.compile(r"&(?=[^&\s])")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def unfinished(ts: Path) -> list[str]:
    """Messages without a finished, non-empty translation, as 'context: source'."""
    missing = []
    for context, source, message in messages(ts):
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") is not None  # unfinished, vanished, obsolete
            or not (translation.text or "").strip()
        ):
            missing.append(f"{context}: {source!r}")
    return missing


def test_every_string_has_a_finished_chinese_translation() -> None:
    ts = ts_path("zh_CN")
    assert len(messages(ts)) > 400
    assert unfinished(ts) == []


def test_translations_keep_placeholders_and_shortcut_keys() -> None:
    """A lost {name} would raise KeyError in .format(); a lost & a keyboard shortcut."""
    wrong = []
    for context, source, message in messages(ts_path("zh_CN")):
        text = message.findtext("translation") or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append(f"{context}: {source!r} -> {text!r} (placeholders)")
        if bool(ACCELERATOR.search(source)) != bool(ACCELERATOR.search(text)):
            wrong.append(f"{context}: {source!r} -> {text!r} (shortcut key)")
    assert wrong == []


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_files_are_up_to_date_with_the_code(language: str, tmp_path: Path) -> None:
    """lupdate over today's code adds nothing to a copy of the committed file."""
    copy = copy_ts(language, tmp_path)
    before = {(c, s) for c, s, _ in messages(copy)}
    lupdate(copy, language)
    after = {(c, s) for c, s, _ in messages(copy)}
    assert sorted(after - before) == [], "new strings: run `make translations` and translate"
    assert sorted(before - after) == [], "strings gone from the code: run `make translations`"
    if language == "zh_CN":
        assert unfinished(copy) == []


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_compiled_files_are_fresh(language: str, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    lrelease(ts_path(language), fresh)
    assert qm_path(language).read_bytes() == fresh.read_bytes(), "run `make translations`"


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    i18n.apply("zh_CN")
    yield
    i18n.apply("en")


def test_the_client_speaks_chinese_when_asked(chinese: None) -> None:
    assert QCoreApplication.translate("MainWindow", "Checkout") == "收银"
    assert formatting.tier_name("gold") == "金卡"
    assert formatting.entry_kind("EARN") == "消费积分"
    # Qt's own strings (standard buttons, the wizard's Next) come from qtbase_zh_CN.qm.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QLocale().name() == "zh_CN"


def test_refusals_on_screen_say_in_chinese_what_they_mean(chinese: None) -> None:
    from loyalty_desk.domain.errors import Code, Refusal
    from loyalty_desk.gui.operations import in_language

    said = in_language(Refusal(Code.WRONG_PIN, "Wrong PIN for Li."))
    assert (said.code, said.message) == (Code.WRONG_PIN, "PIN 错误。Wrong PIN for Li.")


def test_english_is_the_source_and_numbers_follow_the_locale(qapp: object) -> None:
    i18n.apply("en")
    assert QCoreApplication.translate("MainWindow", "Checkout") == "Checkout"
    assert formatting.tier_name("gold") == "Gold"
    assert formatting.yuan(123_456_78) == "¥123,456.78"
    assert formatting.yuan(-5) == "-¥0.05"
    assert formatting.points(12_345, sign=True) == "+12,345"
    assert formatting.points(-1_200) == "-1,200"


def test_german_separators_show_numbers_follow_qlocale(qapp: object) -> None:
    QLocale.setDefault(QLocale("de_DE"))
    try:
        assert formatting.yuan(123_456_78) == "¥123.456,78"
    finally:
        i18n.apply("en")

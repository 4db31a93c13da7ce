"""The language a report is written in, for the till's reports and the server's alike.

A report says everything once, in Chinese (zh_CN) or English (en); its data stays
language-free. `w` picks one of the two words written side by side where they are used.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["en", "zh_CN"]


def lang_of(chinese: bool) -> Lang:
    return "zh_CN" if chinese else "en"


def w(lang: Lang, en: str, zh: str) -> str:
    """One of the two: every report word is written in both languages where it is used."""
    return zh if lang == "zh_CN" else en

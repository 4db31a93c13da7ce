"""Language of human-readable output outside the GUI (CLI summaries): Chinese or English."""

from __future__ import annotations

import locale
import os


def prefers_chinese() -> bool:
    override = os.environ.get("LOYALTY_DESK_LANG")
    if override:
        return override.lower().startswith("zh")
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return value.lower().startswith("zh")
    lang, _ = locale.getlocale()
    return bool(lang and lang.lower().startswith("zh"))


def tr(en: str, zh: str) -> str:
    return zh if prefers_chinese() else en

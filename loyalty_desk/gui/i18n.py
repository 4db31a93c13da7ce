"""The client's language: Qt translations (files arrive with the translation work) and the
Chinese names the domain already knows for tiers and ledger entries."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from loyalty_desk.gui import formatting
from loyalty_desk.resources import resources_dir
from loyalty_desk.texts import prefers_chinese

_installed: list[QTranslator] = []


def locale_name(language: str) -> str:
    """'system', 'zh_CN' or 'en' (services.settings.Language) to a Qt locale name."""
    if language == "system":
        return "zh_CN" if prefers_chinese() else "en"
    return str(language)


def apply(language: str) -> str:
    """Switch the running client to `language`; returns the locale now in effect."""
    app = QCoreApplication.instance()
    name = locale_name(language)
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    folder = resources_dir() / "translations"
    translator = QTranslator()
    if app is not None and translator.load(QLocale(name), "loyalty_desk", "_", str(folder)):
        app.installTranslator(translator)
        _installed.append(translator)
    QLocale.setDefault(QLocale(name))
    formatting.use_chinese_labels(name.startswith("zh"))
    return name

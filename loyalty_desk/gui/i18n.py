"""The client's language: our translations (resources/translations/loyalty_desk_*.qm, made
by `make translations`) and Qt's own (qtbase_zh_CN.qm: the buttons of standard dialogs,
the wizard's Back/Next, the file dialog), and the locale numbers are written in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from loyalty_desk.domain.report_lang import Lang
from loyalty_desk.resources import resources_dir
from loyalty_desk.texts import prefers_chinese

_installed: list[QTranslator] = []


def locale_name(language: str) -> str:
    """'system', 'zh_CN' or 'en' (services.settings.Language) to a Qt locale name."""
    if language == "system":
        return "zh_CN" if prefers_chinese() else "en"
    return str(language)


def current_lang() -> Lang:
    """The language the client speaks now, for the reports' words (services.report_words)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own .qm files are: PySide6's folder, or next to ours in a bundle."""
    return [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), translations_dir()]


def _load(locale: QLocale, name: str, folders: list[Path]) -> QTranslator | None:
    for folder in folders:
        translator = QTranslator()
        if translator.load(locale, name, "_", str(folder)):
            return translator
    return None


def apply(language: str) -> str:
    """Switch the running client to `language`; returns the locale now in effect. Every
    widget gets a LanguageChange event and retranslates itself."""
    app = QCoreApplication.instance()
    name = locale_name(language)
    locale = QLocale(name)
    QLocale.setDefault(locale)
    if app is None:
        return name
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if name == "en":
        return name  # the source language: nothing to load
    for translator in (
        _load(locale, "qtbase", qt_translations_dirs()),
        _load(locale, "loyalty_desk", [translations_dir()]),
    ):
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    return name

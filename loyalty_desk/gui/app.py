"""Starting the client: the Qt application, the shipped CJK font, style, logging, window."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QFile, QIODevice, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from loyalty_desk.gui.forms import loyalty_rc  # noqa: F401 - registers :/icons and :/style
from loyalty_desk.resources import cjk_font_path

log = logging.getLogger("loyalty_desk.gui")

# Tried in order for each character; the shipped font guarantees Chinese on any PC.
_PREFERRED_FAMILIES = ("Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "Segoe UI")


def log_file(data_dir: Path) -> Path:
    return data_dir / "logs" / "client.log"


def configure_logging(data_dir: Path) -> Path:
    path = log_file(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger("loyalty_desk")
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path


def load_fonts(app: QApplication) -> str | None:
    """Register the shipped CJK font and make the UI font fall back to it."""
    font_id = QFontDatabase.addApplicationFont(str(cjk_font_path()))
    shipped = QFontDatabase.applicationFontFamilies(font_id)[0] if font_id >= 0 else None
    installed = set(QFontDatabase.families())
    families = [f for f in _PREFERRED_FAMILIES if f in installed]
    if shipped:
        families.append(shipped)
    font = QFont(app.font())
    if families:
        font.setFamilies(families)
    font.setPointSizeF(11)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return shipped


def load_style(app: QApplication) -> None:
    qss = QFile(":/style/loyalty.qss")
    if qss.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Text):
        app.setStyleSheet(bytes(qss.readAll().data()).decode("utf-8"))
        qss.close()


def create_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName("LoyaltyDesk")
    QCoreApplication.setApplicationName("Loyalty Desk")
    app.setWindowIcon(QIcon(":/icons/app.svg"))
    app.setStyle("Fusion")  # the same look on Windows, macOS and Linux
    load_fonts(app)
    load_style(app)
    return app


def install_fault_hook(data_dir: Path) -> None:
    """An exception in a screen's code is logged and shown as an error, never as a crash."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        QMessageBox.critical(
            QApplication.activeWindow(),
            QCoreApplication.translate("App", "Something went wrong"),
            QCoreApplication.translate(
                "App", "{error}\n\nThe details were written to {log}."
            ).format(error=f"{kind.__name__}: {exc}", log=log_file(data_dir)),
        )

    sys.excepthook = hook


def run(data_dir: Path) -> int:
    app = create_app()
    configure_logging(data_dir)
    install_fault_hook(data_dir)
    from loyalty_desk.gui.main_window import MainWindow

    window = MainWindow(data_dir)
    window.show()
    window.start()
    return app.exec()

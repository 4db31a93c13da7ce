"""Starting the client: the Qt application, the shipped CJK font, style, logging, window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFile, QIODevice, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from loyalty_desk import __version__
from loyalty_desk.gui.crash import CrashReporter
from loyalty_desk.gui.forms import loyalty_rc  # noqa: F401 - registers :/icons and :/style
from loyalty_desk.logs import LogSession, logs_dir, start_logging
from loyalty_desk.resources import cjk_font_path

log = logging.getLogger("loyalty_desk.gui")

# Tried in order for each character; the shipped font guarantees Chinese on any PC.
_PREFERRED_FAMILIES = ("Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "Segoe UI")


_logging: LogSession | None = None


def log_file(data_dir: Path) -> Path:
    """The client's log file (`logs/client.log`, or the next slot if another client runs)."""
    if _logging is not None and _logging.path.parent == logs_dir(data_dir):
        return _logging.path
    return logs_dir(data_dir) / "client.log"


def configure_logging(data_dir: Path) -> Path:
    """Log to the till's `logs/` folder; moving to another data directory moves the log."""
    global _logging
    if _logging is not None and _logging.path.parent != logs_dir(data_dir):
        stop_logging()
    if _logging is None:
        _logging = start_logging(data_dir, "client")
    return _logging.path


def stop_logging() -> None:
    global _logging
    if _logging is not None:
        _logging.stop()
        _logging = None


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


def install_fault_hook(data_dir: Path) -> CrashReporter:
    """An unhandled error is logged and shown as a dialog (what, where, which log)."""
    return CrashReporter(log_file(data_dir), QApplication.instance()).install()


def run(data_dir: Path) -> int:
    app = create_app()
    configure_logging(data_dir)
    log.info("Loyalty Desk %s starting; data in %s", __version__, data_dir)
    reporter = install_fault_hook(data_dir)
    from loyalty_desk.gui.main_window import MainWindow

    window = MainWindow(data_dir)
    window.show()
    window.start()
    code = app.exec()
    log.info("Loyalty Desk closed (%s)", code)
    reporter.uninstall()
    stop_logging()
    return code

"""Unhandled errors in the client: logged, then told to the person at the till.

Three ways an error escapes: Python code run by Qt (a slot, an event handler: PySide hands
it to sys.excepthook), a thread of our own (threading.excepthook), and Qt itself (its
warnings and fatal messages, through the Qt message handler). All of them go to the log;
the first two also show a dialog saying what happened, where, and where the log is. The
client keeps running: sales are committed by the database worker before the screen hears
of them, so an error on the screen never undoes one. A hard crash of the process (a
fault in native code) is written to `logs/fatal.log` by faulthandler.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from loyalty_desk.logs import mask_phones

log = logging.getLogger("loyalty_desk.gui.crash")
qt_log = logging.getLogger("loyalty_desk.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


@dataclass(frozen=True, slots=True)
class Crash:
    """What the dialog says: the error in one line, and the line of our code it came from."""

    what: str
    where: str


def _short(frame: traceback.FrameSummary) -> str:
    path = frame.filename.replace("\\", "/")
    for anchor in ("loyalty_desk/", "site-packages/"):
        if anchor in path:
            path = path[path.rfind(anchor) :].removeprefix("site-packages/")
            break
    else:
        path = path.rsplit("/", 1)[-1]
    return f"{path}:{frame.lineno} ({frame.name})"


def describe(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Crash:
    """The line that raised; if that is in a library, also the last line of ours on the way."""
    frames = traceback.extract_tb(tb)
    if not frames:
        return Crash(mask_phones(f"{kind.__name__}: {exc}"), "?")
    where = _short(frames[-1])
    ours = [f for f in frames if "loyalty_desk" in f.filename.replace("\\", "/")]
    if "site-packages/" in frames[-1].filename.replace("\\", "/") and ours:
        where += f" ← {_short(ours[-1])}"
    return Crash(mask_phones(f"{kind.__name__}: {exc}"), where)


class CrashReporter(QObject):
    """Installs the hooks; shows one dialog at a time (a burst of errors is one dialog)."""

    reported = Signal(object)  # Crash; queued to the GUI thread from any thread

    def __init__(self, log_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.dialog: QMessageBox | None = None
        self.crashes: list[Crash] = []
        self.show_dialogs = True
        self._fatal: IO[str] | None = None
        self._previous: dict[str, Any] = {}
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # -- installing ------------------------------------------------------------------------

    def install(self) -> CrashReporter:
        self._previous = {
            "excepthook": sys.excepthook,
            "threading": threading.excepthook,
        }
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        self._previous["qt"] = qInstallMessageHandler(self.qt_message)
        fatal_path = self.log_path.with_name("fatal.log")
        try:
            self._fatal = open(fatal_path, "a", encoding="utf-8")  # noqa: SIM115 - for the run
            faulthandler.enable(self._fatal)
        except OSError:
            log.warning("cannot write %s; native crashes will not be recorded", fatal_path)
        return self

    def uninstall(self) -> None:
        if not self._previous:
            return
        sys.excepthook = self._previous["excepthook"]
        threading.excepthook = self._previous["threading"]
        qInstallMessageHandler(self._previous["qt"])
        self._previous = {}
        if self._fatal is not None:
            faulthandler.disable()
            self._fatal.close()
            self._fatal = None

    # -- the hooks (any thread) ------------------------------------------------------------

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        log.error("unhandled error", exc_info=(kind, exc, tb))
        self.reported.emit(describe(kind, exc, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread else "?"
        log.error(
            "unhandled error in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        self.reported.emit(describe(args.exc_type, args.exc_value, args.exc_traceback))

    def qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = _QT_LEVELS.get(kind, logging.WARNING)
        where = f" ({context.file}:{context.line})" if context.file else ""
        qt_log.log(level, "%s%s", message, where)
        if kind == QtMsgType.QtFatalMsg and self._fatal is not None:
            # Qt aborts as soon as this returns, before the log thread writes: say it here.
            self._fatal.write(f"Qt fatal: {mask_phones(message)}{where}\n")
            self._fatal.flush()

    # -- telling the person at the till (GUI thread) ---------------------------------------

    def _show(self, crash: Crash) -> None:
        self.crashes.append(crash)
        if not self.show_dialogs:
            return
        if self.dialog is not None and self.dialog.isVisible():
            more = len(self.crashes) - self._shown_at
            self.dialog.setInformativeText(self._details(more))
            return
        self._shown_at = len(self.crashes)
        parent = QApplication.activeWindow()
        box = QMessageBox(parent if isinstance(parent, QWidget) else None)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Something went wrong"))
        box.setText(self.tr("{what}\n\nWhere: {where}").format(what=crash.what, where=crash.where))
        box.setInformativeText(self._details(0))
        folder = box.addButton(self.tr("Open the log folder"), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(self.open_log_folder)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog = box
        box.open()

    def _details(self, more: int) -> str:
        text = self.tr(
            "Sales that were confirmed are saved. If this screen looks wrong, close the "
            "program and start it again.\nThe details were written to {log}."
        ).format(log=self.log_path)
        if more:
            text += "\n" + self.tr("{n} more errors since then.").format(n=more)
        return text

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))

    _shown_at = 0

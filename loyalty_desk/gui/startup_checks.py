"""What the client says at start-up when the till's database is not as it expects.

- Damaged (the start-up check, or the thorough check that runs in the background before
  the day's backup, found a bad page): no checkout; the manager is told what happened and
  restores a backup right here, then the window opens the restored till.
- Written by a newer Loyalty Desk: a clear message, the file untouched, the program ends.
- Older, upgraded in place just now: said once, with where the copy from before is.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from loyalty_desk import __version__
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import bring_forward
from loyalty_desk.gui.operations import said

if TYPE_CHECKING:
    from loyalty_desk.services.backup import RestoreResult
    from loyalty_desk.services.desk import SchemaUpgrade

log = logging.getLogger("loyalty_desk.gui")


def _when(path: Path) -> str:
    """A backup's time from its name (…-20260310T020000.db), else the file's own time."""
    stem = path.name.removesuffix(".db")
    try:
        moment = datetime.strptime(stem[-15:], "%Y%m%dT%H%M%S")
    except ValueError:
        moment = datetime.fromtimestamp(path.stat().st_mtime)
    return moment.strftime("%Y-%m-%d %H:%M")


class DamagedDatabaseDialog(QDialog):
    """The till's database failed its check: restore a backup, or quit and call support."""

    restored = Signal(object)  # RestoreResult

    def __init__(
        self,
        ctx: Context,
        problem: str,
        backups: list[Path],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setModal(True)
        self.setWindowTitle(self.tr("The till's database is damaged"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        head = QLabel(
            self.tr(
                "<b>Loyalty Desk cannot use this till's database: it failed its check.</b>"
                "<br>Do not keep selling with it. Restore the newest backup below; sales "
                "recorded after that backup was made must then be entered again (or come "
                "back with the next sync). The damaged file is kept for support."
            )
        )
        head.setWordWrap(True)
        layout.addWidget(head)
        self.problem_label = QLabel(problem)
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problem_label)
        self.backup_list = QListWidget()
        for path in backups:
            size = QLocale().formattedDataSize(path.stat().st_size) if path.exists() else "?"
            item = QListWidgetItem(f"{_when(path)}    {path.name}    {size}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.backup_list.addItem(item)
        if backups:
            self.backup_list.setCurrentRow(0)
        layout.addWidget(self.backup_list)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore the selected backup"))
        self.restore_button.setDefault(True)
        self.restore_button.setEnabled(bool(backups))
        self.other_button = QPushButton(self.tr("Choose another file…"))
        self.quit_button = QPushButton(self.tr("Quit"))
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout.addLayout(buttons)
        if not backups:
            self.message_label.setText(
                self.tr(
                    "There is no backup on this PC yet. Choose a copy from elsewhere "
                    "(e.g. a USB stick), or quit and call support."
                )
            )
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button.clicked.connect(self.choose_file)
        self.quit_button.clicked.connect(self.reject)
        self._running = False

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        bring_forward(self)

    def selected(self) -> Path | None:
        item = self.backup_list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def restore_selected(self) -> None:
        path = self.selected()
        if path is not None:
            self.restore(path)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            str(self.ctx.data_dir / "backups"),
            self.tr("Loyalty Desk backups (*.db)"),
        )
        if name:
            self.restore(Path(name))

    def restore(self, path: Path) -> None:
        if self._running:
            return
        from loyalty_desk.services import backup

        self._running = True
        self._enable(False)
        self.message_label.setText(self.tr("Restoring {name}…").format(name=path.name))
        data_dir, now = self.ctx.data_dir, self.ctx.clock()
        self.ctx.ops.run(
            lambda: backup.restore(data_dir, path, now=now),
            on_done=self._restored,
            on_refusal=self._refused,
            on_fault=self._failed,
            on_finally=self._finished,
            owner=self,
            label="restore",
        )

    def _enable(self, on: bool) -> None:
        for button in (self.restore_button, self.other_button, self.quit_button):
            button.setEnabled(on)
        self.restore_button.setEnabled(on and self.backup_list.count() > 0)

    def _finished(self) -> None:
        self._running = False
        self._enable(True)

    def _refused(self, refusal: Refusal) -> None:
        self.message_label.setText(said(refusal))

    def _failed(self, fault: BaseException) -> None:
        self.message_label.setText(
            self.tr("The restore failed ({error}); the database was not changed.").format(
                error=f"{type(fault).__name__}: {fault}"
            )
        )

    def _restored(self, result: RestoreResult) -> None:
        log.warning(
            "database restored from %s; the damaged one kept as %s",
            result.restored_from,
            result.saved_current_as,
        )
        self.restored.emit(result)
        self.accept()


def offer_restore(
    ctx: Context, parent: QWidget, problem: str, backups: list[Path]
) -> DamagedDatabaseDialog:
    """Show the damaged-database dialog; the caller connects `restored` and `rejected`."""
    log.error("database check failed: %s", problem)
    dialog = DamagedDatabaseDialog(ctx, problem, backups, parent)
    dialog.open()
    return dialog


def tell_restored(parent: QWidget, result: RestoreResult) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("StartupChecks", "Backup restored"),
        QCoreApplication.translate(
            "StartupChecks", "The till's database was restored from {name}."
        ).format(name=result.restored_from.name),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    if result.saved_current_as is not None:
        box.setInformativeText(
            QCoreApplication.translate(
                "StartupChecks", "The database it replaced is kept as {path}."
            ).format(path=result.saved_current_as)
        )
    box.open()
    return box


def refuse_newer_database(parent: QWidget, refusal: Refusal) -> QMessageBox:
    """An older program on a newer database: say so and end, never touching the file."""
    log.error("database is newer than this program (%s): %s", __version__, said(refusal))
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate(
            "StartupChecks", "This Loyalty Desk is older than the till's database"
        ),
        QCoreApplication.translate(
            "StartupChecks",
            "This is Loyalty Desk {version}. The till's database was last used by a newer "
            "version, so this one must not open it.",
        ).format(version=__version__),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "StartupChecks",
            "Install the newest Loyalty Desk again (the installer keeps the data). "
            "Nothing was changed.\n\n{detail}",
        ).format(detail=said(refusal))
    )
    box.open()
    return box


def tell_upgraded(parent: QWidget, upgrade: SchemaUpgrade) -> QMessageBox:
    """Said once, after this version upgraded an older till database in place."""
    log.info(
        "database upgraded from %s to %s; copy before the upgrade: %s",
        upgrade.from_revision,
        upgrade.to_revision,
        upgrade.backup,
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("StartupChecks", "Database upgraded"),
        QCoreApplication.translate(
            "StartupChecks",
            "Loyalty Desk {version} upgraded this till's database (schema {old} → {new}). "
            "All members, points and sales are kept.",
        ).format(version=__version__, old=upgrade.from_revision, new=upgrade.to_revision),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    if upgrade.backup is not None:
        box.setInformativeText(
            QCoreApplication.translate(
                "StartupChecks", "A copy from before the upgrade is kept at {path}."
            ).format(path=upgrade.backup)
        )
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.open()
    return box

"""The audit log (managers): who did what, newest first, and a check of the hash chain."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QWidget

from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.forms.ui_audit_page import Ui_AuditPage
from loyalty_desk.gui.widgets import say, tidy_table
from loyalty_desk.services import audit, audit_list
from loyalty_desk.services.audit import AuditReport
from loyalty_desk.services.audit_list import AuditLine

PAGE = 200


def _detail_text(detail: dict[str, Any]) -> str:
    parts = []
    for key, value in detail.items():
        if isinstance(value, dict) and {"from", "to"} <= value.keys():
            parts.append(f"{key}: {value['from']} → {value['to']}")
        else:
            parts.append(f"{key}: {value}")
    return "; ".join(parts)


class AuditModel(QAbstractTableModel):
    """Pages of the log, older ones fetched when the view scrolls down."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[AuditLine] = []
        self._done = True
        self._fetching = False
        self._generation = 0

    def restart(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self._done = False
        self._fetching = False
        self.endResetModel()
        self._fetch()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._done and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch()

    def _fetch(self) -> None:
        self._fetching = True
        desk, generation = self.ctx.desk, self._generation
        before = self.rows[-1].seq if self.rows else None
        self.ctx.ops.run(
            lambda: audit_list.recent(desk, before_seq=before, limit=PAGE),
            on_done=lambda lines: self._arrived(generation, lines),
            busy=False,
            owner=self,
            label="audit page",
        )

    def _arrived(self, generation: int, lines: list[AuditLine]) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._done = len(lines) < PAGE
        if lines:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(lines) - 1)
            self.rows.extend(lines)
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            "#",
            self.tr("When"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("About"),
            self.tr("Details"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        line = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(line.seq),
                fmt.local_time(line.at, self.ctx.tz),
                line.actor or "—",
                line.action,
                line.subject or "",
                _detail_text(line.detail),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return _detail_text(line.detail)
        return None


class AuditPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.ui = Ui_AuditPage()
        self.ui.setupUi(self)
        self.model = AuditModel(ctx)
        view = self.ui.tableView
        view.setModel(self.model)
        tidy_table(view)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.refreshButton.clicked.connect(self.activate)
        self.ui.verifyButton.clicked.connect(self.verify)
        say(self.ui.statusLabel, "")

    def activate(self) -> None:
        self.model.restart()
        self.ui.tableView.setFocus()

    def verify(self) -> None:
        desk = self.ctx.desk
        self.ctx.ops.run(
            lambda: audit.verify(desk), on_done=self._verified, owner=self, label="verify audit"
        )

    def _verified(self, report: AuditReport) -> None:
        if report.ok:
            say(
                self.ui.statusLabel,
                self.tr("The chain is intact: {n} entries, none changed, none missing.").format(
                    n=f"{report.rows:,}"
                ),
                "ok",
            )
        else:
            say(
                self.ui.statusLabel,
                self.tr("The audit log was tampered with: {problems}").format(
                    problems="; ".join(report.problems)
                ),
                "error",
            )

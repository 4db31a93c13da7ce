"""A member's points history: every ledger entry with receipt, store and lot expiry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ForwardDialog
from loyalty_desk.gui.forms.ui_history_dialog import Ui_HistoryDialog
from loyalty_desk.gui.member_line import member_line
from loyalty_desk.gui.rows_model import RowsModel
from loyalty_desk.gui.widgets import tidy_table
from loyalty_desk.services import members
from loyalty_desk.services.views import HistoryLine, MemberView

_GAIN = QColor("#1a7f37")
_LOSS = QColor("#cf222e")


class HistoryModel(RowsModel[HistoryLine]):
    columns = 8

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("When"),
            self.tr("What"),
            self.tr("Points"),
            self.tr("Balance"),
            self.tr("Receipt"),
            self.tr("Amount"),
            self.tr("Store"),
            self.tr("Expires / left"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        h = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(h, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return _GAIN if h.points > 0 else _LOSS
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and h.reason:
            return h.reason
        return None

    def _text(self, h: HistoryLine, column: int) -> str:
        tz = self.ctx.tz
        if column == 0:
            return fmt.local_time(h.occurred_at, tz)
        if column == 1:
            kind = fmt.entry_kind(h.kind)
            return f"{kind} — {h.reason}" if h.reason and h.kind in ("ADJUST", "REVERSAL") else kind
        if column == 2:
            return fmt.points(h.points, sign=True)
        if column == 3:
            return fmt.points(h.balance_after)
        if column == 4:
            return h.receipt_no or ""
        if column == 5:
            return fmt.yuan(h.amount_fen) if h.amount_fen is not None else ""
        if column == 6:
            return h.store_id
        if h.expires_at is None:
            return ""
        return self.tr("{day} · {left} left").format(
            day=fmt.local_day(h.expires_at, tz), left=fmt.points(h.lot_remaining or 0)
        )


def setup_history_view(view: QTableView, model: HistoryModel) -> None:
    view.setModel(model)
    tidy_table(view)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)


def load_history(ctx: Context, owner: QWidget, model: HistoryModel, code: str) -> None:
    desk = ctx.desk
    ctx.ops.run(
        lambda: members.history(desk, code), on_done=model.set_rows, owner=owner, label="history"
    )


class HistoryDialog(ForwardDialog):
    def __init__(self, ctx: Context, member: MemberView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_HistoryDialog()
        self.ui.setupUi(self)
        self.setModal(True)
        self.ui.memberLabel.setText(member_line(member, unmasked=ctx.is_manager))
        self.model = HistoryModel(ctx)
        setup_history_view(self.ui.historyView, self.model)
        self.model.modelReset.connect(self._counted)
        self.ui.closeButton.clicked.connect(self.accept)
        load_history(ctx, self, self.model, member.code)
        self.ui.closeButton.setFocus()

    def _counted(self) -> None:
        self.ui.countLabel.setText(self.tr("{n} entries").format(n=len(self.model.rows)))

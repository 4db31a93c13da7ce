"""The member list behind a report cell, as a Qt table model (phones masked)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from loyalty_desk.services.reports_common import MemberLine, MemberList
from loyalty_desk.services.reports_tables import yuan_text

Index = QModelIndex | QPersistentModelIndex


class MemberListModel(QAbstractTableModel):
    HEADERS = (
        "Code 会员号",
        "Name 姓名",
        "Phone 手机",
        "Tier 等级",
        "Segment 细分",
        "Last visit 最近到店",
        "Lifetime spend 累计消费",
        "Figure",
        "Note 说明",
    )

    def __init__(self, tz: ZoneInfo) -> None:
        super().__init__()
        self.tz = tz
        self.lines: tuple[MemberLine, ...] = ()
        self.figure_label = "Figure"

    def show(self, members: MemberList) -> None:
        self.beginResetModel()
        self.lines = members.members
        self.figure_label = members.figure_label or "Figure"
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.figure_label if section == 7 else self.HEADERS[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (6, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        last = m.last_visit_at or m.last_purchase_at
        values = (
            m.code,
            m.name,
            m.phone_masked,
            m.tier.label_zh + " " + m.tier.value,
            m.segment,
            last.astimezone(self.tz).strftime("%Y-%m-%d") if last else "—",
            yuan_text(m.lifetime_spend_fen),
            yuan_text(m.figure_fen) if m.figure_fen is not None else "",
            m.note,
        )
        return values[col]

"""The member list behind a report cell, as a Qt table model (phones masked)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from loyalty_desk.domain.report_lang import w
from loyalty_desk.gui.i18n import current_lang
from loyalty_desk.services.report_words import list_title, member_note, segment_name, tier_name
from loyalty_desk.services.reports_common import MemberLine, MemberList
from loyalty_desk.services.reports_tables import yuan_text

Index = QModelIndex | QPersistentModelIndex


class MemberListModel(QAbstractTableModel):
    HEADERS = (
        ("Code", "会员号"),
        ("Name", "姓名"),
        ("Phone", "手机"),
        ("Tier", "等级"),
        ("Segment", "细分"),
        ("Last visit", "最近到店"),
        ("Lifetime spend", "累计消费"),
        ("Figure", "数值"),
        ("Note", "说明"),
    )

    def __init__(self, tz: ZoneInfo) -> None:
        super().__init__()
        self.tz = tz
        self.lines: tuple[MemberLine, ...] = ()
        self.figure_label = ""

    def show(self, members: MemberList) -> None:
        self.beginResetModel()
        self.lines = members.members
        self.figure_label = members.figure_label
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
        lang = current_lang()
        if section == 7 and self.figure_label:
            return list_title(self.figure_label, lang)
        return w(lang, *self.HEADERS[section])

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
        lang = current_lang()
        values = (
            m.code,
            m.name,
            m.phone_masked,
            tier_name(m.tier, lang),
            segment_name(m.segment, lang),
            last.astimezone(self.tz).strftime("%Y-%m-%d") if last else "—",
            yuan_text(m.lifetime_spend_fen),
            yuan_text(m.figure_fen) if m.figure_fen is not None else "",
            member_note(m.note, lang),
        )
        return values[col]

"""The members table model: pages fetched on demand, never the whole table.

Qt asks `canFetchMore`/`fetchMore` when the view nears the end of what it has; each call
asks the database worker for the next keyset page (`member_list.page`) and appends it
when it arrives. Changing the search or the order starts over; pages that arrive for an
older query are dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.context import Context
from loyalty_desk.services import member_list
from loyalty_desk.services.member_list import Cursor, Page, Sort
from loyalty_desk.services.views import MemberSummary

COLUMNS = ("code", "name", "phone", "tier", "balance", "last_visit")
SORT_OF_COLUMN = {1: Sort.NAME, 3: Sort.TIER, 4: Sort.BALANCE, 5: Sort.LAST_VISIT}
COLUMN_OF_SORT = {sort: column for column, sort in SORT_OF_COLUMN.items()}


class MembersModel(QAbstractTableModel):
    loaded = Signal(int)  # rows held after a page arrived
    refused = Signal(object)  # a Refusal for the search text
    sorted_by = Signal(object, bool)  # Sort, descending

    def __init__(self, ctx: Context, page_size: int = member_list.PAGE_SIZE) -> None:
        super().__init__()
        self.ctx = ctx
        self.page_size = page_size
        self.rows: list[MemberSummary] = []
        self.search = ""
        self.sort_key = Sort.LAST_VISIT
        self.descending = True
        self.pages_fetched = 0  # since the last reset: what the test at 1M members checks
        self.mode: member_list.SearchMode | None = None
        self._cursor: Cursor | None = None
        self._exhausted = True
        self._fetching = False
        self._generation = 0

    # -- the query -------------------------------------------------------------------------

    def restart(
        self, *, search: str | None = None, sort: Sort | None = None, descending: bool | None = None
    ) -> None:
        if search is not None:
            self.search = search
        if sort is not None:
            self.sort_key = sort
        if descending is not None:
            self.descending = descending
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self._cursor = None
        self._exhausted = False
        self._fetching = False
        self.pages_fetched = 0
        self.endResetModel()
        self._fetch()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = SORT_OF_COLUMN.get(column)
        if sort is None:
            # Codes and phones are not a browse order; keep the current one.
            self.sorted_by.emit(self.sort_key, self.descending)
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if sort == self.sort_key and descending == self.descending and self.rows:
            return
        self.restart(sort=sort, descending=descending)
        self.sorted_by.emit(sort, descending)

    # -- fetching on demand ----------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch()

    def _fetch(self) -> None:
        if not self.ctx.has_desk:
            return
        self._fetching = True
        generation = self._generation
        desk, after = self.ctx.desk, self._cursor
        search, sort, descending, size = self.search, self.sort_key, self.descending, self.page_size
        self.ctx.ops.run(
            lambda: member_list.page(
                desk, search=search, sort=sort, descending=descending, after=after, limit=size
            ),
            on_done=lambda page: self._arrived(generation, page),
            on_refusal=lambda refusal: self._refused(generation, refusal),
            busy=False,
            owner=self,
            label="members page",
        )

    def _arrived(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self.pages_fetched += 1
        self.mode = page.mode
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self._cursor = page.next
        self._exhausted = page.next is None
        self.loaded.emit(len(self.rows))

    def _refused(self, generation: int, refusal: Refusal) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._exhausted = True
        self.refused.emit(refusal)

    def refresh_cells(self) -> None:
        """Who is signed in changed: phones are masked for cashiers, whole for managers."""
        if self.rows:
            last = self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    @property
    def fetching(self) -> bool:
        return self._fetching

    # -- the table -------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Member code"),
            self.tr("Name"),
            self.tr("Phone"),
            self.tr("Tier"),
            self.tr("Points"),
            self.tr("Last visit"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        m = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "code":
                return m.code
            if column == "name":
                return m.name
            if column == "phone":
                return fmt.phone(m.phone, unmasked=self.ctx.is_manager)
            if column == "tier":
                return fmt.tier_name(m.tier)
            if column == "balance":
                return fmt.points(m.balance)
            return fmt.local_day(m.last_visit_at, self.ctx.tz)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "balance":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return m.code
        return None

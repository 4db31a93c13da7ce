"""The members screen: browse and search every member, in pages, at any table size."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QWidget

from loyalty_desk.domain.codes import is_member_code
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.forms.ui_members_page import Ui_MembersPage
from loyalty_desk.gui.members_model import COLUMN_OF_SORT, MembersModel
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.widgets import say, tidy_table
from loyalty_desk.services import member_list
from loyalty_desk.services.member_list import Sort

SEARCH_DELAY_MS = 250


class MembersPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.ui = Ui_MembersPage()
        self.ui.setupUi(self)
        self.model = MembersModel(ctx)
        ui = self.ui
        view = ui.tableView
        view.setModel(self.model)
        tidy_table(view)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 170, 150, 90, 110)):
            header.resizeSection(column, width)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._header_sort)
        self.model.loaded.connect(self._loaded)
        self.model.refused.connect(self._refused)
        self.model.sorted_by.connect(self._show_sort)
        view.doubleClicked.connect(lambda index: self.open_detail(index))
        view.activated.connect(lambda index: self.open_detail(index))

        for sort, text in (
            (Sort.LAST_VISIT, self.tr("Last visit")),
            (Sort.TIER, self.tr("Tier")),
            (Sort.BALANCE, self.tr("Points")),
            (Sort.NAME, self.tr("Name")),
        ):
            ui.sortCombo.addItem(text, str(sort))
        ui.sortCombo.activated.connect(lambda _i: self._combo_sort())
        ui.orderButton.setChecked(True)
        ui.orderButton.toggled.connect(lambda _c: self._combo_sort())

        search = ui.searchEdit
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        search.textEdited.connect(lambda _t: self._timer.start())
        search.submitted.connect(lambda _t: self._search_then_table())
        search.scanned.connect(self._scanned)
        search.moved.connect(self._move)
        search.escaped.connect(self._clear_search)
        ui.openButton.clicked.connect(lambda: self.open_detail(view.currentIndex()))
        ui.checkoutButton.clicked.connect(self._serve)
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self.focus_search)
        ctx.signed_in.connect(lambda _s: self.model.refresh_cells())
        say(ui.messageLabel, "")
        self._started = False
        self._show_sort(Sort.LAST_VISIT, True)

    # -- showing ---------------------------------------------------------------------------

    def activate(self) -> None:
        if not self._started:
            self._started = True
            self.model.restart()
            self._count()
        self.focus_search()

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def _count(self) -> None:
        desk, search = self.ctx.desk, self.model.search
        self.ui.countLabel.setText(self.tr("Counting…"))
        self.ctx.ops.run(
            lambda: member_list.count(desk, search),
            on_done=lambda n: self._counted(search, n),
            on_refusal=lambda _r: self.ui.countLabel.setText(""),
            busy=False,
            owner=self,
            label="count members",
        )

    def _counted(self, search: str, n: int) -> None:
        if search != self.model.search:
            return
        if search:
            self.ui.countLabel.setText(self.tr("{n} members match").format(n=f"{n:,}"))
        else:
            self.ui.countLabel.setText(self.tr("{n} members").format(n=f"{n:,}"))

    def _loaded(self, rows: int) -> None:
        say(self.ui.messageLabel, "")
        more = "" if self.model.exhausted else self.tr(" (more load as you scroll)")
        self.ui.loadedLabel.setText(self.tr("{n} shown{more}").format(n=f"{rows:,}", more=more))
        view = self.ui.tableView
        if rows and not view.currentIndex().isValid():
            view.selectRow(0)

    def _refused(self, refusal: Refusal) -> None:
        say(self.ui.messageLabel, said(refusal), "info")
        self.ui.loadedLabel.setText("")

    # -- sorting and searching -------------------------------------------------------------

    def _show_sort(self, sort: Sort, descending: bool) -> None:
        index = self.ui.sortCombo.findData(str(sort))
        self.ui.sortCombo.setCurrentIndex(index)
        self.ui.orderButton.blockSignals(True)
        self.ui.orderButton.setChecked(descending)
        self.ui.orderButton.setText("↓" if descending else "↑")
        self.ui.orderButton.blockSignals(False)
        header = self.ui.tableView.horizontalHeader()
        header.blockSignals(True)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(COLUMN_OF_SORT[sort], order)
        header.blockSignals(False)

    def _header_sort(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort(column, order)

    def _combo_sort(self) -> None:
        sort = Sort(self.ui.sortCombo.currentData())
        descending = self.ui.orderButton.isChecked()
        self._show_sort(sort, descending)
        self.model.restart(sort=sort, descending=descending)

    def _search(self) -> None:
        text = self.ui.searchEdit.text().strip()
        if text == self.model.search:
            return
        self.model.restart(search=text)
        self._count()

    def _search_then_table(self) -> None:
        self._timer.stop()
        self._search()
        self.ui.tableView.setFocus()

    def _scanned(self, text: str) -> None:
        self._timer.stop()
        code = text.strip()
        if is_member_code(code):
            self.ui.searchEdit.clear()
            self._open_code(code)
        else:
            self._search()

    def _clear_search(self) -> None:
        if self.ui.searchEdit.text():
            self.ui.searchEdit.clear()
            self._search()

    def _move(self, step: int) -> None:
        view = self.ui.tableView
        row = max(0, min(self.model.rowCount() - 1, view.currentIndex().row() + step))
        if self.model.rowCount():
            view.selectRow(row)

    # -- opening ---------------------------------------------------------------------------

    def open_detail(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        code = self.model.data(index, Qt.ItemDataRole.UserRole)
        if code:
            self._open_code(str(code))

    def _open_code(self, code: str) -> None:
        from loyalty_desk.gui.member_detail_dialog import MemberDetailDialog

        dialog = MemberDetailDialog(self.ctx, code, self)
        dialog.edited.connect(lambda: self.model.restart())
        dialog.open()

    def _serve(self) -> None:
        index = self.ui.tableView.currentIndex()
        code = self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None
        if code:
            self.ctx.member_requested.emit(str(code))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)

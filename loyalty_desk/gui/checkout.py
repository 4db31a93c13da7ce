"""The checkout screen: find the member, then award, redeem, enrol, refund — by keyboard.

The search field has the focus whenever nothing else is going on. Typed digits show live
results (at most 20, from `members.find`) as each key is typed; while keys come in a
scanner's burst the search waits for the burst to end (debounced), and the burst's Enter
opens the member. A full phone or a member code opens the member at once. Every lookup
runs on the database worker; a newer keystroke makes the answer to an older one
irrelevant, and it is dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget

from loyalty_desk.domain.coupons import looks_like_coupon
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.checkout_coupons import CheckoutCoupons
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ActionDialog
from loyalty_desk.gui.forms.ui_checkout import Ui_CheckoutPage
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.widgets import FocusRedirect, page_shortcuts, say, tidy_table
from loyalty_desk.services import member_panel, members
from loyalty_desk.services.member_panel import MemberCard
from loyalty_desk.services.members import FindResult
from loyalty_desk.services.staff import StaffView
from loyalty_desk.services.views import MemberSummary, MemberView

SEARCH_DELAY_MS = 30  # a scanner burst is over when no key came for this long


class ResultsModel(QAbstractTableModel):
    """The pick list under the search field. Its cells are formatted once per search:
    a view asks for them hundreds of times per paint, and this list is on the clock."""

    COLUMNS = ("phone", "name", "tier", "balance", "last_visit")
    _RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[MemberSummary] = []
        self._cells: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[MemberSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        unmasked = self.ctx.is_manager
        tz = self.ctx.tz if rows else None
        self._cells = [
            (
                fmt.phone(m.phone, unmasked=unmasked),
                m.name,
                fmt.tier_name(m.tier),
                fmt.points(m.balance),
                fmt.local_day(m.last_visit_at, tz) if tz is not None else "",
            )
            for m in rows
        ]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Phone"),
            self.tr("Name"),
            self.tr("Tier"),
            self.tr("Points"),
            self.tr("Last visit"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return self._RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()].code
        return None


class CheckoutPage(QWidget):
    member_opened = Signal(object)  # MemberView
    results_shown = Signal(int)  # how many results the list now shows (tests, benchmarks)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.ui = Ui_CheckoutPage()
        self.ui.setupUi(self)
        self.member: MemberView | None = None
        self.card: MemberCard | None = None
        self._search_seq = 0
        self._opening_seq = 0
        self._shown_for = ""  # the search text the pick list on screen answers
        self.results = ResultsModel(ctx)
        view = self.ui.resultsView
        view.setModel(self.results)
        tidy_table(view, row_height=36)
        # Fixed widths: measuring every cell on each keystroke would cost more than the search.
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 118), (2, 66), (3, 72), (4, 100)):
            header.resizeSection(column, width)
        view.doubleClicked.connect(lambda index: self._open_row(index.row()))

        search = self.ui.searchEdit
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_now)
        search.textEdited.connect(self._typed)
        search.scanned.connect(self._scanned)
        search.submitted.connect(self._submitted)
        search.moved.connect(self._move)
        search.escaped.connect(self._escape)
        self._redirect = FocusRedirect(self, search)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._redirect)

        ui = self.ui
        ui.awardButton.clicked.connect(self.award)
        ui.redeemButton.clicked.connect(self.redeem)
        ui.enrolButton.clicked.connect(self.enrol)
        ui.refundButton.clicked.connect(self.refund)
        ui.historyButton.clicked.connect(self.history)
        ui.adjustButton.clicked.connect(self.adjust)
        ui.editButton.clicked.connect(self.edit)
        page_shortcuts(
            self,
            (
                ("F2", self.focus_search),
                ("F3", self.award),
                ("F4", self.redeem),
                ("F5", self.enrol),
                ("F6", self.refund),
                ("F7", self.history),
                ("F8", self.adjust),
                ("F9", self.edit),
                ("Esc", self._escape),
            ),
        )
        self.coupons = CheckoutCoupons(self)
        ctx.signed_in.connect(self._staff_changed)
        say(ui.messageLabel, "")
        self._show_hint()
        self._update_actions()

    # -- state -----------------------------------------------------------------------------

    def activate(self) -> None:
        self.focus_search()

    def focus_search(self) -> None:
        if QApplication.activeModalWidget() is None and not self.window().isActiveWindow():
            self.window().activateWindow()  # back from a dialog: the keyboard returns here
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def _staff_changed(self, staff: StaffView | None) -> None:
        # A new cashier starts on an empty screen: the last customer is not theirs.
        self.clear_member()
        self.ui.searchEdit.clear()
        self.results.set_rows([])
        say(self.ui.messageLabel, "")
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.member is not None
        ui = self.ui
        for button in (ui.awardButton, ui.redeemButton, ui.historyButton, ui.editButton):
            button.setEnabled(has)
        ui.adjustButton.setVisible(self.ctx.is_manager)
        ui.adjustButton.setEnabled(has and self.ctx.is_manager)
        self.coupons.update_actions()

    def _show_hint(self) -> None:
        self.ui.searchHint.setText(self.tr("F2 search · ↑↓ choose · Enter open · Esc clear"))

    # -- searching -------------------------------------------------------------------------

    def _typed(self, _text: str) -> None:
        # An answer still on its way is for the text before this key: drop it when it comes.
        self._search_seq += 1
        if self.ui.searchEdit.timing.in_burst():
            self._timer.start()  # a scanner is typing: search once it has finished
        else:
            self._timer.stop()
            self._search_now()  # a person typing: every key shows its results

    def _search_now(self, *, open_single: bool = False) -> None:
        text = self.ui.searchEdit.text().strip()
        self._search_seq += 1
        seq = self._search_seq
        if not text:
            self.results.set_rows([])
            say(self.ui.messageLabel, "")
            self.results_shown.emit(0)
            return
        digits = text.replace(" ", "").replace("-", "")
        if looks_like_coupon(digits):
            self.results.set_rows([])
            say(self.ui.messageLabel, self.tr("A coupon code: Enter applies it."), "info")
            self.results_shown.emit(0)
            return
        if digits.isdigit() and len(digits) < 4:
            self.results.set_rows([])
            say(self.ui.messageLabel, self.tr("Keep typing: at least 4 digits."), "info")
            self.results_shown.emit(0)
            return
        desk = self.ctx.desk
        self.ctx.ops.run(
            lambda: members.find(desk, text),
            on_done=lambda found: self._found(seq, found, open_single),
            on_refusal=lambda refusal: self._not_found(seq, refusal),
            busy=False,
            owner=self,
            label="find member",
        )

    def _found(self, seq: int, found: FindResult, open_single: bool) -> None:
        if seq != self._search_seq:
            return  # the cashier typed on; a newer search is on its way
        rows = list(found.members)
        self.results.set_rows(rows)
        self._shown_for = self.ui.searchEdit.text().strip()
        if rows:
            self.ui.resultsView.selectRow(0)
            say(self.ui.messageLabel, "")
        else:
            say(self.ui.messageLabel, self.tr("No member found. F5 enrols a new member."), "info")
        self.results_shown.emit(len(rows))
        exact = found.mode in ("phone", "code")
        if len(rows) == 1 and (exact or open_single):
            self.open_member(rows[0].code)

    def _not_found(self, seq: int, refusal: Refusal) -> None:
        if seq != self._search_seq:
            return
        self.results.set_rows([])
        say(self.ui.messageLabel, said(refusal), "info")
        self.results_shown.emit(0)

    def _scanned(self, text: str) -> None:
        """A scanner burst: apply the coupon, or look the member up now and open them."""
        self._timer.stop()
        code = text.strip()
        if not code or self.coupons.route(code):
            return
        self._search_now(open_single=True)

    def take_code(self, text: str) -> None:
        """A code read some other way (the camera): handled exactly like a scanner burst."""
        self.ui.searchEdit.setText(text.strip())
        self._scanned(text)

    def clear_search(self) -> None:
        self._search_seq += 1  # an answer still on its way is for the text now gone
        self._timer.stop()
        self.ui.searchEdit.clear()
        self.results.set_rows([])
        self.results_shown.emit(0)

    def _submitted(self, text: str) -> None:
        """Enter typed by a person: open the highlighted member, or search right now."""
        self._timer.stop()
        if self.coupons.route(text):
            return
        index = self.ui.resultsView.currentIndex()
        if self.results.rows and index.isValid() and self._shown_for == text.strip():
            self._open_row(index.row())
        elif text.strip():
            self._search_now(open_single=True)

    def _move(self, step: int) -> None:
        if not self.results.rows:
            return
        current = self.ui.resultsView.currentIndex().row()
        row = max(0, min(len(self.results.rows) - 1, current + step))
        self.ui.resultsView.selectRow(row)

    def _escape(self) -> None:
        search = self.ui.searchEdit
        if not search.hasFocus():
            self.focus_search()
        elif search.text():
            search.clear()
            self._search_now()
        elif self.member is not None:
            self.clear_member()

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.results.rows):
            self.open_member(self.results.rows[row].code)

    # -- the member ------------------------------------------------------------------------

    def open_member(self, code: str) -> None:
        self._opening_seq += 1
        seq = self._opening_seq
        desk = self.ctx.desk
        self.ctx.ops.run(
            lambda: member_panel.card(desk, code),
            on_done=lambda card: self._show_card(seq, card),
            on_refusal=lambda refusal: say(self.ui.messageLabel, said(refusal), "error"),
            owner=self,
            label="open member",
        )

    def _show_card(self, seq: int, card: MemberCard) -> None:
        if seq != self._opening_seq:
            return
        self.card = card
        self.member = card.member
        self.ui.memberPanel.show_card(card, self.ctx.tz, unmasked=self.ctx.is_manager)
        # Ready for the next scan or phone number: the panel says who is being served.
        self._search_seq += 1
        self.ui.searchEdit.clear()
        self.results.set_rows([])
        self.results_shown.emit(0)
        self._update_actions()
        self.member_opened.emit(card.member)
        self.focus_search()

    def refresh_member(self, view: MemberView | None = None) -> None:
        code = view.code if view is not None else (self.member.code if self.member else None)
        if code is not None:
            self.open_member(code)

    def clear_member(self) -> None:
        self.member = None
        self.card = None
        self.ui.memberPanel.show_card(None, None, unmasked=False)
        self._update_actions()

    def notify(self, text: str, tone: str = "ok") -> None:
        say(self.ui.messageLabel, text, tone)

    def open_dialog(self, dialog: ActionDialog) -> None:
        dialog.done_with.connect(self._dialog_done)
        dialog.finished.connect(lambda _r: self.focus_search())
        dialog.open()

    # -- actions ---------------------------------------------------------------------------

    def _dialog_done(self, view: MemberView | None, message: str) -> None:
        if view is not None:
            self.refresh_member(view)
        if message:
            self.notify(message)
        self.focus_search()

    def award(self) -> None:
        if self.member is None:
            return
        from loyalty_desk.gui.award_dialog import AwardDialog

        dialog = AwardDialog(self.ctx, self.member, self)
        dialog.done_with.connect(self._dialog_done)
        dialog.done_with.connect(
            lambda view, message: self.coupons.awarded(view, dialog.ui.receiptEdit.text(), message)
        )
        dialog.finished.connect(lambda _r: self.focus_search())
        dialog.open()

    def redeem(self) -> None:
        if self.member is None:
            return
        from loyalty_desk.gui.redeem_dialog import RedeemDialog

        dialog = RedeemDialog(self.ctx, self.member, self)
        dialog.coupon_wanted.connect(self.coupons.use_coupon)
        dialog.done_with.connect(self._dialog_done)
        dialog.finished.connect(lambda _r: self.focus_search())
        dialog.open()

    def enrol(self) -> None:
        from loyalty_desk.gui.enrol_dialog import EnrolDialog

        dialog = EnrolDialog(self.ctx, self)
        dialog.prefill(self.ui.searchEdit.text())
        dialog.done_with.connect(self._dialog_done)
        dialog.done_with.connect(self.coupons.offer_card)
        dialog.open_member.connect(self.open_member)
        dialog.finished.connect(lambda _r: self.focus_search())
        dialog.open()

    def refund(self) -> None:
        from loyalty_desk.gui.refund_dialog import RefundDialog

        dialog = RefundDialog(self.ctx, self.member, self)
        dialog.done_with.connect(self._dialog_done)
        dialog.finished.connect(lambda _r: self.focus_search())
        dialog.open()

    def history(self) -> None:
        if self.member is None:
            return
        from loyalty_desk.gui.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.ctx, self.member, self)
        dialog.finished.connect(lambda _r: self.focus_search())
        dialog.open()

    def adjust(self) -> None:
        if self.member is None or not self.ctx.is_manager:
            return
        from loyalty_desk.gui.adjust_dialog import AdjustDialog

        dialog = AdjustDialog(self.ctx, self.member, self)
        dialog.done_with.connect(self._dialog_done)
        dialog.finished.connect(lambda _r: self.focus_search())
        dialog.open()

    def edit(self) -> None:
        if self.member is None:
            return
        from loyalty_desk.gui.member_edit_dialog import MemberEditDialog

        dialog = MemberEditDialog(self.ctx, self.member, self)
        dialog.done_with.connect(self._dialog_done)
        dialog.finished.connect(lambda _r: self.focus_search())
        dialog.open()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._show_hint()
        super().changeEvent(event)

"""Sync problems (managers): what the server refused, set aside or opened a case for, and
the members merged away — each with what happened and what to do about it.

The list comes from services.sync_problems, read off the GUI thread; the words here are
the screen's own (translated), chosen by the problem's category and code.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ForwardDialog
from loyalty_desk.gui.forms.ui_sync_problems_dialog import Ui_SyncProblemsDialog
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.rows_model import RowsModel
from loyalty_desk.gui.widgets import tidy_table
from loyalty_desk.services.sync_problems import Category, SyncProblem, sync_problems


class ProblemTexts(ForwardDialog):
    """The words for a problem (a QObject for tr(); the dialog is one)."""

    def category(self, p: SyncProblem) -> str:
        return {
            Category.REJECTED: self.tr("Refused by the server"),
            Category.QUARANTINED: self.tr("Set aside by the server"),
            Category.FAILING: self.tr("Not sent yet"),
            Category.CONFLICT: self.tr("Case opened"),
            Category.MERGED: self.tr("Member merged"),
        }[p.category]

    def what(self, p: SyncProblem) -> str:
        if p.category is Category.REJECTED:
            return self.tr(
                "The server refused this {kind} ({code}): {message} It stands on this till "
                "but is not in the chain's books."
            ).format(kind=p.event_kind, code=p.code or "?", message=_sentence(_words(p)))
        if p.category is Category.QUARANTINED:
            return self.tr(
                "The server already holds an event with this id and different content, and "
                "kept the first one. The copy this till sent was set aside, not applied."
            )
        if p.category is Category.FAILING:
            return self.tr("Sending failed {n} times: {message}").format(
                n=p.attempts, message=_sentence(_words(p))
            )
        if p.category is Category.MERGED:
            return self.tr(
                "This phone was enrolled in two stores while they were offline; the earlier "
                "enrolment, member {winner}, now holds both ledgers."
            ).format(winner=p.merged_into_code or "?")
        return {
            "overdraft": self.tr(
                "An offline redemption spent more points than the member had across the "
                "chain (another store spent them too). The shortfall is booked as an "
                "overdraft and the member may only redeem online."
            ),
            "coupon_double_redeemed": self.tr(
                "This coupon had already been used in another store (both were offline). "
                "Both sales stand."
            ),
            "void_coupon_used": self.tr(
                "This coupon had been voided before it was used here. The sale stands."
            ),
            "unknown_coupon": self.tr("The server does not know the coupon used in this sale."),
            "duplicate_code": self.tr(
                "Another store drew the same member code for a different member. Both members "
                "keep working; this one is found by phone."
            ),
            "merged": self.tr(
                "The same phone was enrolled in another store as well; the server merged the "
                "two members (the earlier enrolment wins)."
            ),
        }.get(p.code or "", self.tr("The server opened a case: {code}.").format(code=p.code))

    def todo(self, p: SyncProblem) -> str:
        if p.category is Category.REJECTED:
            return self.tr(
                "Check the member and the receipt. If points must change, make an adjustment "
                "(it syncs as a new event); the refused event is not sent again."
            )
        if p.category is Category.QUARANTINED:
            return self.tr(
                "Nothing was counted twice. Tell the chain's office the event id below; if "
                "this till's database was copied from another till, register it again."
            )
        if p.category is Category.FAILING:
            return self.tr(
                "It is retried automatically. If it keeps failing, check the network and the "
                "server address in Settings, then press Sync now."
            )
        if p.category is Category.MERGED:
            return self.tr(
                "Nothing to do: the old card still works and leads to member {winner}."
            ).format(winner=p.merged_into_code or "?")
        return {
            "overdraft": self.tr(
                "The member's next earnings repay the overdraft first. The chain's office "
                "closes the case on the server (loyalty-desk server cases) once it is settled."
            ),
            "coupon_double_redeemed": self.tr(
                "Decide with the chain's office whether to recover the discount; the case "
                "is on the server (loyalty-desk server cases)."
            ),
            "void_coupon_used": self.tr(
                "Ask why a voided coupon was accepted; the case is on the server."
            ),
            "unknown_coupon": self.tr(
                "Check the coupon on the receipt with the chain's office; the case is on "
                "the server."
            ),
            "duplicate_code": self.tr("Give this member a new card."),
            "merged": self.tr("Nothing to do: the member keeps one balance and one history."),
        }.get(p.code or "", self.tr("See the case on the server (loyalty-desk server cases)."))


def _words(p: SyncProblem) -> str:
    """The server's or the sync's sentence, in the client's language where it is one of ours."""
    if not p.message:
        return ""
    return said(Refusal(cast(Code, p.code or ""), p.message))


def _sentence(text: str | None) -> str:
    text = (text or "").strip()
    return text if not text or text.endswith((".", "。", "!", "?")) else text + "."


class ProblemsModel(RowsModel[SyncProblem]):
    columns = 4

    def __init__(self, texts: ProblemTexts, ctx: Context) -> None:
        super().__init__()
        self.texts = texts
        self.ctx = ctx

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Problem"), self.tr("Member"), self.tr("Receipt"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return fmt.local_time(p.at, self.ctx.tz)
        if column == 1:
            return self.texts.category(p)
        if column == 2:
            if p.member_name is None:
                return p.member_code or ""
            return f"{p.member_name} · {p.member_code}" if p.member_code else p.member_name
        return p.receipt_no or ""


class SyncProblemsDialog(ProblemTexts):
    loaded = Signal(int)  # how many problems are listed

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_SyncProblemsDialog()
        self.ui.setupUi(self)
        self.setModal(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.model = ProblemsModel(self, ctx)
        view = self.ui.problemsView
        view.setModel(self.model)
        tidy_table(view)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.ui.refreshButton.clicked.connect(self.load)
        self.load()

    def load(self) -> None:
        desk = self.ctx.desk
        self.ui.summaryLabel.setText(self.tr("Reading…"))
        self.ctx.ops.run(
            lambda: sync_problems(desk), on_done=self._loaded, owner=self, label="sync problems"
        )

    def _loaded(self, rows: list[SyncProblem]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.ui.summaryLabel.setText(
                self.tr("{n} things syncing left for a manager, newest first.").format(n=len(rows))
            )
            self.ui.problemsView.selectRow(0)
        else:
            self.ui.summaryLabel.setText(
                self.tr("No problems: every event was accepted and no case was opened.")
            )
        self._show_selected()
        self.loaded.emit(len(rows))

    def selected(self) -> SyncProblem | None:
        index = self.ui.problemsView.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _show_selected(self) -> None:
        p = self.selected()
        ui = self.ui
        ui.detailGroup.setEnabled(p is not None)
        ui.whatLabel.setText(self.what(p) if p else "")
        ui.todoLabel.setText(self.todo(p) if p else "")
        if p is None:
            ui.eventLabel.setText("")
        elif p.event_id is None:
            ui.eventLabel.setText(self.tr("member {id}").format(id=p.member_id))
        else:
            ui.eventLabel.setText(
                self.tr("{kind} #{seq} · {id}").format(
                    kind=p.event_kind, seq=p.device_seq, id=p.event_id
                )
            )

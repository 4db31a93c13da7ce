"""One member in full: the panel, the whole points history, editing, serving."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ForwardDialog
from loyalty_desk.gui.forms.ui_member_detail_dialog import Ui_MemberDetailDialog
from loyalty_desk.gui.history_dialog import HistoryModel, load_history, setup_history_view
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.widgets import say
from loyalty_desk.services import member_panel
from loyalty_desk.services.member_panel import MemberCard
from loyalty_desk.services.views import MemberView


class MemberDetailDialog(ForwardDialog):
    edited = Signal()

    def __init__(self, ctx: Context, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = code
        self.card: MemberCard | None = None
        self.ui = Ui_MemberDetailDialog()
        self.ui.setupUi(self)
        self.setModal(True)
        self.history = HistoryModel(ctx)
        setup_history_view(self.ui.historyView, self.history)
        self.ui.closeButton.clicked.connect(self.accept)
        self.ui.editButton.clicked.connect(self._edit)
        self.ui.checkoutButton.clicked.connect(self._serve)
        self.ui.editButton.setEnabled(False)
        say(self.ui.messageLabel, "")
        self.load()
        self.ui.closeButton.setFocus()

    def load(self) -> None:
        desk, code = self.ctx.desk, self.code
        self.ctx.ops.run(
            lambda: member_panel.card(desk, code),
            on_done=self._show,
            on_refusal=lambda r: say(self.ui.messageLabel, said(r), "error"),
            owner=self,
            label="member detail",
        )
        load_history(self.ctx, self, self.history, code)

    def _show(self, card: MemberCard) -> None:
        self.card = card
        self.setWindowTitle(card.member.name)
        self.ui.memberPanel.show_card(card, self.ctx.tz, unmasked=self.ctx.is_manager)
        self.ui.editButton.setEnabled(True)

    def _edit(self) -> None:
        if self.card is None:
            return
        from loyalty_desk.gui.member_edit_dialog import MemberEditDialog

        dialog = MemberEditDialog(self.ctx, self.card.member, self)
        dialog.done_with.connect(self._edited)
        dialog.open()

    def _edited(self, member: MemberView | None, message: str) -> None:
        say(self.ui.messageLabel, message, "ok")
        self.load()
        self.edited.emit()

    def _serve(self) -> None:
        self.ctx.member_requested.emit(self.code)
        self.accept()

"""Refund a receipt, all or part of it, with a manager's PIN.

The preview (the refund use case with dry_run=True, no PIN needed) shows the points that
will be taken back and the redeemed points that come back before anyone approves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QHeaderView, QWidget

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.money import parse_yuan
from loyalty_desk.gui import formatting as fmt
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.dialog_base import ActionDialog
from loyalty_desk.gui.forms.ui_refund_dialog import Ui_RefundDialog
from loyalty_desk.gui.member_line import member_line
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.widgets import amount_field, no_input_method, pin_field, say, tidy_table
from loyalty_desk.services import checkout, receipts
from loyalty_desk.services.checkout import RefundResult
from loyalty_desk.services.receipts import ReceiptLine
from loyalty_desk.services.views import MemberView

PREVIEW_DELAY_MS = 250


class ReceiptsModel(QAbstractTableModel):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[ReceiptLine] = []

    def set_rows(self, rows: list[ReceiptLine]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Receipt"),
            self.tr("When"),
            self.tr("Paid"),
            self.tr("Refundable"),
            self.tr("Earned"),
            self.tr("Redeemed"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.receipt_no,
                fmt.local_time(r.occurred_at, self.ctx.tz),
                fmt.yuan(r.paid_fen),
                fmt.yuan(r.refundable_fen),
                fmt.points(r.earned_points),
                fmt.points(r.redeemed_points),
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and r.refundable_fen == 0:
            return Qt.GlobalColor.gray
        return None


class RefundDialog(ActionDialog):
    def __init__(
        self, ctx: Context, member: MemberView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.member = member
        self.ui = Ui_RefundDialog()
        self.ui.setupUi(self)
        self.wire(self.ui.messageLabel, self.ui.confirmButton, self.ui.cancelButton)
        ui = self.ui
        no_input_method(ui.receiptEdit)
        amount_field(ui.amountEdit)
        pin_field(ui.pinEdit)
        self.model = ReceiptsModel(ctx)
        ui.receiptsView.setModel(self.model)
        tidy_table(ui.receiptsView)
        header = ui.receiptsView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, 1):  # receipt number and time: never cut short
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        ui.receiptsView.selectionModel().selectionChanged.connect(self._picked)
        self.preview: RefundResult | None = None
        self.preview_for: tuple[str, int | None] | None = None
        self._seq = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.run_preview)
        ui.receiptEdit.textEdited.connect(self._inputs_changed)
        ui.amountEdit.textEdited.connect(self._inputs_changed)
        ui.pinEdit.textEdited.connect(lambda _t: self.refresh_confirm())
        ui.previewTitle.setText("")
        if member is not None:
            ui.memberLabel.setText(member_line(member, unmasked=ctx.is_manager))
            desk, code = ctx.desk, member.code
            ctx.ops.run(
                lambda: receipts.recent(desk, code),
                on_done=self._receipts,
                owner=self,
                busy=False,
                label="recent receipts",
            )
        else:
            ui.memberLabel.setText(self.tr("Type the receipt number of the sale to refund."))
            ui.receiptsView.hide()
        self.refresh_confirm()
        ui.receiptEdit.setFocus()

    def _receipts(self, rows: list[ReceiptLine]) -> None:
        self.model.set_rows(rows)
        if not rows:
            self.ui.receiptsView.hide()

    def _picked(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        line = self.model.rows[indexes[0].row()]
        self.ui.receiptEdit.setText(line.receipt_no)
        self._inputs_changed()

    def inputs(self) -> tuple[str, int | None] | Refusal | None:
        receipt = self.ui.receiptEdit.text().strip()
        if not receipt:
            return None
        text = self.ui.amountEdit.text().strip()
        if not text:
            return receipt, None
        fen = parse_yuan(text, field=self.tr("refund amount"))
        return fen if isinstance(fen, Refusal) else (receipt, fen)

    def _inputs_changed(self) -> None:
        self.preview = None
        self.preview_for = None
        self.refresh_confirm()
        self._timer.start()

    def run_preview(self) -> None:
        current = self.inputs()
        if current is None:
            return
        if isinstance(current, Refusal):
            say(self.message_label, said(current), "error")
            return
        receipt, fen = current
        self._seq += 1
        seq = self._seq
        desk = self.ctx.desk
        self.ctx.ops.run(
            lambda: checkout.refund(desk, receipt, fen, dry_run=True),
            on_done=lambda result: self._previewed(seq, current, result),
            on_refusal=lambda refusal: self._preview_refused(seq, refusal),
            busy=False,
            owner=self,
            label="refund preview",
        )

    def _previewed(self, seq: int, inputs: tuple[str, int | None], result: RefundResult) -> None:
        if seq != self._seq:
            return
        self.preview, self.preview_for = result, inputs
        self.ui.previewTitle.setText(
            self.tr("Refund {amount}").format(amount=fmt.yuan(result.refunded_fen))
        )
        lines = [
            self.tr("Receipt {no}: {left} would remain refundable afterwards.").format(
                no=result.receipt_no, left=fmt.yuan(result.refundable_left_fen)
            ),
            self.tr("{rev} earned points are taken back; {res} redeemed points come back.").format(
                rev=fmt.points(result.points_reversed), res=fmt.points(result.points_restored)
            ),
            self.tr("{name}'s balance afterwards: {balance} points.").format(
                name=result.member.name, balance=fmt.points(result.member.balance)
            ),
        ]
        if result.member.balance < 0:
            lines.append(self.tr("The balance goes negative: later purchases will repay it."))
        self.ui.previewLabel.setText("\n".join(lines))
        say(self.message_label, "")
        self.refresh_confirm()

    def _preview_refused(self, seq: int, refusal: Refusal) -> None:
        if seq != self._seq:
            return
        self.preview = None
        self.ui.previewTitle.setText("")
        self.ui.previewLabel.setText("")
        self.refused(refusal)
        self.refresh_confirm()

    def can_confirm(self) -> bool:
        return (
            self.preview is not None
            and self.preview_for == self.inputs()
            and bool(self.ui.pinEdit.text())
        )

    def on_enter(self) -> None:
        if self.ui.receiptsView.hasFocus() or self.ui.receiptEdit.hasFocus():
            self._timer.stop()
            self.run_preview()
            self.ui.amountEdit.setFocus()
        elif self.ui.amountEdit.hasFocus():
            self._timer.stop()
            self.run_preview()
            self.ui.pinEdit.setFocus()
        elif self.can_confirm():
            self.confirm()

    def confirm(self) -> None:
        current = self.inputs()
        if not isinstance(current, tuple) or not self.can_confirm():
            return
        receipt, fen = current
        pin = self.ui.pinEdit.text()
        desk, cashier = self.ctx.desk, self.ctx.staff_id
        self.submit(
            lambda: checkout.refund(desk, receipt, fen, manager_pin=pin, cashier_id=cashier),
            self._refunded,
            on_refusal=self._refund_refused,
            label="refund",
        )

    def _refund_refused(self, refusal: Refusal) -> None:
        self.ui.pinEdit.clear()
        self.ui.pinEdit.setFocus()
        self.refused(refusal)

    def _refunded(self, result: RefundResult) -> None:
        self.finish(
            result.member,
            self.tr(
                "Refunded {amount} of receipt {no}: {rev} points taken back, {res} returned "
                "(approved by {who})."
            ).format(
                amount=fmt.yuan(result.refunded_fen),
                no=result.receipt_no,
                rev=fmt.points(result.points_reversed),
                res=fmt.points(result.points_restored),
                who=result.approved_by or "—",
            ),
        )

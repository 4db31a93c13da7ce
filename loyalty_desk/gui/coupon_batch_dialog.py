"""A manager's batch: every member of a segment gets a coupon of one kind, rendered into
one multi-page PDF behind a progress bar, then saved (asks where) or printed.

Issuing is one transaction; rendering comes after and can be cancelled (Esc) without
undoing the coupons: "Render again" renders the same coupons, it never issues twice.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from loyalty_desk.domain.coupons import Kind
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.segments import Segment
from loyalty_desk.gui.context import Context
from loyalty_desk.gui.coupon_issue_dialog import describe_kind, fill_kinds, kind_label, pin_needed
from loyalty_desk.gui.dialog_base import ActionDialog
from loyalty_desk.gui.forms.ui_coupon_batch_dialog import Ui_CouponBatchDialog
from loyalty_desk.gui.print_actions import printer_job
from loyalty_desk.gui.printing import BatchRenderer, Document
from loyalty_desk.gui.widgets import say
from loyalty_desk.services import coupon_batch
from loyalty_desk.services.coupon_batch import BatchResult

# The kind each segment is usually sent (DESIGN §5); the manager may choose another.
USUAL_KIND = {
    Segment.DORMANT: Kind.WINBACK,
    Segment.POTENTIAL: Kind.UPSELL,
    Segment.BASIC: Kind.UPSELL,
    Segment.CORE: Kind.UPSELL,
}


class CouponBatchDialog(ActionDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = ui = Ui_CouponBatchDialog()
        ui.setupUi(self)
        self.wire(ui.messageLabel, ui.confirmButton, ui.cancelButton)
        ui.memberLabel.setText(
            self.tr(
                "Every member the reports count in the segment today gets one coupon; "
                "the vouchers come out as one PDF."
            )
        )
        for segment in Segment:
            ui.segmentCombo.addItem(f"{segment.label_en} · {segment.label_zh}", str(segment))
        ui.segmentCombo.setCurrentIndex(ui.segmentCombo.findData(str(Segment.DORMANT)))
        fill_kinds(ui.kindCombo, ctx.desk, USUAL_KIND[Segment.DORMANT])
        ui.segmentCombo.currentIndexChanged.connect(self._segment_changed)
        ui.kindCombo.currentIndexChanged.connect(lambda _i: self._describe())
        self.needs_pin = pin_needed(ctx.desk, ui.pinLabel, ui.pinEdit)
        ui.pinEdit.textChanged.connect(lambda _t: self.refresh_confirm())
        ui.progressBar.hide()
        ui.saveButton.hide()
        ui.printButton.hide()
        ui.saveButton.clicked.connect(self.save_pdf)
        ui.printButton.clicked.connect(self.print_document)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save_pdf)
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(self.print_document)
        self.result_: BatchResult | None = None
        self.document: Document | None = None
        self.renderer: BatchRenderer | None = None
        self.job = printer_job(ctx, self, lambda text, tone: say(ui.messageLabel, text, tone))
        self._describe()
        ui.segmentCombo.setFocus()

    def _segment_changed(self) -> None:
        fill_kinds(self.ui.kindCombo, self.ctx.desk, USUAL_KIND[Segment(self.segment())])
        self._describe()

    def segment(self) -> str:
        return str(self.ui.segmentCombo.currentData())

    def _describe(self) -> None:
        describe_kind(self.ui.termsLabel, self.ui.kindCombo, self.ctx.desk)
        self.refresh_confirm()

    @property
    def rendering(self) -> bool:
        return self.renderer is not None and self.renderer.isRunning()

    def can_confirm(self) -> bool:
        if self.result_ is not None:  # issued: only rendering again is left to do
            return self.document is None and not self.rendering
        pin_ok = bool(self.ui.pinEdit.text()) or not self.needs_pin
        return bool(self.ui.kindCombo.currentData()) and pin_ok

    def on_enter(self) -> None:
        ui = self.ui
        if ui.segmentCombo.hasFocus():
            ui.kindCombo.setFocus()
        elif ui.kindCombo.hasFocus() and self.needs_pin and not ui.pinEdit.text():
            ui.pinEdit.setFocus()
        elif self.can_confirm():
            self.confirm()

    # -- issuing, then rendering -----------------------------------------------------------

    def confirm(self) -> None:
        if not self.can_confirm() or self.ctx.staff is None:
            return
        if self.result_ is not None:
            self.render_vouchers()
            return
        segment, kind = self.segment(), str(self.ui.kindCombo.currentData())
        pin = self.ui.pinEdit.text() if self.needs_pin else None
        name = self.ctx.staff.name if self.needs_pin else None
        desk = self.ctx.desk
        self.submit(
            lambda: coupon_batch.issue_batch(
                desk, segment, kind, manager_pin=pin, manager_name=name
            ),
            self._issued,
            on_refusal=self._issue_refused,
            label="coupon batch",
        )

    def _issue_refused(self, refusal: Refusal) -> None:
        self.ui.pinEdit.clear()  # a wrong PIN is typed again, not corrected
        self.refused(refusal)

    def _issued(self, result: BatchResult) -> None:
        self.result_ = result
        ui = self.ui
        for widget in (ui.segmentCombo, ui.kindCombo, ui.pinEdit):
            widget.setEnabled(False)
        ui.pinEdit.clear()
        ui.confirmButton.setText(self.tr("Render again"))
        self.render_vouchers()

    def render_vouchers(self) -> None:
        assert self.result_ is not None
        codes = self.result_.codes
        ui = self.ui
        ui.progressBar.setRange(0, len(codes))
        ui.progressBar.setValue(0)
        ui.progressBar.show()
        ui.cancelButton.setText(self.tr("Cancel rendering"))
        self.renderer = renderer = BatchRenderer(self.ctx.desk, codes, self)
        renderer.progressed.connect(self._progressed)
        renderer.rendered.connect(self._rendered)
        renderer.failed.connect(self._render_failed)
        renderer.start()
        self.refresh_confirm()

    def _progressed(self, done: int, total: int) -> None:
        self.ui.progressBar.setValue(done)
        say(
            self.message_label,
            self.tr("Rendering voucher {done} of {total}…").format(done=done, total=total),
            "info",
        )

    def _finished_rendering(self) -> None:
        if self.renderer is not None:
            self.renderer.wait()  # its last signal is out: the thread is ending

    def _rendered(self, document: Document) -> None:
        self._finished_rendering()
        self.document = document
        ui = self.ui
        ui.cancelButton.setText(self.tr("Close"))
        ui.saveButton.show()
        ui.printButton.show()
        ui.printButton.setFocus()
        say(
            self.message_label,
            self.tr("{n} vouchers ready: print them (Ctrl+P) or save as PDF (Ctrl+S).").format(
                n=len(self.result_.codes) if self.result_ else 0
            ),
            "ok",
        )
        self.refresh_confirm()

    def _render_failed(self, text: str) -> None:
        self._finished_rendering()
        self.ui.cancelButton.setText(self.tr("Close"))
        say(
            self.message_label,
            self.tr("{why} The coupons are issued; Enter renders them again.").format(why=text),
            "warn",
        )
        self.refresh_confirm()
        self.ui.confirmButton.setFocus()  # Enter: render again

    # -- paper -----------------------------------------------------------------------------

    def save_pdf(self) -> None:
        if self.document is not None:
            self.job.save_pdf(self.document)

    def print_document(self) -> None:
        if self.document is not None:
            self.job.print(self.document)

    # -- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc while rendering stops the rendering; Esc again closes."""
        if self.rendering and self.renderer is not None:
            self.renderer.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        if self.renderer is not None:
            self.renderer.cancel()
            self.renderer.wait()
        if self.result_ is not None:
            issued = self.result_
            self.done_with.emit(
                None,
                self.tr("Issued {n} {kind} coupons to the {segment} segment.").format(
                    n=len(issued.codes),
                    kind=kind_label(issued.kind),
                    segment=issued.segment.label_en,
                ),
            )
        super().done(result)

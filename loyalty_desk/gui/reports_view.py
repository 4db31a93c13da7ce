"""The Reports screen for managers (issue 6 item 5): a page the main window can embed.

KPI tiles with the change against the previous period, four charts (tier distribution,
segment sizes, points issued vs redeemed over time, liability by expiry month), a period
picker, and the member lists behind the figures (click a segment or tier bar, or pick a
list). Everything is computed by `services` off the GUI thread — through the `runner` the
main window passes in (its database worker), or a thread of its own when used alone — with
a progress bar meanwhile. Exports go through services.reports_export: phones masked unless a
manager enters a PIN, which is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from loyalty_desk.domain import report_lang
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.kpis import KpiLine, Unit
from loyalty_desk.domain.periods import Period, PeriodKind, custom_period, period_of
from loyalty_desk.domain.segments import SEGMENTS_BEST_FIRST, Segment
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.gui.i18n import current_lang
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.reports_charts import BLUE, GREEN, GREY, ORANGE, ChartBox
from loyalty_desk.gui.reports_members import MemberListModel
from loyalty_desk.gui.reports_runner import Runner, ThreadPoolRunner
from loyalty_desk.resources import cjk_font_path
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.report_words import list_title, segment_name, tier_name
from loyalty_desk.services.reports_common import MemberList
from loyalty_desk.services.reports_export import ExportFormat, export_report
from loyalty_desk.services.reports_kpi import KpiReport, kpi_report
from loyalty_desk.services.reports_segments import SegmentReport, segment_members, segment_report
from loyalty_desk.services.reports_tables import rate_text, yuan_text
from loyalty_desk.services.reports_tiers import TierReport, tier_report
from loyalty_desk.services.reports_winback import (
    WinbackReport,
    issue_winback_coupons,
    winback_list,
)

# The tiles: KPI key, and whether a rise is good news.
TILES: tuple[tuple[str, bool], ...] = (
    ("members_total", True),
    ("members_new", True),
    ("members_active", True),
    ("repurchase_rate", True),
    ("churn_rate", False),
    ("sales_fen", True),
    ("average_ticket_fen", True),
    ("points_issued", True),
    ("points_redeemed", True),
    ("redemption_rate", True),
    ("points_expired", False),
    ("outstanding_value_fen", False),
)
# The screen's words in both languages; shown in the client's (gui.i18n.current_lang).
KINDS = (
    (PeriodKind.DAY, ("Day", "日")),
    (PeriodKind.WEEK, ("Week", "周")),
    (PeriodKind.MONTH, ("Month", "月")),
    (PeriodKind.CUSTOM, ("Custom", "自定义")),
)
LISTS = (
    ("top", ("Top members", "消费排行")),
    ("close", ("Close to the next tier", "即将升级")),
    ("slipping", ("Slipping", "消费下滑")),
    ("dormant_buyers", ("Dormant buyers", "沉睡会员")),
    *(
        (f"segment:{s.value}", (f"Segment: {s.label_en}", f"细分：{s.label_zh}"))
        for s in SEGMENTS_BEST_FIRST
    ),
)
EXPORTS = (
    ("kpi", ("KPIs", "关键指标")),
    ("segments", ("Segments", "会员细分")),
    ("tiers", ("Tiers", "会员等级")),
    ("winback", ("Win-back", "会员召回")),
)
CHARTS = {
    "tier": ("Tier distribution", "等级分布"),
    "segment": ("Segment sizes (click a bar for its members)", "细分人数（点击柱子查看会员）"),
    "flow": ("Points issued vs redeemed", "积分发放与兑换"),
    "liability": ("Points liability by expiry month (yuan)", "积分负债（按到期月，元）"),
}


def t(en: str, zh: str) -> str:
    return report_lang.w(current_lang(), en, zh)


@dataclass(frozen=True)
class ReportBundle:
    period: Period
    kpi: KpiReport
    segments: SegmentReport
    tiers: TierReport
    winback: WinbackReport


Progress = Callable[[int, int, str], None]


def compute(desk: Desk, period: Period, progress: Progress) -> ReportBundle | Refusal:
    """Everything the screen shows, in one go (runs off the GUI thread)."""

    def part(lo: int, hi: int) -> Progress:
        return lambda done, total, label: progress(
            lo + (hi - lo) * done // max(total, 1), 100, label
        )

    kpi = kpi_report(desk, period, progress=part(0, 60))
    if isinstance(kpi, Refusal):
        return kpi
    segments = segment_report(desk, period, progress=part(60, 80))
    if isinstance(segments, Refusal):
        return segments
    tiers = tier_report(desk, period, progress=part(80, 95))
    if isinstance(tiers, Refusal):
        return tiers
    progress(95, 100, "win-back")
    winback = winback_list(desk)
    if isinstance(winback, Refusal):
        return winback
    progress(100, 100, "done")
    return ReportBundle(period, kpi, segments, tiers, winback)


class _Relay(QObject):
    """Progress from the worker thread, queued to the GUI thread."""

    progressed = Signal(int, int, str)


class Tile(QFrame):
    def __init__(self, line_key: str, up_is_good: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = line_key
        self.up_is_good = up_is_good
        self.setObjectName("tile")
        self.title = QLabel("…")
        self.title.setObjectName("tileTitle")
        self.value = QLabel("—")
        self.value.setObjectName("tileValue")
        self.change = QLabel("")
        self.change.setObjectName("tileChange")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        for w in (self.title, self.value, self.change):
            layout.addWidget(w)

    def show_line(self, line: KpiLine, previous_label: str) -> None:
        self.title.setText(t(line.label_en, line.label_zh))
        self.value.setText(value_text(line.unit, line.current))
        change = line.change
        if change is None or line.previous is None:
            self.change.setText(t(f"vs {previous_label}: —", f"对比 {previous_label}：—"))
            self.change.setStyleSheet("color: #6b7280;")
            return
        relative = f" ({rate_text(line.change_ratio)})" if line.change_ratio is not None else ""
        arrow = "▲" if change > 0 else "▼" if change < 0 else "="
        sign = "+" if change > 0 else ""
        text = value_text(line.unit, change)
        self.change.setText(
            f"{arrow} {sign}{text}{relative} " + t(f"vs {previous_label}", f"对比 {previous_label}")
        )
        good = (change > 0) == self.up_is_good
        color = "#6b7280" if change == 0 else "#059669" if good else "#dc2626"
        self.change.setStyleSheet(f"color: {color};")


def value_text(unit: Unit, value: Any) -> str:
    if value is None:
        return "—"
    if unit is Unit.RATE:
        return rate_text(value)
    if unit is Unit.FEN:
        return yuan_text(int(value))
    return f"{int(value):,}"


STYLE = """
#tile { background: #ffffff; border: 1px solid #e5e7eb; border-radius: 8px; }
#tileTitle { color: #6b7280; font-size: 11px; }
#tileValue { color: #111827; font-size: 20px; font-weight: 600; }
#tileChange { font-size: 11px; }
#listTitle { font-weight: 600; }
"""


_font_loaded = False


def load_cjk_font() -> None:
    """Make the shipped CJK font available to Qt (a till may have none installed)."""
    global _font_loaded
    if not _font_loaded:
        QFontDatabase.addApplicationFont(str(cjk_font_path()))
        _font_loaded = True


class ReportsView(QWidget):
    """The Reports page. `refreshed` is emitted when a report has been shown."""

    refreshed = Signal()
    list_shown = Signal()
    exported = Signal(object)
    coupons_issued = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        desk: Desk,
        runner: Runner | None = None,
        parent: QWidget | None = None,
        *,
        ask_path: Callable[[str], str | None] | None = None,
        ask_pin: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        load_cjk_font()
        self.desk = desk
        self.runner: Runner = runner or ThreadPoolRunner(self)
        self.ask_path = ask_path or self._ask_path
        self.ask_pin = ask_pin or self._ask_pin
        self.bundle: ReportBundle | None = None
        self.setStyleSheet(STYLE)
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progress)
        self._build()
        self.set_period(period_of(PeriodKind.MONTH, local_date(desk.now(), desk.tz)))

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind = QComboBox()
        for kind, _ in KINDS:
            self.kind.addItem("", kind)
        self.date_from = QDateEdit(calendarPopup=True)
        self.date_to = QDateEdit(calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.previous_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        self.refresh_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.setVisible(False)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.export_kind = QComboBox()
        for key, _ in EXPORTS:
            self.export_kind.addItem("", key)
        self.csv_button = QPushButton("CSV…")
        self.pdf_button = QPushButton("PDF…")
        self.full_phones = QCheckBox()
        self.period_label = QLabel()
        self.export_label = QLabel()
        self.members_label = QLabel()

        bar = QHBoxLayout()
        bar.addWidget(self.period_label)
        for w in (self.kind, self.previous_button, self.date_from, QLabel("–"), self.date_to):
            bar.addWidget(w)
        for w in (self.next_button, self.refresh_button, self.progress, self.status):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.export_label, self.export_kind, self.csv_button, self.pdf_button):
            bar.addWidget(w)
        bar.addWidget(self.full_phones)

        self.tiles: dict[str, Tile] = {}
        tiles = QGridLayout()
        tiles.setSpacing(8)
        for i, (key, up_is_good) in enumerate(TILES):
            tile = Tile(key, up_is_good)
            self.tiles[key] = tile
            tiles.addWidget(tile, i // 6, i % 6)

        self.tier_chart = ChartBox("")
        self.segment_chart = ChartBox("")
        self.flow_chart = ChartBox("")
        self.liability_chart = ChartBox("")
        charts = QGridLayout()
        charts.setSpacing(8)
        charts.addWidget(self.tier_chart, 0, 0)
        charts.addWidget(self.segment_chart, 0, 1)
        charts.addWidget(self.flow_chart, 1, 0)
        charts.addWidget(self.liability_chart, 1, 1)
        self.segment_chart.on_bar_clicked = self._segment_clicked
        self.tier_chart.on_bar_clicked = lambda _index: self.choose_list("close")

        self.list_picker = QComboBox()
        for key, _ in LISTS:
            self.list_picker.addItem("", key)
        self.list_title = QLabel("")
        self.list_title.setObjectName("listTitle")
        self.members = MemberListModel(self.desk.tz)
        self.table = QTableView()
        self.table.setModel(self.members)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(240)
        self.winback_button = QPushButton()
        lists = QHBoxLayout()
        lists.addWidget(self.members_label)
        lists.addWidget(self.list_picker)
        lists.addWidget(self.list_title, 1)
        lists.addWidget(self.winback_button)

        page = QWidget()
        body = QVBoxLayout(page)
        body.addLayout(tiles)
        body.addLayout(charts)
        body.addLayout(lists)
        body.addWidget(self.table)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.addLayout(bar)
        outer.addWidget(scroll, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.refresh_button.clicked.connect(self.refresh)
        self.list_picker.currentIndexChanged.connect(lambda _i: self._list_chosen())
        self.csv_button.clicked.connect(lambda: self.export(ExportFormat.CSV))
        self.pdf_button.clicked.connect(lambda: self.export(ExportFormat.PDF))
        self.winback_button.clicked.connect(self.issue_winback)
        self._retranslate()

    def _retranslate(self) -> None:
        """The screen's words in the client's language (again after a language switch)."""
        for i, (_, (en, zh)) in enumerate(KINDS):
            self.kind.setItemText(i, t(en, zh))
        for i, (_, (en, zh)) in enumerate(EXPORTS):
            self.export_kind.setItemText(i, t(en, zh))
        for i, (_, (en, zh)) in enumerate(LISTS):
            self.list_picker.setItemText(i, t(en, zh))
        self.refresh_button.setText(t("Refresh", "刷新"))
        self.full_phones.setText(t("Full phones", "完整手机号"))
        self.full_phones.setToolTip(
            t("Needs a manager's PIN; recorded in the audit log.", "需要店长 PIN；记入审计日志。")
        )
        self.period_label.setText(t("Period", "期间"))
        self.export_label.setText(t("Export", "导出"))
        self.members_label.setText(t("Members", "会员名单"))
        self.winback_button.setText(t("Issue win-back coupons…", "发放召回券…"))
        self.winback_button.setToolTip(
            t(
                "A win-back coupon for every dormant buyer and slipping member (manager PIN).",
                "为每位沉睡和消费下滑的会员发放召回券（需店长 PIN）。",
            )
        )
        for box, key in (
            (self.tier_chart, "tier"),
            (self.segment_chart, "segment"),
            (self.flow_chart, "flow"),
            (self.liability_chart, "liability"),
        ):
            box.chart().setTitle(t(*CHARTS[key]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.bundle is not None:
                self._show(self.bundle)
        super().changeEvent(event)

    # -- the period ---------------------------------------------------------------------------

    def set_period(self, period: Period) -> None:
        for widget in (self.kind, self.date_from, self.date_to):
            widget.blockSignals(True)
        self.kind.setCurrentIndex([k for k, _ in KINDS].index(period.kind))
        self.date_from.setDate(QDate(period.first.year, period.first.month, period.first.day))
        self.date_to.setDate(QDate(period.last.year, period.last.month, period.last.day))
        self.date_to.setEnabled(period.kind is PeriodKind.CUSTOM)
        for widget in (self.kind, self.date_from, self.date_to):
            widget.blockSignals(False)

    def period(self) -> Period | Refusal:
        kind = PeriodKind(self.kind.currentData())
        first = _py_date(self.date_from.date())
        if kind is PeriodKind.CUSTOM:
            return custom_period(first, _py_date(self.date_to.date()))
        return period_of(kind, first)

    def _kind_changed(self) -> None:
        kind = PeriodKind(self.kind.currentData())
        first = _py_date(self.date_from.date())
        if kind is PeriodKind.CUSTOM:
            self.date_to.setEnabled(True)
            return
        self.set_period(period_of(kind, first))

    def step(self, direction: int) -> None:
        current = self.period()
        if isinstance(current, Refusal):
            self._show_refusal(current)
            return
        if direction < 0:
            self.set_period(current.previous())
        else:
            nxt = period_of(current.kind, current.last + timedelta(days=1))
            if current.kind is PeriodKind.CUSTOM:
                nxt = Period(
                    current.kind,
                    current.last + timedelta(days=1),
                    current.last + timedelta(days=current.days),
                )
            self.set_period(nxt)
        self.refresh()

    # -- computing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        period = self.period()
        if isinstance(period, Refusal):
            self._show_refusal(period)
            return
        self._busy(True, t("Computing…", "计算中…"))
        relay = self._relay
        desk = self.desk

        def job() -> ReportBundle | Refusal:
            return compute(desk, period, relay.progressed.emit)

        self.runner(
            job,
            on_done=self._show,
            on_refusal=self._show_refusal,
            on_fault=self._show_fault,
        )

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.setValue(100 * done // max(total, 1))
        self.status.setText(label)

    def _busy(self, busy: bool, text: str = "") -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.refresh_button.setEnabled(not busy)
        self.status.setText(text)

    def _show_refusal(self, refusal: Refusal) -> None:
        self._busy(False)
        self.status.setText(said(refusal))
        self.failed.emit(said(refusal))

    def _show_fault(self, exc: BaseException) -> None:
        self._busy(False)
        message = t("The report failed", "报表出错") + f": {type(exc).__name__}: {exc}"
        self.status.setText(message)
        self.failed.emit(message)

    # -- showing ------------------------------------------------------------------------------

    def _show(self, bundle: ReportBundle) -> None:
        self.bundle = bundle
        kpi = bundle.kpi
        before = kpi.header.previous.label
        for key, tile in self.tiles.items():
            tile.show_line(kpi.line(key), before)
        lang = current_lang()
        tiers = bundle.tiers.counts
        self.tier_chart.show_bars(
            [tier_name(c.tier, lang) for c in tiers],
            [
                (before, [c.previous for c in tiers], GREY),
                (kpi.header.period.label, [c.members for c in tiers], BLUE),
            ],
        )
        segs = bundle.segments.counts
        self.segment_chart.show_bars(
            [segment_name(c.segment, lang) for c in segs],
            [
                (before, [c.previous for c in segs], GREY),
                (kpi.header.period.label, [c.members for c in segs], BLUE),
            ],
        )
        self.flow_chart.show_lines(
            [f.first for f in kpi.flows],
            [
                (t("Issued", "发放"), [f.issued for f in kpi.flows], BLUE),
                (t("Redeemed", "兑换"), [f.redeemed for f in kpi.flows], ORANGE),
            ],
        )
        self.liability_chart.show_bars(
            [f"{m.month:%Y-%m}" for m in kpi.liability],
            [(t("Liability ¥", "负债 ¥"), [m.value_fen / 100 for m in kpi.liability], GREEN)],
        )
        moved = bundle.segments.moved
        label = kpi.header.period.label
        self._busy(
            False,
            t(f"{label}: {moved:,} members changed segment", f"{label}：{moved:,} 位会员细分变化"),
        )
        self._list_chosen()
        self.refreshed.emit()

    def choose_list(self, key: str) -> None:
        index = self.list_picker.findData(key)
        if index == self.list_picker.currentIndex():
            self._list_chosen()
        else:
            self.list_picker.setCurrentIndex(index)

    def _segment_clicked(self, index: int) -> None:
        self.choose_list(f"segment:{SEGMENTS_BEST_FIRST[index].value}")

    def _list_chosen(self) -> None:
        bundle = self.bundle
        if bundle is None:
            return
        key: str = self.list_picker.currentData()
        ready = {
            "top": bundle.kpi.top_members,
            "close": bundle.tiers.close,
            "slipping": bundle.winback.slipping,
            "dormant_buyers": bundle.winback.dormant,
        }
        if key in ready:
            self._show_list(ready[key])
            return
        segment = Segment(key.split(":", 1)[1])
        desk, period = self.desk, bundle.period
        self.list_title.setText(t("Loading…", "加载中…"))
        self.runner(
            lambda: segment_members(desk, period, segment=segment),
            on_done=self._show_list,
            on_refusal=self._show_refusal,
            on_fault=self._show_fault,
        )

    def _show_list(self, members: MemberList) -> None:
        self.members.show(members)
        shown = len(members.members)
        more = (
            t(f" — first {shown:,}; export CSV for all", f" — 前 {shown:,} 位；导出 CSV 查看全部")
            if members.total > shown
            else ""
        )
        title = list_title(members.title, current_lang())
        self.list_title.setText(
            t(f"{title}: {members.total:,}{more}", f"{title}：{members.total:,}{more}")
        )
        self.list_shown.emit()

    # -- exporting ----------------------------------------------------------------------------

    def export(self, fmt: ExportFormat) -> None:
        bundle = self.bundle
        if bundle is None:
            self.status.setText(t("Show a report first.", "请先生成报表。"))
            return
        kind: str = self.export_kind.currentData()
        report = {
            "kpi": bundle.kpi,
            "segments": bundle.segments,
            "tiers": bundle.tiers,
            "winback": bundle.winback,
        }[kind]
        chosen = self.ask_path(str(fmt))
        if not chosen:
            return
        pin: str | None = None
        unmasked = self.full_phones.isChecked()
        if unmasked:
            pin = self.ask_pin()
            if not pin:
                return
        desk = self.desk
        self._busy(True, t("Exporting…", "导出中…"))
        lang = current_lang()

        def job() -> Any:
            return export_report(
                desk, report, fmt, Path(chosen), unmasked=unmasked, manager_pin=pin, lang=lang
            )

        def done(result: Any) -> None:
            self._busy(False, t(f"Wrote {result.path}", f"已写入 {result.path}"))
            self.exported.emit(result)

        self.runner(job, on_done=done, on_refusal=self._show_refusal, on_fault=self._show_fault)

    def issue_winback(self) -> None:
        """One click: a win-back coupon for everyone on the win-back list (manager PIN)."""
        pin = self.ask_pin()
        if not pin:
            return
        desk = self.desk
        self._busy(True, t("Issuing coupons…", "发放中…"))

        def done(result: Any) -> None:
            issued, skipped = len(result.issued), result.skipped
            self._busy(
                False,
                t(
                    f"Issued {issued:,} win-back coupons ({skipped:,} members already held one)",
                    f"已发放 {issued:,} 张召回券（{skipped:,} 位会员已有）",
                ),
            )
            self.coupons_issued.emit(result)

        self.runner(
            lambda: issue_winback_coupons(desk, manager_pin=pin),
            on_done=done,
            on_refusal=self._show_refusal,
            on_fault=self._show_fault,
        )

    def _ask_path(self, fmt: str) -> str | None:
        name, _ = QFileDialog.getSaveFileName(
            self, t("Export report", "导出报表"), f"report.{fmt}", f"{fmt.upper()} (*.{fmt})"
        )
        return name or None

    def _ask_pin(self) -> str | None:
        pin, ok = QInputDialog.getText(
            self,
            t("Manager PIN", "店长 PIN"),
            t(
                "Full phone numbers need a manager's PIN (recorded in the audit log):",
                "完整手机号需要店长 PIN（记入审计日志）：",
            ),
            QLineEdit.EchoMode.Password,
        )
        return pin if ok and pin else None


def _py_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())

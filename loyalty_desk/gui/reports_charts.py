"""The Reports screen's charts (QtCharts): bars and lines, redrawn for each report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

BLUE = QColor("#2563eb")
ORANGE = QColor("#f59e0b")
GREEN = QColor("#10b981")
GREY = QColor("#9ca3af")

Series = Sequence[tuple[str, Sequence[float], QColor]]


class ChartBox(QChartView):
    """A titled chart that can be refilled; bar clicks report the category index."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setTitle(title)
        font = QFont(chart.titleFont())
        font.setPointSize(10)
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(6)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.on_bar_clicked: Callable[[int], None] | None = None
        self.values: dict[str, list[float]] = {}  # what is drawn, by series (for tests)
        self.categories: list[str] = []

    def _reset(self) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.values = {}
        return chart

    def _axes(self, chart: QChart, series: object, categories: Sequence[str], top: float) -> None:
        x = QBarCategoryAxis()
        x.append(list(categories) or [""])
        small = QFont(x.labelsFont())
        small.setPointSize(7)
        x.setLabelsFont(small)
        if len(categories) > 10:
            x.setLabelsAngle(-60)
        y = QValueAxis()
        y.setRange(0, top * 1.1 if top > 0 else 1)
        y.setLabelFormat("%.0f")
        y.setLabelsFont(small)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for s in series if isinstance(series, list) else [series]:
            s.attachAxis(x)
            s.attachAxis(y)

    def show_bars(self, categories: Sequence[str], series: Series) -> None:
        chart = self._reset()
        bars = QBarSeries()
        for name, values, color in series:
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in values])
            bar_set.setColor(color)
            bar_set.setBorderColor(color)
            bar_set.clicked.connect(self._clicked)
            bars.append(bar_set)
            self.values[name] = [float(v) for v in values]
        chart.addSeries(bars)
        self.categories = list(categories)
        top = max((max(v) for _, v, _ in series if len(v)), default=0)
        self._axes(chart, bars, categories, float(top))
        chart.legend().setVisible(len(series) > 1)

    def show_lines(self, days: Sequence[date], series: Series) -> None:
        """One point per day/week/month starting on `days`, on a date axis."""
        chart = self._reset()
        lines = []
        stamps = [
            QDateTime(QDate(d.year, d.month, d.day), QTime(0, 0)).toMSecsSinceEpoch() for d in days
        ]
        for name, values, color in series:
            line = QLineSeries()
            line.setName(name)
            line.setPen(QPen(color, 2))
            for stamp, v in zip(stamps, values, strict=True):
                line.append(float(stamp), float(v))
            chart.addSeries(line)
            lines.append(line)
            self.values[name] = [float(v) for v in values]
        self.categories = [d.isoformat() for d in days]
        x = QDateTimeAxis()
        x.setFormat("MM-dd" if len(days) < 80 else "yyyy-MM")
        x.setTickCount(min(8, max(2, len(days))))
        if len(stamps) > 1:
            x.setRange(
                QDateTime.fromMSecsSinceEpoch(stamps[0]), QDateTime.fromMSecsSinceEpoch(stamps[-1])
            )
        small = QFont(x.labelsFont())
        small.setPointSize(7)
        x.setLabelsFont(small)
        y = QValueAxis()
        top = max((max(v) for _, v, _ in series if len(v)), default=0)
        y.setRange(0, float(top) * 1.1 if top > 0 else 1)
        y.setLabelFormat("%.0f")
        y.setLabelsFont(small)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for line in lines:
            line.attachAxis(x)
            line.attachAxis(y)
        chart.legend().setVisible(True)

    def _clicked(self, index: int) -> None:
        if self.on_bar_clicked is not None:
            self.on_bar_clicked(index)

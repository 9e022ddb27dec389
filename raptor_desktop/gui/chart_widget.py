"""A chart (``core.charts``) painted with QPainter: the same bars the case summary prints.

A click on a bar (or a part of a stacked bar) says which category and series it was, so the
window can open the records behind it; hovering shows the figure.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from raptor_desktop.core.charts import BarChart, axis_step

MARGIN_LEFT, MARGIN_BOTTOM, TITLE_HEIGHT, LEGEND_WIDTH = 32, 34, 22, 180


class ChartWidget(QWidget):
    bar_clicked = Signal(str, str)  # category, series

    def __init__(self, chart: BarChart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self._bars: list[tuple[QRectF, str, str, int]] = []
        self.setMinimumSize(360, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setToolTip(chart.note)

    def set_chart(self, chart: BarChart) -> None:
        self.chart = chart
        self.update()

    def bars(self) -> list[tuple[QRectF, str, str, int]]:
        """Each bar drawn: where, its category, its series and its value (for clicks, tests)."""
        return list(self._bars)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setPen(palette.windowText().color())
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(
            QRectF(0, 0, self.width(), TITLE_HEIGHT), Qt.AlignmentFlag.AlignLeft, self.chart.title
        )
        font.setBold(False)
        painter.setFont(font)
        self._bars = []
        if self.chart.empty:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Nothing to show yet")
            return
        left = max(
            MARGIN_LEFT, painter.fontMetrics().horizontalAdvance(str(self.chart.most())) + 10
        )
        plot = QRectF(
            left,
            TITLE_HEIGHT + 6,
            self.width() - left - LEGEND_WIDTH,
            self.height() - TITLE_HEIGHT - 6 - MARGIN_BOTTOM,
        )
        self._axes(painter, plot)
        self._draw_bars(painter, plot)
        self._legend(painter, plot)

    def _axes(self, painter: QPainter, plot: QRectF) -> None:
        most = max(self.chart.most(), 1)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        for value in range(0, most + 1, axis_step(most)):
            y = plot.bottom() - plot.height() * value / most
            painter.drawText(
                QRectF(0, y - 8, plot.left() - 4, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )

    def _draw_bars(self, painter: QPainter, plot: QRectF) -> None:
        chart, most = self.chart, max(self.chart.most(), 1)
        slot = plot.width() / len(chart.categories)
        groups = 1 if chart.stacked else len(chart.series)
        width = slot * 0.7 / groups
        for index, category in enumerate(chart.categories):
            left = plot.left() + index * slot + slot * 0.15
            base = plot.bottom()
            for number, series in enumerate(chart.series):
                value = series.values[index]
                height = plot.height() * value / most
                x = left if chart.stacked else left + number * width
                top = base - height if chart.stacked else plot.bottom() - height
                rect = QRectF(x, top, width, height)
                if value:
                    painter.fillRect(rect, QColor(series.colour))
                    self._bars.append((rect, category, series.name, value))
                if chart.stacked:
                    base -= height
            label = QRectF(plot.left() + index * slot, plot.bottom() + 2, slot, MARGIN_BOTTOM - 4)
            painter.drawText(
                label,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                category,
            )

    def _legend(self, painter: QPainter, plot: QRectF) -> None:
        y = plot.top()
        for series in self.chart.series:
            painter.fillRect(QRectF(plot.right() + 12, y + 3, 10, 10), QColor(series.colour))
            painter.drawText(
                QRectF(plot.right() + 28, y, LEGEND_WIDTH - 30, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                series.name,
            )
            y += 18

    def _bar_at(self, point: QPoint) -> tuple[str, str, int] | None:
        for rect, category, series, value in self._bars:
            if rect.contains(point.toPointF()):
                return category, series, value
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self._bar_at(event.position().toPoint())
        if found:
            category, series, value = found
            QToolTip.showText(
                event.globalPosition().toPoint(), f"{category}: {value} {series}", self
            )
        self.setCursor(Qt.CursorShape.PointingHandCursor if found else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self._bar_at(event.position().toPoint())
        if found and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(found[0], found[1])

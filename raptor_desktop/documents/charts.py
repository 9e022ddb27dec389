"""Drawing a chart (``core.charts``) into a document with ReportLab's graphics."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import HexColor
from reportlab.lib.units import cm

from raptor_desktop.core.charts import BarChart, axis_step
from raptor_desktop.documents.fonts import SANS, SANS_BOLD

WIDTH, HEIGHT = 24 * cm, 7 * cm  # a landscape page holds two, one above the other
LEGEND_WIDTH = 5 * cm


def chart_drawing(chart: BarChart) -> Drawing:
    """The chart, titled, its bars labelled by the categories, its legend to the right."""
    drawing = Drawing(WIDTH, HEIGHT)
    drawing.add(String(0, HEIGHT - 12, chart.title, fontName=SANS_BOLD, fontSize=10))
    bars = VerticalBarChart()
    bars.x, bars.y = 1.0 * cm, 1.4 * cm
    bars.width, bars.height = WIDTH - LEGEND_WIDTH - 1.5 * cm, HEIGHT - 2.4 * cm
    bars.data = [list(s.values) for s in chart.series] or [[0]]
    bars.categoryAxis.categoryNames = list(chart.categories)
    bars.categoryAxis.labels.fontName = SANS
    bars.categoryAxis.labels.fontSize = 7
    bars.categoryAxis.labels.angle = 30 if len(chart.categories) > 6 else 0
    bars.categoryAxis.labels.boxAnchor = "ne" if len(chart.categories) > 6 else "n"
    bars.valueAxis.labels.fontName = SANS
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    most = max(chart.most(), 1)
    bars.valueAxis.valueMax = most
    bars.valueAxis.valueStep = axis_step(most)
    if chart.stacked:
        bars.categoryAxis.style = "stacked"
    for index, series in enumerate(chart.series):
        bars.bars[index].fillColor = HexColor(series.colour)
        bars.bars[index].strokeColor = None
    drawing.add(bars)
    legend = Legend()
    legend.x, legend.y = WIDTH - LEGEND_WIDTH + 0.3 * cm, HEIGHT - 1.2 * cm  # its top left
    legend.fontName, legend.fontSize = SANS, 8
    legend.alignment = "right"
    legend.columnMaximum = 10
    legend.dx = legend.dy = 7
    legend.deltay = 11
    legend.colorNamePairs = [(HexColor(s.colour), s.name) for s in chart.series]
    drawing.add(legend)
    return drawing

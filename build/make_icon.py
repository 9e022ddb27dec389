"""Draws resources/icons/raptor.png, the application icon (run once; the PNG is committed)."""

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath

app = QGuiApplication(sys.argv[:1])
size = 256
image = QImage(size, size, QImage.Format.Format_ARGB32)
image.fill(Qt.GlobalColor.transparent)
painter = QPainter(image)
painter.setRenderHint(QPainter.RenderHint.Antialiasing)
shield = QPainterPath()
shield.addRoundedRect(QRectF(16, 16, 224, 224), 40, 40)
painter.fillPath(shield, QColor("#0b2a4a"))
painter.setPen(QColor("#f5c400"))
font = QFont("DejaVu Sans", 120, QFont.Weight.Black)
painter.setFont(font)
painter.drawText(QRectF(16, 6, 224, 200), Qt.AlignmentFlag.AlignCenter, "R")
painter.setFont(QFont("DejaVu Sans", 26, QFont.Weight.Bold))
painter.drawText(QRectF(16, 170, 224, 50), Qt.AlignmentFlag.AlignCenter, "RAPTOR")
painter.end()
target = Path(__file__).resolve().parent.parent / "resources" / "icons" / "raptor.png"
image.save(str(target))
print(f"wrote {target}")

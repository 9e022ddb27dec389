"""The window fits a 1024-pixel screen: no view, and not the training banner, asks for more
(the Applications view's hint on one line and the banner had asked for 1414 and 1063)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from raptor_desktop.store.database import Store
from tests.gui.conftest import make_window


def test_the_window_can_be_as_narrow_as_a_1024_pixel_screen(
    qtbot: QtBot, demo_store: Store
) -> None:
    window = make_window(qtbot, demo_store)
    assert window.banner.isVisibleTo(window)  # a training register: the banner is shown
    assert window.minimumSizeHint().width() <= 1024
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() == 1024

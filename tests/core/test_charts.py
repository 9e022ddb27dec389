"""The charts as data (issue 11): each bar knows its figure and the numbers behind it."""

from __future__ import annotations

from datetime import date

from raptor_desktop.core.charts import (
    identified_and_disconnected,
    numbers_by_area_and_status,
    takings_disrupted,
    time_to_disconnection,
)
from raptor_desktop.core.figures import compute
from tests.core.test_figures import FACTS

TODAY = date(2026, 6, 1)


def test_each_bar_names_the_numbers_behind_it() -> None:
    figures = compute(FACTS, TODAY)
    months = identified_and_disconnected(figures, FACTS)
    assert months.categories == ("Jan 26", "Feb 26", "Mar 26")
    assert months.numbers("Jan 26", "identified") == (1, 3)
    assert months.numbers("Mar 26", "disconnected") == (4,)
    areas = numbers_by_area_and_status(figures, FACTS)
    assert areas.numbers("Thurrock", "disconnected") == (1, 4)
    assert areas.numbers("Brentwood", "refused") == (3,)
    assert areas.numbers("Nowhere", "refused") == ()
    for chart in (months, areas):  # the bar's height is the count of its numbers
        for series in chart.series:
            assert list(series.values) == [len(m) for m in series.members]


def test_time_to_disconnection_and_takings() -> None:
    figures = compute(FACTS, TODAY)
    days = time_to_disconnection(FACTS)
    assert days.numbers("0–30", "numbers disconnected") == (1, 4)  # 26 and 28 days
    takings = takings_disrupted(figures, FACTS)
    assert dict(zip(takings.categories, takings.series[0].values, strict=True)) == {
        "Jan 26": 0,
        "Feb 26": 1500,
        "Mar 26": 500,
    }


def test_the_value_axis_steps_are_round() -> None:
    from raptor_desktop.core.charts import axis_step

    assert [axis_step(m) for m in (1, 6, 7, 12, 13, 30, 65, 6500)] == [1, 1, 2, 2, 5, 5, 20, 2000]

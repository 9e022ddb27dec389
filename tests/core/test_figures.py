"""The figures counted from facts whose answers are known by hand (issue 11)."""

from __future__ import annotations

from datetime import date

from raptor_desktop.core.figures import (
    CheckBack,
    ContactFact,
    ItemFact,
    NumberFact,
    ScopeFacts,
    Spread,
    compute,
)

D = date


def number(i: int, line: int, status: str, **dates: object) -> NumberFact:
    return NumberFact(
        number_id=i,
        display=f"07700 900{i:03d}",
        line_id=line,
        brand=f"Brand{line}",
        operation="Operation Raptor",
        areas=("Thurrock",) if line % 2 else ("Brentwood", "Thurrock"),
        status=status,
        identified_on=dates.get("identified", D(2026, 1, 10)),  # type: ignore[arg-type]
        applied_on=dates.get("applied"),  # type: ignore[arg-type]
        ordered_on=dates.get("ordered"),  # type: ignore[arg-type]
        disconnected_on=dates.get("disconnected"),  # type: ignore[arg-type]
        replaces=dates.get("replaces"),  # type: ignore[arg-type]
        daily_takings_pence=dates.get("takings"),  # type: ignore[arg-type]
        takings_source=str(dates.get("source", "")),
    )


FACTS = ScopeFacts(
    numbers=(
        number(
            1,
            1,
            "disconnected",
            applied=D(2026, 1, 20),
            ordered=D(2026, 2, 1),
            disconnected=D(2026, 2, 5),
            takings=150000,
            source="test purchases",
        ),
        number(2, 1, "identified", identified=D(2026, 3, 1), replaces=1),  # 28 days after order
        number(3, 2, "refused", applied=D(2026, 1, 30)),
        number(
            4,
            3,
            "disconnected",
            identified=D(2026, 2, 1),
            applied=D(2026, 2, 11),
            ordered=D(2026, 2, 21),
            disconnected=D(2026, 3, 1),
            takings=50000,
        ),
    ),
    items=(
        ItemFact("RAP-1", 1, "made"),
        ItemFact("RAP-1", 3, "refused"),
        ItemFact("RAP-2", 4, "made"),
        ItemFact("RAP-2", 2, None),
    ),
    contacts=(
        ContactFact(("Thurrock",), D(2026, 2, 3), texted=True, opted_out=False, undelivered=False),
        ContactFact(("Brentwood", "Thurrock"), D(2026, 3, 9), True, True, True),
        ContactFact(("Thurrock",), D(2026, 3, 12), False, False, False),
    ),
    check_backs=(CheckBack(1, 28, still_dead=True), CheckBack(1, 90, still_dead=False)),
    type1_closures=1,
)


def test_counts_by_status_area_and_month() -> None:
    f = compute(FACTS, D(2026, 6, 1))
    assert (f.numbers, f.lines) == (4, 3)
    assert f.by_status == {"disconnected": 2, "identified": 1, "refused": 1}
    assert f.lines_by_area == {"Brentwood": 1, "Thurrock": 3}
    assert f.numbers_by_area_status["Brentwood"] == {"refused": 1}
    assert f.months == ["2026-01", "2026-02", "2026-03"]
    assert f.identified_per_month == [2, 1, 1]
    assert f.disconnected_per_month == [0, 1, 1]


def test_closures_and_check_backs() -> None:
    f = compute(FACTS, D(2026, 6, 1))
    assert (f.type2_closures, f.type1_closures) == (2, 1)
    assert (f.check_backs_done, f.check_backs_failed) == (2, 1)
    # number 4 was disconnected on 1 March: its 28-day check fell due on 29 March, its 90-day
    # one on 30 May; number 1's are both recorded
    assert [(d.number_id, d.after_days, d.due_on) for d in f.check_backs_due] == [
        (4, 28, D(2026, 3, 29)),
        (4, 90, D(2026, 5, 30)),
    ]
    assert [d.after_days for d in compute(FACTS, D(2026, 4, 1)).check_backs_due] == [28]


def test_days_between_events_and_applications() -> None:
    f = compute(FACTS, D(2026, 6, 1))
    assert (f.to_application.count, f.to_application.median) == (3, 10)  # 10, 20, 10
    assert (f.to_application.least, f.to_application.most) == (10, 20)
    assert (f.to_order.median, f.to_disconnection.median) == (21, 27)  # 22, 20 / 26, 28
    assert [(a.reference, a.applied, a.outcomes) for a in f.applications] == [
        ("RAP-1", 2, {"made": 1, "refused": 1}),
        ("RAP-2", 2, {"made": 1, "pending": 1}),
    ]


def test_re_emergence_and_takings() -> None:
    f = compute(FACTS, D(2026, 6, 1))
    assert f.re_emerged_brands == ["Brand1"]
    assert f.lines_with_orders == 2 and f.re_emergence_rate == 0.5
    assert f.days_to_re_emergence.median == 28
    assert f.takings_disrupted_pence == 200000  # each disrupted line once
    assert f.takings_sources == ["test purchases"]


def test_outreach_is_counted_by_area_and_month_never_named() -> None:
    f = compute(FACTS, D(2026, 6, 1))
    assert f.outreach == {"identified": 3, "texted": 2, "opted out": 1, "undelivered": 1}
    assert f.outreach_by_area["Brentwood"]["identified"] == 1
    assert f.outreach_by_month["2026-03"] == {
        "identified": 2,
        "texted": 1,
        "opted out": 1,
        "undelivered": 1,
    }


def test_an_empty_scope_has_no_figures_but_no_error() -> None:
    f = compute(ScopeFacts(numbers=()), D(2026, 6, 1))
    assert (f.numbers, f.months, f.to_order.text()) == (0, [], "none yet")
    assert f.re_emergence_rate is None


def test_a_spread_counts_its_numbers_in_words() -> None:
    assert Spread.of([]).text() == "none yet"
    assert Spread.of([48]).text() == "48 days (1 number)"
    assert Spread.of([1, 1]).text() == "1 day (2 numbers)"
    assert Spread.of([10, 48, 30]).text() == "median 30 days (from 10 to 48; 3 numbers)"

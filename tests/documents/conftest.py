"""Fixtures the document tests share."""

from __future__ import annotations

from datetime import date

import pytest

from raptor_desktop.core.applications import Outcome
from raptor_desktop.store.applications import submit
from raptor_desktop.store.database import Store
from raptor_desktop.store.outcomes import record_outcome
from tests.app_fixtures import make_application

ORDER_MADE_ON = date(2026, 12, 10)
"""The hearing of :func:`ordered`, where the order was made on every item."""


@pytest.fixture
def application(demo_store: Store) -> str:
    """The ready-made application of three demo numbers, in the demo register."""
    return make_application(demo_store)


@pytest.fixture
def ordered(demo_store: Store) -> str:
    """An application heard on 10 December 2026, the order made on every item."""
    reference = make_application(demo_store)
    submit(demo_store, reference)
    for number in ("07700 900103", "07700 900113", "07700 900114"):
        record_outcome(demo_store, reference, number, Outcome.MADE, ORDER_MADE_ON)
    return reference

"""Fixtures the document tests share."""

from __future__ import annotations

import pytest

from raptor_desktop.store.database import Store
from tests.app_fixtures import make_application


@pytest.fixture
def application(demo_store: Store) -> str:
    """The ready-made application of three demo numbers, in the demo register."""
    return make_application(demo_store)

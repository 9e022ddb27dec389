"""A case summary's scope is checked before anything is counted or written."""

from __future__ import annotations

from datetime import date

import pytest

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.store.case_summary import load_case_summary
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.scope_facts import Scope

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("scope", "said"),
    [
        (Scope(area="Thurock"), "no area 'Thurock'; the areas are: Basildon"),
        (Scope(operation="Operation Kraken"), "no operation 'Operation Kraken'"),
        (Scope(line="Tonny"), "no line 'Tonny'"),
    ],
)
def test_a_scope_naming_what_the_register_does_not_have_is_refused(
    demo_store: Store, scope: Scope, said: str
) -> None:
    """A misspelt area gave a summary of nothing, headed with the misspelling, as if the
    area had had no lines."""
    with pytest.raises(RecordNotFound, match=said):
        load_case_summary(demo_store, scope, TODAY)


def test_a_period_that_ends_before_it_starts_is_refused(demo_store: Store) -> None:
    backwards = Scope(since=date(2026, 12, 1), until=date(2026, 11, 1))
    with pytest.raises(InputRejected, match="starts on 01/12/2026, after it ends on 01/11/2026"):
        load_case_summary(demo_store, backwards, TODAY)
    assert load_case_summary(demo_store, Scope(area="thurrock"), TODAY).figures is not None

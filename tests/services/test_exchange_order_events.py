"""What happens after an order travels in a case package with the order itself."""

from __future__ import annotations

from dataclasses import replace

from raptor_desktop.store.database import Store
from tests.exchange_units import Unit


def test_what_happened_after_an_order_travels_with_it(unit: Unit) -> None:
    """The day an earlier time was agreed (v23) and a carve-out's notice (v24) had stayed on
    the workstation that recorded them: the other's note of events lacked them."""
    from datetime import datetime, timedelta

    from raptor_desktop.store.case_file import load_case_file
    from raptor_desktop.store.demo import seed_demo
    from raptor_desktop.store.earlier_time import record_earlier_time

    alice, main = unit.stores["alice"], unit.stores["main"]
    seed_demo(alice)
    made, deadline, number = alice.db.execute(
        "SELECT o.order_date, o.deadline_at, n.e164 FROM orders o "
        "JOIN numbers n ON n.id = o.number_id JOIN application_numbers an "
        "ON an.application_id = o.application_id AND an.number_id = o.number_id "
        "WHERE an.outcome = 'made' ORDER BY o.order_date DESC LIMIT 1"
    ).fetchone()
    by = datetime.fromisoformat(deadline) - timedelta(days=1)
    day = datetime.fromisoformat(made).date()
    reference = alice.db.execute(
        "SELECT a.reference FROM applications a JOIN orders o ON o.application_id = a.id "
        "JOIN numbers n ON n.id = o.number_id WHERE n.e164 = ?",
        [number],
    ).fetchone()[0]
    record_earlier_time(alice, reference, number, by, day)
    unit.send("alice", "main")

    def items(store: Store) -> list[object]:
        references = [r for (r,) in store.db.execute("SELECT reference FROM applications")]
        return [
            replace(item, line_id=0)  # a line's local key is the register's own
            for r in sorted(references)
            for item in load_case_file(store, r, check_files=False).items
        ]

    sent = items(alice)
    assert any(getattr(i, "carve_out_notice", None) for i in sent)  # the demo's carve-out
    assert any(getattr(i, "agreed_on", None) == day for i in sent)
    assert items(main) == sent

from __future__ import annotations

import pytest

from raptor_desktop.core.identifiers import IdentifierRejected
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.core.numbers import NumberRejected
from raptor_desktop.core.statuses import Status, StatusChangeRefused
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import Conflict, RecordNotFound
from raptor_desktop.store.line_detail import number_detail
from raptor_desktop.store.line_query import LineFilter, list_numbers, matching_ids
from raptor_desktop.store.lines import add_device, add_number, set_status, update_line


def test_live_store_refuses_drama_numbers(live_store: Store) -> None:
    with pytest.raises(NumberRejected, match="training database"):
        add_number(live_store, "07700 900123", LineDetails(brand="Tony"))
    assert live_store.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 0


def test_training_store_refuses_real_numbers(training_store: Store) -> None:
    import phonenumbers

    real = phonenumbers.format_number(
        phonenumbers.example_number_for_type("GB", phonenumbers.PhoneNumberType.MOBILE),
        phonenumbers.PhoneNumberFormat.NATIONAL,
    )  # 07400 123456: valid, and so possibly someone's
    with pytest.raises(NumberRejected, match="training database holds drama numbers only"):
        add_number(training_store, real, LineDetails(brand="Tony"))
    assert training_store.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 0


def test_same_number_in_another_format_is_not_duplicated(training_store: Store) -> None:
    add_number(training_store, "07700 900123", LineDetails(brand="Tony"))
    with pytest.raises(Conflict, match="already in the register on line 'Tony'"):
        add_number(training_store, "+44 (0)7700 900123", LineDetails(brand="K"))


def test_replacement_number_joins_the_same_line(training_store: Store) -> None:
    old = add_number(training_store, "07700 900101", LineDetails(brand="Tony", areas=["Thurrock"]))
    new = add_number(
        training_store, "07700 900112", LineDetails(brand="tony"), replaces="07700900101"
    )
    assert new.line_id == old.line_id
    detail = number_detail(training_store, new.id)
    assert detail.replaces == "+447700900101"
    assert [n["e164"] for n in detail.line_numbers] == ["+447700900101", "+447700900112"]
    assert detail.line.areas == ["Thurrock"]


def test_status_change_records_who_when_and_note(training_store: Store) -> None:
    add_number(training_store, "07700 900123", LineDetails())
    set_status(training_store, "7700900123", Status.GATHERING_EVIDENCE, "test purchase booked")
    with pytest.raises(StatusChangeRefused):
        set_status(training_store, "07700900123", Status.DISCONNECTED)
    detail = number_detail(training_store, 1)
    assert detail.status is Status.GATHERING_EVIDENCE
    last = detail.history[-1]
    assert (last["from_status"], last["to_status"]) == ("identified", "gathering evidence")
    assert last["changed_by"] == "tester" and last["note"] == "test purchase booked"
    assert str(last["changed_at"]).endswith("Z")


def test_unknown_number_and_area(training_store: Store) -> None:
    with pytest.raises(RecordNotFound, match="not in the register"):
        set_status(training_store, "07700 900555", Status.GATHERING_EVIDENCE)
    with pytest.raises(RecordNotFound, match="unknown area 'Atlantis'"):
        add_number(training_store, "07700 900555", LineDetails(areas=["Atlantis"]))
    assert training_store.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 0


def test_devices_validated_and_not_duplicated(training_store: Store) -> None:
    add_number(training_store, "07700 900123", LineDetails())
    assert add_device(training_store, "07700900123", "imei", "49-015420-323751-8") == (
        "490154203237518"
    )
    with pytest.raises(Conflict):
        add_device(training_store, "07700900123", "IMEI", "490154203237518")
    with pytest.raises(IdentifierRejected):
        add_device(training_store, "07700900123", "IMEI", "490154203237519")


def test_takings_need_a_source(training_store: Store) -> None:
    with pytest.raises(ValueError, match="where the daily takings estimate comes from"):
        add_number(training_store, "07700 900123", LineDetails(daily_takings_pence=500_000))


def test_edit_replaces_areas_and_refuses_brand_clash(training_store: Store) -> None:
    a = add_number(training_store, "07700 900101", LineDetails(brand="Tony", areas=["Thurrock"]))
    add_number(training_store, "07700 900102", LineDetails(brand="K"))
    update_line(training_store, a.line_id, LineDetails(brand="Tony", areas=["Harlow", "Basildon"]))
    assert number_detail(training_store, a.id).line.areas == ["Basildon", "Harlow"]
    with pytest.raises(Conflict, match="already called 'K'"):
        update_line(training_store, a.line_id, LineDetails(brand="k"))


def test_filters_by_number_in_any_format_brand_area_status(training_store: Store) -> None:
    add_number(training_store, "07700 900101", LineDetails(brand="Tony", areas=["Thurrock"]))
    add_number(training_store, "07700 900202", LineDetails(brand="Dee", areas=["Brentwood"]))

    def found(**kwargs: object) -> list[str]:
        return [str(r["line"]) for r in list_numbers(training_store, LineFilter(**kwargs))]

    assert found(text="+44 7700 900101") == ["Tony"]
    assert found(text="0044 (0)7700-900202") == ["Dee"]
    assert found(text="900 2") == ["Dee"]
    assert found(text="ton") == ["Tony"]
    assert found(area="brentwood") == ["Dee"]
    assert found(status=Status.IDENTIFIED) == ["Tony", "Dee"]
    assert found(text="100%") == []
    assert found(sort="line") == ["Dee", "Tony"]
    assert found(sort="line", descending=True) == ["Tony", "Dee"]
    assert len(matching_ids(training_store, LineFilter(sort="areas"))) == 2


def test_every_write_passes_through_the_store_transaction(training_store: Store) -> None:
    def events() -> list[str]:
        rows = training_store.db.execute("SELECT event FROM audit_log ORDER BY id")
        return [r[0] for r in rows]

    before = events()
    add_number(training_store, "07700 900123", LineDetails(brand="Tony"))
    set_status(training_store, "07700 900123", Status.GATHERING_EVIDENCE)
    with pytest.raises(StatusChangeRefused):
        set_status(training_store, "07700 900123", Status.DISCONNECTED)
    assert events()[len(before) :] == ["add number", "change status"]


def test_an_area_s_name_cannot_hold_the_separator_of_a_line_s_areas(training_store: Store) -> None:
    from raptor_desktop.core.errors import InputRejected
    from raptor_desktop.store.reference import add_area, area_names

    with pytest.raises(InputRejected, match="cannot hold ';'"):
        add_area(training_store, "Grays; Tilbury")
    assert "Grays; Tilbury" not in area_names(training_store)
    add_area(training_store, "Grays and Tilbury")
    assert "Grays and Tilbury" in area_names(training_store)

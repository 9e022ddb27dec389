"""A package's body read back with each record's fields cut out as they were written, and any
other JSON layout of the same body read whole, to the same records and the same versions."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from raptor_desktop.services import exchange as ex
from raptor_desktop.services.package_body import read_body, write_body
from raptor_desktop.store.exchange import apply_package
from raptor_desktop.store.exchange_outgoing import Outgoing
from raptor_desktop.store.lines import add_number
from raptor_desktop.store.peers import peer_named
from tests.exchange_units import TONY, Unit

AWKWARD = {  # what a cut by hand would trip on: brackets, commas, quotes, escapes, non-ASCII
    "notes": ['seen at "the Dell"], ["x", {}]', {"a1": 1}, "alice", "2026-12-01T10:00:00Z"],
    "brand": ["Tony\\\n ☎ é", {"a1": 2, "b2": 1}, "bob", "2026-12-01T11:00:00Z"],
}
GIDS = ["0190f0a0-0000-7000-8000-000000000001", "0190f0a0-0000-7000-8000-000000000002"]


def _outgoing() -> Outgoing:
    return Outgoing(
        records=[
            ("line", GIDS[0], json.dumps(AWKWARD, ensure_ascii=False)),
            ("number", GIDS[1], json.dumps({}, ensure_ascii=False)),
        ],
        erased=[["number", GIDS[1]]],
    )


def test_each_record_s_fields_are_cut_out_as_written() -> None:
    outgoing = _outgoing()
    written = write_body(outgoing, [["entry", "ab"]], [])
    body = read_body(written)
    assert body.texts == [fields for _kind, _gid, fields in outgoing.records]
    assert body.records == json.loads(written)["records"]
    assert body.records[0] == ["line", GIDS[0], AWKWARD]
    assert body.rest == {
        "erased": [["number", GIDS[1]]],
        "aliases": [],
        "log": [["entry", "ab"]],
        "files": [],
    }


@pytest.mark.parametrize(
    "layout",
    [
        lambda whole: json.dumps(whole),  # spaces after the separators
        lambda whole: json.dumps(whole, indent=1),
        lambda whole: json.dumps(dict(reversed(whole.items()))),  # records last
    ],
)
def test_another_layout_of_the_same_body_is_read_whole(layout) -> None:  # type: ignore[no-untyped-def]
    whole = json.loads(write_body(_outgoing(), [], []))
    body = read_body(layout(whole))
    assert body.texts == []
    assert body.records == whole["records"]
    assert body.rest == {k: v for k, v in whole.items() if k != "records"}


@pytest.mark.parametrize("text", ['{"records":[["line"', "[1, 2]", '{"records": 3}', "not json"])
def test_a_body_that_is_not_a_package_s_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        read_body(text)


def test_a_package_applied_with_its_texts_or_without_stores_the_same_versions(
    unit: Unit,
) -> None:
    """Main takes alice's package as read (each record's text kept); bob takes the same records
    without their texts (encoded again): both hold alice's versions exactly."""
    alice, main, bob = unit.stores["alice"], unit.stores["main"], unit.stores["bob"]
    add_number(alice, "07700 900123", TONY)
    add_number(alice, "07700 900124", TONY)
    package = ex.read_package(main, unit.package("alice", "main"))
    assert len(package.texts) == len(package.records) == 5
    apply_package(main, package)
    apply_package(bob, replace(package, peer=peer_named(bob, "alice"), texts=[]))

    def versions(store):  # type: ignore[no-untyped-def]
        return store.db.execute(
            "SELECT gid, kind, fields FROM record_versions ORDER BY gid"
        ).fetchall()

    assert versions(main) == versions(alice) == versions(bob)


def test_records_given_twice_are_read_as_json_reads_them() -> None:
    """A body naming its records twice is read whole, as JSON reads it: the last."""
    first = write_body(_outgoing(), [], [])
    text = first[:-1] + ',"records":[]}'
    body = read_body(text)
    assert body.records == [] and body.texts == []


@pytest.mark.parametrize(
    "spoil",
    [
        lambda text: text.replace('{}]],"erased"', '{}],],"erased"', 1),  # a comma left over
        lambda text: text.replace('}],["number"', '}]["number"', 1),  # a comma missing
    ],
)
def test_a_body_that_json_refuses_is_refused(spoil) -> None:  # type: ignore[no-untyped-def]
    text = write_body(_outgoing(), [], [])
    spoiled = spoil(text)
    assert spoiled != text
    with pytest.raises(ValueError):
        json.loads(spoiled)
    with pytest.raises(ValueError):
        read_body(spoiled)


def test_a_field_given_twice_is_not_kept_as_written() -> None:
    """JSON takes the last of a name given twice; the text as written holds both, so the
    body is read whole and its records' fields are written out again where they are kept."""
    text = write_body(_outgoing(), [], []).replace(
        '{"notes": ', '{"notes": ["hidden", {}, "", ""], "notes": ', 1
    )
    body = read_body(text)
    assert body.texts == []
    assert body.records[0][2]["notes"] == AWKWARD["notes"]


def test_an_escaped_letter_is_not_kept_as_written() -> None:
    """``\\u0030`` reads as "0": a global id spelled so would not be found by a merge that
    rewrites the stored text, so that record's fields are written out again."""
    text = write_body(_outgoing(), [], []).replace('"bob"', '"b\\u006fb"', 1)
    body = read_body(text)
    assert body.texts[0] is None and body.texts[1] is not None
    assert body.records[0][2]["brand"][2] == "bob"

"""A case package's body: its JSON as written, and read back with each record's text kept.

The sender splices each record's fields into the body as its register keeps them (its
versions' JSON); the receiver keeps a new record's fields as they came. Cut out of the body
while it is parsed, that text is stored as it is: encoding 10,000 numbers' fields again cost a
sixth of applying the package. A body laid out any other way (valid JSON all the same) is read
whole, and its records' fields are encoded again where they are stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from raptor_desktop.store.exchange_outgoing import Outgoing

RECORDS = '{"records":['


def _unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found = dict(pairs)
    if len(found) != len(pairs):  # json.loads keeps the last: the text kept would hold both
        raise ValueError("a name given twice")
    return found


_DECODER = json.JSONDecoder(object_pairs_hook=_unique)


def write_body(outgoing: Outgoing, log: list[list[str]], files: list[list[str]]) -> str:
    """The body's JSON, each record's fields spliced in as the register keeps them."""
    records = ",".join(  # kinds and global ids need no escaping (each checked as it arrives)
        f'["{kind}","{gid}",{fields}]' for kind, gid, fields in outgoing.records
    )
    rest = json.dumps(
        {"erased": outgoing.erased, "aliases": outgoing.aliases, "log": log, "files": files},
        ensure_ascii=False,
    )
    return RECORDS + records + "]," + rest[1:]


@dataclass
class Body:
    records: list[list[object]]  # kind, global id, fields
    texts: list[str | None] = field(default_factory=list)  # each record's fields as written
    rest: dict[str, object] = field(default_factory=dict)  # erasures, log entries, files


def read_body(text: str) -> Body:
    """The body of :func:`write_body`, each record's text cut out; any other JSON object read
    whole. Raises ValueError for text that is not JSON."""
    if text.startswith(RECORDS):
        body = _cut(text)
        if body is not None:
            return body
    whole = json.loads(text)
    if not isinstance(whole, dict):
        raise ValueError("a package's body is a JSON object")
    records = whole.pop("records", None)
    if not isinstance(records, list):
        raise ValueError("a package's records are a list")
    return Body(records, [], whole)


def _cut(text: str) -> Body | None:
    """Records written as ``["kind","gid",{…}]`` one after another, each name in them once;
    None if they are not (the body is then read whole, as JSON reads it)."""
    body = Body([], [])
    at = len(RECORDS)
    try:
        while text[at] == "[":
            kind, at = _DECODER.raw_decode(text, at + 1)
            if text[at] != ",":
                return None
            gid, at = _DECODER.raw_decode(text, at + 1)
            if text[at] != ",":
                return None
            start = at + 1
            fields, at = _DECODER.raw_decode(text, start)
            if text[at] != "]":
                return None
            body.records.append([kind, gid, fields])
            kept = text[start:at]
            # an escaped letter could spell a global id that a later merge, rewriting the
            # stored text, would not find: such a record's fields are written out again
            body.texts.append(None if "\\u" in kept else kept)
            at += 1
            if text[at] != ",":
                break
            at += 1
            if text[at] != "[":
                return None
        if text[at] != "]" or text[at + 1] != ",":
            return None
        rest = json.loads("{" + text[at + 2 :], object_pairs_hook=_unique)
    except (IndexError, ValueError):
        return None
    if not isinstance(rest, dict) or "records" in rest:
        return None
    body.rest = rest
    return body

"""Three registers that know each other as peers (the unit's main register and two officers'),
and the steps the case-package tests share."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.exchange import fingerprint
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.services import exchange as ex
from raptor_desktop.services.exchange import Scope
from raptor_desktop.store.database import Store
from raptor_desktop.store.exchange_conflicts import content_hash
from raptor_desktop.store.lines import add_number, find_number, update_line
from tests.registers import open_store

NAMES = ("main", "alice", "bob")
SINCE_LAST = Scope()
ROUND = (("alice", "main"), ("bob", "main"), ("main", "alice"), ("main", "bob"))
TONY = LineDetails(brand="Tony", areas=["Thurrock"], drugs=["crack cocaine"], notes="first seen")


class Unit:
    """Three registers that know each other as peers."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.stores = {
            name: open_store(
                folder / f"{name}.sqlite3", training=True, actor=name, role=Role.ADMINISTRATOR
            )
            for name in NAMES
        }
        for name, store in self.stores.items():
            ex.set_up_identity(store, name)
            ex.write_identity_file(store, folder / f"{name}.identity.json")
        for name, store in self.stores.items():
            for other in NAMES:
                if other != name:
                    card = folder / f"{other}.identity.json"
                    typed = fingerprint(ex.read_identity_file(card).public_key)
                    ex.add_peer(store, card, typed)
        self.made = 0

    def package(self, sender: str, receiver: str, scope: Scope = SINCE_LAST) -> Path:
        self.made += 1
        out = self.folder / f"{self.made:02d}-{sender}-to-{receiver}"
        return ex.export_package(self.stores[sender], receiver, scope, out, "case work").path

    def send(self, sender: str, receiver: str) -> None:
        ex.import_package(self.stores[receiver], self.package(sender, receiver))

    def go_round(self, times: int = 1) -> None:
        """Every officer's register to main, then main to each, ``times`` over."""
        for _ in range(times):
            for sender, receiver in ROUND:
                self.send(sender, receiver)

    def hashes(self) -> set[str]:
        return {content_hash(store) for store in self.stores.values()}

    def close(self) -> None:
        for store in self.stores.values():
            store.close()


def line_of(store: Store, number: str) -> int:
    return find_number(store, number).line_id


def shared_tony(unit: Unit) -> None:
    """Alice records Tony's number; main and bob have it from her by package."""
    add_number(unit.stores["alice"], "07700 900123", TONY)
    unit.send("alice", "main")
    unit.send("main", "bob")


def edit_tony(store: Store, **changes: object) -> None:
    update_line(store, line_of(store, "07700 900123"), replace(TONY, **changes))


def both_edit_notes(unit: Unit, alices: str, bobs: str) -> None:
    """Alice and bob each change Tony's notes, unaware of each other, and send to main."""
    shared_tony(unit)
    edit_tony(unit.stores["alice"], notes=alices)
    edit_tony(unit.stores["bob"], notes=bobs)
    unit.send("alice", "main")
    unit.send("bob", "main")


def attach_screenshot(store: Store, reference: str, number: str, folder: Path) -> str:
    """An exhibit of the application with a small PNG attached; its mark."""
    from raptor_desktop.store.applications import application_id
    from raptor_desktop.store.exhibits import NewExhibit, add_exhibit

    photo = folder / "screenshot.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    exhibit = NewExhibit("RC", "Screenshot of the line's text", None, (number,), photo)
    return add_exhibit(store, application_id(store, reference), exhibit)

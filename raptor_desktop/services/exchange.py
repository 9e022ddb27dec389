"""Case packages: changes carried between workstations on a memory stick, signed and encrypted.

A ``.raptorcase`` file is::

    RAPTORCASE 0x00 0x01 | header length (4 bytes) | header (JSON) | sealed body

The header says from whom (the sender's public key and name), to whom (the receiver's public
key), which package this is in the sender's numbering for that receiver, and its scope; it is
readable, so that a package for another workstation, or from an unknown one, is refused with
a message that says so. The body is the records, erasures and log entries (JSON, compressed),
signed with the sender's Ed25519 key over the header's SHA-256 and the body, then encrypted
to the receiver (libsodium's ``crypto_box``: the two workstations' keys, as X25519): without
the receiver's register nothing in it can be read, and a changed or truncated byte anywhere
is refused. Each log entry is signed on its own, so the receiver keeps it with its signature.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import Box
from nacl.signing import SigningKey, VerifyKey

from raptor_desktop.core.accounts import Permission
from raptor_desktop.core.dates import plural
from raptor_desktop.core.errors import InputRejected, Refusal
from raptor_desktop.core.exchange import fingerprint, same_fingerprint
from raptor_desktop.core.statuses import parse_status
from raptor_desktop.services.package_body import Body, read_body, write_body
from raptor_desktop.services.session import Session
from raptor_desktop.store import exchange, exchange_conflicts, exchange_outgoing, peers
from raptor_desktop.store.applications import application_id
from raptor_desktop.store.database import Store, no_cycle_collection, utc_now
from raptor_desktop.store.exchange import GID, Applied, Incoming
from raptor_desktop.store.exchange_conflicts import FieldConflict
from raptor_desktop.store.exchange_outgoing import Outgoing
from raptor_desktop.store.exchange_records import KINDS
from raptor_desktop.store.peers import Peer

MAGIC = b"RAPTORCASE\x00\x01"
IDENTITY_FORMAT = "raptor-workstation-identity/1"
SUFFIX = ".raptorcase"
MAX_HEADER = 64 * 1024


class PackageRefused(Refusal):
    """A package that is not applied, and why; nothing in the register has changed."""


@dataclass(frozen=True)
class PeerFile:
    name: str
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


# --- identity and peers -----------------------------------------------------------------------


def set_up_identity(store: Store, name: str) -> PeerFile:
    """Give this register its workstation identity (once): a name and an Ed25519 key pair."""
    store.require(Permission.MANAGE_PEERS)
    clean = " ".join(name.split())
    if not clean:
        raise InputRejected("give the workstation a name (e.g. 'Unit main register')")
    key = SigningKey.generate()
    peers.save_identity(store, clean, bytes(key.verify_key), bytes(key))
    return PeerFile(clean, bytes(key.verify_key))


def own_identity(store: Store) -> PeerFile:
    found = peers.identity(store)
    if found is None:
        raise InputRejected(
            "this register has no workstation identity yet",
            "An administrator sets it up (raptor exchange identity --name NAME).",
        )
    return PeerFile(found.name, found.public_key)


def write_identity_file(store: Store, path: Path) -> PeerFile:
    """The public identity, for the other workstations' administrators (nothing secret)."""
    mine = own_identity(store)
    text = json.dumps(
        {"format": IDENTITY_FORMAT, "name": mine.name, "public_key": mine.public_key.hex()},
        indent=2,
    )
    _write_whole(path, (text + "\n").encode("utf-8"))
    return mine


def read_identity_file(path: Path) -> PeerFile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputRejected(f"{path} cannot be read: {error.strerror}") from None
    except ValueError:
        raise InputRejected(f"{path} is not a workstation identity file (not JSON)") from None
    if not isinstance(data, dict) or data.get("format") != IDENTITY_FORMAT:
        raise InputRejected(f"{path} is not a workstation identity file (format)")
    try:
        key = bytes.fromhex(str(data["public_key"]))
        VerifyKey(key)
    except (KeyError, ValueError, TypeError):
        raise InputRejected(f"{path}: the field public_key is not an Ed25519 public key") from None
    name = " ".join(str(data.get("name", "")).split())
    if not name:
        raise InputRejected(f"{path}: the field name is empty")
    return PeerFile(name, key)


def add_peer(store: Store, path: Path, typed_fingerprint: str, name: str = "") -> PeerFile:
    """Add the workstation whose identity file is at ``path``, once the administrator has
    compared its fingerprint with the one that workstation shows, and typed it here."""
    store.require(Permission.MANAGE_PEERS)
    found = read_identity_file(path)
    if not same_fingerprint(typed_fingerprint, found.public_key):
        raise InputRejected(
            f"the fingerprint typed is not that of the identity in {path.name}",
            "Read it again from the other workstation (Settings → Workstations); if they "
            "differ, the file is not that workstation's: do not add it.",
        )
    peer = PeerFile(" ".join(name.split()) or found.name, found.public_key)
    peers.add_peer(store, peer.name, peer.public_key)
    return peer


def list_peers(store: Store) -> list[Peer]:
    return peers.peers(store)


# --- export -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """What a package carries: everything since the last package to the peer; everything,
    again (``again``: the way out when a package was lost, as it replaces every one before
    it); or one application (with its numbers, their lines, histories and evidence), or one
    line."""

    application: str = ""
    line: str = ""
    again: bool = False

    @property
    def since_last(self) -> bool:
        return not self.application and not self.line

    def described(self) -> str:
        if self.application:
            return f"application {self.application}"
        if self.line:
            return f"line {self.line}"
        if self.again:
            return "everything, again"
        return "changes since the last package"


@dataclass(frozen=True)
class Exported:
    path: Path
    seq: int
    summary: str


def export_package(
    store: Store, peer_name: str, scope: Scope, out: Path, justification: str
) -> Exported:
    """Write the package for ``peer_name``; a disclosure, logged once the file is written.

    A package replaces every one before it when it holds everything (``covers_after`` 0):
    the receiver may then take it even if one before it was lost. Every other must follow
    the last one the receiver applied."""
    if not justification.strip():
        raise InputRejected("say why the package is sent (logged, DPA 2018 s62)")
    peer = peers.peer_named(store, peer_name)
    mine = own_identity(store)
    outgoing = _outgoing(store, peer, scope)
    seq = peer.sent_seq + 1
    header = {
        "format": 1,
        "from": mine.public_key.hex(),
        "from_name": mine.name,
        "to": peer.public_key.hex(),
        "to_name": peer.name,
        "seq": seq,
        "covers_after": 0 if scope.again else seq - 1,
        "scope": scope.described(),
        "made_at": utc_now(),
    }
    key = SigningKey(peers.private_key(store))
    log = [
        [text, key.sign(text.encode("utf-8")).signature.hex()]
        for text in (json.dumps(e, sort_keys=True, ensure_ascii=False) for e in outgoing.log)
    ]
    files = [
        [name, digest, base64.b64encode(content).decode("ascii")]
        for name, digest, content in exchange_outgoing.attachments_of(store, outgoing)
    ]
    body = write_body(outgoing, log, files)
    target = out if out.suffix == SUFFIX else out.with_name(out.name + SUFFIX)
    if target.exists():
        raise InputRejected(
            f"{target} exists already: a package is never written over another (the peer "
            "may still need it)",
            "Choose another name; the suggested one carries the package's number.",
        )
    _write_whole(target, _sealed(key, peer.public_key, header, body))
    summary = (
        f"package {seq} to {peer.name} ({scope.described()}): "
        f"{plural(len(outgoing.records), 'record')}, {plural(len(outgoing.erased), 'erasure')}, "
        f"{plural(len(log), 'log entry', 'log entries')}, "
        f"{plural(len(files), 'attached file')}"
    )
    exchange_outgoing.mark_sent(
        store,
        peer,
        seq,
        outgoing,
        since_last=scope.since_last,
        records=summary,
        justification=justification.strip(),
    )
    return Exported(target, seq, summary)


def next_package_name(store: Store, peer_name: str) -> str:
    """The file name a package to ``peer_name`` is suggested: its peer and number."""
    peer = peers.peer_named(store, peer_name)
    name = "".join(c if c.isalnum() or c in "-_" else "-" for c in peer.name)
    return f"to-{name}-{peer.sent_seq + 1:04d}{SUFFIX}"


def _outgoing(store: Store, peer: Peer, scope: Scope) -> Outgoing:
    if scope.again:
        return exchange_outgoing.outgoing_everything(store)
    if scope.application:
        return exchange_outgoing.outgoing_application(
            store, application_id(store, scope.application)
        )
    if scope.line:
        return exchange_outgoing.outgoing_line(store, scope.line)
    return exchange_outgoing.outgoing_since(store, peer)


def _sealed(key: SigningKey, recipient: bytes, header: dict[str, object], body: str) -> bytes:
    head = json.dumps(header, sort_keys=True).encode("utf-8")
    inner = zlib.compress(body.encode("utf-8"), 6)
    signature = key.sign(hashlib.sha256(head).digest() + inner).signature
    box = Box(key.to_curve25519_private_key(), VerifyKey(recipient).to_curve25519_public_key())
    return MAGIC + len(head).to_bytes(4, "big") + head + box.encrypt(signature + inner)


def _write_whole(path: Path, data: bytes) -> None:
    """All of the file or none: written beside it, then put in its place."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise InputRejected(f"{path} cannot be written: {error.strerror}") from None


# --- import -----------------------------------------------------------------------------------


def read_package(store: Store, path: Path) -> Incoming:
    """Open and check a package: for this workstation, from a peer with the key it was added
    with, whole and unaltered, and the next one from that peer. Refused otherwise."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PackageRefused(f"{path} cannot be read: {error.strerror}") from None
    header, sealed = _header(path, data)
    mine = own_identity(store)
    if header.get("to") != mine.public_key.hex():
        meant = str(header.get("to_name") or "another workstation")
        raise PackageRefused(
            f"{path.name} was made for {meant}; this workstation is {mine.name}",
            "Import it on the workstation it was made for.",
        )
    sender = _sender(store, path, header)
    own = SigningKey(peers.private_key(store))
    box = Box(
        own.to_curve25519_private_key(), VerifyKey(sender.public_key).to_curve25519_public_key()
    )
    try:
        plain = box.decrypt(sealed)
        VerifyKey(sender.public_key).verify(
            hashlib.sha256(data[len(MAGIC) + 4 : len(MAGIC) + 4 + _head_length(data)]).digest()
            + plain[64:],
            plain[:64],
        )
        text = zlib.decompress(plain[64:]).decode("utf-8")
    except (CryptoError, BadSignatureError, ValueError, zlib.error):
        raise PackageRefused(
            f"{path.name} has been changed or cut short since {sender.name} made it",
            "Ask for it to be exported again; nothing has been imported.",
        ) from None
    seq = _int_field(path, header, "seq")
    covers_after = _int_field(path, header, "covers_after")
    _check_sequence(store, sender, seq, covers_after)
    try:
        with no_cycle_collection():  # a package of thousands of records is a million objects
            body = read_body(text)
        return _contents(path, sender, (seq, covers_after), hashlib.sha256(data).hexdigest(), body)
    except (KeyError, TypeError, ValueError, binascii.Error):  # signed, yet not a body we write
        raise PackageRefused(
            f"{path.name} is signed by {sender.name} but is not laid out as this version "
            "writes packages",
            "Check that both workstations run the same version of Raptor Desktop.",
        ) from None


def _contents(
    path: Path, sender: Peer, numbers: tuple[int, int], digest: str, body: Body
) -> Incoming:
    log = []
    for text, signature in body.rest["log"]:  # type: ignore[attr-defined]
        try:
            VerifyKey(sender.public_key).verify(str(text).encode("utf-8"), bytes.fromhex(signature))
        except BadSignatureError:
            raise PackageRefused(f"{path.name}: a log entry's signature does not verify") from None
        log.append((str(text), bytes.fromhex(signature)))
    files = []
    for name, sha256, encoded in body.rest["files"]:  # type: ignore[attr-defined]
        content = base64.b64decode(encoded, validate=True)
        if hashlib.sha256(content).hexdigest() != sha256:
            raise PackageRefused(f"{path.name}: the attached file {name} is not the one signed")
        files.append((str(name), content))
    erased = body.rest["erased"]
    if not isinstance(erased, list):
        raise TypeError("erasures are a list")
    seq, covers_after = numbers
    return Incoming(
        sender,
        seq,
        digest,
        body.records,
        erased,
        log,
        files,
        covers_after,
        texts=body.texts,
        aliases=_aliases(body.rest.get("aliases", [])),  # none in a package of 2026-12-01
    )


def _aliases(listed: object) -> list[list[str]]:
    """The package's ``[kind, alias, global id]`` triples, each checked."""
    if not isinstance(listed, list):
        raise TypeError("aliases are a list")
    found = []
    for entry in listed:
        kind, alias, gid = entry
        if kind not in KINDS or not (GID.fullmatch(str(alias)) and GID.fullmatch(str(gid))):
            raise ValueError(f"an alias {entry!r} is not one this program makes")
        found.append([str(kind), str(alias), str(gid)])
    return found


def _head_length(data: bytes) -> int:
    return int.from_bytes(data[len(MAGIC) : len(MAGIC) + 4], "big")


def _header(path: Path, data: bytes) -> tuple[dict[str, object], bytes]:
    if not data.startswith(MAGIC):
        raise PackageRefused(f"{path.name} is not a Raptor case package")
    length = _head_length(data)
    start = len(MAGIC) + 4
    if length > MAX_HEADER or start + length > len(data):
        raise PackageRefused(f"{path.name} is cut short: its header is not whole")
    try:
        header = json.loads(data[start : start + length])
    except ValueError:
        raise PackageRefused(f"{path.name} has been changed: its header is not readable") from None
    if not isinstance(header, dict) or header.get("format") != 1:
        raise PackageRefused(f"{path.name} is a package of a format this version does not read")
    return header, data[start + length :]


def _int_field(path: Path, header: dict[str, object], name: str) -> int:
    try:
        return int(str(header[name]))
    except (KeyError, ValueError):
        raise PackageRefused(
            f"{path.name}: the header's field {name} is missing or wrong"
        ) from None


def _sender(store: Store, path: Path, header: dict[str, object]) -> Peer:
    try:
        key = bytes.fromhex(str(header.get("from", "")))
    except ValueError:
        key = b""
    peer = peers.peer_with_key(store, key)
    if peer is not None:
        return peer
    name = str(header.get("from_name", ""))
    known = next((p for p in peers.peers(store) if p.name.casefold() == name.casefold()), None)
    if known is not None:
        raise PackageRefused(
            f"{path.name} says it is from {known.name}, but not with the key {known.name} was "
            "added with: the key has changed, or the package is not theirs",
            "Compare fingerprints with that workstation's administrator before anything else.",
        )
    said = fingerprint(key) if len(key) == 32 else "none"
    raise PackageRefused(
        f"{path.name} is from a workstation that is not one of this register's peers "
        f"({name or 'no name'}, fingerprint {said})",
        "An administrator adds it from its identity file, comparing the fingerprint.",
    )


def _check_sequence(store: Store, sender: Peer, seq: int, covers_after: int) -> None:
    if seq <= sender.received_seq:
        applied = peers.applied_on(store, sender, seq)
        when = f" on {applied[:10]}" if applied else ""
        raise PackageRefused(
            f"package {seq} from {sender.name} was imported already{when}; importing it again "
            "changes nothing"
        )
    if covers_after > sender.received_seq:
        raise PackageRefused(
            f"this is package {seq} from {sender.name}, but package {sender.received_seq + 1} "
            "has not been imported",
            f"Import package {sender.received_seq + 1} from {sender.name} first. If it is "
            f"lost, ask {sender.name} for everything again (Export case package… → "
            "Everything, again; raptor exchange export --again): that one replaces it.",
        )


def preview_package(store: Store, path: Path) -> tuple[Incoming, Applied]:
    """What importing the package would change, worked out and undone."""
    package = read_package(store, path)
    return package, _applying(path, lambda: exchange.preview_package(store, package))


def import_package(store: Store, path: Path) -> Applied:
    """Apply the package in one transaction; the local log records the import."""
    # the package's million objects are gone before the cycle collector runs again, so it
    # never walks them (read and applied under one pause, not two)
    with no_cycle_collection():
        return _read_and_apply(store, path)


def _read_and_apply(store: Store, path: Path) -> Applied:
    package = read_package(store, path)
    return _applying(path, lambda: exchange.apply_package(store, package))


def _applying(path: Path, apply: Callable[[], Applied]) -> Applied:
    try:
        return apply()
    except (ValueError, KeyError, TypeError) as error:  # signed, yet not what this version writes
        raise PackageRefused(
            f"{path.name} is signed by its sender but holds what this version cannot apply: "
            f"{error}",
            "Check that both workstations run the same version of Raptor Desktop.",
        ) from None


def conflicts(store: Store) -> list[FieldConflict]:
    return exchange_conflicts.conflicts(store)


def resolve_conflict(store: Store, conflict_id: int, keep: str, value: object = None) -> None:
    """Keep this register's value (``mine``), the peer's (``theirs``), or a new ``value``."""
    found = next((c for c in exchange_conflicts.conflicts(store) if c.id == conflict_id), None)
    if found is None:
        raise InputRejected(f"there is no conflict {conflict_id} (see raptor exchange conflicts)")
    if keep == "mine":
        exchange_conflicts.resolve_conflict(
            store, conflict_id, found.local.value, "kept this register's"
        )
    elif keep == "theirs":
        exchange_conflicts.resolve_conflict(
            store, conflict_id, found.remote.value, f"kept {found.peer}'s"
        )
    elif keep == "edit":
        exchange_conflicts.resolve_conflict(
            store, conflict_id, _checked_edit(found, value), "edited"
        )
    else:
        raise InputRejected("keep 'mine', 'theirs', or give the value ('edit')")


def resolve_conflict_text(store: Store, conflict_id: int, text: str) -> None:
    """An edited value as typed: text for a field that holds text, and otherwise read as the
    field's own kind (a number, a list in JSON)."""
    found = next((c for c in exchange_conflicts.conflicts(store) if c.id == conflict_id), None)
    if found is None:
        raise InputRejected(f"there is no conflict {conflict_id} (see raptor exchange conflicts)")
    if str in {type(found.local.value), type(found.remote.value)}:
        value: object = text
    else:
        try:
            value = json.loads(text)
        except ValueError:
            raise InputRejected(
                f"{found.field} holds {type(found.local.value).__name__}: {text!r} is not one"
            ) from None
    resolve_conflict(store, conflict_id, "edit", value)


def _checked_edit(found: FieldConflict, value: object) -> object:
    """An edited value is of the field's kind (text, a number, a list…, as either version
    was), and a number's status one of the statuses."""
    if value is None and None not in (found.local.value, found.remote.value):
        raise InputRejected(f"{found.field} needs a value: neither version is empty")
    kinds = {type(found.local.value), type(found.remote.value)} - {type(None)}
    if value is not None and kinds and type(value) not in kinds:
        raise InputRejected(
            f"{found.field} holds {' or '.join(sorted(k.__name__ for k in kinds))}, "
            f"not {type(value).__name__}"
        )
    if (found.kind, found.field) == ("number", "status"):
        return parse_status(str(value)).value
    return value


def compare(store: Store) -> tuple[int, str]:
    """How many travelling records this register holds, and a hash over them all: two
    registers that agree show the same."""
    return exchange_conflicts.shared_count(store), exchange_conflicts.content_hash(store)


# --- the same, on a connection of their own (safe off the GUI thread) ---------------------------


def export_in(session: Session, peer: str, scope: Scope, out: Path, justification: str) -> Exported:
    with session.connect() as store:
        return export_package(store, peer, scope, out, justification)


def preview_in(session: Session, path: Path) -> tuple[Incoming, Applied]:
    with session.connect() as store:
        return preview_package(store, path)


def import_in(session: Session, path: Path) -> Applied:
    with session.connect() as store:
        return import_package(store, path)

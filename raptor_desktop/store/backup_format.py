"""The backup file: a header anyone may read, and a body sealed under the register's key.

    RAPTORBK2\\n  <4-byte header length>  <header JSON>  <sealed body>

The header names the register, when the backup was made, its schema version, whether it is a
training register, and carries the register key's wraps (each account's, the recovery key's,
and, if one was given, a passphrase's), so that the backup can be opened on a workstation
that has lost the register and its key file. The body is a ZIP (manifest, the SQLCipher
database as it is on disk, the attachments) sealed with XChaCha20-Poly1305 under a key derived
from the register's key, with the magic and the header as associated data: changing a byte of
either, or of the body, makes the backup refuse to open. Nothing in it is ever in the clear.

Backups written before v11 (``RAPTORBK1``: a ZIP encrypted with AES-256-GCM under a scrypt
passphrase key, or a bare ZIP) are still read, to be restored and then sealed.
"""

from __future__ import annotations

import json
import struct
from dataclasses import asdict, dataclass

from nacl.bindings import crypto_aead_aes256gcm_decrypt
from nacl.exceptions import CryptoError, UnavailableError

from raptor_desktop.store import crypto
from raptor_desktop.store.backup_contents import BackupRefused
from raptor_desktop.store.keyring import (
    Wrap,
    recovery_unwrap_from,
    unwrap_from,
    wrap_with_password,
)

MAGIC = b"RAPTORBK2\n"
LEGACY_MAGIC = b"RAPTORBK1"
PASSPHRASE = "(passphrase)"
MAX_HEADER = 1024**2


def backup_key(key: bytes) -> bytes:
    return crypto.subkey(key, "raptor backup")


@dataclass(frozen=True)
class Header:
    register: str
    created_at: str
    schema_version: int
    training: bool
    wraps: tuple[Wrap, ...]

    def to_bytes(self) -> bytes:
        data = asdict(self)
        data["format"] = 2
        return json.dumps(data, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes, name: str) -> Header:
        try:
            data = json.loads(raw)
            return cls(
                str(data["register"]),
                str(data["created_at"]),
                int(data["schema_version"]),
                bool(data["training"]),
                tuple(Wrap(**w) for w in data["wraps"]),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise BackupRefused(f"{name}: its header cannot be read ({error})") from None


def passphrase_wrap(passphrase: str, key: bytes, register: str) -> Wrap:
    """A wrap that opens the backup with ``passphrase`` alone."""
    return wrap_with_password(PASSPHRASE, passphrase, key, register)


def write(header: Header, body: bytes, key: bytes) -> bytes:
    raw = header.to_bytes()
    prefix = MAGIC + struct.pack(">I", len(raw)) + raw
    return prefix + crypto.seal(backup_key(key), body, prefix)


@dataclass(frozen=True)
class Credentials:
    """What may open a backup: this register's key (a restore over it), an account's name and
    password, the backup's passphrase, or the recovery key."""

    key: bytes | None = None
    register: str = ""
    username: str = ""
    password: str = ""
    passphrase: str = ""
    recovery_key: str = ""

    def key_for(self, header: Header, name: str) -> bytes:
        if self.key is not None and self.register == header.register:
            return self.key
        wraps = list(header.wraps)
        found = None
        if self.username and self.password:
            found = unwrap_from(wraps, header.register, self.username, self.password)
        if found is None and self.passphrase:
            found = unwrap_from(wraps, header.register, PASSPHRASE, self.passphrase)
        if found is None and self.recovery_key:
            found = recovery_unwrap_from(wraps, header.register, self.recovery_key)
        if found is None:
            given = self.username or self.passphrase or self.recovery_key
            raise BackupRefused(
                f"{name} is a backup of another register ({header.register})"
                + (
                    ": the password, passphrase or recovery key given does not open it"
                    if given
                    else "; give the password of one of its accounts, its passphrase or its "
                    "recovery key to open it"
                )
            )
        return found


@dataclass(frozen=True)
class Opened:
    """A backup's body, opened: the ZIP's bytes, and the key the register inside uses."""

    header: Header | None  # None for a backup written before v11
    body: bytes
    key: bytes | None


def open_backup(data: bytes, credentials: Credentials, name: str) -> Opened:
    if data.startswith(MAGIC):
        (length,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
        if length > MAX_HEADER:
            raise BackupRefused(f"{name} is damaged: its header is {length:,} bytes long")
        end = len(MAGIC) + 4 + length
        header = Header.from_bytes(data[len(MAGIC) + 4 : end], name)
        key = credentials.key_for(header, name)
        try:
            body = crypto.open_sealed(backup_key(key), data[end:], data[:end])
        except crypto.Unreadable:
            raise BackupRefused(
                f"{name} was changed after it was written, or is damaged: it fails its "
                "authentication check"
            ) from None
        return Opened(header, body, key)
    if data.startswith(LEGACY_MAGIC):
        return Opened(None, _legacy_decrypt(data, credentials.passphrase, name), None)
    return Opened(None, data, None)


def _legacy_decrypt(data: bytes, passphrase: str, name: str) -> bytes:
    """A backup encrypted by a version before v11: AES-256-GCM, scrypt passphrase key."""
    if not passphrase:
        raise BackupRefused(f"{name} is encrypted with a passphrase: give its passphrase")
    salt, nonce, body = data[9:25], data[25:37], data[37:]
    key = crypto.scrypt(passphrase, salt, 2**15, 8, 1)
    try:
        return crypto_aead_aes256gcm_decrypt(body, LEGACY_MAGIC, nonce, key)
    except UnavailableError:
        raise BackupRefused(
            f"{name} was encrypted by an older version with AES-GCM, which this processor "
            "cannot decrypt; restore it on another workstation"
        ) from None
    except CryptoError:
        raise BackupRefused("the passphrase is wrong, or the backup is damaged") from None


def needs_passphrase(data_start: bytes) -> bool:
    """Whether a backup starting with these bytes can only be opened with a passphrase."""
    return data_start.startswith(LEGACY_MAGIC)

"""The few cryptographic operations the register needs, all from libsodium (PyNaCl).

- Passwords become keys with Argon2id, memory-hard, at more than OWASP's minimum (19 MiB,
  2 passes); the cost is stored with each wrapped key so it can be raised later.
- Keys and files are sealed with XChaCha20-Poly1305 (authenticated: a changed byte is refused),
  with a random 192-bit nonce each time and the context bound in as associated data.
- One random register key gives every other key by keyed BLAKE2b with a distinct purpose, so
  the log's MAC key, the backup key and the pseudonym key are independent of each other.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from nacl import pwhash
from nacl.bindings import (
    crypto_aead_xchacha20poly1305_ietf_decrypt,
    crypto_aead_xchacha20poly1305_ietf_encrypt,
    crypto_pwhash_scryptsalsa208sha256_ll,
)
from nacl.exceptions import CryptoError

NONCE_BYTES = 24
SALT_BYTES = pwhash.argon2id.SALTBYTES


class Unreadable(ValueError):
    """Sealed data that does not open under this key: the wrong key, or data that was changed."""


@dataclass(frozen=True)
class KdfCost:
    """Argon2id's passes and memory (bytes)."""

    passes: int
    memory: int


PASSWORD_COST = KdfCost(passes=3, memory=128 * 1024 * 1024)
"""OWASP (Password Storage Cheat Sheet, 2025): at least 19 MiB with 2 passes, or 46 MiB with
one; this is 128 MiB with 3, about 0.2 s on the build machine."""


def scrypt(password: str, salt: bytes, n: int, r: int, p: int, size: int = 32) -> bytes:
    """scrypt, for what versions before v11 wrote (their password hashes, their backups)."""
    return crypto_pwhash_scryptsalsa208sha256_ll(
        password.encode("utf-8"), salt, n, r, p, dklen=size, maxmem=256 * 1024**2
    )


def new_key() -> bytes:
    return secrets.token_bytes(32)


def password_key(password: str, salt: bytes, cost: KdfCost) -> bytes:
    return pwhash.argon2id.kdf(
        32, password.encode("utf-8"), salt, opslimit=cost.passes, memlimit=cost.memory
    )


def subkey(key: bytes, purpose: str) -> bytes:
    """A key for one purpose, derived from ``key`` (BLAKE2b keyed with it)."""
    return hashlib.blake2b(purpose.encode("ascii"), key=key, digest_size=32).digest()


def log_key(key: bytes) -> bytes:
    """The key of the data-protection log's MACs and of the newest-entry notes."""
    return subkey(key, "raptor audit log")


def mac(key: bytes, data: bytes) -> str:
    """A hex MAC of ``data`` under ``key`` (keyed BLAKE2b-256)."""
    return hashlib.blake2b(data, key=key, digest_size=32).hexdigest()


def seal(key: bytes, data: bytes, context: bytes) -> bytes:
    """``nonce || ciphertext`` of ``data``; ``context`` must be given again to open it."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + crypto_aead_xchacha20poly1305_ietf_encrypt(data, context, nonce, key)


def open_sealed(key: bytes, sealed: bytes, context: bytes) -> bytes:
    try:
        return crypto_aead_xchacha20poly1305_ietf_decrypt(
            sealed[NONCE_BYTES:], context, sealed[:NONCE_BYTES], key
        )
    except (CryptoError, ValueError, TypeError):
        raise Unreadable("the key is wrong, or the data was changed") from None

"""A smaller ICU data library for the Linux bundle: only what Qt asks ICU for, in English.

PySide6's Qt6Core links ICU (libicuuc, libicui18n and libicudata, whose 31 MB are one symbol,
``icudtNN_dat``, holding every locale's data). Qt6Core calls ICU for four things only (its
imported ICU symbols): collation (``ucol_*``: QCollator, which Qt's own file dialog uses to sort
file names), time zone names (``ucal_*``: QTimeZone::displayName), text codecs that Qt does not
build in (``ucnv_*``: QStringDecoder by name) and case mapping (``u_strTo*``, whose tables are in
libicuuc itself). Traced (a breakpoint on ``udata_openChoice``), these open only: the locale's
and its parents' resource bundles in the main, ``coll/`` and ``zone/`` trees, ``coll/ucadata``,
``supplementalData``, ``likelySubtags``, ``keyTypeData``, ``numberingSystems``, the time zone
tables, and for codecs ``cnvalias`` and a converter table. Nothing reaches ICU's break iterators,
transliterators, currency, unit, language or region names, number spell-out or converter tables
for other codecs (5 MB, most of them East Asian).

:func:`reduce_library` writes a libicudata of the same name and symbol holding the items
:func:`wanted` keeps: English and the other languages of the UK and Ireland. In another
locale ICU falls back to the root data (root collation order; GMT+01:00 as a zone's name),
as it does for any locale it has no data for. Needs binutils (``objdump``, ``as``, ``ld``),
which the build needs anyway.

    python build/icu_data.py SOURCE.so OUT.so    # writes OUT.so and says what it kept
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

# The program's language and the UK's and Ireland's others: Welsh, Scottish Gaelic, Irish,
# Cornish, Manx. root is every locale's last parent; pool and res_index are each tree's index.
LOCALE = re.compile(r"(root|pool|res_index|(en|cy|gd|ga|kw|gv)(_[A-Za-z0-9]+)*)\.res")
# Data that is not a locale's, read for the locale's collation, calendar and zone names.
SHARED = {
    "supplementalData.res",  # calendar and week data, for ucal_open
    "likelySubtags.res",  # en -> en_Latn_US, for any locale ICU opens
    "keyTypeData.res",  # locale keywords (@collation=...)
    "numberingSystems.res",  # the digits of a zone's offset name (GMT+1)
    "zoneinfo64.res",  # the time zone rules ucal_open reads
    "timezoneTypes.res",  # zone aliases and canonical ids
    "metaZones.res",  # zone -> metazone, for the zones' names
    "windowsZones.res",  # Windows zone names to Olson ids
    "cnvalias.icu",  # codec names and aliases (UTF-8, UTF-16, ISO-8859-1 need no table)
    "ibm-5348_P100-1997.cnv",  # windows-1252, English Windows text, should Qt be handed some
}


def wanted(name: str) -> bool:
    """Whether the bundle keeps the ICU data item ``name`` ("icudt73l/coll/en.res")."""
    tree, _, item = name.partition("/")[2].rpartition("/")
    if tree == "":
        return item in SHARED or bool(LOCALE.fullmatch(item))
    if tree == "coll":
        return item == "ucadata.icu" or bool(LOCALE.fullmatch(item))
    if tree == "zone":
        return item == "tzdbNames.res" or bool(LOCALE.fullmatch(item))
    return False


def _symbol(library: Path) -> tuple[str, bytes]:
    """The common data symbol's name and bytes, found with objdump."""
    symbols = subprocess.run(
        ["objdump", "-T", str(library)], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"^([0-9a-f]+)\s.*\s(\S+)\s+([0-9a-f]+)\s+(icudt\d+_dat)$", symbols, re.M)
    if found is None:
        raise ValueError(f"{library}: no icudt*_dat symbol")
    address, section, size, symbol = found.groups()
    headers = subprocess.run(
        ["objdump", "-h", str(library)], capture_output=True, text=True, check=True
    ).stdout
    row = re.search(
        rf"^\s*\d+\s+{re.escape(section)}\s+\S+\s+([0-9a-f]+)\s+\S+\s+([0-9a-f]+)", headers, re.M
    )
    if row is None:
        raise ValueError(f"{library}: no section {section}")
    start = int(address, 16) - int(row.group(1), 16) + int(row.group(2), 16)
    with library.open("rb") as file:
        file.seek(start)
        return symbol, file.read(int(size, 16))


def items(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """An ICU common data file's header and its (name, bytes) items, in the file's order."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise ValueError("not ICU common data")
    toc = header_size
    (count,) = struct.unpack_from("<I", data, toc)
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    found = []
    for i, (name_at, data_at) in enumerate(entries):
        name = data[toc + name_at : data.index(b"\0", toc + name_at)].decode("ascii")
        end = toc + entries[i + 1][1] if i + 1 < count else len(data)
        found.append((name, data[toc + data_at : end]))
    return data[:header_size], found


def common_data(header: bytes, kept: list[tuple[str, bytes]]) -> bytes:
    """ICU common data of these items, each 16-byte aligned, names in the order given (ICU
    looks them up by binary search, so keep the source's sorted order)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in kept)
    table = 4 + 8 * len(kept)

    def align(n: int) -> int:
        return (n + 15) & ~15

    at = align(len(header) + table + len(names)) - len(header)  # offsets count from the table
    name_at, entries, body = table, [], b""
    for name, blob in kept:
        entries.append(struct.pack("<II", name_at, at + len(body)))
        name_at += len(name) + 1
        body += blob + b"\0" * (align(len(blob)) - len(blob))
    front = header + struct.pack("<I", len(kept)) + b"".join(entries) + names
    return front + b"\0" * (align(len(front)) - len(front)) + body


def reduce_library(source: Path, target: Path) -> list[str]:
    """Writes ``target``, a libicudata like ``source`` holding only the items :func:`wanted`
    keeps; returns their names."""
    symbol, data = _symbol(source)
    header, found = items(data)
    kept = [(name, blob) for name, blob in found if wanted(name)]
    have = {name.split("/", 1)[1] for name, _ in kept}
    missing = {*SHARED, "root.res", "coll/root.res", "coll/ucadata.icu", "zone/root.res"} - have
    if missing:  # another ICU version: look at what Qt opens again before leaving data out
        raise ValueError(f"{source}: no {', '.join(sorted(missing))} in its ICU data")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "icudt.dat").write_bytes(common_data(header, kept))
        (work / "icudt.s").write_text(
            f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, %object\n"
            f'\t.balign 16\n{symbol}:\n\t.incbin "icudt.dat"\n'
            f'\t.size {symbol}, . - {symbol}\n\t.section .note.GNU-stack,"",%progbits\n'
        )
        subprocess.run(["as", "-o", "icudt.o", "icudt.s"], cwd=work, check=True)
        subprocess.run(
            [
                "ld",
                "-shared",
                "-z",
                "noexecstack",
                "-soname",
                source.name,
                "-o",
                str(target.resolve()),
                "icudt.o",
            ],
            cwd=work,
            check=True,
        )
    return [name for name, _ in kept]


if __name__ == "__main__":
    names = reduce_library(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{len(names)} items, {Path(sys.argv[2]).stat().st_size / 1e6:.1f} MB")
    print("\n".join(names))

"""Reading spreadsheets as officers get them: CSV in any of Excel's encodings, or XLSX.

A table is a header row and data rows; each data row keeps the row number a person sees in the
spreadsheet (the header is row 1), so that every message can point at the right row.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from raptor_desktop.core.errors import UnusableFile


class UnreadableFile(UnusableFile, ValueError):
    """The file cannot be read as a table; ``str()`` says why."""


@dataclass
class Table:
    source: str
    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    blank_rows: list[int] = field(default_factory=list)
    """Rows with nothing in them between the header and the last row that has (skipped)."""


MAX_TABLE_BYTES = 512 * 1024**2  # millions of rows; a larger file is read in pieces


def read_table(path: str | Path) -> Table:
    """Read a CSV or XLSX file into a :class:`Table`, or raise :class:`UnreadableFile`."""
    path = Path(path)
    try:
        if path.is_file() and path.stat().st_size > MAX_TABLE_BYTES:
            raise UnreadableFile(
                f"{path}: {path.stat().st_size / 1024**2:,.0f} MB is more than can be imported at "
                f"once ({MAX_TABLE_BYTES // 1024**2} MB): split it into smaller files"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UnreadableFile(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise UnreadableFile(f"{path}: cannot be read ({error.strerror})") from None
    if data[:4] == b"PK\x03\x04":
        records = _xlsx_records(path, data)
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        raise UnreadableFile(f"{path}: is not a valid XLSX workbook")
    elif path.suffix.lower() == ".xls":
        raise UnreadableFile(f"{path}: old Excel .xls files cannot be read; save it as XLSX or CSV")
    else:
        records = _csv_records(path, data)
    return _to_table(str(path), records)


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise UnreadableFile(f"{path}: is not a text (CSV) file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_like_shift_jis(data):
        raise UnreadableFile(
            f"{path}: the text looks like Japanese (Shift-JIS), which would be read as "
            "nonsense; save the file as CSV UTF-8 and import it again"
        )
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise UnreadableFile(f"{path}: cannot be read as UTF-8 or Windows-1252 text") from None


def _looks_like_shift_jis(data: bytes) -> bool:
    """Text that is not UTF-8 but reads cleanly as Shift-JIS with kana or kanji in it.

    Windows-1252 text with accents almost never does: an accented letter is a Shift-JIS
    lead byte that the next character (a letter or a comma) cannot follow."""
    try:
        text = data.decode("shift_jis")
    except UnicodeDecodeError:
        return False
    japanese = sum(1 for ch in text if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")
    return japanese >= 2


def read_text(path: Path) -> str:
    """A text file as officers get them: UTF-8 (with or without its mark), UTF-16 or
    Windows-1252; a Shift-JIS or binary file is refused with the reason."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"{path}: cannot be read ({error.strerror})") from None
    try:
        return _decode(path, data)
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{path}: text encoding is damaged ({error.reason})") from None


def _csv_records(path: Path, data: bytes) -> list[list[str]]:
    try:
        text = _decode(path, data)
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{path}: text encoding is damaged ({error.reason})") from None
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:8192], delimiters=",;\t|"
        )
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    records: list[list[str]] = []
    try:
        line = 1
        for record in reader:
            if any("\n" in cell or "\r" in cell for cell in record):
                raise UnreadableFile(
                    f'{path}, lines {line}–{reader.line_num}: a quote (") opened on line {line} '
                    f"is closed only on line {reader.line_num}, so those lines would be read as "
                    "one row; check the quotes"
                )
            records.append(record)
            line = reader.line_num + 1
    except csv.Error as error:
        raise UnreadableFile(f"{path}, row {reader.line_num}: {error}") from None
    return records


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        midnight = value.time() == datetime.min.time()
        return value.date().isoformat() if midnight else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _xlsx_records(path: Path, data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook  # imported here: only XLSX imports pay for it

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UnreadableFile(f"{path}: is not a valid XLSX workbook ({error})") from None
    try:
        if not workbook.worksheets:
            raise UnreadableFile(f"{path}: the workbook has no worksheet")
        sheet = workbook.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _to_table(source: str, records: Iterable[Sequence[str]]) -> Table:
    rows = iter(enumerate(records, start=1))
    for _number, record in rows:
        if any(cell.strip() for cell in record):
            headers = [cell.strip() for cell in record]
            break
    else:
        raise UnreadableFile(f"{source}: the file is empty (no header row)")
    table = Table(source, headers)
    blank: list[int] = []
    for number, record in rows:
        cells = [cell.strip() for cell in record]
        if not any(cells):
            blank.append(number)
            continue
        table.rows.append((number, cells))
    last = table.rows[-1][0] if table.rows else 0
    table.blank_rows = [n for n in blank if n < last]  # a sheet's empty tail is no one's slip
    return table


SIGNED_NUMBER = re.compile(r"[+-]\d[\d ]*")


def spreadsheet_safe(value: object) -> object:
    """Stop a cell from running as a formula when the CSV is opened in Excel.

    A cell starting with ``=``, ``@``, a tab or a carriage return, or with ``+``/``-``
    unless all that follows is digits and spaces, can start a formula (``-1+1``, ``+ 1+1``);
    such a cell is written with a leading apostrophe. A phone number such as
    ``+44 7700 900123``, or a negative number, stays as it is.
    """
    if not isinstance(value, str) or not value:
        return value
    first = value[0]
    if first in "=@\t\r" or (first in "+-" and not SIGNED_NUMBER.fullmatch(value)):
        return "'" + value
    return value


def write_rows_csv(
    path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    """Write a CSV that Excel opens correctly (UTF-8 with a byte-order mark)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([spreadsheet_safe(header) for header in headers])
        writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)

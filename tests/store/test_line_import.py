from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from raptor_desktop.core.line_import import NoNumberColumn, RowDefaults
from raptor_desktop.core.tabular import UnreadableFile, read_table
from raptor_desktop.store import importing as held
from raptor_desktop.store import line_import as importer
from raptor_desktop.store.database import Store
from raptor_desktop.store.engine import sqlite as sqlite3
from raptor_desktop.store.importing import ImportCancelled
from raptor_desktop.store.line_import import import_lines
from raptor_desktop.store.line_query import LineFilter, list_numbers

CSV = (
    "Phone,Line name,Area(s),Drugs,Notes\n"
    "07700 900101,Tony,Thurrock;Brentwood,crack;heroin,Seen on handset\n"
    "+44 (0)7700-900102,K,Basildon,cocaine,\n"
    "O7700900103,X,Thurrock,,\n"
    "07700900104,Dee,Atlantis,,\n"
    "447700900101,tony,Harlow,,Runner arrested\n"
)


def snapshot(store: Store) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for table in ("lines", "numbers", "line_areas", "line_drugs", "status_changes", "operations"):
        rows += [(table, *r) for r in store.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
    return rows


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "lines.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_import_merges_rejects_and_reports(training_store: Store, tmp_path: Path) -> None:
    result = import_lines(training_store, read_table(write(tmp_path, CSV)))
    assert result.summary() == "imported 2, updated 1, rejected 2"
    assert [(r.row, r.reason.split(":")[0]) for r in result.rejected] == [
        (4, "number"),
        (5, "areas"),
    ]
    rows = {r["display"]: r for r in list_numbers(training_store, LineFilter())}
    assert set(rows) == {"07700 900101", "07700 900102"}
    assert rows["07700 900101"]["areas"] == ["Brentwood", "Harlow", "Thurrock"]
    notes = training_store.db.execute("SELECT notes FROM lines WHERE brand = 'Tony'").fetchone()[0]
    assert notes == "Seen on handset\nRunner arrested"


def test_importing_the_same_file_twice_changes_nothing(
    training_store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path, CSV)
    import_lines(training_store, read_table(path))
    before = snapshot(training_store)
    again = import_lines(training_store, read_table(path))
    assert again.summary() == "imported 0, updated 0, rejected 2"
    assert again.unchanged == 3
    assert snapshot(training_store) == before


def test_the_result_names_blank_rows_rows_that_changed_nothing_and_numbers_with_no_line(
    training_store: Store, tmp_path: Path
) -> None:
    """An officer's spreadsheet with gaps, a number typed twice and numbers with no line name:
    the summary's three counts said nothing of any of them (found by an officer's review)."""
    text = (
        "Phone,Line name\n"
        "07700 900101,Tony\n"
        ",\n"
        "07700 900101,Tony\n"
        "07700 900105,\n"
        ",\n"
        ",\n"
        "07700 900106,\n"
        ",\n"  # a sheet's empty tail is nobody's slip
    )
    result = import_lines(training_store, read_table(write(tmp_path, text)))
    assert result.summary() == "imported 3, updated 0, rejected 0"
    assert result.remarks() == [
        "1 row changed nothing: the register already held what it says "
        "(or an earlier row of the file said it)",
        "3 blank rows skipped (rows 3, 6 and 7)",
        "2 numbers named no line, so each is on a new line with no name (rows 5 and 8): name it "
        "with Line → Edit line, or move it to its line (raptor move-number)",
    ]


@pytest.mark.parametrize(
    ("module", "writer", "failing_call"),
    [(importer, "insert_rows", 2), (held, "insert_rows", 1)],  # new lines' areas; the numbers
)
def test_a_failure_mid_file_leaves_the_database_unchanged(
    training_store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    module: object,
    writer: str,
    failing_call: int,
) -> None:
    import_lines(
        training_store, read_table(write(tmp_path, "number\n07700 900999\n", name="a.csv"))
    )
    before = snapshot(training_store)
    calls = {"n": 0}
    real = getattr(module, writer)

    def failing(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == failing_call:
            raise sqlite3.OperationalError("disk I/O error")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, writer, failing)
    with pytest.raises(Exception, match="disk"):
        import_lines(training_store, read_table(write(tmp_path, CSV)))
    assert calls["n"] == failing_call
    assert snapshot(training_store) == before


def test_a_row_refused_after_writing_ends_the_import_with_nothing_stored(
    training_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The promise each importer keeps (check, then write) is checked by the shared loop: a
    # refusal after a write would otherwise leave half a row in the register.
    from raptor_desktop.store.importing import RowRejected

    before = snapshot(training_store)
    real = importer._merge_line

    def merge_then_refuse(*args: object, **kwargs: object) -> None:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise RowRejected("refused too late")

    monkeypatch.setattr(importer, "_merge_line", merge_then_refuse)
    with pytest.raises(RuntimeError, match="row 2 was refused after part of it was written"):
        import_lines(training_store, read_table(write(tmp_path, CSV)))
    assert snapshot(training_store) == before


def test_many_rows_land_with_their_history_and_a_later_row_merges_into_a_held_one(
    training_store: Store, tmp_path: Path
) -> None:
    body = "number,line\n" + "".join(f"07700 900{i:03d},L{i % 7}\n" for i in range(999, 0, -1))
    body += "07700 900998,L4\n07700 900001,L1\n"  # both already in the file: merged
    result = import_lines(training_store, read_table(write(tmp_path, body)))
    assert (result.imported, result.unchanged, result.rejected) == (999, 2, [])
    db = training_store.db
    numbers = db.execute("SELECT COUNT(*), MIN(id), MAX(id) FROM numbers").fetchone()
    assert numbers == (999, 1, 999)
    history = db.execute(
        "SELECT COUNT(*) FROM status_changes s JOIN numbers n ON n.id = s.number_id "
        "WHERE s.to_status = n.status AND s.note = 'imported from lines.csv row ' || (1000 - "
        "CAST(substr(n.e164, -3) AS INTEGER) + 1)"
    ).fetchone()[0]
    assert history == 999
    assert db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 7
    assert len(list_numbers(training_store, LineFilter(text="900 998"))) == 1  # indexed


def test_cancelling_stores_nothing(training_store: Store, tmp_path: Path) -> None:
    body = "number,line\n" + "".join(f"07700 900{i:03d},L{i}\n" for i in range(300))
    with pytest.raises(ImportCancelled):
        import_lines(
            training_store, read_table(write(tmp_path, body)), progress=lambda d, t: d < 200
        )
    assert training_store.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_excel_encodings(training_store: Store, tmp_path: Path, encoding: str) -> None:
    text = "Number;Brand;Notes\n07700 900101;Tony;Sells £20 wraps – “two for one”\n"
    result = import_lines(training_store, read_table(write(tmp_path, text, encoding)))
    assert result.summary() == "imported 1, updated 0, rejected 0"
    notes = training_store.db.execute("SELECT notes FROM lines").fetchone()[0]
    assert notes == "Sells £20 wraps – “two for one”"


@pytest.mark.parametrize(
    "text",
    [
        "番号,ライン名,メモ\n07700 900101,トニー,駅で見た\n",  # with bytes Windows-1252 lacks
        "ライン,テスト\n07700 900101,テスト\n",  # every byte also a Windows-1252 character
    ],
)
def test_a_shift_jis_file_is_refused_not_stored_as_nonsense(tmp_path: Path, text: str) -> None:
    path = tmp_path / "lines.csv"
    path.write_bytes(text.encode("shift_jis"))
    with pytest.raises(UnreadableFile, match="Japanese .Shift-JIS."):
        read_table(path)


def test_windows_1252_names_with_accents_are_not_taken_for_shift_jis(
    training_store: Store, tmp_path: Path
) -> None:
    text = "Number,Brand,Notes\n07700 900101,Zoë,José's line; café in Grays\n"
    import_lines(training_store, read_table(write(tmp_path, text, "cp1252")))
    assert training_store.db.execute("SELECT brand, notes FROM lines").fetchone() == (
        "Zoë",
        "José's line; café in Grays",
    )


def test_xlsx_with_numeric_cells(training_store: Store, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["MSISDN", "Brand", "Areas", "First seen"])
    sheet.append([7700900101, "Tony", "Thurrock", "01/05/2026"])
    sheet.append(["07700 900102", "K", None, None])
    path = tmp_path / "lines.xlsx"
    book.save(path)
    result = import_lines(training_store, read_table(path), RowDefaults(area="Basildon"))
    assert result.summary() == "imported 2, updated 0, rejected 0"
    rows = {r["display"]: r for r in list_numbers(training_store, LineFilter())}
    assert rows["07700 900101"]["first_seen"] == "2026-05-01"
    assert rows["07700 900102"]["areas"] == ["Basildon"]


def test_file_without_a_number_column(training_store: Store, tmp_path: Path) -> None:
    with pytest.raises(NoNumberColumn, match="no number column"):
        import_lines(training_store, read_table(write(tmp_path, "Name,Area\nTony,Thurrock\n")))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "not a text"),
        (b"\x81\x8d\x8f\x90\x9d", "cannot be read"),
        (
            b'number,notes\n07700 900101,"seen at the station\n07700 900102,Tony\n',
            "lines 2–3: a quote",  # it swallowed the next row into the note
        ),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=reason):
        read_table(path)


def test_live_database_rejects_drama_rows(live_store: Store, tmp_path: Path) -> None:
    result = import_lines(live_store, read_table(write(tmp_path, "number\n07700 900101\n")))
    assert result.summary() == "imported 0, updated 0, rejected 1"
    assert "drama range" in result.rejected[0].reason


def test_a_workbook_without_a_worksheet_is_refused(tmp_path: Path) -> None:
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.save(tmp_path / "full.xlsx")
    empty = tmp_path / "empty.xlsx"
    with zipfile.ZipFile(tmp_path / "full.xlsx") as source, zipfile.ZipFile(empty, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = data.replace(
                    data[data.index(b"<sheets>") : data.index(b"</sheets>") + 9], b"<sheets/>"
                )
            if not item.filename.startswith("xl/worksheets/"):
                out.writestr(item, data)
    with pytest.raises(UnreadableFile, match="no worksheet|not a valid XLSX"):
        read_table(empty)


def test_a_file_too_large_to_import_at_once_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from raptor_desktop.core import tabular

    big = tmp_path / "big.csv"
    big.write_bytes(b"number\n" + b"07700 900101\n" * 1000)
    monkeypatch.setattr(tabular, "MAX_TABLE_BYTES", 1000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    with pytest.raises(UnreadableFile, match="more than can be imported at once"):
        read_table(big)


def test_a_date_a_month_does_not_have_is_refused_in_words(
    training_store: Store, tmp_path: Path
) -> None:
    text = "Number,First seen\n07700 900101,31/02/2026\n07700 900102,2026-05-14 00:00:00\n"
    result = import_lines(training_store, read_table(write(tmp_path, text)))
    [rejected] = result.rejected
    assert "February 2026 has 28 days" in rejected.reason
    assert "out of range" not in rejected.reason
    assert result.imported == 1  # a spreadsheet's date-and-time cell is read as its date


def test_brands_differing_outside_ascii_are_two_lines_as_the_register_has_them(
    training_store: Store, tmp_path: Path
) -> None:
    # The register compares brands with SQLite's NOCASE, which folds ASCII letters only: the
    # import's memory of brands must not fold more, or a row's line would depend on the rows
    # before it in the file.
    import_lines(training_store, read_table(write(tmp_path, "number,line\n07700 900101,ÉCLAIR\n")))
    body = "number,line\n07700 900102,éclair\n07700 900103,ÉCLAIR\n07700 900104,éCLAIR\n"
    import_lines(training_store, read_table(write(tmp_path, body, name="more.csv")))
    on_line = dict(
        training_store.db.execute(
            "SELECT n.e164, l.brand FROM numbers n JOIN lines l ON l.id = n.line_id"
        ).fetchall()
    )
    assert on_line == {
        "+447700900101": "ÉCLAIR",
        "+447700900102": "éclair",
        "+447700900103": "ÉCLAIR",
        "+447700900104": "éclair",  # é is not folded; C, L, A, I, R are
    }


def test_rows_of_a_new_line_merge_into_it_before_it_is_written(
    training_store: Store, tmp_path: Path
) -> None:
    body = (
        "Phone,Line name,Area(s),Drugs,Notes\n"
        "07700 900201,Dee,Thurrock,crack,first seen at Grays\n"
        "07700 900202,DEE,Brentwood;Thurrock,heroin;crack,\n"
        "07700 900203,dee,Basildon,,runner on a bike\n"
        "07700 900204,Kay,Basildon,,\n"
    )
    result = import_lines(training_store, read_table(write(tmp_path, body)))
    assert result.summary() == "imported 4, updated 0, rejected 0"
    rows = {r["display"]: r for r in list_numbers(training_store, LineFilter())}
    assert {rows[f"07700 90020{i}"]["line_id"] for i in (1, 2, 3)} == {
        rows["07700 900201"]["line_id"]
    }
    dee = rows["07700 900201"]
    assert dee["areas"] == ["Basildon", "Brentwood", "Thurrock"]
    line = training_store.db.execute(
        "SELECT brand, notes, (SELECT group_concat(drug, ';') FROM "
        "(SELECT drug FROM line_drugs WHERE line_id = lines.id ORDER BY drug)) FROM lines "
        "WHERE id = ?",
        [dee["line_id"]],
    ).fetchone()
    assert line == ("Dee", "first seen at Grays\nrunner on a bike", "crack cocaine;heroin")
    found = training_store.db.execute(
        "SELECT COUNT(*) FROM search_index WHERE search_index MATCH '\"runner on a bike\"'"
    ).fetchone()[0]
    assert found == 1  # the line is found by the words merged into it before it was written
    assert training_store.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 2


def test_rows_of_a_line_already_written_merge_into_it_and_a_number_seen_again_is_found(
    training_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # batches of 2 numbers: the line is written before its later rows come, and the number
    # of row 5 was added by row 1, and written
    monkeypatch.setattr(held.HeldRows, "SIZE", 2)
    body = (
        "Phone,Line name,Area(s),Drugs,Notes\n"
        "07700 900301,Dee,Thurrock,crack,seen at Grays\n"
        "07700 900302,Dee,Thurrock,crack,seen at Grays\n"
        "07700 900303,Kay,Basildon,,\n"
        "07700 900304,Dee,Thurrock,crack,seen at Grays\n"
        "07700 900301,Dee,Brentwood,heroin,runner on a bike\n"
        "07700 900305,Dee,Thurrock,crack,seen at Grays\n"
    )
    result = import_lines(training_store, read_table(write(tmp_path, body)))
    assert (result.imported, result.updated, result.unchanged) == (5, 1, 0)
    db = training_store.db
    dee = db.execute("SELECT id, notes FROM lines WHERE brand = 'Dee'").fetchone()
    assert dee[1] == "seen at Grays\nrunner on a bike"
    areas = db.execute(
        "SELECT group_concat(name, ';') FROM (SELECT a.name FROM line_areas la "
        "JOIN areas a ON a.id = la.area_id WHERE la.line_id = ? ORDER BY a.name)",
        [dee[0]],
    ).fetchone()[0]
    drugs = db.execute(
        "SELECT group_concat(drug, ';') FROM (SELECT drug FROM line_drugs WHERE line_id = ? "
        "ORDER BY drug)",
        [dee[0]],
    ).fetchone()[0]
    assert (areas, drugs) == ("Brentwood;Thurrock", "crack cocaine;heroin")
    assert db.execute("SELECT COUNT(*) FROM numbers WHERE line_id = ?", [dee[0]]).fetchone() == (4,)


def test_a_brand_given_to_a_number_on_an_unnamed_line_that_another_line_has_is_refused_clearly(
    training_store: Store, tmp_path: Path
) -> None:
    """The refusal once sent the officer to link the two lines in the Lines view, which has
    no such action: it now says what can be done."""
    first = "Phone,Line name\n07700 900401,\n07700 900402,Tony\n"
    import_lines(training_store, read_table(write(tmp_path, first, name="first.csv")))
    result = import_lines(
        training_store, read_table(write(tmp_path, "Phone,Line name\n07700 900401,Tony\n"))
    )
    [refused] = result.rejected
    assert "another line is already called 'Tony'" in refused.reason
    assert "leave the brand out of this row" in refused.reason
    assert "Lines view" not in refused.reason


def test_a_rejected_row_names_every_fault_it_has(training_store: Store, tmp_path: Path) -> None:
    """Only a row's first fault had been named: the officer corrected the number, imported
    again, and learnt only then that the area and the date were wrong too."""
    text = (
        "Phone,Line name,Area(s),Drugs,First seen\n"
        "0770O 900121,Rex,Atlantis,crack;mystery,31/02/2026\n"
        "07700 900122,Rex,Thurrock,crack,\n"
    )
    result = import_lines(training_store, read_table(write(tmp_path, text)))
    [rejected] = result.rejected
    faults = rejected.reason.split(" | ")
    assert [fault.split(":")[0] for fault in faults] == ["number", "drugs", "first seen", "areas"]
    assert "unknown area 'Atlantis'" in faults[3] and "'mystery'" in faults[1]
    assert result.imported == 1

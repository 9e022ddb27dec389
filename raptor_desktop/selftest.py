"""``raptor --selftest``: proves an installed or bundled program works, then exits.

It opens a temporary training database, imports drama numbers from CSV and XLSX, checks that
phonenumbers' metadata and carrier data are present, renders a hearing pack (fonts, ReportLab,
pypdf), and draws the main window off-screen.
Each check prints a line; the first failure stops the test with exit code 1 and its reason.
"""

from __future__ import annotations

import os
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from raptor_desktop.core.dates import plural

CheckResult = str
_USER, _PASSWORD = "selftest", "self-test only password"

if TYPE_CHECKING:
    from raptor_desktop.services.session import Store


def _signed_in(folder: Path) -> Store:
    """The self-test's training register, made on first use, signed in to."""
    from raptor_desktop.services.session import create_register, register_exists, sign_in

    path = folder / "selftest.sqlite3"
    if not register_exists(path):
        create_register(path, training=True, admin=_USER, password=_PASSWORD)
    return sign_in(path, _USER, _PASSWORD).store


def _database_and_import(folder: Path) -> CheckResult:
    from raptor_desktop.services.imports import lines_importer, run_import
    from raptor_desktop.services.session import Session

    source = folder / "selftest.csv"
    source.write_text(
        "Number,Line name,Areas\n07700 900101,Tony,Thurrock\n+44 7700 900102,K,Brentwood\n"
        "O7700 900103,Bad,Thurrock\n",
        encoding="utf-8",
    )
    with _signed_in(folder) as store:
        if not store.training:
            raise AssertionError("the new database is not a training database")
        session = Session.of(store)
    summary = run_import(session, source, lines_importer()).summary()
    if summary != "imported 2, updated 0, rejected 1":
        raise AssertionError(f"CSV import gave {summary!r}")
    return f"training database created, CSV import: {summary}"


def _xlsx(folder: Path) -> CheckResult:
    from openpyxl import Workbook

    from raptor_desktop.core.tabular import read_table

    book = Workbook()
    sheet = book.active
    if sheet is None:
        raise AssertionError("openpyxl made a workbook without a sheet")
    sheet.append(["MSISDN", "Brand"])
    sheet.append([7700900104, "Dee"])
    path = folder / "selftest.xlsx"
    book.save(path)
    table = read_table(path)
    if table.rows != [(2, ["7700900104", "Dee"])]:
        raise AssertionError(f"XLSX read back as {table.rows!r}")
    return "XLSX written and read back"


def _numbering_data(_folder: Path) -> CheckResult:
    import phonenumbers
    from phonenumbers import PhoneNumberType

    from raptor_desktop.core.numbers import parse_mobile

    example = phonenumbers.example_number_for_type("GB", PhoneNumberType.MOBILE)
    if example is None:
        raise AssertionError("phonenumbers' metadata has no UK mobile example")
    number = parse_mobile(phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164))
    if not number.range_holder:
        raise AssertionError("phonenumbers' carrier data is missing")
    jersey = phonenumbers.example_number_for_type("JE", PhoneNumberType.MOBILE)
    if jersey is None:
        raise AssertionError("phonenumbers' metadata has no Jersey mobile example")
    text = phonenumbers.format_number(jersey, phonenumbers.PhoneNumberFormat.E164)
    if parse_mobile(text).crown_dependency != "JE":
        raise AssertionError("Crown Dependency metadata is missing")
    return f"numbering metadata and carrier data ({number.display}: {number.range_holder})"


def _hearing_pack(folder: Path) -> CheckResult:
    import io

    from pypdf import PdfReader

    from raptor_desktop.core.applications import Officer
    from raptor_desktop.paths import resource_path
    from raptor_desktop.services.applications import (
        NewExhibit,
        add_exhibit,
        application_id,
        blank_details,
        create_application,
        with_default_rank,
    )
    from raptor_desktop.services.packs import build_pack
    from raptor_desktop.services.session import Session

    with _signed_in(folder) as store:
        details = replace(
            blank_details(store),
            applicant=with_default_rank(Officer("Self Test", collar="0000")),
            authoriser=Officer("Self Test", "Superintendent", "0001"),
        )
        reference = create_application(store, details, ["07700 900101", "07700 900102"])
        picture = NewExhibit(
            "ST",
            "Self-test picture",
            numbers=("07700 900101",),
            file=resource_path("icons", "raptor.png"),
        )
        add_exhibit(store, application_id(store, reference), picture)
        session = Session.of(store)
    # A DRAFT pack (the self-test's application is not complete); checks the SHA-256.
    [bundle] = build_pack(session, reference, draft=True).bundles
    reader = PdfReader(io.BytesIO(bundle.pdf))
    first = reader.pages[0].extract_text()
    if "INDEX TO HEARING BUNDLE" not in first:
        raise AssertionError("the hearing pack has no index on page 1")
    top = [item for item in reader.outline if not isinstance(item, list)]  # nested: parts
    if len(top) != len(bundle.entries) + 1:
        raise AssertionError("the hearing pack's bookmarks do not match its index")
    pages, documents = plural(len(reader.pages), "page"), plural(len(bundle.entries), "document")
    return f"hearing pack rendered ({pages}, {documents})"


def _window(folder: Path) -> CheckResult:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from raptor_desktop.gui.app import make_application
    from raptor_desktop.gui.main_window import MainWindow

    app = make_application()
    with _signed_in(folder) as store:
        window = MainWindow(store)
        image = window.grab()  # draws the whole window without putting it on a screen
        rows = window.lines_page.model.rowCount()
        window.dashboard_page.wait()  # its home screen is read off the GUI thread
        window.deleteLater()  # not close(): that would save this window's size as the user's
        app.processEvents()
    if image.isNull() or rows != 2:
        raise AssertionError(f"main window drew {image.width()}x{image.height()}, {rows} rows")
    return f"main window drawn off-screen ({image.width()}x{image.height()}, {rows} numbers)"


CHECKS: list[tuple[str, Callable[[Path], CheckResult]]] = [
    ("database", _database_and_import),
    ("xlsx", _xlsx),
    ("numbering", _numbering_data),
    ("hearing pack", _hearing_pack),
    ("window", _window),
]


def run_selftest() -> int:
    from raptor_desktop import __version__

    print(f"Raptor Desktop {__version__} self-test")
    with tempfile.TemporaryDirectory(prefix="raptor-selftest-") as name:
        folder = Path(name)
        for label, check in CHECKS:
            try:
                result = check(folder)
            except Exception as error:  # any failure is the answer: report it and stop
                print(f"FAIL {label}: {error}")
                traceback.print_exc()
                return 1
            print(f"ok   {result}")
    print("self-test passed")
    return 0

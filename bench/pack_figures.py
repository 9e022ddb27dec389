"""Hearing packs at a busy unit's scale (issue 13): 11 numbers and 500, against the issue's
times (1 s and 10 s, start-up left out), and the file's size against what its pages hold.

The bound of a pack's time is ReportLab writing the same pages' text, line by line in the
pack's own font: the least a PDF of those words costs. The bound of its size is what no PDF
of those pages can leave out: each page's content (compressed, as stored), each image, and
each font program once. A register for training holds the numbers (Ofcom's drama range),
made in the run's folder: each line with a test purchase, the application still a draft.
"""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

from measure import ADMIN, PASSWORD, Figure, best_of
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, StreamObject
from reportlab.pdfgen.canvas import Canvas

from raptor_desktop.core.applications import Officer
from raptor_desktop.core.evidence import EvidenceItem
from raptor_desktop.core.orders import Duration
from raptor_desktop.core.tabular import read_table
from raptor_desktop.documents.fonts import SANS, register_fonts
from raptor_desktop.documents.page_text import page_texts
from raptor_desktop.services.packs import build_pack
from raptor_desktop.services.session import Session, create_register, sign_in
from raptor_desktop.store.applications import ApplicationDetails, create_application
from raptor_desktop.store.evidence import add_evidence
from raptor_desktop.store.line_import import import_lines

DETAILS = ApplicationDetails(
    court="County Court at Basildon",
    hearing_date=date(2026, 12, 10),
    hearing_time="10:30",
    applicant=Officer(
        "Rachel Carter",
        "Detective Constable",
        "71234",
        "Essex Police",
        "Grays Police Station, Orsett Road, Grays RM17 5DD",
    ),
    authoriser=Officer("Mark Hughes", "Superintendent", "1203"),
    authorised_on=date(2026, 11, 27),
    statement_date=date(2026, 11, 26),
    requested=Duration(months=12),
)


def application_of(folder: Path, count: int) -> tuple[Session, str]:
    """A training register whose one application holds ``count`` numbers, ten to a line."""
    path = folder / f"pack-{count}.sqlite3"
    create_register(path, training=True, admin=ADMIN, password=PASSWORD)
    signed = sign_in(path, ADMIN, PASSWORD)
    store = signed.store
    sheet = folder / f"pack-{count}.csv"
    sheet.write_text(
        "number,brand,area\n"
        + "".join(f"07700 900{i:03d},Line{i // 10},Thurrock\n" for i in range(count)),
        encoding="utf-8",
    )
    import_lines(store, read_table(sheet))
    for (line_id,) in store.db.execute("SELECT id FROM lines").fetchall():
        purchase = EvidenceItem(
            "test purchase",
            "Two wraps of crack cocaine for £20",
            date(2026, 11, 2),
            "Grays",
            2000,
            f"TP/{line_id}",
        )
        add_evidence(store, line_id, purchase)
    numbers = [f"07700 900{i:03d}" for i in range(count)]
    reference = create_application(store, DETAILS, numbers)
    session = Session.of(store)
    store.close()
    return session, reference


def text_only(pdf: bytes) -> bytes:
    """The same pages' words written by ReportLab with nothing else: the time bound."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for text in page_texts(pdf):
        canvas.setFont(SANS, 9)
        y = 800.0
        for line in text.splitlines():
            canvas.drawString(40, y, line[:200])
            y -= 11
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def essential_bytes(pdf: bytes) -> int:
    """Each page's content as stored, each image and each font program once: the size bound."""
    reader = PdfReader(io.BytesIO(pdf))
    content = 0
    unique: dict[str, int] = {}

    def keep(stream: StreamObject) -> None:
        unique[hashlib.sha256(stream._data).hexdigest()] = len(stream._data)

    def resources(found: DictionaryObject) -> None:
        for xobject in found.get("/XObject", DictionaryObject()).get_object().values():
            item = xobject.get_object()
            if item.get("/Subtype") == "/Image":
                keep(item)
            elif "/Resources" in item:
                resources(item["/Resources"].get_object())
        for font in found.get("/Font", DictionaryObject()).get_object().values():
            font = font.get_object()
            for described in [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]:
                descriptor = described.get("/FontDescriptor")
                if descriptor is None:
                    continue
                for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                    if key in descriptor.get_object():
                        keep(descriptor.get_object()[key].get_object())

    for page in reader.pages:
        contents = page.get("/Contents")
        streams = contents.get_object() if contents is not None else []
        for stream in streams if isinstance(streams, list) else [streams]:
            content += len(stream.get_object()._data)
        if "/Resources" in page:
            resources(page["/Resources"].get_object())
    return content + sum(unique.values())


def pack_figures(folder: Path) -> list[Figure]:
    figures = []
    for count, within in ((11, 1.0), (500, 10.0)):
        session, reference = application_of(folder, count)
        build_pack(session, reference, draft=True)  # ReportLab and the fonts loaded: start-up
        built: list[bytes] = []

        def build(s: Session = session, r: str = reference, into: list[bytes] = built) -> None:
            into[:] = [build_pack(s, r, draft=True).bundles[0].pdf]

        times = best_of({"figure": build, "bound": lambda b=built: text_only(b[0])})
        figures.append(
            Figure(f"hearing pack, {count} numbers", times["figure"], times["bound"], 0, within)
        )
    kb = 1024
    figures.append(
        Figure(
            f"  its size, {count} numbers",
            len(built[0]) / kb,
            essential_bytes(built[0]) / kb,
            1.2,
            unit="KB",
        )
    )
    return figures

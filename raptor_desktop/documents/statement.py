"""The officer's witness statement, laid out as Practice Direction 32 asks.

Case heading; a box top right (party, witness initials and surname, statement number, exhibit
marks, date); first person; numbered paragraphs; A4 with a 3.5 cm left margin; exhibits
"marked RC/1"; the statement of truth in the words required since April 2020.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from raptor_desktop.core.case_file import CaseEvidence, CaseExhibit, CaseFile
from raptor_desktop.core.dates import full_date
from raptor_desktop.core.wording import and_list, without_repeats
from raptor_desktop.documents.heading import (
    case_heading,
    esc,
    item_identifiers,
    position,
    signature_block,
)
from raptor_desktop.documents.render import STATEMENT_LEFT, render
from raptor_desktop.documents.styles import BODY, MARK, TITLE, numbered

STATEMENT_OF_TRUTH = (
    "I believe that the facts stated in this witness statement are true. I understand that "
    "proceedings for contempt of court may be brought against anyone who makes, or causes to be "
    "made, a false statement in a document verified by a statement of truth without an honest "
    "belief in its truth."
)


def _marks(case: CaseFile) -> str:
    """Each mark the statement produces, listed one by one: a range such as "RC/1 to RC/5"
    would take in marks of the officer's other cases."""
    return ", ".join(e.mark for e in case.exhibited()) or "none"


def statement_box(case: CaseFile) -> Table:
    officer = case.applicant
    witness = f"{officer.initials[:1]} {officer.surname}".strip() or "[witness]"
    rows = [
        ["Party:", "Applicant"],
        ["Witness:", witness],
        ["Statement:", f"No. {case.statement_number}"],
        ["Exhibits:", _marks(case)],
        ["Date:", full_date(case.statement_date) if case.statement_date else "[not signed yet]"],
    ]
    cells = [[Paragraph(a, MARK), Paragraph(esc(b), MARK)] for a, b in rows]
    box = Table(cells, colWidths=[2.2 * cm, 4.3 * cm], hAlign="RIGHT")
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.7, "black"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return box


DRAFTED_OPENING = "The number is used by "


def _without_first_sentence(grounds: str) -> str:
    """Grounds drafted from the evidence open by naming the line, which the paragraph has done."""
    if grounds.startswith(DRAFTED_OPENING):
        return grounds.split(". ", 1)[1] if ". " in grounds else ""
    return grounds


def _the_line(brand: str) -> str:
    """The line as the statement names it; one known by no name is said to be so (never
    called "unnamed", as if that were its name)."""
    if brand:
        return f"The line known as “{esc(brand)}”"
    return "The number is used by a line whose name is not known, which"


def _one(case: CaseFile) -> bool:
    return len(case.numbered_items()) == 1


def _the_items(case: CaseFile) -> str:
    """What the schedule lists, in words: "the number", "the numbers and devices"…"""
    items = case.numbered_items()
    devices = any(item_identifiers(i.imei, i.imsi, i.iccid) for _n, i in items)
    if len(items) == 1:
        return "the number and the devices" if devices else "the number"
    return "the numbers and devices" if devices else "the numbers"


def _introduction(case: CaseFile) -> str:
    officer = case.applicant
    return (
        f"I am {esc(officer.described())} of {esc(officer.force)}. My work address is "
        f"{esc(officer.work_address or '[work address]')}. I work on {esc(case.operation)}, "
        "which identifies and disrupts telephone lines used to sell controlled drugs."
    )


def _produces(exhibit: CaseExhibit) -> str:
    when = f" dated {full_date(exhibit.exhibit_date)}" if exhibit.exhibit_date else ""
    return f"I produce the exhibit marked {esc(exhibit.mark)}: {esc(exhibit.description)}{when}."


SOURCES = {  # what each kind of evidence is, as a record the officer has read (PD 32 18.2)
    "marketing text": "the record of a marketing text",
    "test purchase": "the test purchase record",
    "seized handset": "the report on a seized handset",
    "intelligence": "the intelligence report",
    "other": "the record",
}
STALE_DAYS = 90
"""Evidence older than this when the statement is signed is said to be the latest there is:
an application without notice owes the court what tells against it."""


def _record(record: CaseEvidence, exhibits: dict[str, str]) -> str:
    """One record, named by its source, reference and date, then what it records."""
    parts = [SOURCES.get(record.kind, SOURCES["other"])]
    if record.reference:
        parts.append(f"reference {esc(record.reference)}")
    if record.occurred_on:
        parts.append(full_date(record.occurred_on))
    else:
        recorded = f", recorded on {full_date(record.recorded_on)}" if record.recorded_on else ""
        parts.append(f"undated{recorded}")
    if record.location:
        parts.append(f"at {esc(record.location)}")
    mark = exhibits.get(_key(record.reference))
    produced = f" (I produce it as exhibit {esc(mark)})" if mark else ""
    return f"{', '.join(parts)}: {esc(record.details.strip().rstrip('.'))}{produced}"


def _key(reference: str) -> str:
    return "".join(reference.split()).casefold()


def _records(case: CaseFile, line_id: int) -> str:
    """What the statement relies on for a line, each record with its source (PD 32 18.2(2)),
    and, for full and frank disclosure, how old the latest of them is."""
    records = [e for e in case.evidence if e.line_id == line_id]
    if not records:
        return ""
    exhibits = {_key(e.mark): e.mark for e in case.exhibited()}
    listed = "; ".join(
        f"({chr(ord('a') + n)}) {_record(r, exhibits)}"
        if len(records) > 1
        else _record(r, exhibits)
        for n, r in enumerate(records)
    )
    noun = "these records" if len(records) > 1 else "this record"
    text = (
        f" I rely on {noun} of the operation, which I have read, and believe what "
        f"{'they record' if len(records) > 1 else 'it records'} to be true: {listed}."
    )
    dated = [r.occurred_on for r in records if r.occurred_on]
    signed = case.statement_date or case.prepared_on
    if not dated:
        return text + (" None of them is dated." if len(records) > 1 else " It is not dated.")
    latest = max(dated)
    age = (signed - latest).days
    days = f"{age} day{'' if age == 1 else 's'} before this statement"
    if len(dated) == 1 and len(records) == 1:
        text += f" That was {days}."
    else:
        text += f" The most recent dated one is of {full_date(latest)}, {days}."
    if age > STALE_DAYS:
        text += " I have no more recent record of the line's use."
    return text


def statement_paragraphs(case: CaseFile) -> list[str]:
    """The numbered paragraphs, in the first person, with dates and numbers in figures."""
    marks_of: dict[str, list[str]] = {}
    for exhibit in case.exhibited():
        for number in exhibit.numbers:
            marks_of.setdefault(number, []).append(exhibit.mark)
    paragraphs = [
        _introduction(case),
        "I make this statement in support of the application for drug dealing "
        f"telecommunications restriction orders in respect of {_the_items(case)} listed in "
        f"the schedule of relevant items, whose item {'number' if _one(case) else 'numbers'} "
        "I use. What I saw or did myself I "
        "say is within my own knowledge. The rest comes from the records of the operation "
        "(its intelligence log, test purchase records and seized handset reports), which I "
        "have read; it is true to the best of my information and belief, and for each such "
        "fact I name the record it comes from (Practice Direction 32, paragraph 18.2).",
    ]
    paragraphs += [_produces(exhibit) for exhibit in case.exhibited()]
    first_of_line: dict[int, int] = {}
    for item_no, item in case.numbered_items():
        devices = item_identifiers(item.imei, item.imsi, item.iccid)
        marks = marks_of.get(item.display, [])
        marked = f" I refer to the material marked {esc(and_list(marks))}." if marks else ""
        areas = and_list(item.areas) or "areas not yet identified"
        crown = (
            f" The number is a {esc(item.crown_dependency)} (Crown Dependency) number; its "
            "provider may be outside the jurisdiction of the courts of England and Wales."
            if item.crown_dependency
            else ""
        )
        own = (
            f" {esc(without_repeats(_without_first_sentence(item.grounds)))}"
            if item.own_grounds
            else ""
        )
        earlier = first_of_line.setdefault(item.line_id, item_no)
        records = (
            _records(case, item.line_id)
            if earlier == item_no
            else f" The number is another of the same line: the records I rely on are those "
            f"set out for item {earlier}."
        )
        paragraphs.append(
            f"Item {item_no}, {esc(item.display)}. According to the operation's line register, "
            f"{_the_line(item.brand)[0].lower()}{_the_line(item.brand)[1:]} "
            f"sells {esc(and_list(item.drugs) or 'drugs')} in {esc(areas)}.{own}{records}"
            + (f" Devices recorded against the number: {esc(devices)}." if devices else "")
            + crown
            + marked
        )
    paragraphs.append(_notice_paragraph(case))
    paragraphs.append(
        "For these reasons I believe that an order will prevent or restrict the use of "
        f"{'this item' if _one(case) else 'these items'} in connection with drug dealing "
        "offences."
    )
    return paragraphs


def _notice_paragraph(case: CaseFile) -> str:
    """Why the providers were (or were not) given notice, and the applicant's full and frank
    disclosure, which a court hearing an application without notice is owed."""
    if case.with_notice:
        return (
            "The providers have been given notice of this application and invited to make "
            "representations; I will put before the court any that they make. I am not aware of "
            "any matter that might lead the court to refuse the order that I have not set out "
            "in this statement."
        )
    return (
        "This application is made without notice to the providers. They are not said to have "
        "done anything wrong; giving notice would only add delay while the lines go on being "
        "used to sell drugs. Each provider "
        "will be served with any order made and may apply to set it aside or vary it (CPR "
        "23.10). Making the application without notice, I have a duty of full and frank "
        "disclosure: I am not aware of any matter that might lead the court to refuse the "
        "order that I have not set out in this statement."
    )


def statement_pdf(case: CaseFile) -> bytes:
    return _statement(case, "WITNESS STATEMENT", statement_paragraphs(case))


def further_statement_paragraphs(further: CaseFile, first: CaseFile) -> list[str]:
    """A further statement producing the exhibits added after ``first``'s bundle was served
    (``further`` is the case with only those exhibits and its own statement number). The
    statement served is not rewritten: what came later is produced here."""
    earlier = first.statement_number
    signed = full_date(first.statement_date) if first.statement_date else "[date]"
    if further.statement_number == earlier + 1:
        which = f"my witness statement No. {earlier} dated {signed}"
    else:
        which = (
            f"my witness statements Nos. {earlier} to {further.statement_number - 1} "
            f"(the first dated {signed})"
        )
    items = {i.display: n for n, i in first.numbered_items()}
    produced = []
    for exhibit in further.exhibits:
        shows = [f"item {items[d]} ({d})" if d in items else d for d in exhibit.numbers]
        relates = f" It relates to {esc(and_list(shows))}." if shows else ""
        produced.append(_produces(exhibit) + relates)
    return [
        _introduction(further),
        f"This statement supplements {which} in support of the application {esc(first.reference)} "
        "for drug dealing telecommunications restriction orders. I rely on what I said there, "
        "which this statement does not change. The material that follows was added after "
        "that statement and the bundle were served.",
        *produced,
        "I ask the court to read this material with my earlier statement.",
    ]


def further_statement_pdf(further: CaseFile, first: CaseFile) -> bytes:
    return _statement(
        further, "SUPPLEMENTARY WITNESS STATEMENT", further_statement_paragraphs(further, first)
    )


def _statement(case: CaseFile, title: str, texts: list[str]) -> bytes:
    story: list[Flowable] = [
        statement_box(case),
        Spacer(1, 0.3 * cm),
        *case_heading(case),
        Paragraph(f"{title} OF {esc(case.applicant.name.upper())}", TITLE),
    ]
    paragraphs = [numbered(f"{number}.", text) for number, text in enumerate(texts, start=1)]
    story += [
        *paragraphs[:-1],
        KeepTogether(  # the statement of truth and the signature, never on a page of their own
            [
                paragraphs[-1],
                Spacer(1, 0.4 * cm),
                Paragraph("<b>Statement of truth</b>", BODY),
                Paragraph(STATEMENT_OF_TRUTH, BODY),
                Spacer(1, 0.3 * cm),
                signature_block(
                    case.applicant.name, position(case.applicant), on=case.statement_date
                ),
            ]
        ),
    ]
    return render(story, title=f"{case.reference} {title.lower()}", left=STATEMENT_LEFT)

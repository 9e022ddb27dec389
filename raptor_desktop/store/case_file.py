"""Assembling the :class:`CaseFile` of an application for the documents."""

from __future__ import annotations

from datetime import date, datetime, time

from raptor_desktop.core.applications import ApplicationStatus, Officer
from raptor_desktop.core.case_file import (
    UNCONFIRMED,
    CaseEvidence,
    CaseExhibit,
    CaseFile,
    CaseItem,
    grounds_from_evidence,
)
from raptor_desktop.core.dates import from_iso
from raptor_desktop.core.deemed_service import Sending, SendingMethod
from raptor_desktop.core.numbers import national_format
from raptor_desktop.core.orders import Duration, compliance_deadline
from raptor_desktop.store.applications import application_id
from raptor_desktop.store.calendar import bank_holidays
from raptor_desktop.store.database import Store
from raptor_desktop.store.exhibits import stored_file
from raptor_desktop.store.line_detail import line_details
from raptor_desktop.store.settings import (
    COURT_FEE,
    FEE_ACCOUNT,
    PROTECTIVE_MARKING,
    UNIT_NAME,
    get_text,
)


def _items(store: Store, app_id: int, evidence: list[CaseEvidence]) -> list[CaseItem]:
    items = []
    rows = store.db.execute(
        "SELECT n.id, n.e164, l.brand, n.range_holder, an.provider, an.grounds, an.outcome, "
        "n.crown_dependency, l.id, COALESCE(w.host, ''), o.order_date, o.end_date, "
        "o.period_months, COALESCE(o.ordered_deadline_at, o.deadline_at), "
        "CASE WHEN o.ordered_deadline_at IS NOT NULL THEN o.deadline_at END, an.outcome_on, "
        "n.status, COALESCE(o.judge, ''), o.provider_confirmed_on, o.agreed_on, "
        "o.notice_method, o.notice_at, o.notice_to, o.notice_under "
        "FROM application_numbers an "
        "JOIN numbers n ON n.id = an.number_id JOIN lines l ON l.id = n.line_id "
        "LEFT JOIN networks w ON w.name = an.provider "
        "LEFT JOIN orders o ON o.application_id = an.application_id AND o.number_id = n.id "
        "WHERE an.application_id = ? ORDER BY n.search_digits",
        [app_id],
    ).fetchall()
    for row in rows:
        number_id, e164, brand, holder, provider, grounds, outcome, crown, line_id, host = row[:10]
        order_date, end_date, months, deadline, agreed, decided, status, judge = row[10:18]
        confirmed, agreed_on = row[18:20]
        carved_out_on = from_iso(decided) if outcome == "carved out" else None
        notice = None
        if carved_out_on and row[20]:  # a carve-out recorded before v24 has no notice kept
            notice = _sending(carved_out_on, *row[20:24])
        devices: dict[str, list[str]] = {"IMEI": [], "IMSI": [], "ICCID": []}
        for kind, value in store.db.execute(
            "SELECT kind, value FROM devices WHERE number_id = ? ORDER BY id", [number_id]
        ):
            devices[kind].append(value)
        line = line_details(store, line_id)
        areas, drugs = line.areas, line.drugs
        line_evidence = [e for e in evidence if e.line_id == line_id]
        items.append(
            CaseItem(
                e164=e164,
                display=national_format(e164),
                brand=brand,
                areas=tuple(areas),
                drugs=tuple(drugs),
                imei=tuple(devices["IMEI"]),
                imsi=tuple(devices["IMSI"]),
                iccid=tuple(devices["ICCID"]),
                range_holder=holder,
                provider=provider,
                host=host,
                grounds=grounds or grounds_from_evidence(brand, areas, line_evidence),
                own_grounds=bool(grounds),
                outcome=outcome,
                decided_on=from_iso(order_date or decided),
                crown_dependency=crown,
                order_date=from_iso(order_date),
                order_duration=Duration(from_iso(end_date), months) if order_date else None,
                order_deadline=datetime.fromisoformat(deadline) if deadline else None,
                agreed_deadline=datetime.fromisoformat(agreed) if agreed else None,
                agreed_on=from_iso(agreed_on) if agreed and agreed_on else None,
                judge=judge,
                status=status,
                line_id=line_id,
                carved_out_on=carved_out_on,
                carve_out_notice=notice,
                confirmed_on=from_iso(confirmed),
            )
        )
    return items


def _evidence(store: Store, app_id: int) -> list[CaseEvidence]:
    rows = store.db.execute(
        "SELECT DISTINCT l.brand, e.kind, e.occurred_on, e.details, e.location, e.reference, l.id, "
        "substr(e.recorded_at, 1, 10) "
        "FROM application_numbers an JOIN numbers n ON n.id = an.number_id "
        "JOIN lines l ON l.id = n.line_id JOIN evidence e ON e.line_id = l.id "
        "WHERE an.application_id = ? ORDER BY e.occurred_on, e.id",
        [app_id],
    ).fetchall()
    return [
        CaseEvidence(b, k, from_iso(d), t, loc, ref, line, from_iso(recorded))
        for b, k, d, t, loc, ref, line, recorded in rows
    ]


def _exhibits(store: Store, app_id: int, *, check_files: bool) -> list[CaseExhibit]:
    exhibits = []
    for ex_id, initials, seq, description, day, name, digest in store.db.execute(
        "SELECT id, officer_initials, seq, description, exhibit_date, file_name, file_sha256 "
        "FROM exhibits WHERE application_id = ? ORDER BY officer_initials, seq",
        [app_id],
    ).fetchall():
        numbers = tuple(
            national_format(r[0])
            for r in store.db.execute(
                "SELECT n.e164 FROM exhibit_numbers x JOIN numbers n ON n.id = x.number_id "
                "WHERE x.exhibit_id = ? ORDER BY n.search_digits",
                [ex_id],
            )
        )
        content = stored_file(store, name, digest) if name and check_files else None
        exhibits.append(
            CaseExhibit(
                f"{initials}/{seq}", description, from_iso(day), name, content, digest, numbers
            )
        )
    return exhibits


def load_case_file(
    store: Store, reference: str, *, prepared_on: date | None = None, check_files: bool = True
) -> CaseFile:
    """Everything about an application that its documents print; attached files are checked."""
    app_id = application_id(store, reference)
    row = store.db.execute(
        "SELECT a.reference, o.name, a.court, a.hearing_date, a.hearing_time, a.claim_number, "
        "a.applicant_name, a.applicant_rank, a.applicant_collar, a.applicant_force, "
        "a.applicant_address, a.authoriser_name, a.authoriser_rank, a.authoriser_collar, "
        "a.authorised_on, a.id, a.status, a.requested_until, "
        "a.requested_months, a.statement_date, a.with_notice, a.submitted_at FROM applications a "
        "JOIN operations o ON o.id = a.operation_id WHERE a.id = ?",
        [app_id],
    ).fetchone()
    signed = from_iso(row[19])
    # The statement cites only what was known when the officer signed it, so a pack printed
    # again later says the same thing (evidence recorded since belongs in a new statement).
    evidence = [
        e
        for e in _evidence(store, app_id)
        if signed is None or e.known_on is None or e.known_on <= signed
    ]
    hearing = from_iso(row[3])
    calendar = bank_holidays(store)
    case = CaseFile(
        reference=row[0],
        operation=row[1],
        court=row[2],
        hearing_date=hearing,
        hearing_time=row[4] or "",
        claim_number=row[5],
        applicant=Officer(row[6], row[7], row[8], row[9], row[10]),
        authoriser=Officer(row[11], row[12], row[13]),
        authorised_on=from_iso(row[14]),
        statement_number=_statement_number(store, app_id),
        status=ApplicationStatus(row[16]),
        items=_items(store, app_id, evidence),
        exhibits=_exhibits(store, app_id, check_files=check_files),
        evidence=evidence,
        training=store.training,
        marking=get_text(store, PROTECTIVE_MARKING),
        unit=get_text(store, UNIT_NAME),
        court_fee=get_text(store, COURT_FEE),
        fee_account=get_text(store, FEE_ACCOUNT),
        # once submitted, the pack is dated the day it was: a reprint is the same file
        prepared_on=prepared_on
        or (date.fromisoformat(row[21][:10]) if row[21] else None)
        or date.today(),
        requested=Duration(from_iso(row[17]), row[18]),
        statement_date=from_iso(row[19]),
        with_notice=bool(row[20]),
        draft_deadline=compliance_deadline(hearing, calendar_=calendar) if hearing else None,
        calendar=calendar,
    )
    providers = {item.provider_name for item in case.items} - {UNCONFIRMED}
    case.addresses = {name: _network(store, name, "address") for name in sorted(providers)}
    case.legal_names = {name: _network(store, name, "legal_name") for name in sorted(providers)}
    case.address_kinds = {name: _network(store, name, "address_kind") for name in sorted(providers)}
    case.letters_sent, case.order_letters_sent = (
        {
            str(name): _sending(date.fromisoformat(sent), method, at, to, under)
            for name, sent, method, at, to, under in store.db.execute(
                f"SELECT provider, sent_on, method, sent_at, sent_to, sent_under FROM {table} "
                "WHERE application_id = ?",
                [app_id],
            )
        }
        for table in ("provider_letters", "order_letters")
    )
    return case


def _sending(on: date, method: str, at: str, to: str, under: str) -> Sending:
    """A letter or notice as the register keeps how it went (empty before it was asked)."""
    return Sending(
        on,
        SendingMethod(method) if method else None,
        time.fromisoformat(at) if at else None,
        to,
        under,
    )


def _statement_number(store: Store, app_id: int) -> int:
    """The statement's number among its maker's statements in the case (PD 32 17.2).

    The case is the claim and the applications that renew it, one statement each, and a
    further statement with each supplementary bundle served for an earlier one: the
    applicant's statements are counted back along that chain. So the number never changes
    once made: other applications, and statements signed later, do not move it.
    """
    row = store.db.execute(
        "WITH RECURSIVE chain(id) AS (SELECT id FROM applications WHERE id = ? "
        "UNION ALL SELECT a.renews_application_id FROM applications a JOIN chain c "
        "ON a.id = c.id WHERE a.renews_application_id IS NOT NULL), "
        "me AS (SELECT lower(trim(applicant_collar)) AS collar, "
        "lower(trim(applicant_name)) AS name FROM applications WHERE id = ?), "
        "mine AS (SELECT a.id FROM chain JOIN applications a ON a.id = chain.id, me "
        "WHERE CASE WHEN me.collar <> '' THEN lower(trim(a.applicant_collar)) = me.collar "
        "ELSE lower(trim(a.applicant_name)) = me.name END) "
        "SELECT (SELECT COUNT(*) FROM mine) + (SELECT COUNT(DISTINCT p.sha256) "
        "FROM saved_packs p JOIN mine ON mine.id = p.application_id "
        "WHERE p.application_id <> ? AND p.draft = 0 AND p.supplements_id IS NOT NULL)",
        [app_id, app_id, app_id],
    ).fetchone()
    return int(row[0])


def _network(store: Store, provider: str, column: str) -> str:
    """What the networks list holds of ``provider``: its address or legal name ('' if none)."""
    if column not in ("address", "legal_name", "address_kind"):
        raise ValueError(f"networks have no detail {column!r}")
    row = store.db.execute(f"SELECT {column} FROM networks WHERE name = ?", [provider]).fetchone()
    return str(row[0]) if row else ""


def list_applications(store: Store) -> list[dict[str, object]]:
    cursor = store.db.execute(
        "SELECT a.reference, a.status, a.court, a.hearing_date, a.claim_number, "
        "a.applicant_name, COUNT(an.number_id) AS numbers, a.updated_at "
        "FROM applications a LEFT JOIN application_numbers an ON an.application_id = a.id "
        "GROUP BY a.id ORDER BY a.created_at DESC, a.id DESC"
    )
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def draft_references(store: Store) -> list[str]:
    """The applications still in draft, newest first (those numbers can be added to)."""
    return [
        r[0]
        for r in store.db.execute(
            "SELECT reference FROM applications WHERE status = 'draft' "
            "ORDER BY created_at DESC, id DESC"
        )
    ]

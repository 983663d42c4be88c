"""Placing a read report: its council, its Source (shared with the tables where they name it) and its statement."""

# Councils' and trusts' names print curly apostrophes.
# ruff: noqa: RUF001, E501

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from loaders.model import (
    Bundle,
    Citation,
    CouncilResolver,
    InspectionKind,
    InspectionStatement,
    JudgementStatement,
    SourceKind,
    SourceRecord,
)
from loaders.report_pdf import Quoted, Report
from loaders.reports.files import PdfFile

PRIORITY = 3

# How far from a report's date another source's evidence may be and still show the same holder.
SAME_TIME_DAYS = 92

FRAMEWORKS: dict[str, tuple[InspectionKind, str]] = {
    "sif_inspection_report": ("inspection", "SIF"),
    "sif_reinspection_report": ("reinspection", "SIF re-inspection"),
    "looked_after_children_inspection_report_2013": ("inspection", "TLAC"),
    "ilacs_inspection_report": ("inspection", "ILACS"),
    "ilacs_focused_visit_letter": ("focused_visit", "ILACS focused visit"),
    # The board's own review (Surrey 2015): an event of its own, graded only for the LSCB.
    "lscb_review_report": ("inspection", "LSCB review"),
}
TRUST_SUFFIX = re.compile(r"\s+Children(?:’s|'s| and Families)? (?:Services )?Trust$", re.IGNORECASE)
COUNCIL_WORDS = re.compile(
    r"^(?:the )?(?:London Borough of |Royal Borough of |City of )|\s+(?:Metropolitan (?:Borough|District) Council|"
    r"Metropolitan District Council|Metropolitan District|City Council|County Council|Borough Council|Council|"
    r"Unitary Authority|City)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Placed:
    published_date: str | None
    published_quote: Quoted | None  # None when the date comes from the manifest or the file name
    start_date: str | None
    end_date: str | None


def place(pdf: PdfFile, report: Report) -> Placed:
    printed = report.published_date
    return Placed(
        published_date=printed.value if printed else pdf.published,
        published_quote=printed,
        start_date=report.start_date.value if report.start_date else None,
        end_date=report.end_date.value if report.end_date else None,
    )


def council_of(report: Report, councils: CouncilResolver, pdf: PdfFile) -> str | None:
    name = report.council_name.value
    on_date = pdf.published or (report.start_date.value if report.start_date else None)
    candidates = [name, TRUST_SUFFIX.sub("", name), COUNCIL_WORDS.sub("", TRUST_SUFFIX.sub("", name))]
    for candidate in dict.fromkeys(c.strip() for c in candidates if c.strip()):
        code = councils.by_name(candidate, on_date)
        if code:
            return code
    return None


class ExistingSources:
    """The Sources the tables already hold for documents a PDF may be: report URLs and letters."""

    def __init__(self, tables: Bundle) -> None:
        self.by_id = {s.id: s for s in tables.sources}
        self.reports: list[tuple[str, str | None, str | None, str]] = []
        self.letters: dict[tuple[str, str], str] = {}
        for statement in tables.inspections:
            source = statement.citation.source_id
            if source.startswith("url:") and statement.kind in ("inspection", "reinspection"):
                self.reports.append(
                    (statement.council_code, statement.published_date, statement.start_date, source)
                )
            if source.startswith("letter:") and statement.published_date:
                self.letters[(statement.council_code, statement.published_date)] = source

    def report(self, code: str, published: str | None, start: str | None) -> SourceRecord | None:
        for council, their_published, their_start, source_id in self.reports:
            if council == code and (_near(published, their_published, 7) or _near(start, their_start, 7)):
                return self.by_id.get(source_id)
        return None

    def letter(self, code: str, published: str | None) -> SourceRecord | None:
        source_id = self.letters.get((code, published or ""))
        return self.by_id.get(source_id) if source_id else None


def _near(a: str | None, b: str | None, days: int) -> bool:
    if a is None or b is None:
        return False
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= days


def report_source(
    pdf: PdfFile, report: Report, code: str, placed: Placed, existing: ExistingSources
) -> SourceRecord:
    known: SourceRecord | None
    if report.doc_type == "ilacs_focused_visit_letter":
        known = existing.letter(code, placed.published_date)
    else:
        known = existing.report(code, placed.published_date, placed.start_date)
    kind: SourceKind = "ofsted_letter" if report.doc_type == "ilacs_focused_visit_letter" else "ofsted_report"
    title = _title(report, placed)
    if known is not None:
        return replace(known, sha256=report.sha256, file=pdf.file, title=known.title or title)
    return SourceRecord(
        id=f"pdf:{report.sha256}",
        kind=kind,
        title=title,
        publisher="Ofsted",
        publisher_certainty="stated",
        published_date=placed.published_date,
        published_precision="day" if placed.published_date else None,
        published_certainty="stated" if placed.published_date else None,
        file=pdf.file,
        sha256=report.sha256,
    )


def _title(report: Report, placed: Placed) -> str:
    when = f" ({placed.published_date})" if placed.published_date else ""
    kinds = {
        "sif_inspection_report": "Inspection of services for children in need of help and protection, children "
        "looked after and care leavers",
        "sif_reinspection_report": "Re-inspection of services for children in need of help and protection, "
        "children looked after and care leavers",
        "looked_after_children_inspection_report_2013": "Inspection of looked after children services",
        "ilacs_inspection_report": "Inspection of local authority children's services",
        "ilacs_focused_visit_letter": "Focused visit letter",
        "lscb_review_report": "Review of the effectiveness of the Local Safeguarding Children Board",
    }
    return f"{report.council_name.value}: {kinds[report.doc_type]}{when}"


def report_statement(report: Report, code: str, placed: Placed, source: SourceRecord) -> InspectionStatement:
    kind, framework = FRAMEWORKS[report.doc_type]
    dates = report.start_date or placed.published_quote
    citation = Citation(
        source_id=source.id,
        quote=dates.quote if dates else (source.title or ""),
        page=dates.page if dates else None,
        field="inspection dates" if report.start_date else "published",
        value=(f"{placed.start_date}/{placed.end_date}" if report.start_date else placed.published_date),
    )
    return InspectionStatement(
        council_code=code,
        kind=kind,
        framework=framework,
        citation=citation,
        start_date=placed.start_date,
        end_date=placed.end_date,
        published_date=placed.published_date,
        lead_inspector=report.lead_inspector.value if report.lead_inspector else None,
        report_url=source.url,
        judgements=[
            JudgementStatement(
                area=j.area,
                grade=j.grade,
                wording=j.wording,
                citation=Citation(source.id, j.quote, page=j.page, field=j.label, value=j.wording),
            )
            for j in report.judgements
        ],
        priority=PRIORITY,
        inspectors=tuple(report.team.value.split("; ")) if report.team else (),
        extra_citations=tuple(_detail_citations(report, source)),
    )


def _detail_citations(report: Report, source: SourceRecord) -> list[Citation]:
    """Where the report states its lead inspector, team and publication date."""
    found = []
    for label, quoted in (
        ("lead inspector", report.lead_inspector),
        ("inspection team", report.team),
        ("published", report.published_date),
    ):
        if quoted is not None:
            found.append(Citation(source.id, quoted.quote, page=quoted.page, field=label, value=quoted.value))
    return found

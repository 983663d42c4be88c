"""The corpus reader behind the reports loader's `Report`: PDFium text, layouts read from the
document, and the leadership facts the loader can place.

Kept apart so the loader swaps its reader in one line; it moves into the reshaped `report_pdf/`.
"""

from __future__ import annotations

from pathlib import Path

from graph.errors import LoadError, Problem
from loaders.report_pdf import LeaderStatement, Report
from loaders.report_pdf.inspections import _inspectors
from loaders.report_pdf.letters import read_letter
from loaders.report_pdf.model import DocType, PdfUnreadableError, StatementEvidence
from loaders.report_read import facts, text
from loaders.report_read.leaders import FactKind, LeaderFact

DOC_TYPES: dict[facts.Layout, DocType] = {
    "sif_inspection": "sif_inspection_report",
    "sif_reinspection": "sif_reinspection_report",
    "tlac_2013": "looked_after_children_inspection_report_2013",
    "ilacs": "ilacs_inspection_report",
    "ilacs_ungraded": "ilacs_inspection_report",
    "lscb_review": "lscb_review_report",
    "focused_visit_letter": "ilacs_focused_visit_letter",
}


def read_report(path: Path, file: str, cache_dir: Path | None = text.CACHE_DIR) -> Report:
    """Read one report or letter PDF into the loader's `Report`.

    Raises:
        LoadError: the PDF cannot be read or placed in a known layout; the problem names file and page.
    """
    try:
        page_text = text.read(path, cache_dir)
    except PdfUnreadableError as exc:
        raise LoadError([Problem(file, None, f"page {exc.page}" if exc.page else None, exc.reason)]) from exc
    except OSError as exc:
        raise LoadError([Problem(file, None, None, f"cannot read the file: {exc.strerror}")]) from exc
    pages = list(page_text.pages)
    read = facts.read(pages)
    if isinstance(read, facts.Unplaced):
        raise LoadError([Problem(file, None, f"page {read.page}" if read.page else None, read.reason)])
    return to_report(read, file, page_text.sha256, pages)


def to_report(read: facts.ReadReport, file: str, sha256: str, pages: list[str]) -> Report:
    doc_type = DOC_TYPES[read.layout]
    report = Report(file, sha256, len(pages), doc_type, read.council)
    report.start_date, report.end_date, report.published_date = (
        read.start_date,
        read.end_date,
        read.published_date,
    )
    report.judgements = list(read.judgements)
    if doc_type == "ilacs_focused_visit_letter":
        # The letter's addressee (named, with a date) is read as before.
        old = Report(file, sha256, len(pages), doc_type, read.council)
        read_letter(old, [text.flat(p) for p in pages], pages[0], file, [])
        report.team, report.leaders = old.team, list(old.leaders)
    else:
        report.lead_inspector = read.lead_inspectors[0] if read.lead_inspectors else None
        report.team = _inspectors([text.flat(p) for p in pages])[1]
    report.leaders += [s for f in read.leaders if (s := statement(f)) is not None]
    return report


def statement(fact: LeaderFact) -> LeaderStatement | None:
    """The loader's tenure evidence for one fact, or None for what it cannot place.

    Placed: "in post since", "appointed", "took up post" and "left" with a date, stated or counted back
    from a relative phrase (then marked approximate), of the current holder or a previous one; a dated
    "has changed" as the current holder's taking up post; a combined role, which the loader places
    beside the same report's tenure of the post. Not placed: the other facts without a date, and lead
    members without a name (the graph holds lead members only by name).
    """
    evidence = EVIDENCE[fact.kind]
    if fact.date is None and not (
        evidence == "combined_role" or (evidence == "in_post_since" and not fact.previous)
    ):
        return None
    if fact.role == "lead_member" and fact.name is None:
        return None
    return LeaderStatement(
        role=fact.role,
        title=fact.title,
        evidence=evidence,
        date=fact.date,
        precision=fact.precision,
        interim=fact.interim,
        name=fact.name,
        organisation=None,
        page=fact.page,
        quote=fact.quote,
        basis_page=fact.basis_page,
        basis=fact.basis,
        certainty=fact.certainty,
        previous=fact.previous,
        also=fact.also,
    )


# "The chief executive has changed in recent weeks": a new holder took up the post then.
EVIDENCE: dict[FactKind, StatementEvidence] = {
    "in_post_since": "in_post_since",
    "appointed": "appointed",
    "takes_up_post": "takes_up_post",
    "left": "left",
    "changed": "takes_up_post",
    "combined_role": "combined_role",
}

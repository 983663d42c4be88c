"""What one Ofsted report or letter PDF says, with the page and the sentence for every fact.

This module reads PDFs and knows the printed layouts (SOURCES.md section 6); it knows nothing of the
graph. `loaders.reports` turns what it finds into statements and tenure evidence.

Layouts:
- SIF reports and re-inspections (2013-2018): "Inspection date(s)", "Report published", a headline
  grade ("Children's services in X are inadequate" or "The overall judgement is ..."), numbered
  sub-judgements 1, 2, 2.1, 2.2, 3, the LSCB's grade, the team near the end, and tenure sentences in
  "Information about this local authority area".
- The 2013 looked-after-children inspection: "Reporting inspector", "Published", and the "Record of
  main findings" table.
- ILACS reports (2018 on): "Inspection dates", "Lead inspector: <name>, Her/His Majesty's Inspector",
  a judgement table of 3 (before 2023) or 4 areas and, until mid-2026, "Overall effectiveness". No
  publication date is printed.
- Focused-visit letters: the letter date, the addressee block, "Dear ...", the visit dates and the
  inspectors in the first paragraph. No grades.

Only sentences that match these printed forms are read; anything else in a report is left alone
rather than guessed at. Quotes are the PDF's text with its line breaks and runs of spaces collapsed.
"""

# Reports print curly apostrophes and en dashes; the patterns must match them, and read best unbroken.

from __future__ import annotations

import hashlib
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from graph.errors import LoadError, Problem
from loaders.report_pdf.inspections import read_inspection
from loaders.report_pdf.layout import classify, council_name
from loaders.report_pdf.letters import read_letter
from loaders.report_pdf.model import (
    LeaderStatement,
    PdfUnreadableError,
    Quoted,
    ReadJudgement,
    Report,
    ReportText,
    flat,
    page_field,
)

__all__ = [
    "LeaderStatement",
    "PdfUnreadableError",
    "Quoted",
    "ReadJudgement",
    "Report",
    "ReportText",
    "parse",
    "read_report",
    "read_text",
]


def read_text(path: Path) -> ReportText:
    """Open a PDF and extract each page's text.

    Raises:
        PdfUnreadableError: the file is not a readable PDF, is encrypted, or a page fails to extract.
    """
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise PdfUnreadableError(None, "not a PDF (the file does not start with %PDF-)")
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise PdfUnreadableError(None, "the PDF is encrypted")
        page_count = len(reader.pages)
    except PyPdfError as exc:
        raise PdfUnreadableError(None, f"the PDF cannot be opened: {exc}") from exc
    pages: list[str] = []
    for number in range(1, page_count + 1):
        try:
            text = reader.pages[number - 1].extract_text() or ""
        except (PyPdfError, ValueError, KeyError, TypeError) as exc:
            raise PdfUnreadableError(number, f"the page's text cannot be extracted: {exc}") from exc
        pages.append(text)
    if not pages or not pages[0].strip():
        raise PdfUnreadableError(1, "the first page has no text (a scanned image, or a damaged file)")
    return ReportText(path, hashlib.sha256(data).hexdigest(), pages)


def read_report(path: Path, file: str) -> Report:
    """Read one report or letter PDF.

    Args:
        path: the PDF.
        file: how problems name it (the path relative to the folder the researcher gave).

    Raises:
        LoadError: the PDF cannot be read, its layout is not one this reader knows, or a fact every
            report of its kind prints (dates, grades) is missing; each problem names the file and page.
    """
    try:
        text = read_text(path)
    except PdfUnreadableError as exc:
        raise LoadError([Problem(file, None, page_field(exc.page), exc.reason)]) from exc
    except OSError as exc:
        raise LoadError([Problem(file, None, None, f"cannot read the file: {exc.strerror}")]) from exc
    problems: list[Problem] = []
    report = parse(text, file, problems)
    if problems or report is None:
        raise LoadError(problems or [Problem(file, None, "page 1", "no report was read")])
    return report


def parse(text: ReportText, file: str, problems: list[Problem]) -> Report | None:
    """The report in `text`, or None with problems when its layout is unknown."""
    pages = [flat(p) for p in text.pages]
    doc_type = classify(pages[0])
    if doc_type is None:
        problems.append(
            Problem(
                file,
                None,
                "page 1",
                "not an Ofsted children's services report or focused-visit letter in a known layout "
                "(expected 'Inspection of ...' with inspection dates, or a letter 'Focused visit to ...')",
            )
        )
        return None
    council = council_name(pages[0], doc_type)
    if council is None:
        problems.append(
            Problem(file, None, "page 1", "the council's name is not where this layout prints it")
        )
        return None
    report = Report(file, text.sha256, len(pages), doc_type, council)
    if doc_type == "ilacs_focused_visit_letter":
        read_letter(report, pages, text.pages[0], file, problems)
    else:
        read_inspection(report, pages, file, problems)
    return report

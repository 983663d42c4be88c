"""Ofsted report and letter PDFs as a source: statements, judgements and leadership evidence.

Reads the bundled folder (`reports/` with its `reports_index.csv` manifest, SOURCES.md section 6) and
any folder of PDFs a researcher downloaded from Ofsted. `loaders.report_pdf` reads each PDF; this
module places what it read in the graph's model:

- The PDF is a Source whose identity is its sha256. Where the tables already know the document (the
  report scrape's Ofsted URL for that inspection, or the focused-visit letter table's letter) the PDF
  is that same Source, now with its sha256 and file; otherwise its id is "pdf:<sha256>".
- Its inspection or visit is a statement of priority 3, so `loaders.reconcile` joins it to the event
  the tables describe and lets the report win for display; disagreements stay as conflicts.
- Tenure sentences ("The chief executive has been in post since May 2005") become evidence on the
  tenure of the named holder that other sources show in post at the time of the report, when exactly
  one such holder exists and nothing shows they started after the stated month; otherwise they stay
  a tenure whose holder is unknown. Letters name their addressee, who meets the letter table's tenure.
"""

# Councils' and trusts' names print curly apostrophes.
# ruff: noqa: E501

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from graph.errors import LoadError, Problem
from loaders.model import (
    Bundle,
    CouncilResolver,
)
from loaders.report_pdf import Report
from loaders.report_read import adapter
from loaders.reports.cache import cached_report, store_report
from loaders.reports.files import INDEX_CSV, REPORTS_DIR, PdfFile, bundled_pdfs, folder_pdfs
from loaders.reports.leadership import attach_unnamed, read_leadership
from loaders.reports.place import ExistingSources, council_of, place, report_source, report_statement

__all__ = ["INDEX_CSV", "REPORTS_DIR", "PdfFile", "bundled_pdfs", "folder_pdfs", "read_reports"]


def read_reports(
    pdfs: list[PdfFile],
    councils: CouncilResolver,
    tables: Bundle,
    on_pdf: Callable[[str], None] | None = None,
) -> tuple[Bundle, set[str]]:
    """Read PDFs into a bundle that joins what the tables already hold.

    Args:
        pdfs: the PDFs; the same bytes twice are read once.
        councils: resolves a researcher's PDF's printed council name.
        tables: what the other sources read, to find the Source each PDF already is and the named
            holders that report sentences speak of.
        on_pdf: called with each file as it is read (a progress bar).

    Returns:
        The PDFs' records, and the ids of the table Sources they replace (the PDF carries them on).

    Raises:
        LoadError: every PDF that cannot be read or placed, by file and page.
    """
    problems: list[Problem] = []
    unique: dict[str, PdfFile] = {}
    for pdf in pdfs:
        unique.setdefault(str(pdf.path.resolve()), pdf)
    reports = extract_all(list(unique.values()), problems, on_pdf)
    bundle = Bundle()
    replaced: set[str] = set()
    seen_sha: set[str] = set()
    existing = ExistingSources(tables)
    for pdf, report in reports:
        if report.sha256 in seen_sha:
            continue
        seen_sha.add(report.sha256)
        if pdf.sha256 and pdf.sha256 != report.sha256:
            problems.append(
                Problem(pdf.file, None, "sha256", "the file's bytes differ from reports_index.csv")
            )
            continue
        code = pdf.council_code or council_of(report, councils, pdf)
        if code is None:
            problems.append(
                Problem(
                    pdf.file,
                    None,
                    "page 1",
                    f"no council is named {report.council_name.value!r} (read from {report.council_name.quote!r})",
                )
            )
            continue
        placed = place(pdf, report)
        if placed.published_date is None and placed.start_date is None:
            problems.append(
                Problem(pdf.file, None, "page 1", "neither the inspection dates nor a date were read")
            )
            continue
        source = report_source(pdf, report, code, placed, existing)
        if source.id != f"pdf:{report.sha256}":
            replaced.add(source.id)
        bundle.sources.append(source)
        bundle.inspections.append(report_statement(report, code, placed, source))
        read_leadership(report, code, placed, source, bundle)
    if problems:
        raise LoadError(problems)
    bundle.tenures = attach_unnamed(bundle.tenures, tables.tenures)
    return bundle, replaced


def extract_all(
    pdfs: list[PdfFile], problems: list[Problem], on_pdf: Callable[[str], None] | None = None
) -> list[tuple[PdfFile, Report]]:
    """Read each PDF (from the cache where its bytes were read before), in parallel processes."""
    done: dict[int, Report] = {}
    todo: list[int] = []
    for n, pdf in enumerate(pdfs):
        cached = cached_report(pdf)
        if cached is not None:
            done[n] = cached
            if on_pdf:
                on_pdf(pdf.file)
        else:
            todo.append(n)
    workers = min(len(todo), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(_extract_one, [(pdfs[n].path, pdfs[n].file) for n in todo], chunksize=2)
            for n, result in zip(todo, results, strict=True):
                _collect(pdfs[n], result, n, done, problems, on_pdf)
    else:
        for n in todo:
            _collect(pdfs[n], _extract_one((pdfs[n].path, pdfs[n].file)), n, done, problems, on_pdf)
    return [(pdfs[n], done[n]) for n in sorted(done)]


def _collect(
    pdf: PdfFile,
    result: Report | list[Problem],
    n: int,
    done: dict[int, Report],
    problems: list[Problem],
    on_pdf: Callable[[str], None] | None,
) -> None:
    if isinstance(result, Report):
        done[n] = result
        store_report(result)
    else:
        problems.extend(result)
    if on_pdf:
        on_pdf(pdf.file)


def _extract_one(job: tuple[Path, str]) -> Report | list[Problem]:
    path, file = job
    try:
        return adapter.read_report(path, file)
    except LoadError as exc:
        return exc.problems

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
# ruff: noqa: RUF001, E501

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from graph.errors import LoadError, Problem
from graph.settings import PROJECT_ROOT
from loaders import dates, grades, report_pdf, roles
from loaders.dates import parse_day
from loaders.model import (
    Bundle,
    Citation,
    CouncilResolver,
    InspectionKind,
    InspectionStatement,
    JudgementStatement,
    PersonRecord,
    SourceKind,
    SourceRecord,
    TenureRecord,
)
from loaders.people import clean_name, person_slug
from loaders.report_pdf import LeaderStatement, Quoted, ReadJudgement, Report
from loaders.tables import read_table

REPORTS_DIR = "reports"
INDEX_CSV = f"{REPORTS_DIR}/reports_index.csv"
INDEX_COLUMNS = ("file", "urn", "doc_type", "publication_date_from_filename", "sha256")
PRIORITY = 3

# Extraction is a pure function of the PDF's bytes and this reader's code, so its result is kept
# by both; a load then re-reads only new or changed PDFs (tens of seconds saved on each full load).
CACHE_DIR = PROJECT_ROOT / ".cache" / "reports"
# The reader is report_pdf and the shared rules it reads dates, grades and roles with.
READER_FILES = sorted(Path(report_pdf.__file__ or "").parent.glob("*.py")) + [
    Path(m.__file__ or "") for m in (dates, grades, roles)
]
READER_VERSION = hashlib.sha256(b"".join(path.read_bytes() for path in READER_FILES)).hexdigest()[:16]

# How far from a report's date another source's evidence may be and still show the same holder.
SAME_TIME_DAYS = 92

FRAMEWORKS: dict[str, tuple[InspectionKind, str]] = {
    "sif_inspection_report": ("inspection", "SIF"),
    "sif_reinspection_report": ("reinspection", "SIF re-inspection"),
    "looked_after_children_inspection_report_2013": ("inspection", "TLAC"),
    "ilacs_inspection_report": ("inspection", "ILACS"),
    "ilacs_focused_visit_letter": ("focused_visit", "ILACS focused visit"),
}
TRUST_SUFFIX = re.compile(r"\s+Children(?:’s|'s| and Families)? (?:Services )?Trust$", re.IGNORECASE)
COUNCIL_WORDS = re.compile(
    r"^(?:the )?(?:London Borough of |Royal Borough of |City of )|\s+(?:Metropolitan (?:Borough|District) Council|"
    r"Metropolitan District Council|Metropolitan District|City Council|County Council|Borough Council|Council|"
    r"Unitary Authority|City)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PdfFile:
    """One PDF to read, and what a manifest says about it (nothing, for a researcher's folder)."""

    path: Path
    file: str  # as problems name it
    council_code: str | None = None  # from the manifest's Ofsted URN
    published: str | None = None  # from the manifest or the file name
    sha256: str | None = None  # the manifest's, checked against the bytes


def bundled_pdfs(data_dir: Path, councils: CouncilResolver, problems: list[Problem]) -> list[PdfFile]:
    """The shipped PDFs, as `reports_index.csv` lists them."""
    found: list[PdfFile] = []
    for number, row in read_table(data_dir / INDEX_CSV, INDEX_CSV, INDEX_COLUMNS, problems):
        file = row["file"].strip()
        code = councils.by_urn(row["urn"])
        if code is None:
            problems.append(Problem(INDEX_CSV, number, "urn", f"no council has Ofsted URN {row['urn']!r}"))
            continue
        published = row["publication_date_from_filename"].strip()
        try:
            date.fromisoformat(published)
        except ValueError:
            problems.append(
                Problem(INDEX_CSV, number, "publication_date_from_filename", f"not a date: {published!r}")
            )
            continue
        found.append(
            PdfFile(
                data_dir / REPORTS_DIR / file, f"{REPORTS_DIR}/{file}", code, published, row["sha256"].strip()
            )
        )
    return found


def folder_pdfs(folder: Path) -> list[PdfFile]:
    """Every PDF under a researcher's folder; the publication date from the file name where it has one."""
    return [
        PdfFile(path, str(path.relative_to(folder.parent)), published=date_in_name(path.name))
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix.lower() == ".pdf"
    ]


def date_in_name(name: str) -> str | None:
    """ "2017-06-13_inspection.pdf" or Ofsted's "children's services inspection - 13 june 2017.pdf"."""
    iso = re.search(r"(\d{4}-\d{2}-\d{2})", name)
    if iso:
        try:
            return date.fromisoformat(iso.group(1)).isoformat()
        except ValueError:
            return None
    long = re.search(r"(\d{1,2} [A-Za-z]+ \d{4})", name)
    day = parse_day(long.group(1)) if long else None
    return day.isoformat() if day else None


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
    existing = _ExistingSources(tables)
    for pdf, report in reports:
        if report.sha256 in seen_sha:
            continue
        seen_sha.add(report.sha256)
        if pdf.sha256 and pdf.sha256 != report.sha256:
            problems.append(
                Problem(pdf.file, None, "sha256", "the file's bytes differ from reports_index.csv")
            )
            continue
        code = pdf.council_code or _council_of(report, councils, pdf)
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
        placed = _place(pdf, report)
        if placed.published_date is None and placed.start_date is None:
            problems.append(
                Problem(pdf.file, None, "page 1", "neither the inspection dates nor a date were read")
            )
            continue
        source = _source(pdf, report, code, placed, existing)
        if source.id != f"pdf:{report.sha256}":
            replaced.add(source.id)
        bundle.sources.append(source)
        bundle.inspections.append(_statement(report, code, placed, source))
        _leadership(report, code, placed, source, bundle)
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
        cached = _cached(pdf)
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
        _store(result)
    else:
        problems.extend(result)
    if on_pdf:
        on_pdf(pdf.file)


def _extract_one(job: tuple[Path, str]) -> Report | list[Problem]:
    path, file = job
    try:
        return report_pdf.read_report(path, file)
    except LoadError as exc:
        return exc.problems


# --- cache ----------------------------------------------------------------------------------------


def _cache_path(sha256: str) -> Path:
    return CACHE_DIR / f"{sha256}-{READER_VERSION}.json"


def _cached(pdf: PdfFile) -> Report | None:
    # Keyed by the bytes on disk, never by the manifest's digest, so that a file changed since the
    # manifest was made is read again and then refused for its mismatch.
    try:
        sha = hashlib.sha256(pdf.path.read_bytes()).hexdigest()
        report = _report_from(json.loads(_cache_path(sha).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return replace(report, file=pdf.file)


def _store(report: Report) -> None:
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        target = _cache_path(report.sha256)
        partial = target.with_suffix(".tmp")
        partial.write_text(json.dumps(asdict(report)), encoding="utf-8")
        partial.replace(target)
    except OSError:
        pass  # a cache that cannot be written only costs time


def _report_from(data: dict[str, Any]) -> Report:
    def quoted(value: dict[str, Any] | None) -> Quoted | None:
        return Quoted(**value) if value else None

    council = quoted(data["council_name"])
    if council is None:
        raise ValueError("no council")
    return Report(
        file=data["file"],
        sha256=data["sha256"],
        page_count=data["page_count"],
        doc_type=data["doc_type"],
        council_name=council,
        start_date=quoted(data["start_date"]),
        end_date=quoted(data["end_date"]),
        published_date=quoted(data["published_date"]),
        lead_inspector=quoted(data["lead_inspector"]),
        team=quoted(data["team"]),
        judgements=[ReadJudgement(**j) for j in data["judgements"]],
        leaders=[LeaderStatement(**s) for s in data["leaders"]],
    )


# --- placing a report -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Placed:
    published_date: str | None
    published_quote: Quoted | None  # None when the date comes from the manifest or the file name
    start_date: str | None
    end_date: str | None


def _place(pdf: PdfFile, report: Report) -> _Placed:
    printed = report.published_date
    return _Placed(
        published_date=printed.value if printed else pdf.published,
        published_quote=printed,
        start_date=report.start_date.value if report.start_date else None,
        end_date=report.end_date.value if report.end_date else None,
    )


def _council_of(report: Report, councils: CouncilResolver, pdf: PdfFile) -> str | None:
    name = report.council_name.value
    on_date = pdf.published or (report.start_date.value if report.start_date else None)
    candidates = [name, TRUST_SUFFIX.sub("", name), COUNCIL_WORDS.sub("", TRUST_SUFFIX.sub("", name))]
    for candidate in dict.fromkeys(c.strip() for c in candidates if c.strip()):
        code = councils.by_name(candidate, on_date)
        if code:
            return code
    return None


class _ExistingSources:
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


def _source(
    pdf: PdfFile, report: Report, code: str, placed: _Placed, existing: _ExistingSources
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


def _title(report: Report, placed: _Placed) -> str:
    when = f" ({placed.published_date})" if placed.published_date else ""
    kinds = {
        "sif_inspection_report": "Inspection of services for children in need of help and protection, children "
        "looked after and care leavers",
        "sif_reinspection_report": "Re-inspection of services for children in need of help and protection, "
        "children looked after and care leavers",
        "looked_after_children_inspection_report_2013": "Inspection of looked after children services",
        "ilacs_inspection_report": "Inspection of local authority children's services",
        "ilacs_focused_visit_letter": "Focused visit letter",
    }
    return f"{report.council_name.value}: {kinds[report.doc_type]}{when}"


def _statement(report: Report, code: str, placed: _Placed, source: SourceRecord) -> InspectionStatement:
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


# --- leadership -----------------------------------------------------------------------------------


def _leadership(report: Report, code: str, placed: _Placed, source: SourceRecord, bundle: Bundle) -> None:
    # A report describes the area as the inspectors found it: "has been in post" holds at the end of
    # the inspection.
    as_of = placed.end_date or placed.published_date
    for statement in report.leaders:
        citation = Citation(
            source_id=source.id,
            quote=statement.quote,
            page=statement.page,
            field="leadership" if statement.name is None else "addressee",
            value=statement.title or statement.name,
            evidence=statement.evidence,
            date=statement.date,
            precision=statement.precision,
        )
        citations = [citation]
        if statement.evidence == "in_post_since" and as_of:
            citations.append(replace(citation, evidence="in_post_on", date=as_of, precision="day"))
        person_id = None
        if statement.name:
            name = clean_name(statement.name)
            person_id = person_slug(name)
            bundle.people.append(PersonRecord(person_id, name, [replace(citation, evidence=None, date=None)]))
        bundle.tenures.append(
            TenureRecord(
                id=f"pdf:{report.sha256[:16]}:{statement.role}:{statement.page}:{len(bundle.tenures)}",
                person_id=person_id,
                role=statement.role,
                title=statement.title or None,
                organisation_id=f"council:{code}",
                interim=_interim(statement),
                citations=citations,
            )
        )


def _interim(statement: LeaderStatement) -> bool | None:
    if statement.interim:
        return True
    # A letter's title shows interim status either way; a report sentence only when it says "interim".
    return False if statement.name and statement.title else None


def attach_unnamed(read: list[TenureRecord], tables: list[TenureRecord]) -> list[TenureRecord]:
    """Give a report's unnamed tenure sentence to the one named holder shown in post at that time.

    A sentence joins a named tenure of the same post (role and organisation) when that tenure is the
    only one with evidence within SAME_TIME_DAYS of the report, and nothing about it (a stated start,
    an appointment or taking up post) is later than the month the sentence gives. Otherwise the
    sentence keeps a tenure of its own with no holder: the graph then says "unknown", not a guess.
    The named tenure is returned with the sentence's citations, under the table tenure's id, so
    `loaders.merge.merge_tenures` pools it with the table's record.
    """
    result: list[TenureRecord] = []
    # The same post "in post since" the same month, in two reports, is one holder seen twice.
    unnamed: dict[tuple[str, str, str], TenureRecord] = {}
    for tenure in read:
        since = next((c.date for c in tenure.citations if c.evidence == "in_post_since"), None)
        as_of = next((c.date for c in tenure.citations if c.evidence == "in_post_on"), None)
        if tenure.person_id is not None or since is None:
            result.append(tenure)
            continue
        matches = [t for t in tables if _could_be(t, tenure, since, as_of)]
        if len(matches) == 1:
            holder = matches[0]
            result.append(
                replace(holder, citations=list(tenure.citations), title=holder.title or tenure.title)
            )
            continue
        seen = unnamed.get((tenure.organisation_id, tenure.role, since))
        if seen is not None and (
            seen.interim is None or tenure.interim is None or seen.interim == tenure.interim
        ):
            seen.citations.extend(tenure.citations)
            seen.interim = seen.interim if seen.interim is not None else tenure.interim
            continue
        unnamed[(tenure.organisation_id, tenure.role, since)] = tenure
        result.append(tenure)
    return result


def _could_be(named: TenureRecord, unnamed: TenureRecord, since: str, as_of: str | None) -> bool:
    if (
        as_of is None
        or named.person_id is None
        or named.role != unnamed.role
        or named.organisation_id != unnamed.organisation_id
        or (unnamed.interim is not None and named.interim is not None and named.interim != unnamed.interim)
    ):
        return False
    later_start = [
        c.date
        for c in named.citations
        if c.evidence in ("appointed", "takes_up_post") and c.date and c.date[: len(since)] > since
    ]
    if named.start is not None and named.start.date[: len(since)] > since[: len(named.start.date)]:
        return False
    if later_start:
        return False
    window = timedelta(days=SAME_TIME_DAYS)
    report_day = date.fromisoformat(as_of)
    for citation in named.citations:
        if citation.evidence != "in_post_on" or not citation.date:
            continue
        first, last = _span(citation.date)
        if first - window <= report_day <= last + window:
            return True
    return False


def _span(partial: str) -> tuple[date, date]:
    """The first and last day a partial date ("2017", "2017-06", "2017-06-13") covers."""
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 3:
        day = date(parts[0], parts[1], parts[2])
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        following = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, following - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)

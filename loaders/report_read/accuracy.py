"""How far the report reader agrees with the tables, over every bundled report.

For every report that the tables also describe (the report scrape's history and Ofsted's official
statistics, as their own loaders read them), each fact both state is compared: inspection dates,
publication date, lead inspector, and every grade. Each disagreement is listed with the file, the
page, the field and both values. The manifest-withheld check reads the council and the dates from
the document alone and compares them with the manifest (council URN, the date in the file name).

Run: `ofsted-graph reports-accuracy` (all 494 reports), or `accuracy(...)` on a sample in tests.
"""

# ruff: noqa: RUF001, E501

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from loaders.councils import read_councils
from loaders.model.records import Bundle, CouncilResolver, InspectionStatement
from loaders.official_stats import read_official_stats
from loaders.report_read import facts, text
from loaders.report_scrape import read_report_scrape

INDEX = "reports/reports_index_full.csv"
FAMILIES = {
    "sif_inspection": "SIF",
    "sif_reinspection": "SIF re-inspection",
    "tlac_2013": "TLAC",
    "ilacs": "ILACS",
    "ilacs_ungraded": "ILACS",
    "lscb_review": "SIF",
}
# A scrape date and a printed date this close are the same event (the tables misdate by days at most).
SAME_EVENT_DAYS = 45


@dataclass(frozen=True)
class Disagreement:
    file: str
    page: int | None
    field: str
    report: str
    table: str
    source: str  # which table, e.g. "data:ilacs_scrape/ofsted_csc_ilacs_history.csv" and its row


@dataclass
class Accuracy:
    """Counts of facts compared and agreeing, by field, and every disagreement."""

    compared: Counter[str] = field(default_factory=Counter)
    agreed: Counter[str] = field(default_factory=Counter)
    disagreements: list[Disagreement] = field(default_factory=list)
    unplaced: list[tuple[str, int | None, str]] = field(default_factory=list)  # file, page, reason
    layouts: Counter[str] = field(default_factory=Counter)
    without_table: list[str] = field(default_factory=list)  # reports no table row describes

    def check(
        self, file: str, page: int | None, name: str, report: str | None, table: str | None, source: str
    ) -> None:
        if report is None or table is None:
            return
        self.compared[name] += 1
        if _same(name, report, table):
            self.agreed[name] += 1
        else:
            self.disagreements.append(Disagreement(file, page, name, report, table, source))


def _same(name: str, report: str, table: str) -> bool:
    if name == "lead inspector":
        return _person(report) == _person(table)
    return report == table


def _person(name: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", "", name.lower().replace("-", " ")).split())


@dataclass(frozen=True)
class ManifestRow:
    file: str
    urn: str
    published: str  # the date in the file name


def manifest(data_dir: Path) -> list[ManifestRow]:
    with (data_dir / INDEX).open(encoding="utf-8") as handle:
        return [
            ManifestRow(row["file"], row["urn"], row["publication_date_from_filename"])
            for row in csv.DictReader(handle)
        ]


def tables(data_dir: Path) -> tuple[CouncilResolver, list[InspectionStatement]]:
    """The council index and every inspection statement of the scrape and the official statistics."""
    _, councils = read_councils(data_dir)
    found = Bundle()
    found.extend(read_official_stats(data_dir, councils))
    found.extend(read_report_scrape(data_dir, councils))
    return councils, found.inspections


def accuracy(
    data_dir: Path,
    rows: Iterable[ManifestRow],
    cache_dir: Path | None,
    tables_read: tuple[CouncilResolver, list[InspectionStatement]],
) -> Accuracy:
    """Read each report and compare it with the tables and the manifest."""
    councils, statements = tables_read
    by_council: dict[str, list[InspectionStatement]] = {}
    for statement in statements:
        by_council.setdefault(statement.council_code, []).append(statement)
    result = Accuracy()
    for row in rows:
        pages = list(text.read(data_dir / "reports" / row.file, cache_dir).pages)
        read = facts.read(pages)
        if isinstance(read, facts.Unplaced):
            result.unplaced.append((row.file, read.page, read.reason))
            continue
        result.layouts[read.layout] += 1
        code = councils.by_urn(row.urn)
        _manifest_withheld(result, row, read, code, councils, " ".join(" ".join(p.split()) for p in pages))
        if read.layout == "focused_visit_letter" or code is None:
            continue
        matches = [s for s in by_council.get(code, []) if _same_event(s, read, row)]
        if not matches:
            result.without_table.append(row.file)
        for statement in matches:
            _compare(result, row.file, read, statement)
    return result


def _manifest_withheld(
    result: Accuracy,
    row: ManifestRow,
    read: facts.ReadReport,
    code: str | None,
    councils: CouncilResolver,
    document: str,
) -> None:
    """The council and the publication date as the document alone gives them, against the manifest."""
    found = council_code(
        read.council.value, councils, read.start_date.value if read.start_date else None, document
    )
    result.check(
        row.file,
        1,
        "council (manifest withheld)",
        found or f"unresolved: {read.council.value}",
        code,
        "manifest urn",
    )
    if read.published_date:
        result.check(
            row.file,
            read.published_date.page,
            "published (manifest withheld)",
            read.published_date.value,
            row.published,
            "manifest file name",
        )


TRUST_SUFFIX = re.compile(
    r"^the |\s+(?:Children(?:’s|'s| and Families)? (?:Services Trust|Services|Trust)|Safeguarding Children Board)$",
    re.IGNORECASE,
)
COUNCIL_WORDS = re.compile(
    r"^(?:the )?(?:London Borough of |Royal Borough of |City of |Borough of |Metropolitan Borough of )|\s+(?:"
    r"(?:District )?Metropolitan (?:Borough |District )?Council|Metropolitan District|City Council|County Council|"
    r"Borough Council|Council|Unitary Authority|City|Metropolitan Borough)$",
    re.IGNORECASE,
)


def council_code(printed: str, councils: CouncilResolver, on_date: str | None, page: str = "") -> str | None:
    """The council a report's printed name refers to, trying the name with its common words removed.

    A short form ("East Riding", "Newcastle") is tried as the page itself lengthens it elsewhere
    ("East Riding of Yorkshire"), never by guessing.
    """
    name = " ".join(printed.split())
    candidates = [name, TRUST_SUFFIX.sub("", TRUST_SUFFIX.sub("", name))]
    for _ in range(3):
        candidates.append(COUNCIL_WORDS.sub("", candidates[-1]).strip())
    bare = candidates[-1]
    candidates += re.findall(rf"\b{re.escape(bare)}(?: (?:of|upon|on|and|[A-Z][a-z]+)){{1,3}}", page)
    for candidate in dict.fromkeys(candidates):
        code = councils.by_name(candidate, on_date)
        if code:
            return code
    return None


def _same_event(statement: InspectionStatement, read: facts.ReadReport, row: ManifestRow) -> bool:
    family = FAMILIES[read.layout]
    if not statement.framework.startswith(family) or (
        family == "SIF" and "re-inspection" in statement.framework
    ):
        return False
    if read.layout == "lscb_review":
        return False  # the tables grade the LSCB only as part of a SIF inspection
    if statement.published_date == row.published:
        return True
    start = read.start_date.value if read.start_date else None
    return start is not None and statement.start_date is not None and _near(start, statement.start_date)


def _near(a: str, b: str) -> bool:
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= SAME_EVENT_DAYS


def _compare(result: Accuracy, file: str, read: facts.ReadReport, statement: InspectionStatement) -> None:
    source = (
        f"{statement.citation.source_id} row {statement.citation.row}"
        if statement.citation.row
        else statement.citation.source_id
    )
    for name, quoted, value in (
        ("start date", read.start_date, statement.start_date),
        ("end date", read.end_date, statement.end_date),
        ("published", read.published_date, statement.published_date),
    ):
        if quoted is not None:
            result.check(file, quoted.page, name, quoted.value, value, source)
    if statement.lead_inspector and read.lead_inspectors:
        leads = [q.value for q in read.lead_inspectors]
        agreed = next(
            (q for q in read.lead_inspectors if _person(q.value) == _person(statement.lead_inspector)), None
        )
        shown = agreed.value if agreed else " and ".join(leads)
        result.check(
            file, read.lead_inspectors[0].page, "lead inspector", shown, statement.lead_inspector, source
        )
    if read.ilacs_kind and statement.framework in ("ILACS standard", "ILACS short"):
        result.check(
            file,
            1,
            "ILACS standard or short (days on site)",
            read.ilacs_kind,
            statement.framework.removeprefix("ILACS "),
            source,
        )
    grades = {j.area: j for j in read.judgements}
    for stated in statement.judgements:
        mine = grades.get(stated.area)
        if mine is not None:
            result.check(file, mine.page, f"grade: {stated.area}", mine.grade, stated.grade, source)


def summary(result: Accuracy) -> list[str]:
    """Lines for the terminal and the README: agreement by field, then every disagreement."""
    lines = [f"layouts read: {dict(sorted(result.layouts.items()))}"]
    total_c, total_a = sum(result.compared.values()), sum(result.agreed.values())
    lines.append(f"facts compared: {total_c}, agreeing: {total_a} ({100 * total_a / max(total_c, 1):.1f} %)")
    for name in sorted(result.compared):
        lines.append(f"  {name:32} {result.agreed[name]:5} / {result.compared[name]:5}")
    lines.append(f"reports no table describes: {len(result.without_table)}")
    for file in result.without_table:
        lines.append(f"  {file}")
    lines.append(f"disagreements: {len(result.disagreements)}")
    for d in result.disagreements:
        lines.append(f"  {d.file} p.{d.page} {d.field}: report {d.report!r}, table {d.table!r} ({d.source})")
    if result.unplaced:
        lines.append(f"not placed: {len(result.unplaced)}")
        for file, page, reason in result.unplaced:
            lines.append(f"  {file} p.{page}: {reason}")
    return lines

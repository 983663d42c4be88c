"""What one report says of itself, read from the document alone: its layout, council, dates, lead
inspector, grades and leadership sentences, each with the page and the words that state it.

No manifest is needed: a researcher's own folder has none, so everything here comes from the text.

Layouts (told apart by page 1, SOURCES.md section 6):
- sif_inspection: "Inspection of services for children in need of help and protection ..." (2013-18),
  usually with "and Review of the effectiveness of the Local Safeguarding Children Board".
- sif_reinspection: "Re-inspection" (or "Reinspection") "of services for children in need ...".
- tlac_2013: "Inspection of looked after children services" (2013), a "Record of main findings" table.
- ilacs: "Inspection of <council> local authority children's services" (or "children's social care
  services", 2018-20) with "Lead inspector" and a "Judgement Grade" table ending "Overall effectiveness".
- ilacs_ungraded: the same, from mid-2026, whose table has no "Overall effectiveness" line.
- lscb_review: a standalone "Review of the effectiveness of the Local Safeguarding Children Board".
- focused_visit_letter: "Focused visit to ..." with "Dear ...".
ILACS reports do not print whether the inspection was standard or short; the days on site do
(a standard inspection spans two working weeks, a short one one week), so `ilacs_kind` reads that.
"""

# Reports print curly apostrophes and en dashes; the patterns must match them, and read best unbroken.
# ruff: noqa: RUF001, E501

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from graph.errors import Problem
from loaders.dates import DAY_DATE, date_range, parse_day
from loaders.model.records import Area, Grade
from loaders.report_pdf import Quoted, ReadJudgement, Report
from loaders.report_pdf.inspections import _lscb, ilacs_judgements, tlac_judgements
from loaders.report_pdf.layout import council_name
from loaders.report_pdf.letters import read_letter
from loaders.report_pdf.model import DocType
from loaders.report_read.leaders import LeaderFact, join_names, leader_facts
from loaders.report_read.text import flat

Layout = Literal[
    "sif_inspection",
    "sif_reinspection",
    "tlac_2013",
    "ilacs",
    "ilacs_ungraded",
    "lscb_review",
    "focused_visit_letter",
]
A = "['’]"


@dataclass
class ReadReport:
    """Everything one report says of itself."""

    layout: Layout
    council: Quoted
    start_date: Quoted | None = None
    end_date: Quoted | None = None
    published_date: Quoted | None = None  # printed by SIF, TLAC and LSCB reports and letters only
    lead_inspectors: list[Quoted] = field(default_factory=list)  # one, or two ("Lead inspectors: A and B")
    judgements: list[ReadJudgement] = field(default_factory=list)
    leaders: list[LeaderFact] = field(default_factory=list)
    ilacs_kind: Literal["standard", "short"] | None = None
    first_page: str = ""  # page 1's text, whitespace collapsed


@dataclass(frozen=True)
class Unplaced:
    """Why a document could not be read: the page and what was missing."""

    page: int | None
    reason: str


def classify(first_page: str) -> Layout | None:
    """The layout from page 1's text (whitespace collapsed)."""
    head = first_page[:900]
    if re.search(r"Focused visit to ", head) and re.search(r"\bDear ", head):
        return "focused_visit_letter"
    if "Inspection of looked after children services" in head:
        return "tlac_2013"
    if re.search(r"Re-?inspection of services for children in need", head, re.IGNORECASE):
        return "sif_reinspection"
    if re.search(r"Inspection of services for children in need of help", head):
        return "sif_inspection"
    if re.search(r"^(?:\d+ )?.{3,80}? Review of the effectiveness of the Local Safeguarding Children", head):
        return "lscb_review"
    if re.search(
        rf"Inspection of .{{0,80}}?(?:children{A}s services|children{A}s social care services|Trust\b)", head
    ):
        if "Judgement Grade" not in head and "Lead inspector" not in head:
            return None
        return (
            "ilacs"
            if re.search(r"Judgement Grade.{0,700}Overall effectiveness", first_page)
            else "ilacs_ungraded"
        )
    return None


def read(pages: list[str]) -> ReadReport | Unplaced:
    """Read a report or letter from its pages' text (index 0 is page 1)."""
    flats = [flat(p) for p in pages]
    first = flats[0]
    layout = classify(first)
    if layout is None:
        return Unplaced(1, "not an Ofsted children's services report or letter in a known layout")
    council = _council(first, layout)
    if council is None:
        return Unplaced(1, "the council's name is not where this layout prints it")
    report = ReadReport(layout, council, first_page=first)
    if layout == "focused_visit_letter":
        return _letter(report, pages, flats)
    dates = re.search(
        r"Inspection dates?:? (?P<text>.+?)(?= Report published| Lead inspector| Reporting inspector| Judgement"
        rf"| The overall| The Local| Children{A}s services in| Age group|$)",
        first,
    )
    if dates is None:
        return Unplaced(1, "no 'Inspection date(s):' line")
    span = dates_of(dates.group("text"))
    if span is None:
        return Unplaced(1, f"cannot read the inspection dates {dates.group('text')!r}")
    quote = dates.group(0).strip()
    report.start_date = Quoted(span[0].isoformat(), 1, quote)
    report.end_date = Quoted(span[1].isoformat(), 1, quote)
    published = re.search(
        rf"(?:Report published|Published):? (?P<d>{DAY_DATE}|\d{{1,2}}/\d{{1,2}}/\d{{4}})", first
    )
    if published:
        day = _day(published.group("d"))
        if day:
            report.published_date = Quoted(day.isoformat(), 1, published.group(0))
    report.lead_inspectors = lead_inspectors(flats)
    report.judgements = _judgements(layout, flats)
    if not report.judgements:
        return Unplaced(1, "no judgement grades in the printed layout")
    if layout in ("ilacs", "ilacs_ungraded"):
        report.ilacs_kind = ilacs_kind(span[0], span[1])
    report.leaders = join_names(leader_facts(pages, span[1]))
    return report


def _council(first: str, layout: Layout) -> Quoted | None:
    if layout == "lscb_review":
        match = re.search(r"^(?:\d+ )?(?P<name>.+?) Review of the effectiveness", first)
        if match is None:
            return None
        return Quoted(match.group("name").strip(), 1, match.group(0))
    old: DocType = {
        "sif_inspection": "sif_inspection_report",
        "sif_reinspection": "sif_reinspection_report",
        "tlac_2013": "looked_after_children_inspection_report_2013",
        "ilacs": "ilacs_inspection_report",
        "ilacs_ungraded": "ilacs_inspection_report",
        "focused_visit_letter": "ilacs_focused_visit_letter",
    }[layout]  # type: ignore[assignment]
    if layout == "sif_reinspection":
        match = re.search(r"^(?:\d+ )?(?P<name>.+?) Re-?inspection of services", first, re.IGNORECASE)
        return Quoted(match.group("name").strip(), 1, match.group(0)) if match else None
    if layout.startswith("ilacs"):
        match = re.search(r"^(?:\d+ )?(?P<name>.+?) Inspection of local authority children" + A, first)
        if match:
            return Quoted(match.group("name").strip(), 1, match.group(0))
    return council_name(first, old)


def dates_of(text: str) -> tuple[date, date] | None:
    """`loaders.dates.date_range`, and the numeric form some SIF reports print ("12/09/2016 to 06/10/2016")."""
    numeric = re.fullmatch(r"\s*(\d{1,2}/\d{1,2}/\d{4})\s*(?:to|–|-)\s*(\d{1,2}/\d{1,2}/\d{4})\s*", text)
    if numeric:
        first, last = _day(numeric.group(1)), _day(numeric.group(2))
        return (first, last) if first and last and first <= last else None
    return date_range(text)


def _day(text: str) -> date | None:
    numeric = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if numeric is None:
        return parse_day(text)
    try:
        return date(int(numeric.group(3)), int(numeric.group(2)), int(numeric.group(1)))
    except ValueError:
        return None


def ilacs_kind(start: date, end: date) -> Literal["standard", "short"]:
    """A standard ILACS inspection is two weeks on site, a short one one week (Ofsted's framework)."""
    return "standard" if (end - start).days >= 7 else "short"


INSPECTOR_END = rf"(?:,? (?:Her|His) Majesty{A}s Inspector|,? (?:Senior )?HMI\b|,| Deputy lead| Team inspector| Judgement\b| Quality| Regulatory| Shadow| Additional|$)"


def lead_inspectors(pages: list[str]) -> list[Quoted]:
    """The lead inspector(s): page 1 of ILACS and TLAC reports, the team block near the end of others."""
    first = pages[0]
    two = re.search(
        rf"Lead inspectors: (?P<a>[^,]+?){INSPECTOR_END},? and (?P<b>[^,]+?){INSPECTOR_END}", first
    )
    if two:
        quote = two.group(0).removesuffix(" Judgement")
        return [Quoted(_name(two.group("a")), 1, quote), Quoted(_name(two.group("b")), 1, quote)]
    one = re.search(rf"(?:Lead|Reporting) inspector:? (?P<name>[^,]+?){INSPECTOR_END}", first)
    if one:
        return [Quoted(_name(one.group("name")), 1, one.group(0).removesuffix(" Judgement").rstrip(","))]
    for number in range(len(pages), 1, -1):
        page = pages[number - 1]
        match = re.search(rf"inspection team.{{0,200}}?Lead inspector: (?P<name>.+?){INSPECTOR_END}", page)
        if match:
            start = page.find("Lead inspector:", match.start())
            return [Quoted(_name(match.group("name")), number, page[start : match.end()].strip(" ,"))]
    return []


def _name(raw: str) -> str:
    name = re.sub(r"\s*\([^)]*\)?$|\s+AI$", "", raw.strip())
    return " ".join(name.split()).strip(" ,")


def _judgements(layout: Layout, pages: list[str]) -> list[ReadJudgement]:
    if layout in ("ilacs", "ilacs_ungraded"):
        return ilacs_judgements(pages[0])
    if layout == "tlac_2013":
        return tlac_judgements(pages)
    if layout == "lscb_review":
        return _lscb(pages)
    return sif_judgements(pages, lscb=layout == "sif_inspection")


SIF_GRADE = r"(?:requires? improvement(?: to be good)?|outstanding|inadequate|adequate|good)"
SIF_LINES: tuple[tuple[str, Area], ...] = (
    ("Children who need help and protection", "help_and_protection"),
    ("Children looked after and achieving permanence", "looked_after_and_permanence"),
    ("Adoption performance", "adoption"),
    ("Experiences and progress of care leavers", "care_leavers"),
    ("Leadership, management and governance", "leadership_management_governance"),
)
SIF_HEADLINE = re.compile(
    rf"(?:Children{A}s services(?: in [^.]{{1,80}}?)? (?:are |is )?|The overall judgement is (?:that )?(?:children{A}s services? (?:are )?)?)"
    rf"(?P<grade>{SIF_GRADE})\b",
    re.IGNORECASE,
)


def sif_judgements(pages: list[str], *, lscb: bool) -> list[ReadJudgement]:
    """The headline grade and the numbered sub-judgements of a SIF report's first page (which runs
    onto page 2 in some), and the LSCB's grade where the report includes the board's review.

    The numbers are not relied on: one report prints "1. Leadership, management and governance".
    "Not judged" areas (a council with no adoptions) give no judgement, and "Require improvement"
    is read as printed.
    """
    head = f"{pages[0]} {pages[1] if len(pages) > 1 else ''}"
    found: list[ReadJudgement] = []
    headline = SIF_HEADLINE.search(head)
    if headline:
        found.append(
            _judgement("overall_effectiveness", "Overall", headline.group("grade"), 1, headline.group(0))
        )
    for label, area in SIF_LINES:
        match = re.search(rf"(?:\d(?:\.\d)?\.? )?{label} +(?P<grade>{SIF_GRADE})\b", head, re.IGNORECASE)
        if match:
            page = 1 if match.start() < len(pages[0]) else 2
            found.append(_judgement(area, label, match.group("grade"), page, match.group(0)))
    if lscb:
        found += _lscb(pages)
    return found


def _judgement(area: Area, label: str, wording: str, page: int, quote: str) -> ReadJudgement:
    grade = GRADES[re.sub(r" to be good$", "", wording.lower()).replace("require ", "requires ")]
    return ReadJudgement(area, grade, label, wording, page, " ".join(quote.split()))


GRADES: dict[str, Grade] = {
    "outstanding": "OUTSTANDING",
    "good": "GOOD",
    "requires improvement": "REQUIRES_IMPROVEMENT",
    "adequate": "ADEQUATE",
    "inadequate": "INADEQUATE",
}


def _letter(report: ReadReport, pages: list[str], flats: list[str]) -> ReadReport | Unplaced:
    problems: list[Problem] = []
    old = Report("", "", len(pages), "ilacs_focused_visit_letter", report.council)
    read_letter(old, flats, pages[0], "", problems)
    if problems:
        return Unplaced(1, problems[0].reason)
    report.start_date, report.end_date, report.published_date = (
        old.start_date,
        old.end_date,
        old.published_date,
    )
    reference = date.fromisoformat(old.end_date.value) if old.end_date else None
    report.leaders = join_names(leader_facts(pages, reference))
    return report

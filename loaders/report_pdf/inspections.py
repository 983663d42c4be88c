"""An inspection report's dates, judgements in the report's own words, and its inspectors."""

# Reports print curly apostrophes and en dashes; the patterns must match them, and read best unbroken.
# ruff: noqa: E501

from __future__ import annotations

import re

from graph.errors import Problem
from loaders.dates import DAY_DATE, date_range, parse_day
from loaders.grades import REPORT_GRADE as GRADE
from loaders.grades import REPORT_WORDS as GRADE_WORDS
from loaders.model import Area
from loaders.report_pdf.leaders import leader_statements
from loaders.report_pdf.model import APOSTROPHE, Quoted, ReadJudgement, Report


def read_inspection(report: Report, pages: list[str], file: str, problems: list[Problem]) -> None:
    first = pages[0]
    dates = re.search(
        r"Inspection dates?:? (?P<text>.+?)(?= Report published| Lead inspector| Reporting inspector| Judgement"
        r"| The overall| Children" + APOSTROPHE + r"s services in| Age group|$)",
        first,
    )
    if dates is None:
        problems.append(Problem(file, None, "page 1", "no 'Inspection date(s):' line"))
    else:
        read_span(report, dates, "inspection dates", file, problems)
    published = re.search(rf"(?:Report published|Published):? (?P<d>{DAY_DATE})", first)
    if published:
        day = parse_day(published.group("d"))
        if day:
            report.published_date = Quoted(day.isoformat(), 1, published.group(0))
    report.lead_inspector, report.team = _inspectors(pages)
    if report.doc_type == "ilacs_inspection_report":
        report.judgements = ilacs_judgements(first)
    elif report.doc_type == "looked_after_children_inspection_report_2013":
        report.judgements = tlac_judgements(pages)
    else:
        report.judgements = sif_judgements(pages, lscb=report.doc_type == "sif_inspection_report")
    if not report.judgements:
        problems.append(Problem(file, None, "page 1", "no judgement grades in the printed layout"))
    report.leaders = leader_statements(pages)


def read_span(report: Report, match: re.Match[str], what: str, file: str, problems: list[Problem]) -> None:
    """The first and last day of the printed dates in `match` ("text" group), quoted from page 1."""
    span = date_range(match.group("text"))
    if span is None:
        problems.append(Problem(file, None, "page 1", f"cannot read the {what} {match.group('text')!r}"))
        return
    quote = match.group(0).strip()
    report.start_date = Quoted(span[0].isoformat(), 1, quote)
    report.end_date = Quoted(span[1].isoformat(), 1, quote)


def ilacs_judgements(first_page: str) -> list[ReadJudgement]:
    """The page-1 judgement table of an ILACS report."""
    start = first_page.find("Judgement Grade")
    if start < 0:
        return []
    table = first_page[start + len("Judgement Grade") :].strip()
    found: list[ReadJudgement] = []
    pattern = re.compile(
        rf"(?P<label>(?:The impact of leaders|The experiences and progress of|Overall effectiveness)"
        rf".{{0,160}}?)\.? (?P<grade>{GRADE})(?= |$)"
    )
    position = 0
    while (match := pattern.match(table, position)) is not None:
        label = match.group("label").strip()
        area = ilacs_area(label)
        if area is not None:
            found.append(_judgement(area, label, match.group("grade"), 1, match.group(0).strip()))
        position = match.end() + 1
    return found


def ilacs_area(label: str) -> Area | None:
    text = label.lower()
    if "overall effectiveness" in text:
        return "overall_effectiveness"
    if "impact of leaders" in text:
        return "impact_of_leaders"
    if "help and protection" in text:
        return "help_and_protection"
    if "children in care and care leavers" in text:
        # Before 2023 one judgement covers both; a care-leavers grade of its own is never made up.
        return "children_in_care_and_care_leavers"
    if "care leavers" in text:
        return "care_leavers"
    if "children in care" in text:
        return "children_in_care"
    return None


SIF_LINES: tuple[tuple[str, Area], ...] = (
    (r"1\. Children who need help and protection", "help_and_protection"),
    (r"2\. Children looked after and achieving permanence", "looked_after_and_permanence"),
    (r"2\.1 Adoption performance", "adoption"),
    (r"2\.2 Experiences and progress of care leavers", "care_leavers"),
    (r"3\. Leadership, management and governance", "leadership_management_governance"),
)


def sif_judgements(pages: list[str], *, lscb: bool) -> list[ReadJudgement]:
    """The headline grade, the numbered sub-judgements and (first inspections) the LSCB's grade."""
    first = pages[0]
    found: list[ReadJudgement] = []
    headline = re.search(
        rf"(?:Children{APOSTROPHE}s services in .+? (?:are |is )?|The overall judgement is (?:that children"
        rf"{APOSTROPHE}s services? (?:are )?)?)(?P<grade>{GRADE}|requires? improvement(?: to be good)?)\b",
        first,
        re.IGNORECASE,
    )
    if headline:
        found.append(
            _judgement("overall_effectiveness", "Overall", headline.group("grade"), 1, headline.group(0))
        )
    for label, area in SIF_LINES:
        match = re.search(rf"{label} +(?P<grade>{GRADE})\b", first, re.IGNORECASE)
        if match:
            found.append(_judgement(area, label.replace("\\", ""), match.group("grade"), 1, match.group(0)))
    if lscb:
        found += _lscb(pages)
    return found


def _lscb(pages: list[str]) -> list[ReadJudgement]:
    pattern = re.compile(
        rf"The (?:effectiveness of the )?(?:Local|[A-Z][a-z]+(?: [A-Z][a-z]+)?) Safeguarding Children{APOSTROPHE}?s? "
        rf"Board(?: \([A-Z]+\))? (?:is |are )?(?P<grade>requires improvement|inadequate|good|outstanding)\b",
        re.IGNORECASE,
    )
    for number, page in enumerate(pages, 1):
        match = pattern.search(page)
        if match:
            return [
                _judgement(
                    "lscb", "Local Safeguarding Children Board", match.group("grade"), number, match.group(0)
                )
            ]
    return []


TLAC_LINES: tuple[tuple[str, Area], ...] = (
    ("Overall effectiveness", "looked_after_children"),
    ("Capacity to improve", "capacity_to_improve"),
    ("Outcomes for looked after children and young people", "outcomes_for_looked_after_children"),
    ("Quality of provision", "quality_of_provision"),
    ("Leadership and management", "leadership_and_management"),
)


def tlac_judgements(pages: list[str]) -> list[ReadJudgement]:
    """The 2013 looked-after-children inspection's "Record of main findings" table.

    Its overall effectiveness is of services for looked-after children, not of children's services,
    so it is filed as the official statistics file it: "looked_after_children".
    """
    for number, page in enumerate(pages, 1):
        start = page.find("Record of main findings")
        if start < 0 or "Contents" in page:
            continue
        table = page[start:]
        found = []
        for label, area in TLAC_LINES:
            match = re.search(rf"{label} (?P<grade>{GRADE})\b", table)
            if match:
                found.append(_judgement(area, label, match.group("grade"), number, match.group(0)))
        if found:
            return found
    return []


def _judgement(area: Area, label: str, wording: str, page: int, quote: str) -> ReadJudgement:
    return ReadJudgement(area, GRADE_WORDS[wording.lower()], label, wording, page, " ".join(quote.split()))


def _inspectors(pages: list[str]) -> tuple[Quoted | None, Quoted | None]:
    """The lead inspector (and the team where the report lists it)."""
    first = pages[0]
    ilacs = re.search(
        rf"Lead inspector: (?P<name>[^,]+?)(?:,? (?:Her|His) Majesty{APOSTROPHE}s Inspector|,| HMI\b| Senior HMI\b| Judgement\b)",
        first,
    )
    if ilacs:
        quote = ilacs.group(0).removesuffix(" Judgement").rstrip(",")
        return Quoted(clean_inspector(ilacs.group("name")), 1, quote), None
    tlac = re.search(r"Reporting inspector:? (?P<name>.+?) (?:Senior )?HMI\b", first)
    if tlac:
        return Quoted(clean_inspector(tlac.group("name")), 1, tlac.group(0)), None
    for number in range(len(pages), 0, -1):
        page = pages[number - 1]
        start = page.find("The inspection team Lead inspector")
        if start < 0:
            continue
        block = page[start + len("The inspection team ") :]
        # Inspectors of every kind are the team; analysts and quality-assurance managers are not.
        parts = re.findall(
            r"(?P<label>(?:Lead|Deputy lead|Team|Additional|Regulatory|Shadow|Senior data|Data|Quality assurance)"
            r"[a-z ]*?(?: \([^)]*\))?):\s*(?P<names>.+?)(?=\s(?:Lead|Deputy lead|Team|Additional|Regulatory|Shadow|"
            r"Senior data|Data|Quality assurance)[a-z ]*?(?: \([^)]*\))?:|$)",
            block[:700],
        )
        names: list[str] = []
        quoted: list[str] = []
        for label, text in parts:
            if not re.search(r"inspector", label, re.IGNORECASE):
                break
            quoted.append(f"{label}: {text.strip()}")
            names += [clean_inspector(n) for n in re.split(r", | and |/", text) if n.strip()]
        if not names:
            return None, None
        lead_quote = quoted[0]
        return (
            Quoted(names[0], number, lead_quote),
            Quoted("; ".join(dict.fromkeys(names)), number, " ".join(quoted)),
        )
    return None, None


def clean_inspector(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)?$|\s+AI$", "", name.strip())
    name = re.sub(r",? *(?:Senior )?HMI$", "", name.strip())
    return " ".join(name.split()).strip(" ,")

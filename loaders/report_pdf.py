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
# ruff: noqa: RUF001, E501

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from graph.errors import LoadError, Problem, ServiceError
from loaders.dates import DAY_DATE, MONTH_YEAR, date_range, month_or_day, parse_day
from loaders.grades import REPORT_GRADE as GRADE
from loaders.grades import REPORT_WORDS as GRADE_WORDS
from loaders.model import Area, Grade, Precision, Role
from loaders.roles import INTERIM_WORDS, addressee_role

DocType = Literal[
    "sif_inspection_report",
    "sif_reinspection_report",
    "looked_after_children_inspection_report_2013",
    "ilacs_inspection_report",
    "ilacs_focused_visit_letter",
]

APOSTROPHE = "['’]"


class PdfUnreadableError(ServiceError):
    """A PDF that cannot be opened or has no text on a page that must have some."""

    def __init__(self, page: int | None, reason: str) -> None:
        super().__init__(reason)
        self.page = page
        self.reason = reason


@dataclass(frozen=True)
class Quoted:
    """A value as read, with the page (1-based) and the sentence or table line that states it."""

    value: str
    page: int
    quote: str


@dataclass(frozen=True)
class ReadJudgement:
    area: Area
    grade: Grade
    label: str  # the area as the report prints it
    wording: str  # the grade as printed
    page: int
    quote: str


@dataclass(frozen=True)
class LeaderStatement:
    """A sentence about who held a post: "The chief executive has been in post since May 2005"."""

    role: Role
    title: str  # the post as the sentence names it
    evidence: Literal["in_post_since", "appointed", "takes_up_post", "in_post_on"]
    date: str | None  # "2011-08"; None when the sentence gives no date
    precision: Precision | None
    interim: bool | None
    name: str | None  # only letters name the holder; report sentences do not
    organisation: str | None  # as printed (a letter's addressee block)
    page: int
    quote: str


@dataclass
class ReportText:
    """A PDF's text, page by page, and its identity."""

    path: Path
    sha256: str
    pages: list[str]  # whitespace collapsed; index 0 is page 1


@dataclass
class Report:
    """Everything read from one PDF."""

    file: str  # as the caller named it (relative to the reports folder)
    sha256: str
    page_count: int
    doc_type: DocType
    council_name: Quoted  # the council (or trust) as printed
    start_date: Quoted | None = None  # ISO dates; value "2017-02-27"
    end_date: Quoted | None = None
    published_date: Quoted | None = None  # printed on SIF and 2013 reports; a letter's date
    lead_inspector: Quoted | None = None
    team: Quoted | None = None  # value: names joined by "; "
    judgements: list[ReadJudgement] = field(default_factory=list)
    leaders: list[LeaderStatement] = field(default_factory=list)


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
        raise LoadError([Problem(file, None, _page_field(exc.page), exc.reason)]) from exc
    except OSError as exc:
        raise LoadError([Problem(file, None, None, f"cannot read the file: {exc.strerror}")]) from exc
    problems: list[Problem] = []
    report = parse(text, file, problems)
    if problems or report is None:
        raise LoadError(problems or [Problem(file, None, "page 1", "no report was read")])
    return report


def parse(text: ReportText, file: str, problems: list[Problem]) -> Report | None:
    """The report in `text`, or None with problems when its layout is unknown."""
    pages = [_flat(p) for p in text.pages]
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
        _read_letter(report, pages, text.pages[0], file, problems)
    else:
        _read_inspection(report, pages, file, problems)
    return report


def _flat(page: str) -> str:
    return " ".join(page.split())


def _page_field(page: int | None) -> str | None:
    return f"page {page}" if page else None


# --- layout ---------------------------------------------------------------------------------------


def classify(first_page: str) -> DocType | None:
    """The kind of document from its first page."""
    head = first_page[:700]
    if re.search(r"Focused visit to ", head) and re.search(r"\bDear ", head):
        return "ilacs_focused_visit_letter"
    if "Inspection of looked after children services" in head:
        return "looked_after_children_inspection_report_2013"
    if re.search(r"Re-inspection of services for children in need of help", head):
        return "sif_reinspection_report"
    if re.search(r"Inspection of services for children in need of help", head):
        return "sif_inspection_report"
    if re.search(r"Inspection of .{3,80}? (?:children" + APOSTROPHE + r"s services|Trust\b)", head) or (
        re.search(r"Inspection of children" + APOSTROPHE + r"s social care services", head)
    ):
        return "ilacs_inspection_report" if "Lead inspector" in head or "Judgement" in head else None
    return None


def council_name(first_page: str, doc_type: DocType) -> Quoted | None:
    """The council (or children's trust) the document is about, as printed on page 1."""
    patterns = {
        "ilacs_focused_visit_letter": r"Focused visit to (?:the )?(?P<name>.+?)(?: local authority)? [Cc]hildren"
        + APOSTROPHE
        + r"s [Ss]ervices",
        "looked_after_children_inspection_report_2013": r"services (?P<name>.+?) Inspection dates?",
        "sif_reinspection_report": r"^(?:\d+ )?(?P<name>.+?) Re-inspection of services",
        "sif_inspection_report": r"^(?:\d+ )?(?P<name>.+?) Inspection of services",
        "ilacs_inspection_report": r"Inspection of (?P<name>.+?)(?: local authority)? (?:children"
        + APOSTROPHE
        + r"s services|children"
        + APOSTROPHE
        + r"s social care services|(?=Inspection dates))",
    }
    match = None
    if doc_type == "ilacs_inspection_report":
        # 2018-2020 reports print the council on its own line above "Inspection of children's social care".
        match = re.search(
            r"^(?:\d+ )?(?P<name>.+?) Inspection of children" + APOSTROPHE + "s social care", first_page
        )
    match = match or re.search(patterns[doc_type], first_page)
    if match is None and doc_type == "ilacs_focused_visit_letter":
        match = re.search(
            r"Focused visit to (?:the )?(?P<name>[A-Z][\w ,&]+?) (?:council|Council)\b", first_page
        )
    if match is None and doc_type == "ilacs_inspection_report":
        # Trusts and older ILACS reports print the council on its own line before the title.
        match = re.search(r"^(?:\d+ )?(?P<name>.+?) Inspection of children" + APOSTROPHE, first_page)
    if match is None:
        return None
    name = match.group("name").strip(" ,")
    return Quoted(name, 1, _sentence_at(first_page, match.start(), match.end()))


# --- inspections ----------------------------------------------------------------------------------


def _read_inspection(report: Report, pages: list[str], file: str, problems: list[Problem]) -> None:
    first = pages[0]
    dates = re.search(
        r"Inspection dates?:? (?P<text>.+?)(?= Report published| Lead inspector| Reporting inspector| Judgement"
        r"| The overall| Children" + APOSTROPHE + r"s services in| Age group|$)",
        first,
    )
    if dates is None:
        problems.append(Problem(file, None, "page 1", "no 'Inspection date(s):' line"))
    else:
        _read_span(report, dates, "inspection dates", file, problems)
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


def _read_span(report: Report, match: re.Match[str], what: str, file: str, problems: list[Problem]) -> None:
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
        return Quoted(_clean_inspector(ilacs.group("name")), 1, quote), None
    tlac = re.search(r"Reporting inspector:? (?P<name>.+?) (?:Senior )?HMI\b", first)
    if tlac:
        return Quoted(_clean_inspector(tlac.group("name")), 1, tlac.group(0)), None
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
            names += [_clean_inspector(n) for n in re.split(r", | and |/", text) if n.strip()]
        if not names:
            return None, None
        lead_quote = quoted[0]
        return (
            Quoted(names[0], number, lead_quote),
            Quoted("; ".join(dict.fromkeys(names)), number, " ".join(quoted)),
        )
    return None, None


def _clean_inspector(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)?$|\s+AI$", "", name.strip())
    name = re.sub(r",? *(?:Senior )?HMI$", "", name.strip())
    return " ".join(name.split()).strip(" ,")


# --- leadership sentences -------------------------------------------------------------------------

ROLE_SUBJECTS: tuple[tuple[str, Role], ...] = (
    (
        rf"(?:corporate )?director of children{APOSTROPHE}?s services(?: \(DCS\))?|DCS",
        "director_of_childrens_services",
    ),
    (r"chief executive(?: officer)?(?: \(CEO\))?|managing director \(chief executive\)", "chief_executive"),
    (
        r"(?:independent )?chair of the (?:local safeguarding children(?:" + APOSTROPHE + r"s)? board|LSCB)"
        r"(?: \(LSCB\))?",
        "safeguarding_board_chair",
    ),
)


def leader_statements(pages: list[str]) -> list[LeaderStatement]:
    """Tenure and appointment sentences about the DCS, the chief executive and the LSCB chair.

    Only these forms are read: "The [interim] <post> has been in post since <month year>" and
    "A new [interim] <post> was appointed in <month year>". A sentence that names the post without
    one of these forms ("who took up post two years ago") gives no date and is not read.
    """
    found: list[LeaderStatement] = []
    for number, page in enumerate(pages, 1):
        for role_pattern, role in ROLE_SUBJECTS:
            since = re.compile(
                rf"(?:^|(?<=[.•\uf0b7 ]))The (?P<interim>interim |acting )?(?P<title>{role_pattern})(?:, [^.,]{{3,120}},)? "
                rf"has been in post "
                rf"since (?P<date>{MONTH_YEAR})",
                re.IGNORECASE,
            )
            for match in since.finditer(page):
                found.append(_statement(role, match, "in_post_since", number, page))
            appointed = re.compile(
                rf"(?:^|(?<=[.•\uf0b7 ]))An? new (?P<interim>interim |acting )?(?P<title>{role_pattern}) was appointed "
                rf"in (?P<date>{MONTH_YEAR})",
                re.IGNORECASE,
            )
            for match in appointed.finditer(page):
                found.append(_statement(role, match, "appointed", number, page))
    return found


def _statement(
    role: Role,
    match: re.Match[str],
    evidence: Literal["in_post_since", "appointed"],
    page_number: int,
    page: str,
) -> LeaderStatement:
    when, precision = month_or_day(match.group("date"))
    interim = True if match.group("interim") else None
    return LeaderStatement(
        role=role,
        title=" ".join(((match.group("interim") or "") + match.group("title")).split()),
        evidence=evidence,
        date=when,
        precision=precision,
        interim=interim,
        name=None,
        organisation=None,
        page=page_number,
        quote=_sentence_from(page, match.start()),
    )


def _sentence_from(page: str, start: int) -> str:
    end = page.find(". ", start)
    return page[start : len(page) if end < 0 else end + 1].strip()


# --- letters --------------------------------------------------------------------------------------


def _read_letter(
    report: Report, pages: list[str], raw_first: str, file: str, problems: list[Problem]
) -> None:
    first = pages[0]
    lines = [" ".join(line.split()) for line in raw_first.splitlines() if line.strip()]
    dated = next(
        (n for n, line in enumerate(lines) if re.fullmatch(DAY_DATE, line) and parse_day(line) is not None),
        None,
    )
    if dated is None:
        problems.append(
            Problem(file, None, "page 1", "no letter date on a line of its own before 'Dear ...'")
        )
        return
    day = parse_day(lines[dated])
    assert day is not None
    report.published_date = Quoted(day.isoformat(), 1, lines[dated])
    visit = re.search(
        r"(?:This letter summarises the findings of (?:a|the) focused visit to .+? (?:on|between) )"
        r"(?P<text>.+?\d{4})\.",
        first,
    )
    if visit is None:
        problems.append(Problem(file, None, "page 1", "no 'This letter summarises ... on <dates>.' sentence"))
    else:
        _read_span(report, visit, "visit dates", file, problems)
        team = _letter_team(first[visit.end() :])
        if team:
            report.team = team
    addressee = _addressee(lines[dated + 1 : dated + 8], day)
    if addressee:
        report.leaders.append(addressee)


def _letter_team(after_visit: str) -> Quoted | None:
    sentence = re.match(r" *(?P<s>[^.]*?(?:[Ii]nspectors?|carried out by)[^.]*?(?:\.|$))", after_visit)
    if sentence is None:
        return None
    text = sentence.group("s")
    names_part = re.sub(
        rf"^.*?(?:were|by)(?: Her| His)?(?: Majesty{APOSTROPHE}s [Ii]nspectors)?(?: \(HMIs?\))?(?: Social Care)?,? ",
        "",
        text,
    )
    names_part = re.sub(rf",? all of whom are (?:Her|His) Majesty{APOSTROPHE}s Inspectors\.?", "", names_part)
    names_part = re.sub(
        rf",? (?:Her|His) Majesty{APOSTROPHE}s Inspectors?(?: \(HMI\))?(?: Social Care)?\.?", ",", names_part
    )
    names_part = re.sub(r",? HMI Schools", "", names_part)
    names = []
    for raw in re.split(r", and | and |, ", names_part.rstrip(".")):
        name = _clean_inspector(raw.replace("Senior HMI", "").replace(" HMI", "").strip(" ,."))
        if re.fullmatch(r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3}", name):
            names.append(name)
    if not names:
        return None
    return Quoted("; ".join(dict.fromkeys(names)), 1, text.strip())


TITLE_WORDS = re.compile(r"\b(?:Director|Officer|Executive|Chief|Head)\b")
ORGANISATION_WORDS = re.compile(r"(?:Council|Trust)$|^London Borough of ")


def _addressee(lines: list[str], letter_date: date) -> LeaderStatement | None:
    """The addressee block under the date: the name, then the title where printed, then the council.

    Some letters print no title (a name, then the council or an address); the holder is then the
    addressee and nothing more is claimed about the post here.
    """
    if not lines or lines[0].startswith("Dear") or not re.fullmatch(r"[A-Z][\w’'. -]+", lines[0]):
        return None
    name = lines[0]
    title = lines[1] if len(lines) > 1 and TITLE_WORDS.search(lines[1]) else None
    rest = lines[2:] if title else lines[1:]
    organisation = next((line for line in rest[:3] if ORGANISATION_WORDS.search(line)), None)
    block = [name, *([title] if title else []), *([organisation] if organisation else [])]
    return LeaderStatement(
        role=addressee_role(title),
        title=title or "",
        evidence="in_post_on",
        date=letter_date.isoformat(),
        precision="day",
        interim=True if title and INTERIM_WORDS.search(title) else None,
        name=name,
        organisation=organisation,
        page=1,
        quote=" | ".join(block),
    )


def _sentence_at(page: str, start: int, end: int) -> str:
    """The sentence (or table line) around page[start:end], for a citation's quote."""
    left = max(page.rfind(". ", 0, start), page.rfind(" \uf0b7 ", 0, start), page.rfind(" • ", 0, start))
    left = 0 if left < 0 else left + 2
    right = page.find(". ", end)
    right = len(page) if right < 0 else right + 1
    sentence = page[left:right].strip(" \uf0b7•")
    # A sentence runs to 400 characters at most in a citation; beyond that the match alone is quoted.
    return sentence if len(sentence) <= 400 else page[start:end]

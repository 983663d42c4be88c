"""A focused-visit letter PDF: its date, the visit, the inspectors and the addressee."""

# Reports print curly apostrophes and en dashes; the patterns must match them, and read best unbroken.
# ruff: noqa: RUF001, E501

from __future__ import annotations

import re
from datetime import date

from graph.errors import Problem
from loaders.dates import DAY_DATE, parse_day
from loaders.report_pdf.inspections import clean_inspector, read_span
from loaders.report_pdf.model import APOSTROPHE, LeaderStatement, Quoted, Report
from loaders.roles import INTERIM_WORDS, addressee_role


def read_letter(report: Report, pages: list[str], raw_first: str, file: str, problems: list[Problem]) -> None:
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
        read_span(report, visit, "visit dates", file, problems)
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
        name = clean_inspector(raw.replace("Senior HMI", "").replace(" HMI", "").strip(" ,."))
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

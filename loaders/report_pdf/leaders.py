"""The reports' tenure and appointment sentences ("The chief executive has been in post since May 2005")."""

# Reports print curly apostrophes and en dashes; the patterns must match them, and read best unbroken.
# ruff: noqa: E501

from __future__ import annotations

import re
from typing import Literal

from loaders.dates import MONTH_YEAR, month_or_day
from loaders.model import Role
from loaders.report_pdf.model import APOSTROPHE, LeaderStatement

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

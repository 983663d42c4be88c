"""One row of the focused-visit letters table read into a Letter: its date, addressees and visit."""

# The letters print curly apostrophes (’) and en dashes; names and titles here must match them exactly.
# ruff: noqa: RUF003

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graph.errors import Problem
from loaders.corrections import Decision, read_letter_date_typos, read_letter_decisions
from loaders.dates import parse_printed_date
from loaders.letters.visits import visit_dates, visit_phrase
from loaders.model import (
    CouncilResolver,
    DateCertainty,
    Role,
)
from loaders.people import clean_name, looks_like_a_name, person_slug
from loaders.roles import INTERIM_WORDS, addressee_role
from loaders.tables import read_table

LETTERS_CSV = "focused_visit_letters/ofsted_focused_visit_letter_addressees.csv"
DATASET_ID = f"data:{LETTERS_CSV}"

COLUMNS = (
    "urn",
    "folder_la_name",
    "letter_date",
    "addressee_name",
    "addressee_title",
    "addressee_organisation",
    "parse_status",
    "salutation",
    "addressee_block",
    "visit_sentence",
    "source_repo",
    "source_path",
    "source_commit",
    "git_blob",
)
PARSE_STATUSES = {"ok", "no_title_line", "check"}

# Reports a problem in one column of the current row.
Report = Callable[[str, str], None]


@dataclass(frozen=True)
class Addressee:
    """One person a letter is addressed to, in one role."""

    name: str  # cleaned: no honorific, no post-nominals
    printed: str  # the name as the letter prints it
    title: str | None  # exactly as printed; None when the letter gives no title line
    role: Role
    trust: str | None = None  # a children's trust's name as printed; None means the council itself

    @property
    def interim(self) -> bool | None:
        """Interim status as the title shows it; unknown without a title."""
        if self.title is None:
            return None
        return bool(INTERIM_WORDS.search(self.title))


@dataclass
class Letter:
    """One parsed row: a letter, its date, its addressees and the visit it reports."""

    row: int
    urn: str
    council_code: str
    council_name: str
    letter_date: date
    date_certainty: DateCertainty  # "on_or_before" when taken from the file name
    addressees: tuple[Addressee, ...]
    block: str
    visit_sentence: str
    visit_phrase: str | None
    visit: tuple[date, date] | None
    file: str
    printed_date: str  # the letter_date cell as printed ("" for the two undated letters)

    @property
    def source_id(self) -> str:
        return f"letter:{self.urn}:{self.letter_date.isoformat()}"


@dataclass(frozen=True)
class LetterCorrections:
    """The curated corrections the letters are read with (corrections/letter_*.csv)."""

    decisions: dict[tuple[str, str], Decision]
    date_typos: dict[tuple[str, str], str]

    @classmethod
    def read(cls, problems: list[Problem]) -> LetterCorrections:
        """Both files; their problems are added to `problems`."""
        return cls(read_letter_decisions(problems), read_letter_date_typos(problems))


def parse_rows(
    path: Path, councils: CouncilResolver, corrections: LetterCorrections, problems: list[Problem]
) -> list[Letter]:
    letters: list[Letter] = []
    seen: dict[tuple[str, date], int] = {}
    for row_number, raw in read_table(path, LETTERS_CSV, COLUMNS, problems):
        letter = _parse_row(row_number, raw, councils, corrections, problems)
        if letter is None:
            continue
        key = (letter.urn, letter.letter_date)
        if key in seen:
            problems.append(
                Problem(LETTERS_CSV, row_number, "letter_date", f"same council and date as row {seen[key]}")
            )
            continue
        seen[key] = row_number
        letters.append(letter)
    return letters


def _parse_row(
    row: int,
    raw: dict[str, str],
    councils: CouncilResolver,
    corrections: LetterCorrections,
    problems: list[Problem],
) -> Letter | None:
    before = len(problems)

    def report(column: str, reason: str) -> None:
        problems.append(Problem(LETTERS_CSV, row, column, reason))

    urn = raw["urn"].strip()
    code = councils.by_urn(urn)
    if code is None:
        report("urn", f"unknown council: no council has Ofsted URN {urn!r}")
    file_date = _file_date(raw["source_path"])
    if file_date is None:
        report("source_path", "expected a file name ending 'focused visit - DD month YYYY.pdf'")
    letter_date, certainty = _letter_date(urn, raw["letter_date"], file_date, corrections.date_typos, report)
    addressees = _addressees(urn, file_date, raw, corrections.decisions, report)
    phrase = visit_phrase(raw["visit_sentence"])
    visit = visit_dates(phrase) if phrase else None
    if letter_date is not None and visit is not None and visit[1] > letter_date:
        report("letter_date", f"letter dated {letter_date} is before the visit it reports ({visit[1]})")
    if len(problems) > before or code is None or letter_date is None:
        return None
    return Letter(
        row=row,
        urn=urn,
        council_code=code,
        council_name=_council_name(raw["folder_la_name"]),
        letter_date=letter_date,
        date_certainty=certainty,
        addressees=addressees,
        block=raw["addressee_block"],
        visit_sentence=raw["visit_sentence"].strip(),
        visit_phrase=phrase,
        visit=visit,
        file=f"{raw['source_repo']}@{raw['source_commit']}:{raw['source_path']}",
        printed_date=raw["letter_date"],
    )


def _file_date(source_path: str) -> date | None:
    """The date in the PDF's file name (Ofsted's publication date), e.g. '... - 06 november 2025.pdf'."""
    match = re.search(r" - (\d{1,2} [a-z]+ \d{4})\.pdf$", source_path, re.IGNORECASE)
    return parse_printed_date(match.group(1)) if match else None


def _letter_date(
    urn: str, printed: str, file_date: date | None, typos: dict[tuple[str, str], str], report: Report
) -> tuple[date | None, DateCertainty]:
    """The printed letter date; the file's date where none is printed or the print is a known typo.

    A date from the file name is the publication date: the letter was written on or before it.
    """
    printed = printed.strip()
    # Cambridgeshire 2025-08-29 and North Somerset 2025-11-06 print no usable date in the block
    # (North Somerset prints "6 November 20205"), so the table leaves letter_date blank.
    if not printed:
        return file_date, "on_or_before"
    if (urn, printed) in typos:
        return date.fromisoformat(typos[(urn, printed)]), "on_or_before"
    parsed = parse_printed_date(printed)
    if parsed is None:
        report("letter_date", f"expected a date like '20 November 2020', got {printed!r}")
    return parsed, "stated"


def _addressees(
    urn: str,
    file_date: date | None,
    raw: dict[str, str],
    decisions: dict[tuple[str, str], Decision],
    report: Report,
) -> tuple[Addressee, ...]:
    decision = decisions.get((urn, file_date.isoformat() if file_date else ""))
    if decision is not None:
        return tuple(Addressee(a.name, a.name, a.title, a.role, a.trust) for a in decision.addressees)
    status = raw["parse_status"].strip()
    if status not in PARSE_STATUSES:
        report("parse_status", f"expected one of {sorted(PARSE_STATUSES)}, got {status!r}")
        return ()
    if status == "check":
        report("parse_status", "a 'check' row needs a decision in corrections/letter_decisions.csv")
        return ()
    printed = raw["addressee_name"].strip()
    name = clean_name(printed)
    if not looks_like_a_name(name):
        report("addressee_name", f"{printed!r} does not look like a person's name")
        return ()
    if not person_slug(name):
        # The Person id is the name's ASCII letters; a name with none would share the id "".
        report("addressee_name", f"{printed!r} has no Latin letters to make a person's id from")
        return ()
    title = _clean_title(raw["addressee_title"]) if status == "ok" else None
    if status == "ok" and title is None:
        report("addressee_title", "an 'ok' row needs a title")
    return (Addressee(name, printed, title, addressee_role(title)),)


def _clean_title(printed: str) -> str | None:
    # A line break inside a title can leave a trailing comma ("... Young People’s Service,").
    title = printed.strip().rstrip(",").strip()
    return title or None


def _council_name(folder_name: str) -> str:
    """A display name from the scrape's lower-case folder name: 'stockton-on-tees' -> 'Stockton-on-Tees'."""
    if folder_name.strip() == "london corporation":
        return "City of London"
    small = {"and", "upon", "on", "of", "with", "the"}

    def cap(word: str, first: bool) -> str:
        return word if word in small and not first else word[:1].upper() + word[1:]

    words = folder_name.strip().split()
    return " ".join(
        "-".join(cap(part, i == 0 and j == 0) for j, part in enumerate(word.split("-")))
        for i, word in enumerate(words)
    )

"""Curated corrections: decisions a person made by reading a document, kept as data in corrections/.

Each file is a CSV with a `reason` on every row, read and checked like any source: a bad row is a
Problem naming corrections/<file>, its row and column, and the load writes nothing.

- letter_decisions.csv: focused-visit letters whose addressee block was read by hand (every `check`
  row of the letters table, and `ok` rows whose parsed name or title is wrong), one row per addressee,
  keyed by (urn, date in the PDF's file name). A letter found to name no one has one row, name blank.
- letter_date_typos.csv: printed letter dates that cannot be right, and the date used instead.
- statistics_date_slips.csv: dates Ofsted's statistics print wrongly, mended so the statement joins
  its inspection rather than making a second one; the citation keeps the printed date.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import get_args

from graph.errors import Problem
from graph.settings import PROJECT_ROOT
from loaders.model import Role
from loaders.people import clean_name, looks_like_a_name
from loaders.tables import Row, located_rows

CORRECTIONS_DIR = PROJECT_ROOT / "corrections"
LETTER_DECISIONS = "letter_decisions.csv"
LETTER_DATE_TYPOS = "letter_date_typos.csv"
STATISTICS_DATE_SLIPS = "statistics_date_slips.csv"

DECISION_COLUMNS = ("urn", "file_date", "name", "title", "role", "trust", "reason")
TYPO_COLUMNS = ("urn", "printed", "date_used", "reason")
SLIP_COLUMNS = ("file", "la_name", "column", "printed", "date_used", "reason")
ROLES = set(get_args(Role))


@dataclass(frozen=True)
class DecidedAddressee:
    """One addressee of a letter as a person read it."""

    name: str
    title: str
    role: Role
    trust: str | None  # a children's trust's name as printed; None means the council itself


@dataclass(frozen=True)
class Decision:
    """A letter whose addressee block was read by hand, and why."""

    addressees: tuple[DecidedAddressee, ...]
    why: str


def read_letter_decisions(
    problems: list[Problem], folder: Path = CORRECTIONS_DIR
) -> dict[tuple[str, str], Decision]:
    """Decisions by (urn, file date); a bad row is added to `problems` and left out."""
    decisions: dict[tuple[str, str], Decision] = {}
    for row in _rows(folder, LETTER_DECISIONS, DECISION_COLUMNS, problems):
        if not _checked(row, problems, _iso_date("file_date"), _decided_name):
            continue
        key = (row["urn"], row["file_date"])
        found = decisions.get(key)
        if found is not None and (not found.addressees or not row["name"]):
            problems.append(row.problem("name", "a letter that names no one has one row, name blank"))
            continue
        if found is not None and found.why != row["reason"]:
            problems.append(row.problem("reason", "the rows of one letter give one reason"))
            continue
        addressee = () if not row["name"] else (_addressee(row),)
        decisions[key] = Decision((found.addressees if found else ()) + addressee, row["reason"])
    return decisions


def read_letter_date_typos(
    problems: list[Problem], folder: Path = CORRECTIONS_DIR
) -> dict[tuple[str, str], str]:
    """The date used instead of a printed letter date, by (urn, printed date)."""
    typos: dict[tuple[str, str], str] = {}
    for row in _rows(folder, LETTER_DATE_TYPOS, TYPO_COLUMNS, problems):
        if _checked(row, problems, _iso_date("date_used"), _once(typos, "urn", "printed")):
            typos[(row["urn"], row["printed"])] = row["date_used"]
    return typos


def read_statistics_date_slips(
    problems: list[Problem], folder: Path = CORRECTIONS_DIR
) -> dict[tuple[str, str, str, str], str]:
    """The date used instead of a printed one, by (statistics file, LA name, column, printed date)."""
    slips: dict[tuple[str, str, str, str], str] = {}
    keys = ("file", "la_name", "column", "printed")
    for row in _rows(folder, STATISTICS_DATE_SLIPS, SLIP_COLUMNS, problems):
        if _checked(row, problems, _iso_date("printed"), _iso_date("date_used"), _once(slips, *keys)):
            slips[(row["file"], row["la_name"], row["column"], row["printed"])] = row["date_used"]
    return slips


Check = Callable[[Row], Problem | None]


def _rows(folder: Path, file: str, columns: tuple[str, ...], problems: list[Problem]) -> list[Row]:
    return located_rows(folder / file, f"corrections/{file}", columns, problems)


def _checked(row: Row, problems: list[Problem], *checks: Check) -> bool:
    """Whether the row has a reason and passes every check; adds the first problem found."""
    found = [row.problem("reason", "every correction says why")] if not row["reason"] else []
    found += [p for p in (check(row) for check in checks) if p is not None][:1]
    problems += found[:1]
    return not found


def _iso_date(column: str) -> Check:
    def check(row: Row) -> Problem | None:
        try:
            date.fromisoformat(row[column])
        except ValueError:
            return row.problem(column, f"expected a date like 2020-01-21, got {row[column]!r}")
        return None

    return check


def _once(seen: Container[tuple[str, ...]], *columns: str) -> Check:
    def check(row: Row) -> Problem | None:
        key = tuple(row[c] for c in columns)
        return row.problem(columns[-1], "corrected twice") if key in seen else None

    return check


def _decided_name(row: Row) -> Problem | None:
    if not row["name"]:
        return None
    if clean_name(row["name"]) != row["name"] or not looks_like_a_name(row["name"]):
        return row.problem("name", f"expected a person's name without honorifics, got {row['name']!r}")
    if not row["title"]:
        return row.problem("title", "a decided addressee needs the title printed on the letter")
    if row["role"] not in ROLES:
        return row.problem("role", f"expected one of {sorted(ROLES)}, got {row['role']!r}")
    return None


def _addressee(row: Row) -> DecidedAddressee:
    role: Role = row["role"]  # type: ignore[assignment]  # checked against ROLES above
    return DecidedAddressee(row["name"], row["title"], role, row["trust"] or None)

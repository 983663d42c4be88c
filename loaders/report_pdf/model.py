"""What the report reader finds: a report's text, judgements, leadership statements, and a quote's sentence."""

# Reports print curly apostrophes and en dashes; the patterns must match them, and read best unbroken.
# ruff: noqa: RUF001, E501

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from graph.errors import ServiceError
from loaders.model import Area, Grade, Precision, Role

DocType = Literal[
    "sif_inspection_report",
    "sif_reinspection_report",
    "looked_after_children_inspection_report_2013",
    "ilacs_inspection_report",
    "ilacs_focused_visit_letter",
    "lscb_review_report",
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


# combined_role: the post also covers `LeaderStatement.also` ("adult services"); it dates nothing.
StatementEvidence = Literal[
    "in_post_since", "appointed", "takes_up_post", "in_post_on", "left", "combined_role"
]


@dataclass(frozen=True)
class LeaderStatement:
    """A sentence about who held a post: "The chief executive has been in post since May 2005"."""

    role: Role
    title: str  # the post as the sentence names it
    evidence: StatementEvidence
    date: str | None  # "2011-08"; None when the sentence gives no date
    precision: Precision | None
    interim: bool | None
    name: str | None  # only letters name the holder; report sentences do not
    organisation: str | None  # as printed (a letter's addressee block)
    page: int
    quote: str
    # Where the report says the sentence's local title is the DCS, when the quote does not say so.
    basis_page: int | None = None
    basis: str | None = None
    # "approximate": counted back from a relative phrase ("took up post two years ago").
    certainty: Literal["stated", "approximate"] = "stated"
    previous: bool = False  # about a former holder ("The previous chair ... left the post in March 2016")
    also: str | None = None  # combined_role: what else the post covers, as printed


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


def flat(page: str) -> str:
    return " ".join(page.split())


def page_field(page: int | None) -> str | None:
    return f"page {page}" if page else None


def sentence_at(page: str, start: int, end: int) -> str:
    """The sentence (or table line) around page[start:end], for a citation's quote."""
    left = max(page.rfind(". ", 0, start), page.rfind(" \uf0b7 ", 0, start), page.rfind(" • ", 0, start))
    left = 0 if left < 0 else left + 2
    right = page.find(". ", end)
    right = len(page) if right < 0 else right + 1
    sentence = page[left:right].strip(" \uf0b7•")
    # A sentence runs to 400 characters at most in a citation; beyond that the match alone is quoted.
    return sentence if len(sentence) <= 400 else page[start:end]

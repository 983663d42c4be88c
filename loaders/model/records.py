"""What the loaders read out of their sources, before anything is written.

Each loader module turns one source into these records; `loaders.reconcile` merges the inspection
statements of all sources; `loaders.write` writes everything in one transaction. Property names are
the graph's (snake_case), so `dataclasses.asdict` gives the rows the writer sends to Neo4j.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

Precision = Literal["day", "month", "year"]

# Kinds of Source node. A reader comment is never a news fact: it has its own kind and points at the
# article it was posted under.
SourceKind = Literal[
    "news_article",
    "web_article",
    "council_press_release",
    "reader_comment",
    "ofsted_report",
    "ofsted_letter",
    "official_statistics",
    "dataset",
    # A public web page (news, GOV.UK, a council's release) the repository does not store: its
    # citations carry the curator's note, never a quote, and are shown as unverified.
    "web_page",
]

# Grade words normalised to the graph's grade; the wording as printed stays on the citation.
Grade = Literal["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "ADEQUATE", "INADEQUATE"]

# The kind of inspection event, and the framework it was carried out under.
InspectionKind = Literal[
    "inspection",  # a graded full inspection (SLAC, CPI, SIF, ILACS standard or short, ...)
    "reinspection",  # a graded re-inspection (SLAC, CPI or SIF re-inspection)
    "focused_visit",  # ILACS focused visit: a letter, no grades
    "monitoring_visit",  # a visit to an inadequate council: a letter, no grades
]

# Judgement areas across frameworks. Before 2023 ILACS judged children in care *and* care leavers in
# one judgement ("children_in_care_and_care_leavers"); a separate care-leavers grade is never invented.
Area = Literal[
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "children_in_care",
    "children_in_care_and_care_leavers",
    "care_leavers",
    "looked_after_and_permanence",  # SIF
    "adoption",  # SIF sub-judgement
    "leadership_management_governance",  # SIF
    "lscb",  # SIF review of the Local Safeguarding Children Board
    "safeguarding",  # SLAC 2009-12
    "looked_after_children",  # SLAC 2009-12, TLAC
    # The 2013 looked-after-children (TLAC) report's other judgements, read from its PDF.
    "capacity_to_improve",
    "outcomes_for_looked_after_children",
    "quality_of_provision",
    "leadership_and_management",
]

Role = Literal[
    "director_of_childrens_services",
    "chief_executive",
    "lead_member",
    "dfe_adviser",
    "improvement_director",
    "operations_director",
    "improvement_board_chair",
    "improvement_board_member",
    "trust_chief_executive",
    "trust_chair",
    "commissioner",  # a DfE children's services commissioner appointed to a council
    "safeguarding_board_chair",  # chair of the Local Safeguarding Children Board (SIF reports)
    "other",
]

EvidenceKind = Literal[
    "appointed",  # an appointment announced
    "takes_up_post",  # the date a post is (to be) taken up
    "in_post_on",  # the person held the post on `date` (e.g. a letter addressed to them)
    "in_post_since",  # "has been in post since August 2011"
    "left",
    "previous_role",  # a past employer, dates usually unknown
    "member_of",
    # Published evidence on leaders (facts/published/).
    "announced_departure",
    "suspended",
    "acting",
    # Published evidence on DfE interventions: what happened to the intervention on `date`.
    "issued",
    "lifted",
    "revoked",
    "replaced",
    "recommended",
    "set_up",
    "began_operating",
    "ended",
    "first_meeting",
    "announced",
    "report_published",
]

DateCertainty = Literal["stated", "on_or_before", "planned", "between", "approximate"]


class CouncilResolver(Protocol):
    """Turns a source's reference to a council into its DfE LA code (`loaders.councils.CouncilIndex`).

    Loaders take this rather than the index itself, so their tests can pass a small table of names.
    """

    def by_name(self, name: str, on_date: str | None = None) -> str | None: ...

    def by_urn(self, urn: str) -> str | None: ...

    def by_gss(self, gss: str) -> str | None: ...


@dataclass(frozen=True)
class PartialDate:
    """A date known to a day, a month or a year: "2011-08" with precision "month"."""

    date: str
    precision: Precision
    certainty: DateCertainty = "stated"


@dataclass(frozen=True)
class Citation:
    """Where one source supports one fact: the quote (or the row as text), and its place."""

    source_id: str
    quote: str | None  # None only for a web page, whose text is not stored: `note` says what it states
    page: int | None = None  # PDF page, 1-based
    row: int | None = None  # spreadsheet row, header = 1
    field: str | None = None  # the column or key that states the value
    value: str | None = None  # the value as this source states it (grade word, date, name)
    evidence: EvidenceKind | None = None  # for tenure evidence
    date: str | None = None  # the date the evidence speaks of
    precision: Precision | None = None
    # How `date` is known (added for the fact files and the letters): "planned" for a start announced
    # ahead, "on_or_before" when the text only shows it had happened by then. None means stated.
    certainty: DateCertainty | None = None
    note: str | None = None  # a curator's one-line summary of what an unstored page states


@dataclass(frozen=True)
class SourceRecord:
    """A document, data file, report URL, article or reader comment."""

    id: str
    kind: SourceKind
    title: str | None = None
    publisher: str | None = None
    publisher_certainty: str | None = None  # stated | inferred | unverified
    published_date: str | None = None
    published_precision: Precision | None = None
    published_certainty: DateCertainty | None = None
    # The upper bound when published_certainty is "between" (published_date is then the lower bound);
    # added for seed articles dated only by the report they cover and their first reader comment.
    published_latest: str | None = None
    url: str | None = None
    file: str | None = None  # path relative to the data or seeds folder
    sha256: str | None = None
    author: str | None = None  # byline, or a comment's author as printed
    comment_on: str | None = None  # a reader comment: the id of the article it is under
    reply_to: str | None = None  # a reader comment replying to another comment
    read_date: str | None = None  # a web page: the day the curator read it


@dataclass
class CouncilRecord:
    """A local authority with children's services, current or former."""

    code: str  # DfE LA code ("916"); the natural key
    name: str
    gss_code: str | None
    ofsted_urn: str | None
    region: str | None
    authority_type: str | None
    start_date: str | None  # when the council came into being, if after 1996 or known
    end_date: str | None  # when it ceased (reorganisation)
    successor_codes: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # every spelling seen in the sources
    citations: list[Citation] = field(default_factory=list)


@dataclass
class JudgementStatement:
    """One source's statement of one judgement's grade."""

    area: Area
    grade: Grade
    wording: str  # the grade as this source prints it
    citation: Citation


@dataclass
class InspectionStatement:
    """One source's statement that an inspection or visit happened, with what it says about it.

    `loaders.reconcile` merges the statements of every source into one Inspection per real event.
    """

    council_code: str
    kind: InspectionKind
    framework: str  # e.g. "SLAC", "CPI", "TLAC", "SIF", "ILACS standard", "ILACS short", "ILACS"
    citation: Citation
    start_date: str | None = None
    end_date: str | None = None
    published_date: str | None = None
    lead_inspector: str | None = None
    report_url: str | None = None
    theme: str | None = None  # a visit's theme, e.g. "Care leavers"
    judgements: list[JudgementStatement] = field(default_factory=list)
    priority: int = 0  # which source wins for display: report 3, letter or statistics 2, scrape 1
    inspectors: tuple[str, ...] = ()  # the team as the report or letter lists it, lead first
    # Where the source states details beyond the event itself (lead inspector, team, publication date).
    extra_citations: tuple[Citation, ...] = ()


@dataclass
class PersonRecord:
    id: str  # a slug of the name, qualified where two people share a name
    name: str
    citations: list[Citation] = field(default_factory=list)


@dataclass
class OrganisationRecord:
    """A non-council employer or body (councils are Organisations too, written from CouncilRecord)."""

    id: str
    name: str
    kind: str  # charity | company | government_department | improvement_board | trust | unknown
    citations: list[Citation] = field(default_factory=list)


@dataclass
class TenureRecord:
    """A person's time in a role at an organisation; the person may be unknown (None)."""

    id: str
    person_id: str | None
    role: Role
    title: str | None  # exactly as printed
    organisation_id: str  # "council:916" for councils
    interim: bool | None
    start: PartialDate | None = None
    end: PartialDate | None = None
    serves_council: str | None = None  # e.g. a DfE adviser appointed to this council
    citations: list[Citation] = field(default_factory=list)


@dataclass
class NoticeRecord:
    """A DfE improvement notice (or statutory direction) issued to a council."""

    id: str
    council_code: str
    kind: Literal["improvement_notice", "statutory_direction"]
    issued: PartialDate | None
    lifted: PartialDate | None
    review_interval: str | None
    review_scope: list[str]
    citations: list[Citation] = field(default_factory=list)


@dataclass
class BoardRecord:
    """A council's improvement board; its members are tenures at the board (organisation id = board id)."""

    id: str
    council_code: str
    name: str
    first_meeting: PartialDate | None
    citations: list[Citation] = field(default_factory=list)


InterventionKind = Literal[
    "improvement_notice",
    "statutory_direction",
    "commissioner",
    "childrens_trust",
    "alternative_delivery",
    "improvement_board",
    "dfe_adviser",
]


@dataclass
class InterventionRecord:
    """A DfE intervention at a council from published evidence; each citation is one dated event."""

    id: str
    council_code: str
    kind: InterventionKind
    name: str | None
    start: PartialDate | None  # issued, appointed, set up, first met; None when no page says
    end: PartialDate | None  # lifted, revoked, replaced, ended; None when no page says
    people: list[tuple[str, str]] = field(default_factory=list)  # (person id, role in it)
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Bundle:
    """Everything one load writes, from every source."""

    sources: list[SourceRecord] = field(default_factory=list)
    councils: list[CouncilRecord] = field(default_factory=list)
    inspections: list[InspectionStatement] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)
    organisations: list[OrganisationRecord] = field(default_factory=list)
    tenures: list[TenureRecord] = field(default_factory=list)
    notices: list[NoticeRecord] = field(default_factory=list)
    boards: list[BoardRecord] = field(default_factory=list)
    interventions: list[InterventionRecord] = field(default_factory=list)

    def extend(self, other: Bundle) -> None:
        """Add another source's records to this bundle."""
        for name in self.__dataclass_fields__:
            getattr(self, name).extend(getattr(other, name))


@dataclass
class Judgement:
    """One judgement of a reconciled inspection, citing every source that states it."""

    id: str  # "<inspection id>/<area>"
    area: Area
    grade: Grade  # the highest-priority source's grade (the report's, where read)
    wording: str  # that source's wording
    citations: list[Citation]  # every statement, each with its own value
    conflict: bool  # True when the sources state different grades


@dataclass
class Inspection:
    """One real inspection or visit, merged from every source that mentions it."""

    id: str  # "<council code>/<kind>/<date>": the publication date for graded inspections, else the start
    council_code: str
    kind: InspectionKind
    framework: str
    start_date: str | None
    end_date: str | None
    published_date: str | None
    lead_inspector: str | None
    report_url: str | None
    theme: str | None
    overall: Grade | None  # None where no source gives one (visits; reports from mid-2026)
    judgements: list[Judgement]
    citations: list[Citation]  # every statement that the event happened
    conflicts: list[str]  # plain sentences on field disagreements (dates, inspector), for researchers
    inspectors: list[str] = field(default_factory=list)  # the team, lead first, where a report lists it

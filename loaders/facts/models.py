"""What a fact file may hold: strict models: an unknown key or a wrong type is a located problem."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from loaders.model import (
    DateCertainty,
    EvidenceKind,
    Precision,
    Role,
)

ArticleKind = Literal["news_article", "web_article", "council_press_release"]
OrganisationKind = Literal[
    "charity", "company", "government_department", "improvement_board", "trust", "unknown", "council"
]


# Ids and names become indexed properties, and Neo4j refuses an index key over about 8 KB.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=120)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class _Strict(BaseModel):
    # A misspelt key is a mistake to report, not a field to ignore.
    model_config = ConfigDict(extra="forbid", frozen=True)


class DateModel(_Strict):
    date: str
    precision: Precision
    certainty: DateCertainty = "stated"


class CommentModel(_Strict):
    id: Id
    author: str
    posted: str  # "2017-08-15T23:11"
    reply_to: str | None
    starts_with: str


class SourceModel(_Strict):
    id: Id
    file: str
    kind: ArticleKind
    title: str
    publisher: str | None
    publisher_certainty: Literal["stated", "inferred", "unverified"] | None
    published: str
    published_earliest: str | None = None
    published_latest: str | None = None
    published_precision: Precision
    published_certainty: DateCertainty
    byline: str | None
    article_ends_before: str | None
    body_starts_with: str | None
    body_ends_with: str | None
    comments: list[CommentModel] = []


class QuoteModel(_Strict):
    source: str
    quote: str


class PersonModel(_Strict):
    id: Id
    name: Name
    name_in_source: str
    described_as: list[QuoteModel] = []


class OrganisationModel(_Strict):
    id: Id
    name: Name
    kind: OrganisationKind
    council_code: str | None


class EvidenceModel(_Strict):
    source: str
    kind: EvidenceKind
    date: str | None
    precision: Precision | None
    date_certainty: DateCertainty = "stated"
    quote: str


class TenureModel(_Strict):
    id: Id
    person: str
    role: Role
    title: str | None
    organisation: str
    interim: bool | None
    start: DateModel | None
    end: DateModel | None
    serves_council: str | None = None
    evidence: list[EvidenceModel] = Field(min_length=1)


class PreviousRoleModel(_Strict):
    id: Id
    person: str
    organisation: str
    role: Role
    title: str | None
    evidence: list[EvidenceModel] = Field(min_length=1)


class NoticeModel(_Strict):
    id: Id
    council: str
    issued: DateModel | None
    lifted: DateModel | None = None
    issuer: str
    review_interval: str | None
    review_scope: list[str]
    evidence: list[QuoteModel] = Field(min_length=1)


class MemberModel(_Strict):
    person: str
    role: Role
    evidence: list[QuoteModel] = Field(min_length=1)


class BoardModel(_Strict):
    id: Id
    council: str
    first_meeting: DateModel | None
    chair: str | None
    evidence: list[QuoteModel] = Field(min_length=1)
    members: list[MemberModel] = []


class PartnerModel(_Strict):
    id: Id
    council: str
    partner: str | None
    start: DateModel | None
    planned_duration: str | None
    evidence: list[QuoteModel] = Field(min_length=1)


class MentionModel(_Strict):
    source: str
    council: str
    about: Literal[
        "judgement_published",
        "inspection_fieldwork",
        "previous_judgement",
        "sub_judgement",
        "monitoring_visit",
        "planned_visit",
    ]
    date: str
    date_end: str | None = None
    precision: Precision
    date_certainty: DateCertainty = "stated"
    quote: str


class FactFile(_Strict):
    council: str
    sources: list[SourceModel]
    people: list[PersonModel] = []
    organisations: list[OrganisationModel] = []
    tenures: list[TenureModel] = []
    previous_roles: list[PreviousRoleModel] = []
    improvement_notices: list[NoticeModel] = []
    improvement_boards: list[BoardModel] = []
    improvement_partners: list[PartnerModel] = []
    inspection_mentions: list[MentionModel] = []


@dataclass(frozen=True)
class SeedText:
    """A seed file's text with whitespace collapsed, and where its article body lies in it."""

    text: str
    body_start: int
    body_end: int
    comments_start: int | None  # where reader comments begin, if the source has any

    def where(self, quote: str) -> Literal["body", "comments", "furniture", "missing"]:
        """Where a quote lies: in the article body, in the reader comments, in site furniture, or nowhere."""
        # str.find, not a regex: compiling a pattern from a long quote costs seconds.
        starts = []
        at = self.text.find(quote)
        while at >= 0:
            starts.append(at)
            at = self.text.find(quote, at + 1)
        if not starts:
            return "missing"
        if any(self.body_start <= s and s + len(quote) <= self.body_end for s in starts):
            return "body"
        if self.comments_start is not None and any(s >= self.comments_start for s in starts):
            return "comments"
        return "furniture"

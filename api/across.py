"""Questions across every council (issue 14): filtered inspections, rating changes, leadership
turnover, people who led at a grade, grade and inspector counts, and full-text search.

Each question is one named query (plus, where an answer holds inspections or councils by id, one
batched look-up through the request's DataLoaders). The inspection filter is checked here, so a
framework, area or date the graph cannot hold is refused with the argument's name.
"""

from __future__ import annotations

import datetime
import re
from enum import Enum
from typing import Annotated, Any

import strawberry

from api.database import Row
from api.errors import BadArgumentError, NotFoundError
from api.graphql_types import (
    ISO_DAY,
    Council,
    Grade,
    Info,
    Inspection,
    InspectionKind,
    Person,
    Role,
    Source,
    Tenure,
    council_from,
    described,
    inspection_from,
    person_from,
    source_from,
    tenure_from,
)
from api.paging import PageInfo, decode_cursor, encode_cursor, page_info, page_size

# Every framework name the loaders write (tests/test_across.py holds this against the loaded graph).
FRAMEWORKS = (
    "SLAC",
    "SLAC safeguarding re-inspection",
    "SLAC looked after children re-inspection",
    "SLAC safeguarding and looked after children re-inspection",
    "CPI",
    "CPRI",
    "TLAC",
    "SIF",
    "SIF re-inspection",
    "LSCB review",
    "ILACS",
    "ILACS standard",
    "ILACS short",
    "ILACS focused visit",
    "monitoring visit",
    "full inspection",
)

# Every judgement area the loaders write (loaders.records.Area; a test holds the two equal).
AREAS = (
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "children_in_care",
    "children_in_care_and_care_leavers",
    "care_leavers",
    "looked_after_and_permanence",
    "adoption",
    "leadership_management_governance",
    "lscb",
    "safeguarding",
    "looked_after_children",
    "capacity_to_improve",
    "outcomes_for_looked_after_children",
    "quality_of_provision",
    "leadership_and_management",
)

MAX_SEARCH_CHARS = 200
# Lucene's query syntax: a user's text is searched as words, never as a query.
LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


@strawberry.input(description="Which inspections a question looks at. Null fields match all.")
class InspectionFilter:
    council_code: str | None = strawberry.field(
        default=None, description='DfE LA code ("916"), ONS GSS code or Ofsted URN.'
    )
    region: str | None = strawberry.field(default=None, description='e.g. "South West", any case.')
    kinds: list[InspectionKind] | None = None
    frameworks: list[str] | None = strawberry.field(
        default=None, description='e.g. "SIF", "ILACS standard", "ILACS short", "ILACS focused visit".'
    )
    overall: list[Grade] | None = strawberry.field(
        default=None, description="Overall grades; inspections without one never match."
    )
    area: str | None = strawberry.field(
        default=None, description='A judgement area the inspection has, e.g. "help_and_protection".'
    )
    area_grade: list[Grade] | None = strawberry.field(
        default=None, description="Grades of the `area` judgement (needs `area`)."
    )
    published_from: str | None = strawberry.field(default=None, description="YYYY-MM-DD, inclusive.")
    published_to: str | None = strawberry.field(default=None, description="YYYY-MM-DD, inclusive.")
    current_councils_only: bool | None = strawberry.field(
        default=None, description="Only councils that exist today (not those reorganised away)."
    )


@strawberry.enum
class InspectionSort(Enum):
    PUBLISHED_ASC = "PUBLISHED_ASC"
    PUBLISHED_DESC = "PUBLISHED_DESC"
    COUNCIL_ASC = "COUNCIL_ASC"


@strawberry.enum
class GradeCountBy(Enum):
    NONE = "NONE"
    YEAR = "YEAR"
    FRAMEWORK = "FRAMEWORK"
    REGION = "REGION"


@strawberry.enum
class TurnoverStatus(Enum):
    CHANGED = "CHANGED"
    UNCHANGED = "UNCHANGED"
    UNKNOWN = "UNKNOWN"


@strawberry.enum
class SearchHitKind(Enum):
    PERSON = "PERSON"
    COUNCIL = "COUNCIL"
    SOURCE = "SOURCE"


def filter_params(value: InspectionFilter | None) -> dict[str, Any]:
    """The filter as the named queries' parameters, checked.

    Raises:
        BadArgumentError: naming the filter field that holds an unknown framework or area, a date
            that is not a date, or a grade for an area without the area.
    """
    f = value or InspectionFilter()
    unknown = [name for name in f.frameworks or [] if name not in FRAMEWORKS]
    if unknown:
        raise BadArgumentError(
            f"filter.frameworks: unknown framework {unknown[0][:60]!r}; known: {', '.join(FRAMEWORKS)}"
        )
    check_area(f.area, "filter.area")
    if f.area_grade is not None and f.area is None:
        raise BadArgumentError("filter.areaGrade needs filter.area (the judgement those grades are of)")
    published_from = checked_day(f.published_from, "filter.publishedFrom")
    published_to = checked_day(f.published_to, "filter.publishedTo")
    return {
        "council_code": f.council_code,
        "region": f.region,
        "current_only": f.current_councils_only,
        "kinds": None if f.kinds is None else [k.value for k in f.kinds],
        "frameworks": f.frameworks,
        "overall": None if f.overall is None else [g.value for g in f.overall],
        "area": f.area,
        "area_grades": None if f.area_grade is None else [g.value for g in f.area_grade],
        "published_from": published_from,
        "published_to": published_to,
    }


def check_area(area: str | None, argument: str) -> None:
    """Refuse an area no framework judges, naming the argument."""
    if area is not None and area not in AREAS:
        raise BadArgumentError(f"{argument}: unknown judgement area {area[:60]!r}; known: {', '.join(AREAS)}")


def checked_day(value: str | None, argument: str) -> str | None:
    """A YYYY-MM-DD date that exists, or None; anything else is refused naming the argument."""
    if value is None:
        return None
    try:
        if ISO_DAY.match(value):
            datetime.date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise BadArgumentError(f"{argument} must be a date like 2018-01-01, not {value[:20]!r}")


def lucene_words(text: str) -> str:
    """A user's text as a Lucene query matching any of its words (each exactly or as a prefix).

    Raises:
        BadArgumentError: no words, or longer than MAX_SEARCH_CHARS.
    """
    if len(text) > MAX_SEARCH_CHARS:
        raise BadArgumentError(f"text must be at most {MAX_SEARCH_CHARS} characters")
    words = [LUCENE_SPECIAL.sub(r"\\\1", w) for w in text.split()]
    # AND, OR and NOT are operators to Lucene only in capitals; lower-cased they are plain words.
    words = [w.lower() if w in {"AND", "OR", "NOT"} else w for w in words]
    if not words:
        raise BadArgumentError("text must hold at least one word")
    return " ".join(f"({w} OR {w}*)" for w in words)


@strawberry.type
class InspectionEdge:
    cursor: str
    node: Inspection


@strawberry.type
class InspectionConnection:
    edges: list[InspectionEdge]
    page_info: PageInfo
    total_count: int


async def _inspections(info: Info, ids: list[str]) -> list[Inspection]:
    rows = await info.context.inspection.load_many(ids)
    # Found by the same request's query, so only a load running meanwhile can miss one.
    return [inspection_from(r) for r in rows if r is not None]


async def _council(info: Info, code: str) -> Council:
    row = await info.context.council.load(code)
    if row is None:
        raise NotFoundError(f"no council {code}")
    return council_from(row)


@strawberry.type(description="A council's overall grade going from one grade to another.")
class RatingChange:
    council: Council
    from_: Inspection = strawberry.field(name="from")
    to: Inspection
    skipped: list[Inspection] = strawberry.field(
        description="Inspections between the two without an overall grade (post-reform reports)."
    )
    via: list[Inspection] = strawberry.field(
        description="Graded inspections between the two (only when not asked for consecutive changes)."
    )


def _rating_change_from(row: Row) -> RatingChange:
    """A change from one rating_changes row: the council and the inspections' properties come with it;
    their judgements and citations are fetched only if asked for."""
    council = council_from({"council": row["council"]})

    def inspection(props: Row) -> Inspection:
        return inspection_from({"council_code": row["council_code"], "inspection": props}, parent=council)

    return RatingChange(
        council=council,
        from_=inspection(row["from_inspection"]),
        to=inspection(row["to_inspection"]),
        skipped=[inspection(s) for s in row["skipped"]],
        via=[inspection(v) for v in row["via"]],
    )


@strawberry.type(description="One rated inspection and whether the role's holder changed around it.")
class TurnoverItem:
    status: TurnoverStatus
    reason: str = strawberry.field(description="Why the status is what it is, in words.")
    rated_on: str = strawberry.field(description="The publication date (else the date) the window is around.")
    window_from: str
    window_to: str
    holders: list[Tenure] = strawberry.field(
        description="Tenures of the role the sources show in the window."
    )
    council_code: strawberry.Private[str]
    inspection_id: strawberry.Private[str]

    @strawberry.field
    async def council(self, info: Info) -> Council:
        return await _council(info, self.council_code)

    @strawberry.field
    async def inspection(self, info: Info) -> Inspection:
        return (await _inspections(info, [self.inspection_id]))[0]


@strawberry.type
class LeadershipTurnover:
    inspections: int
    changed: int
    unchanged: int
    unknown: int
    items: list[TurnoverItem]


@strawberry.type(description="A person who held a role at councils when they were given a grade.")
class PersonLed:
    person: Person
    council_count: int
    tenures: list[Tenure] = strawberry.field(description="Their tenures in post at those inspections.")
    council_codes: strawberry.Private[list[str]]
    inspection_ids: strawberry.Private[list[str]]

    @strawberry.field
    async def councils(self, info: Info) -> list[Council]:
        rows = await info.context.council.load_many(self.council_codes)
        return [council_from(r) for r in rows if r is not None]

    @described("The inspections at that grade while they were in post, oldest first.")
    async def inspections(self, info: Info) -> list[Inspection]:
        return await _inspections(info, self.inspection_ids)


async def _sources(info: Info, ids: list[str]) -> list[Source]:
    rows = await info.context.source.load_many(ids)
    return [source_from(r["source"]) for r in rows if r is not None]


@strawberry.type
class GradeCount:
    key: str | None = strawberry.field(description="The year, framework or region; null when not grouped.")
    grade: Grade
    count: int
    source_ids: strawberry.Private[list[str]]

    @described("The sources that state the counted judgements.")
    async def sources(self, info: Info) -> list[Source]:
        return await _sources(info, self.source_ids)


@strawberry.type
class InspectorCount:
    name: str
    count: int
    source_ids: strawberry.Private[list[str]]

    @described("The sources cited for the inspections counted.")
    async def sources(self, info: Info) -> list[Source]:
        return await _sources(info, self.source_ids)


@strawberry.type(description="A person, council or source whose name or title matches, with its score.")
class SearchHit:
    kind: SearchHitKind
    id: strawberry.ID = strawberry.field(
        description="The person's id, the council's code or the source's id."
    )
    label: str = strawberry.field(description="The name or title.")
    score: float
    person: Person | None
    council: Council | None
    source: Source | None


def _hit_from(row: Row) -> SearchHit:
    kind, node = SearchHitKind(row["kind"]), row["node"]
    person = person_from(node) if kind is SearchHitKind.PERSON else None
    council = council_from({"council": node}) if kind is SearchHitKind.COUNCIL else None
    source = source_from(node) if kind is SearchHitKind.SOURCE else None
    ident = node["code"] if council else node["id"]
    label = node.get("name") or node.get("title") or ident
    return SearchHit(
        kind=kind, id=strawberry.ID(ident), label=label, score=float(row["score"]),
        person=person, council=council, source=source,
    )  # fmt: skip


def _turnover_from(rows: list[Row]) -> LeadershipTurnover:
    items = [
        TurnoverItem(
            status=TurnoverStatus(r["status"]),
            reason=r["reason"],
            rated_on=r["rated_on"],
            window_from=r["window_from"],
            window_to=r["window_to"],
            holders=[tenure_from(h) for h in r["holders"]],
            council_code=r["council_code"],
            inspection_id=r["inspection_id"],
        )
        for r in rows
    ]
    counted = [item.status for item in items]
    return LeadershipTurnover(
        inspections=len(items),
        changed=counted.count(TurnoverStatus.CHANGED),
        unchanged=counted.count(TurnoverStatus.UNCHANGED),
        unknown=counted.count(TurnoverStatus.UNKNOWN),
        items=items,
    )


def _months(value: int, argument: str) -> int:
    if not 0 <= value <= 120:
        raise BadArgumentError(f"{argument} must be between 0 and 120")
    return value


@strawberry.type
class AcrossQuery:
    """The root fields across councils; api.schema's Query inherits them."""

    @described("Inspections and visits of every council that match the filter, sorted, one page at a time.")
    async def inspections(
        self,
        info: Info,
        filter: InspectionFilter | None = None,
        sort: InspectionSort | None = InspectionSort.PUBLISHED_ASC,
        first: int | None = None,
        after: str | None = None,
    ) -> InspectionConnection:
        size = page_size(first, info.context.limits)
        skip = 0 if after is None else decode_cursor(after, "inspection") + 1
        (row,) = await info.context.db.named(
            "inspections_filtered",
            **filter_params(filter),
            sort=(sort or InspectionSort.PUBLISHED_ASC).value,
            skip=skip,
            limit=size,
        )
        nodes = [inspection_from(r) for r in row["inspections"]]
        edges = [
            InspectionEdge(cursor=encode_cursor(skip + n, "inspection"), node=i) for n, i in enumerate(nodes)
        ]
        total = int(row["total"])
        return InspectionConnection(
            edges=edges, page_info=page_info([e.cursor for e in edges], skip, total), total_count=total
        )

    @described(
        "Councils whose overall grade went from one grade to another, among the inspections that match "
        "the filter. Consecutive: the next inspection with an overall grade; otherwise any later one with "
        "no inspection between them rated either grade."
    )
    async def rating_changes(
        self,
        info: Info,
        from_: Annotated[Grade, strawberry.argument(name="from")],
        to: Grade,
        consecutive: bool | None = True,
        filter: InspectionFilter | None = None,
    ) -> list[RatingChange]:
        rows = await info.context.db.named(
            "rating_changes",
            **filter_params(filter),
            from_grade=from_.value,
            to_grade=to.value,
            consecutive=consecutive is not False,
        )
        return [_rating_change_from(r) for r in rows]

    @described(
        "For each inspection at this grade (among those that match the filter), whether the role's "
        "holder changed between monthsBefore before its publication and monthsAfter after it."
    )
    async def leadership_turnover(
        self,
        info: Info,
        role: Role,
        grade: Grade,
        months_before: int | None = 12,
        months_after: int | None = 12,
        filter: InspectionFilter | None = None,
    ) -> LeadershipTurnover:
        rows = await info.context.db.named(
            "leadership_turnover",
            **filter_params(filter),
            role=role.value,
            grade=grade.value,
            months_before=_months(12 if months_before is None else months_before, "monthsBefore"),
            months_after=_months(12 if months_after is None else months_after, "monthsAfter"),
        )
        return _turnover_from(rows)

    @described(
        "People who held the role at minCouncils councils or more when those councils were given the "
        "grade (in post at the inspection's start or publication), most councils first."
    )
    async def people_who_led(
        self, info: Info, role: Role, grade: Grade, min_councils: int | None = 2
    ) -> list[PersonLed]:
        min_councils = 2 if min_councils is None else min_councils
        if min_councils < 1:
            raise BadArgumentError("minCouncils must be at least 1")
        rows = await info.context.db.named(
            "people_who_led", role=role.value, grade=grade.value, min_councils=min_councils
        )
        return [
            PersonLed(
                person=person_from(r["person"]),
                council_count=len(r["council_codes"]),
                tenures=[tenure_from(t) for t in r["tenures"]],
                council_codes=list(r["council_codes"]),
                inspection_ids=list(r["inspection_ids"]),
            )
            for r in rows
        ]

    @described(
        "How many judgements of an area gave each grade among the inspections that match the filter, "
        "optionally by year of publication, framework or region."
    )
    async def grade_counts(
        self,
        info: Info,
        filter: InspectionFilter | None = None,
        area: str | None = "overall_effectiveness",
        by: GradeCountBy | None = GradeCountBy.NONE,
    ) -> list[GradeCount]:
        area = area or "overall_effectiveness"
        check_area(area, "area")
        rows = await info.context.db.named(
            "grade_counts", **filter_params(filter), count_area=area, by=(by or GradeCountBy.NONE).value
        )
        return [
            GradeCount(key=r["key"], grade=Grade(r["grade"]), count=int(r["count"]), source_ids=r["sources"])
            for r in rows
        ]

    @described("The lead inspectors of the inspections that match the filter, most inspections first.")
    async def inspector_counts(
        self, info: Info, filter: InspectionFilter | None = None, first: int | None = 20
    ) -> list[InspectorCount]:
        size = page_size(first, info.context.limits)
        rows = await info.context.db.named("inspector_counts", **filter_params(filter), limit=size)
        return [InspectorCount(name=r["name"], count=int(r["count"]), source_ids=r["sources"]) for r in rows]

    @described(
        "People, councils and sources whose names, titles or publishers hold any of the words (or "
        "words starting with them), best match first (Neo4j full-text scores)."
    )
    async def search(self, info: Info, text: str, first: int | None = 20) -> list[SearchHit]:
        size = page_size(first, info.context.limits)
        rows = await info.context.db.named("search", query=lucene_words(text), limit=size)
        return [_hit_from(r) for r in rows]

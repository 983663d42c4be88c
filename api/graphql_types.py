"""The GraphQL types of the public contract (issue 6), built from the rows of the named queries.

Property names are the graph's snake_case; strawberry turns them into camelCase.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, cast

import strawberry

from api.context import Context
from api.database import Row
from api.errors import BadArgumentError, NotFoundError
from api.execution import NOT_READY, at_hand
from api.paging import slice_after

if TYPE_CHECKING:
    from api.leadership import RoleAnswer

Info = strawberry.Info[Context, None]

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

F = TypeVar("F", bound=Callable[..., Any])


def described(text: str) -> Callable[[F], F]:
    """`strawberry.field(description=...)` for a resolver, typed (strawberry's overload gives Any)."""
    return cast(Callable[[F], F], strawberry.field(description=text))


def usually_at_hand(method: str, description: str | None = None) -> Callable[[F], F]:
    """`strawberry.field` for a resolver whose value `method` usually has at hand (api.execution)."""
    return cast(Callable[[F], F], strawberry.field(description=description, metadata=at_hand(method)))


@strawberry.enum
class Grade(Enum):
    OUTSTANDING = "OUTSTANDING"
    GOOD = "GOOD"
    REQUIRES_IMPROVEMENT = "REQUIRES_IMPROVEMENT"
    ADEQUATE = "ADEQUATE"  # the 2009-2012 frameworks' grade between good and inadequate
    INADEQUATE = "INADEQUATE"


@strawberry.enum
class Role(Enum):
    DIRECTOR_OF_CHILDRENS_SERVICES = "director_of_childrens_services"
    CHIEF_EXECUTIVE = "chief_executive"
    LEAD_MEMBER = "lead_member"
    DFE_ADVISER = "dfe_adviser"
    IMPROVEMENT_DIRECTOR = "improvement_director"
    OPERATIONS_DIRECTOR = "operations_director"
    IMPROVEMENT_BOARD_CHAIR = "improvement_board_chair"
    IMPROVEMENT_BOARD_MEMBER = "improvement_board_member"
    TRUST_CHIEF_EXECUTIVE = "trust_chief_executive"
    TRUST_CHAIR = "trust_chair"
    COMMISSIONER = "commissioner"
    SAFEGUARDING_BOARD_CHAIR = "safeguarding_board_chair"
    OTHER = "other"


@strawberry.enum
class InspectionKind(Enum):
    INSPECTION = "inspection"
    REINSPECTION = "reinspection"
    FOCUSED_VISIT = "focused_visit"
    MONITORING_VISIT = "monitoring_visit"


# The kinds of inspection whose leadership the graph answers for (with an overall grade);
# queries/leadership_answers.cypher picks a council's the same way.
ANSWERED_KINDS = (InspectionKind.INSPECTION, InspectionKind.REINSPECTION)


@strawberry.enum
class SourceKind(Enum):
    NEWS_ARTICLE = "news_article"
    WEB_ARTICLE = "web_article"
    COUNCIL_PRESS_RELEASE = "council_press_release"
    READER_COMMENT = "reader_comment"  # a comment under an article: never a news fact
    OFSTED_REPORT = "ofsted_report"
    OFSTED_LETTER = "ofsted_letter"
    OFFICIAL_STATISTICS = "official_statistics"
    DATASET = "dataset"
    WEB_PAGE = "web_page"  # a published page not stored here: cited by link, never by checked quote


@strawberry.enum
class DatePrecision(Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@strawberry.enum
class DateCertainty(Enum):
    STATED = "stated"
    ON_OR_BEFORE = "on_or_before"
    PLANNED = "planned"
    BETWEEN = "between"
    APPROXIMATE = "approximate"


@strawberry.type(description='A date known to a day, a month or a year: "2011-08" with MONTH.')
class PartialDate:
    date: str
    precision: DatePrecision
    certainty: DateCertainty | None


def partial_date(props: Row, prefix: str) -> PartialDate | None:
    """The `<prefix>_date` / `_precision` / `_certainty` properties as a PartialDate, or None."""
    date = props.get(f"{prefix}_date")
    if date is None:
        return None
    certainty = props.get(f"{prefix}_certainty")
    return PartialDate(
        date=date,
        precision=DatePrecision(props.get(f"{prefix}_precision") or "day"),
        certainty=DateCertainty(certainty) if certainty else None,
    )


@strawberry.type(description="A document, data file, article or reader comment that states facts.")
class Source:
    id: strawberry.ID
    kind: SourceKind
    title: str | None
    publisher: str | None
    published_date: str | None
    url: str | None
    author: str | None
    read_date: str | None = strawberry.field(description="A web page: the day its facts were read from it.")
    comment_on_id: strawberry.Private[str | None]

    @described("For a reader comment, the article it was posted under.")
    async def comment_on(self, info: Info) -> Source | None:
        if self.comment_on_id is None:
            return None
        row = await info.context.source.load(self.comment_on_id)
        return None if row is None else source_from(row["source"])


def source_from(props: Row) -> Source:
    """A Source from a Source node's properties."""
    return Source(
        id=strawberry.ID(props["id"]),
        kind=SourceKind(props["kind"]),
        title=props.get("title"),
        publisher=props.get("publisher"),
        published_date=props.get("published_date"),
        url=props.get("url"),
        author=props.get("author"),
        read_date=props.get("read_date"),
        comment_on_id=props.get("comment_on"),
    )


@strawberry.type(description="Where one source supports one fact: the quote and its place in the source.")
class Citation:
    quote: str | None
    page: int | None
    row: int | None
    field: str | None
    value: str | None = strawberry.field(description="The value as this source states it.")
    evidence: str | None = strawberry.field(description="For a tenure: what the source shows.")
    date: PartialDate | None = strawberry.field(description="The date the evidence speaks of.")
    source: Source
    note: str | None = strawberry.field(
        default=None, description="For a published web page: what it states, in the curator's words."
    )
    verified: bool = strawberry.field(
        default=True,
        description="True when the quote was found in a stored copy of the source by the loader; false for a "
        "published web page the project does not store (follow source.url to check it).",
    )


def citations_from(rows: list[Row]) -> list[Citation]:
    """Citations from the `{..., source: {...}}` maps the named queries return."""
    return [
        Citation(
            quote=r.get("quote"),
            page=r.get("page"),
            row=r.get("row"),
            field=r.get("field"),
            value=r.get("value"),
            evidence=r.get("evidence"),
            date=_citation_date(r),
            source=source_from(r["source"]),
            note=r.get("note"),
            verified=r["source"].get("kind") != "web_page",
        )
        for r in rows
    ]


def _citation_date(row: Row) -> PartialDate | None:
    if row.get("date") is None:
        return None
    certainty = row.get("certainty")
    return PartialDate(
        date=row["date"],
        precision=DatePrecision(row.get("precision") or "day"),
        certainty=DateCertainty(certainty) if certainty else None,
    )


@strawberry.type
class Judgement:
    area: str
    grade: Grade
    wording: str | None = strawberry.field(description="The grade as the winning source prints it.")
    conflict: bool = strawberry.field(description="True when the sources state different grades.")
    citation_rows: strawberry.Private[list[Row]]

    # Built only when asked for: a page of grades often does not ask for a judgement's sources.
    @usually_at_hand("_citations_at_hand")
    def citations(self) -> list[Citation]:
        return self._citations_at_hand()

    def _citations_at_hand(self) -> list[Citation]:
        return citations_from(self.citation_rows)


@strawberry.type
class Organisation:
    id: strawberry.ID
    name: str
    kind: str | None


@strawberry.type(description="A person's time in a role; dates are null where no source states them.")
class Tenure:
    id: strawberry.ID
    person: Person | None = strawberry.field(description="Null when the source does not name the holder.")
    role: Role
    title: str | None
    organisation: Organisation
    interim: bool | None
    start: PartialDate | None
    end: PartialDate | None
    evidence_from: str | None = strawberry.field(description="Earliest date a source shows them in post.")
    evidence_to: str | None = strawberry.field(description="Latest date a source shows them in post.")
    citations: list[Citation]


def tenure_from(row: Row) -> Tenure:
    """A Tenure from a `{tenure, person, organisation, citations}` row."""
    props = row["tenure"]
    person = row.get("person")
    org = row["organisation"]
    return Tenure(
        id=strawberry.ID(props["id"]),
        person=None if person is None else person_from(person),
        role=Role(props["role"]),
        title=props.get("title"),
        organisation=Organisation(id=strawberry.ID(org["id"]), name=org["name"], kind=org.get("kind")),
        interim=props.get("interim"),
        start=partial_date(props, "start"),
        end=partial_date(props, "end"),
        evidence_from=props.get("evidence_from"),
        evidence_to=props.get("evidence_to"),
        citations=citations_from(row.get("citations") or []),
    )


@strawberry.enum(description="What joins a person's posts at different organisations into one career.")
class CareerLink(Enum):
    ONE_ORGANISATION = "one_organisation"
    STATED = "stated"
    SAME_NAME = "same_name"


@strawberry.type
class Person:
    id: strawberry.ID
    name: str
    career_rows: strawberry.Private[list[Row] | None]

    @described("The career, across all employers, earliest known first.")
    async def tenures(self, info: Info) -> list[Tenure]:
        return [tenure_from(r) for r in await self._career(info)]

    @described(
        "ONE_ORGANISATION: every post is at one organisation. STATED: sources name this person at "
        "their organisations together (one article names the earlier posts), so the posts are one "
        "person's by the sources' word. SAME_NAME: some posts are joined to the rest only because "
        "the name is the same: likely the same person, not confirmed by any source."
    )
    async def career_link(self, info: Info) -> CareerLink:
        return career_link(await self._career(info))

    async def _career(self, info: Info) -> list[Row]:
        if self.career_rows is None:
            self.career_rows = await info.context.career.load(str(self.id))
        return self.career_rows


def career_link(career: list[Row]) -> CareerLink:
    """How a career's organisations are joined: by sources that cite posts at several, or by the name.

    Organisations are joined when one source cites this person's posts at both; the career is STATED
    when those joins connect every organisation, else SAME_NAME.
    """
    sources_by_org: dict[str, set[str]] = {}
    for row in career:
        cited = {c["source"]["id"] for c in row.get("citations") or []}
        sources_by_org.setdefault(row["organisation"]["id"], set()).update(cited)
    if len(sources_by_org) <= 1:
        return CareerLink.ONE_ORGANISATION
    first, *rest = sources_by_org.values()
    joined, pending = set(first), list(rest)
    while True:
        reached = [sources for sources in pending if sources & joined]
        if not reached:
            return CareerLink.SAME_NAME if pending else CareerLink.STATED
        for sources in reached:
            joined |= sources
            pending.remove(sources)


def person_from(props: Row, career: list[Row] | None = None) -> Person:
    """A Person from a Person node's properties, with its career rows when the query fetched them."""
    return Person(id=strawberry.ID(props["id"]), name=props["name"], career_rows=career)


@strawberry.type
class Inspection:
    id: strawberry.ID
    kind: InspectionKind
    framework: str | None
    start_date: str | None
    end_date: str | None
    published_date: str | None
    lead_inspector: str | None
    inspectors: list[str] = strawberry.field(
        description="The inspection team, lead first, where the report or letter lists it; else empty."
    )
    overall: Grade | None = strawberry.field(description="Null where the report gives none (visits).")
    theme: str | None
    report_url: str | None
    conflicts: list[str] = strawberry.field(description="Where the sources disagree on this event.")
    council_code: strawberry.Private[str]
    parent: strawberry.Private[Council | None]
    # The rows of the judgements and citations, or None where the query that found this inspection
    # gave only its properties (e.g. rating_changes): they are then fetched only if asked for. The
    # same for the leadership answers, which a council page's query brings when they are asked for.
    judgement_rows: strawberry.Private[list[Row] | None]
    citation_rows: strawberry.Private[list[Row] | None]
    answer_rows: strawberry.Private[list[Row] | None] = None

    # Each resolver below answers from the rows when they came with the inspection, and only
    # otherwise awaits a query (graphql-core awaits what a resolver returns when it is awaitable);
    # the `at_hand` method lets the execution's short path take the rows without the resolver.
    @usually_at_hand("_judgements_at_hand")
    def judgements(self, info: Info) -> list[Judgement]:
        ready = self._judgements_at_hand()
        if ready is not NOT_READY:
            return ready  # type: ignore[no-any-return]
        return self._fetched(info, "judgements", _judgements_from)  # type: ignore[return-value]

    @usually_at_hand("_citations_at_hand")
    def citations(self, info: Info) -> list[Citation]:
        ready = self._citations_at_hand()
        if ready is not NOT_READY:
            return ready  # type: ignore[no-any-return]
        return self._fetched(info, "citations", citations_from)  # type: ignore[return-value]

    @usually_at_hand(
        "_leadership_at_hand",
        "For the DCS and the chief executive at this graded inspection: named, unnamed, bounded by the "
        "nearest evidence, or none, with the answer in words; empty for visits and ungraded reports.",
    )
    def leadership(self, info: Info) -> list[Annotated[RoleAnswer, strawberry.lazy("api.leadership")]]:
        ready = self._leadership_at_hand()
        if ready is not NOT_READY:
            return ready  # type: ignore[no-any-return]
        # api.leadership builds its types on this module's, so it is imported where it is used.
        from api.leadership import role_answers

        return role_answers(info, str(self.id))  # type: ignore[return-value]

    def _judgements_at_hand(self) -> Any:
        rows = self.judgement_rows
        return NOT_READY if rows is None else _judgements_from(rows)

    def _citations_at_hand(self) -> Any:
        rows = self.citation_rows
        return NOT_READY if rows is None else citations_from(rows)

    def _leadership_at_hand(self) -> Any:
        if self.overall is None or self.kind not in ANSWERED_KINDS:
            return []
        if self.answer_rows is None:
            return NOT_READY
        from api.leadership import answer_from

        return [answer_from(row) for row in self.answer_rows]

    async def _fetched(self, info: Info, key: str, build: Callable[[list[Row]], list[Any]]) -> list[Any]:
        row = await info.context.inspection.load(str(self.id))
        # Found by the same request's query, so only a load running meanwhile can miss it.
        return build([] if row is None else row.get(key) or [])

    @strawberry.field
    async def council(self, info: Info) -> Council:
        if self.parent is not None:
            return self.parent
        row = await info.context.council.load(self.council_code)
        if row is None:
            # Found through its council, so only a load running meanwhile can get here.
            raise NotFoundError(f"no council {self.council_code}")
        return council_from(row)


def inspection_from(row: Row, parent: Council | None = None) -> Inspection:
    """An Inspection from a `{council_code, council?, inspection, judgements?, citations?}` row.

    A row without judgements and citations gives an inspection that fetches them when asked.
    """
    props = row["inspection"]
    overall = props.get("overall")
    if parent is None and row.get("council") is not None:
        parent = council_from({"council": row["council"]})
    return Inspection(
        id=strawberry.ID(props["id"]),
        kind=InspectionKind(props["kind"]),
        framework=props.get("framework"),
        start_date=props.get("start_date"),
        end_date=props.get("end_date"),
        published_date=props.get("published_date"),
        lead_inspector=props.get("lead_inspector"),
        inspectors=list(props.get("inspectors") or []),
        overall=Grade(overall) if overall else None,
        theme=props.get("theme"),
        report_url=props.get("report_url"),
        conflicts=list(props.get("conflicts") or []),
        council_code=row["council_code"],
        parent=parent,
        judgement_rows=row.get("judgements"),
        citation_rows=row.get("citations"),
        answer_rows=row.get("leadership"),
    )


def _judgements_from(rows: list[Row]) -> list[Judgement]:
    return [_judgement_from(j) for j in rows]


def _judgement_from(props: Row) -> Judgement:
    return Judgement(
        area=props["area"],
        grade=Grade(props["grade"]),
        wording=props.get("wording"),
        conflict=bool(props.get("conflict")),
        citation_rows=props.get("citations") or [],
    )


async def inspection_by_id(info: Info, inspection_id: str) -> Inspection | None:
    """One inspection, batched with the others the request asks for."""
    row = await info.context.inspection.load(inspection_id)
    return None if row is None else inspection_from(row)


@strawberry.type(description="A DfE improvement notice or statutory direction.")
class ImprovementNotice:
    id: strawberry.ID
    kind: str
    issued: PartialDate | None
    lifted: PartialDate | None
    review_interval: str | None
    review_scope: list[str]
    citations: list[Citation]


@strawberry.type
class ImprovementBoard:
    id: strawberry.ID
    name: str
    first_meeting: PartialDate | None
    citations: list[Citation]


def _notice_from(props: Row) -> ImprovementNotice:
    return ImprovementNotice(
        id=strawberry.ID(props["id"]),
        kind=props["kind"],
        issued=partial_date(props, "issued"),
        lifted=partial_date(props, "lifted"),
        review_interval=props.get("review_interval"),
        review_scope=list(props.get("review_scope") or []),
        citations=citations_from(props.get("citations") or []),
    )


def _board_from(props: Row) -> ImprovementBoard:
    return ImprovementBoard(
        id=strawberry.ID(props["id"]),
        name=props["name"],
        first_meeting=partial_date(props, "first_meeting"),
        citations=citations_from(props.get("citations") or []),
    )


@strawberry.enum
class InterventionKind(Enum):
    IMPROVEMENT_NOTICE = "improvement_notice"
    STATUTORY_DIRECTION = "statutory_direction"
    COMMISSIONER = "commissioner"
    CHILDRENS_TRUST = "childrens_trust"
    ALTERNATIVE_DELIVERY = "alternative_delivery"
    IMPROVEMENT_BOARD = "improvement_board"
    DFE_ADVISER = "dfe_adviser"


@strawberry.type(
    description="One dated thing that happened to an intervention, with the sources that state it."
)
class InterventionEvent:
    kind: str = strawberry.field(description="issued, lifted, revoked, appointed, set_up, first_meeting, ...")
    date: PartialDate | None
    note: str | None
    citations: list[Citation]


@strawberry.type(description="A person named in an intervention: commissioner, chair, adviser, trust leader.")
class InterventionRole:
    role: str
    person: Person


@strawberry.type(description="A DfE intervention at a council, each event citing its source.")
class Intervention:
    id: strawberry.ID
    kind: InterventionKind
    name: str | None
    start: PartialDate | None = strawberry.field(
        description="Issued, appointed or set up; null if no source says."
    )
    end: PartialDate | None = strawberry.field(
        description="Lifted, revoked or ended; null if no source says."
    )
    events: list[InterventionEvent]
    people: list[InterventionRole]
    citations: list[Citation]


def interventions_from(row: Row) -> list[Intervention]:
    """The interventions; a seed notice or board stands in unless a published one of its kind exists."""
    items = [_intervention_from(i) for i in row.get("interventions") or []]
    kinds = {i.kind for i in items}
    for notice in row["notices"]:
        kind = InterventionKind(notice["kind"])
        if kind not in kinds:
            items.append(_seed_intervention(notice, kind, "issued", "lifted"))
    if InterventionKind.IMPROVEMENT_BOARD not in kinds:
        items += [
            _seed_intervention(b, InterventionKind.IMPROVEMENT_BOARD, "first_meeting", None)
            for b in row["boards"]
        ]
    return sorted(items, key=lambda i: (i.start.date if i.start else "9999", str(i.id)))


def _intervention_from(props: Row) -> Intervention:
    citations = citations_from(props.get("citations") or [])
    events: dict[tuple[str, str | None], InterventionEvent] = {}
    for citation in citations:
        key = (citation.evidence or "stated", citation.date.date if citation.date else None)
        event = events.setdefault(
            key, InterventionEvent(kind=key[0], date=citation.date, note=citation.note, citations=[])
        )
        event.citations.append(citation)
    people = [
        InterventionRole(
            role=p["role"], person=Person(id=strawberry.ID(p["id"]), name=p["name"], career_rows=None)
        )
        for p in props.get("people") or []
    ]
    return Intervention(
        id=strawberry.ID(props["id"]),
        kind=InterventionKind(props["kind"]),
        name=props.get("name"),
        start=partial_date(props, "start"),
        end=partial_date(props, "end"),
        events=sorted(events.values(), key=lambda e: e.date.date if e.date else ""),
        people=people,
        citations=citations,
    )


def _seed_intervention(props: Row, kind: InterventionKind, opens: str, closes: str | None) -> Intervention:
    start, end = partial_date(props, opens), partial_date(props, closes) if closes else None
    citations = citations_from(props.get("citations") or [])
    events = [InterventionEvent(kind=opens, date=start, note=None, citations=citations)] if start else []
    if end is not None:
        events.append(InterventionEvent(kind=closes or "", date=end, note=None, citations=citations))
    return Intervention(
        id=strawberry.ID(props["id"]), kind=kind, name=props.get("name"), start=start, end=end,
        events=events, people=[], citations=citations,
    )  # fmt: skip


@strawberry.type
class Council:
    code: str = strawberry.field(description="The DfE LA code.")
    name: str
    la_code: str | None
    gss_code: str | None
    ofsted_urn: str | None
    region: str | None
    authority_type: str | None
    start_date: str | None
    end_date: str | None = strawberry.field(description="When a former council ceased; null if current.")
    current: bool
    predecessor_rows: strawberry.Private[list[Row] | None]
    successor_rows: strawberry.Private[list[Row] | None]

    @described(
        "Every inspection and visit, oldest first. `first` takes a page, `after` (the id of the last "
        "inspection you have) starts after it."
    )
    async def inspections(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> list[Inspection]:
        rows = await info.context.council_inspections.load(self.code)
        page = slice_after(rows, _row_inspection_id, first, after, info.context.limits)
        return [inspection_from(r, parent=self) for r in page]

    @described(
        "Leaders over time; `at` (YYYY-MM-DD) keeps those shown in post then. `first` takes a page, "
        "`after` (the id of the last tenure you have) starts after it."
    )
    async def tenures(
        self,
        info: Info,
        role: Role | None = None,
        at: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> list[Tenure]:
        if at is None:
            tenures = [tenure_from(r) for r in await info.context.council_tenures.load(self.code)]
        else:
            tenures = await self._tenures_on(info, at)
        held = [t for t in tenures if role is None or t.role == role]
        return slice_after(held, _tenure_id, first, after, info.context.limits)

    async def _tenures_on(self, info: Info, at: str) -> list[Tenure]:
        if not ISO_DAY.match(at):
            raise BadArgumentError(f"at must be a date like 2017-06-13, not {at[:20]!r}")
        rows = await info.context.db.named("leaders_on_date", council_code=self.code, on_date=at)
        return [tenure_from(r) for r in rows]

    @strawberry.field
    async def improvement_notices(self, info: Info) -> list[ImprovementNotice]:
        row = await info.context.notices_boards.load(self.code)
        return [] if row is None else [_notice_from(n) for n in row["notices"]]

    @strawberry.field
    async def improvement_boards(self, info: Info) -> list[ImprovementBoard]:
        row = await info.context.notices_boards.load(self.code)
        return [] if row is None else [_board_from(b) for b in row["boards"]]

    @described(
        "Every DfE intervention at this council: notices, directions, commissioners, trusts and other "
        "delivery, improvement boards and advisers, oldest first; improvement notices and boards from "
        "the seed facts are listed here too unless published evidence describes one of the same kind."
    )
    async def interventions(self, info: Info) -> list[Intervention]:
        row = await info.context.notices_boards.load(self.code)
        return [] if row is None else interventions_from(row)

    @described("The councils this one replaced.")
    async def predecessors(self, info: Info) -> list[Council]:
        rows = self.predecessor_rows
        if rows is None:
            rows = (await self._links(info))["predecessors"]
        return [council_from({"council": r}) for r in rows]

    @described("The councils that replaced this one.")
    async def successors(self, info: Info) -> list[Council]:
        rows = self.successor_rows
        if rows is None:
            rows = (await self._links(info))["successors"]
        return [council_from({"council": r}) for r in rows]

    async def _links(self, info: Info) -> Row:
        row = await info.context.council.load(self.code)
        return row or {"predecessors": [], "successors": []}


def _row_inspection_id(row: Row) -> str:
    return str(row["inspection"]["id"])


def _tenure_id(tenure: Tenure) -> str:
    return str(tenure.id)


def council_from(row: Row) -> Council:
    """A Council from a `{council, predecessors?, successors?}` row (links missing = load later)."""
    props: dict[str, Any] = row["council"]
    return Council(
        code=props["code"],
        name=props["name"],
        la_code=props.get("la_code"),
        gss_code=props.get("gss_code"),
        ofsted_urn=props.get("ofsted_urn"),
        region=props.get("region"),
        authority_type=props.get("authority_type"),
        start_date=props.get("start_date"),
        end_date=props.get("end_date"),
        current=bool(props.get("current", props.get("end_date") is None)),
        predecessor_rows=row.get("predecessors"),
        successor_rows=row.get("successors"),
    )

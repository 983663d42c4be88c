"""The read-only GraphQL schema: the root questions, and the extensions that bound every request."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterable, Iterator
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors, ParserCache, SchemaExtension, ValidationCache

from api.across import AcrossQuery
from api.context import answer_inspection, grouped
from api.database import Row
from api.errors import BadArgumentError, NotFoundError, PublicError, ServiceUnavailableError
from api.execution import PlainDataExecution
from api.graphql_types import (
    Council,
    Grade,
    Info,
    Inspection,
    Person,
    Role,
    Source,
    Tenure,
    council_from,
    described,
    inspection_by_id,
    inspection_from,
    person_from,
    source_from,
    tenure_from,
)
from api.leadership import RoleAnswer, role_answers
from api.limits import Limits, limit_extensions
from api.paging import PageInfo, decode_cursor, encode_cursor

logger = logging.getLogger(__name__)

# A GET answer is the same for everyone until the next load, so browsers and CDNs may keep it.
GET_CACHE_CONTROL = "public, max-age=300"


@strawberry.type
class CouncilEdge:
    cursor: str
    node: Council


@strawberry.type
class CouncilConnection:
    edges: list[CouncilEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type(description="For one role, who the sources show in post at each inspection.")
class RoleChange:
    role: Role
    before: list[Tenure]
    between: list[Tenure] = strawberry.field(
        description="Holders shown taking up the post after the first inspection and by the second."
    )
    after: list[Tenure]
    changed: bool | None = strawberry.field(
        description="True where someone took up the post in between or two named holders differ; false where "
        "one tenure covers both; null where the evidence cannot tell."
    )
    inspection_ids: strawberry.Private[tuple[str, str]]

    @described("The DCS's or chief executive's answer at the earlier inspection; null for other roles.")
    async def at_from(self, info: Info) -> RoleAnswer | None:
        return await _answer_for(info, self.inspection_ids[0], self.role)

    @described("The DCS's or chief executive's answer at the later inspection; null for other roles.")
    async def at_to(self, info: Info) -> RoleAnswer | None:
        return await _answer_for(info, self.inspection_ids[1], self.role)


async def _answer_for(info: Info, inspection_id: str, role: Role) -> RoleAnswer | None:
    return next((a for a in await role_answers(info, inspection_id) if a.role is role), None)


@strawberry.type
class LeadershipChanges:
    from_: Inspection = strawberry.field(name="from")
    to: Inspection
    roles: list[RoleChange]


@strawberry.type
class RatedLeadership:
    inspection: Inspection
    leaders: list[Tenure]

    @described(
        "For the DCS and the chief executive: named, unnamed, bounded by the nearest evidence, or none."
    )
    async def roles(self, info: Info) -> list[RoleAnswer]:
        return await role_answers(info, str(self.inspection.id))


@strawberry.type(description="One source's statement in a disagreement.")
class ConflictStatement:
    value: str | None
    quote: str | None
    row: int | None
    page: int | None
    source_id: strawberry.Private[str]

    @strawberry.field
    async def source(self, info: Info) -> Source:
        row = await info.context.source.load(self.source_id)
        if row is None:
            raise NotFoundError(f"no source {self.source_id}")
        return source_from(row["source"])


@strawberry.type(description="Where sources disagree about an inspection: a grade, a date or the inspector.")
class Conflict:
    council_code: str
    field: str = strawberry.field(description="The judgement area, or 'inspection' for its dates/inspector.")
    detail: str
    statements: list[ConflictStatement]
    inspection_id: strawberry.Private[str]

    @strawberry.field
    async def inspection(self, info: Info) -> Inspection:
        found = await inspection_by_id(info, self.inspection_id)
        if found is None:
            raise NotFoundError(f"no inspection {self.inspection_id}")
        return found


@strawberry.type
class DatasetCount:
    kind: str
    count: int


@strawberry.type(description="The load the graph holds: when it was written and what it holds.")
class Dataset:
    loaded_at: str = strawberry.field(description="When the load was written (UTC, ISO 8601).")
    content_hash: str = strawberry.field(description="A digest of everything loaded; changes with the data.")
    counts: list[DatasetCount]


def _dataset_from(props: Row) -> Dataset:
    counts = json.loads(props["counts"])
    return Dataset(
        loaded_at=props["loaded_at"],
        content_hash=props["content_hash"],
        counts=[DatasetCount(kind=k, count=int(v)) for k, v in sorted(counts.items())],
    )


@strawberry.type
class Query(AcrossQuery):
    @described('By DfE LA code ("916"), ONS code ("E10000013") or Ofsted URN ("80470").')
    async def council(self, info: Info, code: str) -> Council | None:
        parts = _council_parts(info)
        if not parts:
            row = await info.context.council.load(code)
            return None if row is None else council_from(row)
        # The council and every list the request asks of it in one query (one wait on Neo4j); the
        # dataset field of the same request takes the load from it (see dataset below).
        db = info.context.db
        page = asyncio.ensure_future(db.named("council_page", code=code, parts=sorted(parts)))
        info.context.page = page
        # The inspections' leadership answers (the widgets show them) are asked alongside, not after.
        answers = (
            db.named("leadership_answers", inspection_ids=None, council_code=code)
            if "inspections" in parts and _asks_leadership(info)
            else None
        )
        if answers is None:
            rows = await page
        else:
            rows, answer_rows = await asyncio.gather(page, answers)
        if not rows:
            return None
        (row,) = rows
        if answers is not None:
            _with_answers(row, answer_rows)
        _prime_council_parts(info, code, row, parts)
        return council_from(row)

    @described("Councils by name, region and latest grade, ordered by name.")
    async def councils(
        self,
        info: Info,
        search: str | None = None,
        region: str | None = None,
        grade: Grade | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> CouncilConnection:
        limits: Limits = info.context.limits
        size = limits.default_page_size if first is None else first
        if not 0 <= size <= limits.max_page_size:
            raise BadArgumentError(f"first must be between 0 and {limits.max_page_size}")
        skip = 0 if after is None else decode_cursor(after) + 1
        (row,) = await info.context.db.named(
            "councils",
            search=search,
            region=region,
            grade=None if grade is None else grade.value,
            skip=skip,
            limit=size,
        )
        return _connection(row, skip)

    @strawberry.field
    async def inspection(self, info: Info, id: strawberry.ID) -> Inspection | None:
        return await inspection_by_id(info, str(id))

    @described("By id, or by exact name when only one person has it.")
    async def person(
        self,
        info: Info,
        id: strawberry.ID | None = None,
        name: str | None = None,
    ) -> Person | None:
        if id is None and name is None:
            raise BadArgumentError("give a person's id or name")
        rows = await info.context.db.named(
            "person", person_id=None if id is None else str(id), name=None if id is not None else name
        )
        if len(rows) > 1:
            ids = ", ".join(r["person"]["id"] for r in rows)
            raise BadArgumentError(f"several people are named {name!r} ({ids}); ask by id")
        return person_from(rows[0]["person"], rows[0]["career"]) if rows else None

    @described("For each role, who was in post at each inspection, and whether it changed.")
    async def leadership_changes(
        self, info: Info, council_code: str, from_inspection: strawberry.ID, to_inspection: strawberry.ID
    ) -> LeadershipChanges:
        # The two inspections come in one batched query run alongside the changes, not after them.
        rows, (before, after) = await asyncio.gather(
            info.context.db.named(
                "leadership_changes",
                council_code=council_code,
                from_inspection=str(from_inspection),
                to_inspection=str(to_inspection),
            ),
            info.context.inspection.load_many([str(from_inspection), str(to_inspection)]),
        )
        if not rows or before is None or after is None:
            raise NotFoundError(
                f"council {council_code} has no inspection {from_inspection} or {to_inspection}"
            )
        return LeadershipChanges(
            from_=inspection_from(before),
            to=inspection_from(after),
            roles=[_role_change(r, (str(from_inspection), str(to_inspection))) for r in rows],
        )

    @described(
        "Each inspection with this overall grade, and the leaders in post then; every council's "
        "when councilCode is null, in date order."
    )
    async def leaders_when_rated(
        self, info: Info, council_code: str | None = None, *, grade: Grade
    ) -> list[RatedLeadership]:
        rows = await info.context.db.named("leaders_when_rated", council_code=council_code, grade=grade.value)
        return [
            RatedLeadership(inspection=inspection_from(r), leaders=[tenure_from(t) for t in r["leaders"]])
            for r in rows
        ]

    @described("The load the graph holds now (its date and version); null before the first load.")
    async def dataset(self, info: Info) -> Dataset | None:
        page: asyncio.Future[list[Row]] | None = info.context.page
        if page is not None:
            # A council page asked in the same request reads the load too (queries/council_page).
            page_rows = await page
            if page_rows:
                load = page_rows[0]["load"]
                return None if load is None else _dataset_from(load)
        rows = await info.context.db.named("dataset")
        return _dataset_from(rows[0]["load"]) if rows else None

    @described("Where sources disagree, for one council or all.")
    async def conflicts(self, info: Info, council_code: str | None = None) -> list[Conflict]:
        rows = await info.context.db.named("source_conflicts", council_code=council_code)
        return [_conflict_from(r) for r in rows]


# The per-council lists a council field may ask for, and the part of council_page that holds each.
COUNCIL_PAGE_PARTS = ("inspections", "tenures", "notices_boards")
_COUNCIL_PARTS = {
    "inspections": "inspections",
    "tenures": "tenures",
    "improvementNotices": "notices_boards",
    "improvementBoards": "notices_boards",
    "interventions": "notices_boards",
}


def _council_parts(info: Info) -> set[str]:
    """The lists this council field asks for directly (not in fragments, nor `tenures(at:)` and pages).

    Read from the document's own nodes: strawberry's `selected_fields` converts the whole selection
    first, which cost more than the answer's smaller fields.
    """
    return {
        _COUNCIL_PARTS[name]
        for name, selection in _direct_fields(info._raw_info.field_nodes)
        if name in _COUNCIL_PARTS and not getattr(selection, "arguments", None)
    }


def _asks_leadership(info: Info) -> bool:
    """True when the council field's `inspections` (written directly, no fragment) asks for `leadership`."""
    return any(
        inner == "leadership"
        for name, selection in _direct_fields(info._raw_info.field_nodes)
        if name == "inspections"
        for inner, _ in _direct_fields([selection])
    )


def _direct_fields(nodes: Iterable[Any]) -> Iterator[tuple[str, Any]]:
    """(name, node) of each selection written directly under these nodes (a fragment has no name)."""
    for node in nodes:
        selection_set = getattr(node, "selection_set", None)
        for selection in selection_set.selections if selection_set else ():
            yield getattr(getattr(selection, "name", None), "value", ""), selection


def _with_answers(row: Row, answer_rows: list[Row]) -> None:
    """Put each inspection's leadership answers in its row, where Inspection.leadership finds them."""
    groups = grouped(answer_rows, answer_inspection)
    for inspection in row["inspections"]:
        inspection["leadership"] = groups[inspection["inspection"]["id"]]


def _prime_council_parts(info: Info, code: str, row: Row, parts: set[str]) -> None:
    """Hand the page's lists to the loaders the Council fields read them from (keyed by DfE code)."""
    context = info.context
    council_code = row["council"]["code"]
    context.council.prime(code, {"code": code, **row})
    if "inspections" in parts:
        context.council_inspections.prime(council_code, row["inspections"])
    if "tenures" in parts:
        context.council_tenures.prime(council_code, row["tenures"])
    if "notices_boards" in parts:
        context.notices_boards.prime(
            council_code,
            {
                "council_code": council_code,
                "notices": row["notices"],
                "boards": row["boards"],
                "interventions": row["interventions"],
            },
        )


def _connection(row: Row, skip: int) -> CouncilConnection:
    total = int(row["total"])
    councils = [council_from({"council": c, **c}) for c in row["councils"]]
    edges = [CouncilEdge(cursor=encode_cursor(skip + i), node=c) for i, c in enumerate(councils)]
    return CouncilConnection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=skip + len(edges) < total,
            has_previous_page=skip > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )


def _role_change(row: Row, inspection_ids: tuple[str, str]) -> RoleChange:
    return RoleChange(
        inspection_ids=inspection_ids,
        role=Role(row["role"]),
        before=[tenure_from(x) for x in row["before"]],
        between=[tenure_from(x) for x in row["between"]],
        after=[tenure_from(x) for x in row["after"]],
        changed=row["changed"],
    )


def _conflict_from(row: Row) -> Conflict:
    return Conflict(
        council_code=row["council_code"],
        field=row["field"],
        detail=row["detail"],
        statements=[
            ConflictStatement(
                value=s.get("value"),
                quote=s.get("quote"),
                row=s.get("row"),
                page=s.get("page"),
                source_id=s["source"],
            )
            for s in row["statements"]
        ],
        inspection_id=row["inspection_id"],
    )


class HttpStatus(SchemaExtension):
    """503 when Neo4j did not answer; a Cache-Control header on successful GET queries."""

    def on_operation(self) -> Iterator[None]:
        yield
        context = self.execution_context.context
        result = self.execution_context.result
        errors = (result.errors if result is not None else None) or []
        if any(isinstance(e.original_error, ServiceUnavailableError) for e in errors):
            context.response.status_code = 503
        elif not errors and context.request.method == "GET":
            context.response.headers["Cache-Control"] = GET_CACHE_CONTROL


def should_mask(error: GraphQLError) -> bool:
    """Mask any error raised by code (logging it first); keep syntax, validation and our own errors."""
    original = error.original_error
    if original is None or isinstance(original, PublicError):
        return False
    logger.error("masked error at %s: %r", error.path, original, exc_info=original)
    return True


def build_schema(limits: Limits) -> strawberry.Schema:
    """The schema with its bounds: masked errors, depth/alias/token limits, parse and validation caches."""
    return strawberry.Schema(
        query=Query,
        # Attribute-only fields completed without graphql-core's per-field machinery (api/execution.py).
        execution_context_class=PlainDataExecution,
        extensions=[
            lambda: MaskErrors(should_mask_error=should_mask, error_message="internal error"),
            *limit_extensions(limits),
            # Widgets send the same few documents over and over; both caches are bounded LRUs, and
            # parsing still honours the token limit (a refused document is never cached).
            ParserCache,
            ValidationCache,
            HttpStatus,
        ],
    )

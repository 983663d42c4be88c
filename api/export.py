"""CSV downloads of the questions across councils: `GET /export/<question>.csv?<params>`.

Each export runs the question's GraphQL query through the API's own schema (the same resolvers,
bounds and errors as /graphql), then writes one row per item in a fixed column order, with a
`sources` column. UTF-8 with a byte-order mark, so Excel shows names with accents right.
`ofsted-graph export` writes the same bytes from the command line.

Parameters are the question's GraphQL arguments by name (`from=INADEQUATE&to=GOOD`), with the
filter's fields given flat (`frameworks=ILACS standard&frameworks=ILACS short`, or comma-separated);
where a question has an argument of the same name as a filter field (gradeCounts' `area`), the
filter's is `filter.area`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import strawberry
from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from starlette.types import Scope

from api.context import Context
from api.database import Database
from api.errors import ExportError, ServiceUnavailableError
from api.limits import Limits
from api.schema import build_schema

Item = dict[str, Any]

# The filter's fields and whether each takes a list.
FILTER_FIELDS: dict[str, bool] = {
    "councilCode": False,
    "region": False,
    "kinds": True,
    "frameworks": True,
    "overall": True,
    "area": False,
    "areaGrade": True,
    "publishedFrom": False,
    "publishedTo": False,
    "currentCouncilsOnly": False,
}
SOURCE = "sources { id url }"
CITED = "citations { source { id url } }"
INSPECTION = (
    "id kind framework startDate endDate publishedDate overall leadInspector reportUrl "
    f"council {{ code name region }} judgements {{ area grade {CITED} }} {CITED}"
)
TENURE = f"role interim person {{ id name }} organisation {{ name }} {CITED}"
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Question:
    """One list question as a CSV: its GraphQL arguments, what it asks, and how an item is a row."""

    name: str
    arguments: dict[str, str]  # argument -> GraphQL type, filter excluded
    selection: str
    columns: tuple[str, ...]
    row: Callable[[Item], Sequence[object]]
    filtered: bool = True
    items: Callable[[Any], list[Item]] = field(default=lambda data: list(data))
    paged: bool = False


def sources_cell(*cited: Iterable[Item]) -> str:
    """Each source once, as its URL where it has one, else its id, in the order first cited."""
    seen: dict[str, None] = {}
    for citations in cited:
        for c in citations:
            source = c.get("source", c)
            seen[source.get("url") or source["id"]] = None
    return "; ".join(seen)


def _cited(i: Item) -> list[list[Item]]:
    """The citations of an inspection and of each of its judgements."""
    return [i["citations"], *(j["citations"] for j in i["judgements"])]


def _inspection_row(i: Item) -> list[object]:
    judgements = "; ".join(f"{j['area']}: {j['grade']}" for j in i["judgements"])
    council = i["council"]
    return [
        council["code"], council["name"], council["region"], i["id"], i["kind"], i["framework"],
        i["startDate"], i["endDate"], i["publishedDate"], i["overall"], i["leadInspector"], judgements,
        i["reportUrl"], sources_cell(*_cited(i)),
    ]  # fmt: skip


INSPECTION_COLUMNS = (
    "council_code", "council_name", "region", "inspection_id", "kind", "framework", "start_date",
    "end_date", "published_date", "overall", "lead_inspector", "judgements", "report_url", "sources",
)  # fmt: skip


def _leader(t: Item) -> str:
    name = (t["person"] or {}).get("name") or "(not named)"
    interim = ", interim" if t["interim"] else ""
    return f"{name} ({t['role'].lower()}{interim}, {t['organisation']['name']})"


def _ids(inspections: list[Item]) -> str:
    return "; ".join(i["id"] for i in inspections)


QUESTIONS: dict[str, Question] = {
    q.name: q
    for q in (
        Question(
            "inspections",
            {"sort": "InspectionSort"},
            f"totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{ {INSPECTION} }} }}",
            INSPECTION_COLUMNS,
            _inspection_row,
            paged=True,
        ),
        Question(
            "ratingChanges",
            {"from": "Grade!", "to": "Grade!", "consecutive": "Boolean"},
            f"council {{ code name }} from {{ {INSPECTION} }} to {{ {INSPECTION} }} "
            "skipped { id } via { id }",
            (
                "council_code", "council_name", "from_inspection_id", "from_published_date", "from_overall",
                "to_inspection_id", "to_published_date", "to_overall", "via", "skipped", "sources",
            ),
            lambda r: [
                r["council"]["code"], r["council"]["name"], r["from"]["id"], r["from"]["publishedDate"],
                r["from"]["overall"], r["to"]["id"], r["to"]["publishedDate"], r["to"]["overall"],
                _ids(r["via"]), _ids(r["skipped"]),
                sources_cell(*_cited(r["from"]), *_cited(r["to"])),
            ],
        ),
        Question(
            "leadersWhenRated",
            {"councilCode": "String", "grade": "Grade!"},
            f"inspection {{ {INSPECTION} }} leaders {{ {TENURE} }}",
            (
                "council_code", "council_name", "inspection_id", "framework", "published_date", "overall",
                "leaders", "sources",
            ),
            lambda r: [
                r["inspection"]["council"]["code"], r["inspection"]["council"]["name"], r["inspection"]["id"],
                r["inspection"]["framework"], r["inspection"]["publishedDate"], r["inspection"]["overall"],
                "; ".join(_leader(t) for t in r["leaders"]),
                sources_cell(*_cited(r["inspection"]), *(t["citations"] for t in r["leaders"])),
            ],
            filtered=False,
        ),
        Question(
            "leadershipTurnover",
            {"role": "Role!", "grade": "Grade!", "monthsBefore": "Int", "monthsAfter": "Int"},
            "items { status reason ratedOn windowFrom windowTo council { code name } "
            f"inspection {{ id framework }} holders {{ {TENURE} }} }}",
            (
                "council_code", "council_name", "inspection_id", "framework", "rated_on", "window_from",
                "window_to", "status", "reason", "holders", "sources",
            ),
            lambda r: [
                r["council"]["code"], r["council"]["name"], r["inspection"]["id"],
                r["inspection"]["framework"], r["ratedOn"], r["windowFrom"], r["windowTo"], r["status"],
                r["reason"],
                "; ".join(_leader(t) for t in r["holders"]),
                sources_cell(*(t["citations"] for t in r["holders"])),
            ],
            items=lambda data: list(data["items"]),
        ),
        Question(
            "peopleWhoLed",
            {"role": "Role!", "grade": "Grade!", "minCouncils": "Int"},
            f"person {{ id name careerLink }} councilCount councils {{ code name }} inspections {{ id }} "
            f"tenures {{ {TENURE} }}",
            ("person_id", "name", "career_link", "council_count", "councils", "inspections", "sources"),
            lambda r: [
                r["person"]["id"], r["person"]["name"], r["person"]["careerLink"], r["councilCount"],
                "; ".join(f"{c['name']} ({c['code']})" for c in r["councils"]), _ids(r["inspections"]),
                sources_cell(*(t["citations"] for t in r["tenures"])),
            ],
            filtered=False,
        ),
        Question(
            "gradeCounts",
            {"area": "String", "by": "GradeCountBy"},
            f"key grade count {SOURCE}",
            ("key", "grade", "count", "sources"),
            lambda r: [r["key"], r["grade"], r["count"], sources_cell(r["sources"])],
        ),
        Question(
            "inspectorCounts",
            {"first": "Int"},
            f"name count {SOURCE}",
            ("name", "count", "sources"),
            lambda r: [r["name"], r["count"], sources_cell(r["sources"])],
        ),
        Question(
            "search",
            {"text": "String!", "first": "Int"},
            f"kind id label score source {{ id url }} person {{ tenures {{ {CITED} }} }}",
            ("kind", "id", "label", "score", "sources"),
            lambda r: [
                r["kind"], r["id"], r["label"], r["score"],
                sources_cell([r["source"]] if r["source"] else [],
                             *(t["citations"] for t in (r["person"] or {}).get("tenures", []))),
            ],
            filtered=False,
        ),
    )
}  # fmt: skip


def document(question: Question, given: Iterable[str], paged_after: bool = False) -> str:
    """The GraphQL query asking this question with the arguments given (the rest keep defaults)."""
    arguments = [a for a in question.arguments if a in given]
    if question.filtered:
        arguments.append("filter")
    if question.paged:
        arguments += ["first"] + (["after"] if paged_after else [])
    types = {**question.arguments, "filter": "InspectionFilter", "first": "Int", "after": "String"}
    declared = ", ".join(f"${a}: {types[a]}" for a in arguments)
    passed = ", ".join(f"{a}: ${a}" for a in arguments)
    head = f"query Export({declared})" if declared else "query Export"
    call = f"{question.name}({passed})" if passed else question.name
    return f"{head} {{ {call} {{ {question.selection} }} }}"


def variables(question: Question, params: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """The query's variables from URL-style parameters: arguments by name, filter fields flat.

    Raises:
        ExportError: a parameter the question does not take, or a number that is not a number.
    """
    values: dict[str, Any] = {}
    flt: dict[str, Any] = {}
    for key, raw in params:
        if key in question.arguments:
            values[key] = _typed(key, question.arguments[key], raw)
        elif question.filtered and key.removeprefix("filter.") in FILTER_FIELDS:
            name = key.removeprefix("filter.")
            if FILTER_FIELDS[name]:
                flt.setdefault(name, []).extend(v.strip() for v in raw.split(",") if v.strip())
            else:
                flt[name] = _typed(key, "Boolean" if name == "currentCouncilsOnly" else "String", raw)
        else:
            known = [*question.arguments, *(FILTER_FIELDS if question.filtered else ())]
            raise ExportError(
                400, f"{question.name} takes no parameter {key[:40]!r}; it takes {', '.join(known)}"
            )
    if question.filtered:
        values["filter"] = flt
    return values


def _typed(key: str, graphql_type: str, raw: str) -> object:
    kind = graphql_type.rstrip("!")
    if kind == "Int":
        if not raw.strip().lstrip("-").isdigit():
            raise ExportError(400, f"{key} must be a whole number, not {raw[:20]!r}")
        return int(raw)
    if kind == "Boolean":
        if raw.lower() not in {"true", "false"}:
            raise ExportError(400, f"{key} must be true or false, not {raw[:20]!r}")
        return raw.lower() == "true"
    return raw


@cache
def export_schema(limits: Limits) -> strawberry.Schema:
    """The API's own schema with these bounds, built once."""
    return build_schema(limits)


async def _ask(context: Context, query: str, values: dict[str, Any]) -> Any:
    result = await export_schema(context.limits).execute(query, variable_values=values, context_value=context)
    errors = result.errors or []
    if any(isinstance(e.original_error, ServiceUnavailableError) for e in errors):
        raise ExportError(503, errors[0].message)
    if errors:
        raise ExportError(400, errors[0].message)
    return result.data or {}


async def export_items(context: Context, question: Question, params: Sequence[tuple[str, str]]) -> list[Item]:
    """Every item of the answer: all pages of a paged question, up to the limits' export cap."""
    values = variables(question, params)
    given = {key for key, _ in params}
    if not question.paged:
        data = await _ask(context, document(question, given), values)
        return question.items(data[question.name])
    items: list[Item] = []
    after: str | None = None
    while True:
        page_values = {**values, "first": context.limits.max_page_size, **({"after": after} if after else {})}
        data = (await _ask(context, document(question, given, after is not None), page_values))[question.name]
        if data["totalCount"] > context.limits.max_export_rows:
            raise ExportError(
                400,
                f"{question.name} matches {data['totalCount']} rows; an export holds at most "
                f"{context.limits.max_export_rows}: narrow the filter",
            )
        items += [edge["node"] for edge in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            return items
        after = data["pageInfo"]["endCursor"]


def csv_bytes(question: Question, items: list[Item]) -> bytes:
    """The rows as CSV: a header, one row per item, UTF-8 with a byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(question.columns)
    for item in items:
        writer.writerow([_cell(value) for value in question.row(item)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    # A leading apostrophe makes a spreadsheet show text that would otherwise run as a formula.
    return "'" + text if text.startswith(FORMULA_START) else text


def question_named(name: str) -> Question:
    """The question by its GraphQL name.

    Raises:
        ExportError: no such question (404, naming those there are).
    """
    if name not in QUESTIONS:
        raise ExportError(404, f"no export {name[:40]!r}; there are {', '.join(QUESTIONS)}")
    return QUESTIONS[name]


async def export_csv(
    db: Database, limits: Limits, name: str, params: Sequence[tuple[str, str]], request: Request | None = None
) -> bytes:
    """The CSV of one question's answer, as `GET /export/<name>.csv` sends it.

    Raises:
        ExportError: an unknown question or parameter, an argument the API refuses, or Neo4j down.
    """
    question = question_named(name)
    context = Context(db, limits)
    # The schema's HttpStatus extension reads the request and writes caching headers on the response.
    context.request = request or Request(_COMMAND_LINE_SCOPE)
    context.response = Response()
    return csv_bytes(question, await export_items(context, question, params))


_COMMAND_LINE_SCOPE: Scope = {
    "type": "http",
    "method": "GET",
    "path": "/export",
    "headers": [],
    "query_string": b"",
}

router = APIRouter()


@router.get("/export/{name}.csv", include_in_schema=False)
async def export(request: Request, name: str) -> Response:
    """One question's answer as a CSV download."""
    try:
        limits: Limits = request.app.state.limits
        body = await export_csv(
            request.app.state.db, limits, name, request.query_params.multi_items(), request
        )
    except ExportError as exc:
        return JSONResponse({"errors": [{"message": str(exc)}]}, status_code=exc.status)
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{name}.csv"',
            "Cache-Control": "public, max-age=300",
        },
    )

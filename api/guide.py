"""The Neo4j Browser guide listing the named queries, served for `:play http://<api>/browser-guide`.

graph/server.py writes `Settings.browser_post_connect_cmd` into neo4j.conf, so Browser plays it after
connecting (`browser.post_connect_cmd`). Browser fetches
the page, keeps the `<title>`, and shows each `<slide>` in turn. A `data-exec` element runs a Browser
command when clicked (here `:params {...}`, the query's example parameters); clicking a
`pre.runnable` puts its Cypher in the editor.
"""

from __future__ import annotations

import html
from functools import cache

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from graph.named_queries import NamedQuery, load_queries
from graph.settings import BROWSER_GUIDE_PATH

TITLE = "ofsted-graph: the named queries"

# Gloucestershire, the council the project's three questions are pinned to, so that every example
# returns rows on the bundled data. A parameter not listed here is set to null (every named query
# treats a null filter as "all" or returns nothing).
EXAMPLES: dict[str, object] = {
    "code": "916",
    "codes": ["916"],
    "council_code": "916",
    "council_codes": ["916"],
    "grade": "INADEQUATE",
    "on_date": "2017-06-13",
    "from_inspection": "916/inspection/2017-06-13",
    "to_inspection": "916/inspection/2022-04-01",
    "inspection_ids": ["916/inspection/2017-06-13"],
    "person_id": "chris-spencer",
    "person_ids": ["chris-spencer"],
    "search": "Gloucestershire",
    "skip": 0,
    "limit": 20,
    "parts": ["inspections", "tenures", "notices_boards"],
}

# The questions across councils (issue 14) ask about every council, so their examples do too: an
# example for each, set for that query only (a parameter not listed falls back to EXAMPLES).
ACROSS_FILTER: dict[str, object] = {
    "council_code": None,
    "frameworks": ["ILACS standard", "ILACS short"],
    "sort": "PUBLISHED_DESC",
    "months_before": 12,
    "months_after": 12,
}
QUERY_EXAMPLES: dict[str, dict[str, object]] = {
    "inspections_filtered": {**ACROSS_FILTER, "overall": ["INADEQUATE"]},
    "rating_changes": {**ACROSS_FILTER, "from_grade": "INADEQUATE", "to_grade": "GOOD", "consecutive": True},
    "leadership_turnover": {**ACROSS_FILTER, "frameworks": None, "role": "director_of_childrens_services"},
    "people_who_led": {"role": "director_of_childrens_services", "grade": "GOOD", "min_councils": 1},
    "grade_counts": {
        **ACROSS_FILTER,
        "current_only": True,
        "count_area": "overall_effectiveness",
        "by": "YEAR",
    },
    "inspector_counts": {**ACROSS_FILTER, "limit": 10},
    "search": {"query": "(spencer OR spencer*)", "limit": 10},
}

router = APIRouter()


@router.get(BROWSER_GUIDE_PATH, response_class=HTMLResponse, include_in_schema=False)
async def browser_guide() -> HTMLResponse:
    """The guide page: one slide listing every named query, then one slide per query."""
    return HTMLResponse(guide_html(), headers={"Cache-Control": "no-cache"})


@cache
def guide_html() -> str:
    """The whole guide as HTML (the queries are read once per process, so the page is too)."""
    queries = list(load_queries().values())
    slides = [_contents_slide(queries), *(_query_slide(q) for q in queries)]
    return (
        f"<!DOCTYPE html>\n<html><head><title>{TITLE}</title></head><body>\n"
        '<article class="guide">\n<carousel class="deck container-fluid">\n'
        + "\n".join(slides)
        + "\n</carousel>\n</article>\n</body></html>\n"
    )


def _contents_slide(queries: list[NamedQuery]) -> str:
    items = "".join(f"<li><b>{_e(q.name)}</b>: {_e(q.description)}</li>" for q in queries)
    return _slide(
        "Named queries",
        "The questions the GraphQL API answers, as Cypher you can run here. Each slide sets example "
        "parameters (Gloucestershire; every council for the questions across councils) with one click; "
        "click the Cypher to put it in the editor.",
        f"<ul>{items}</ul>",
    )


def _query_slide(query: NamedQuery) -> str:
    rows = "".join(
        f"<tr><td><code>{_e(p.name)}</code></td><td>{_e(p.type)}</td><td>{_e(p.description)}</td></tr>"
        for p in query.params
    )
    params = (
        f'<table class="table"><tr><th>parameter</th><th>type</th><th>meaning</th></tr>{rows}</table>'
        if query.params
        else "<p>No parameters.</p>"
    )
    command = params_command(query)
    body = (
        f"{params}"
        f'<p><button type="button" data-exec="{_e(command)}">:{_e(command)}</button> (click to set)</p>'
        f'<pre class="pre-scrollable code runnable">{_e(cypher_body(query))}</pre>'
        f"<p>Returns: {_e(query.returns)}</p>"
    )
    return _slide(query.name, query.description, body)


def _slide(title: str, lead: str, body: str) -> str:
    return (
        '<slide class="row-fluid">\n'
        f'<div class="col-sm-3"><h3>{_e(title)}</h3><p class="lead">{_e(lead)}</p></div>\n'
        f'<div class="col-sm-9">{body}</div>\n'
        "</slide>"
    )


def params_command(query: NamedQuery) -> str:
    """The Browser command that sets this query's parameters to their examples: `params {a: 1}`."""
    examples = {**EXAMPLES, **QUERY_EXAMPLES.get(query.name, {})}
    pairs = ", ".join(f"{p.name}: {cypher_literal(examples.get(p.name))}" for p in query.params)
    return f"params {{{pairs}}}"


def cypher_literal(value: object) -> str:
    """A Cypher literal for an example value: a string, a boolean, an integer, a list of them, or null."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{text}'"


def cypher_body(query: NamedQuery) -> str:
    """The query's Cypher without its header (the slide shows the header as text)."""
    lines = query.cypher.splitlines()
    start = next((i for i, line in enumerate(lines) if not line.startswith("//")), len(lines))
    return "\n".join(lines[start:]).strip()


def _e(text: str) -> str:
    return html.escape(text, quote=True)

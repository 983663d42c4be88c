"""Embeddable widgets: the web component, the iframe page, oEmbed and the demo page (issue #7).

Both embeds show the answer to one GraphQL query (static/council.graphql): the web component sends it
from the browser as a cacheable GET, and the iframe page runs it through the same schema here, so the
two show the same facts. The wording (grades, roles, messages) is defined once, below, and served
inside the component's script.

Usage:
    <script type="module" src="https://HOST/widgets/ofsted.js"></script>
    <ofsted-council code="916" show="ratings leaders interventions"></ofsted-council>
    <iframe src="https://HOST/embed/council/916" title="..."></iframe>
    GET /oembed?url=https://HOST/embed/council/916
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import html
import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import strawberry
from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api.card import SHORT, card_facts
from api.context import Context
from api.england_map import map_data, region_box
from api.errors import QueryTimeoutError, ServiceUnavailableError
from api.limits import Limits
from api.schema import build_schema
from api.timeline import CAPTION, DEFS, INTERVENTION_KINDS, PROMPT, ROLE_NAMES, UNVERIFIED, timeline_svg
from api.wording import (
    AREAS,
    GRADES,
    KINDS,
    MESSAGES,
    MONTHS,
    NOTICE_KINDS,
    RATED_DIRECTOR,
    ROLES,
    SOURCE_KINDS,
    area_label,
    day_text,
    partial_date,
    safe_url,
    sources_of,
    unnamed_director,
)

logger = logging.getLogger(__name__)

router = APIRouter()

HERE = Path(__file__).parent
STATIC = HERE / "static"

# A council's page changes only when the data is reloaded; a few minutes of caching spares Neo4j.
PAGE_CACHE = "public, max-age=300"
# The script changes only when the service is upgraded; the ETag catches that.
SCRIPT_CACHE = "public, max-age=3600"

CODE = re.compile(r"^[A-Za-z0-9]{1,12}$")
EMBED_PATH = re.compile(r"^/embed/council/([A-Za-z0-9]{1,12})/?$")
PARTS = ("picture", "interventions", "ratings", "leaders")
VIEWS = ("full", "card")
DEMO_CODES = ("916", "330", "383")
EMBED_WIDTH, EMBED_HEIGHT, EMBED_MIN = 720, 760, 200

NAME_QUERY = "query OfstedCouncilName($code: String!) { council(code: $code) { code name } }"


class Outcome(Enum):
    FOUND = 200
    UNKNOWN = 404
    FAILED = 500
    DOWN = 503


@dataclass(frozen=True)
class Answer:
    """The widget query's answer for one code, and what the page should say about it."""

    outcome: Outcome
    data: dict[str, Any]


def labels() -> dict[str, Any]:
    """The wording both embeds use, as the component's script receives it."""
    return {
        "grades": GRADES,
        "kinds": KINDS,
        "roles": ROLES,
        "areas": AREAS,
        "sourceKinds": SOURCE_KINDS,
        "noticeKinds": NOTICE_KINDS,
        "months": MONTHS,
        "messages": MESSAGES,
        "roleNames": ROLE_NAMES,
        "interventionKinds": INTERVENTION_KINDS,
        "unverified": UNVERIFIED,
        "ratedDirector": RATED_DIRECTOR,
        "gradeShort": SHORT,
        "picture": {"caption": CAPTION, "prompt": PROMPT, "defs": DEFS},
    }


@cache
def council_query() -> str:
    """The widget's GraphQL query on one line, comments dropped, so a GET URL stays short."""
    text = (STATIC / "council.graphql").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return " ".join(" ".join(lines).split())


@cache
def widget_script() -> tuple[str, str]:
    """The component's module with the query, styles and wording filled in, and its ETag."""
    script = (STATIC / "ofsted.js").read_text(encoding="utf-8")
    fills = {
        '/*QUERY*/""': json.dumps(council_query()),
        '/*STYLE*/""': json.dumps(stylesheet()),
        "/*LABELS*/{}": json.dumps(labels(), ensure_ascii=False),
    }
    for marker, value in fills.items():
        if script.count(marker) != 1:
            raise RuntimeError(f"static/ofsted.js must hold {marker} exactly once")
        script = script.replace(marker, value)
    return script, '"' + hashlib.sha256(script.encode()).hexdigest()[:16] + '"'


@cache
def stylesheet() -> str:
    """widget.css without its comments and spare spaces: it travels inside the script and each page."""
    css = re.sub(r"/\*.*?\*/", "", (STATIC / "widget.css").read_text(encoding="utf-8"), flags=re.DOTALL)
    return re.sub(r"\s*([{};,>])\s*", r"\1", " ".join(css.split()))


@cache
def widget_schema() -> strawberry.Schema:
    """The API's own schema, to answer the widget query without an HTTP round trip."""
    return build_schema(Limits())


@cache
def templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True),
        # Block tags leave no blank lines, so the page's text matches the component's word for word.
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        labels=labels(),
        day_text=day_text,
        partial=partial_date,
        sources_of=sources_of,
        safe_url=safe_url,
        area_label=area_label,
        unnamed_director=unnamed_director,
        source_line=source_line,
        stylesheet=stylesheet,
    )
    return env


async def ask(request: Request, query: str, code: str) -> Answer:
    """Run a widget query for one council code through the schema, as /graphql would."""
    context = Context(request.app.state.db, Limits())
    # The schema's HttpStatus extension writes the status and caching here, as it does for /graphql.
    context.request = request
    context.response = Response()
    result = await widget_schema().execute(query, variable_values={"code": code}, context_value=context)
    errors = result.errors or []
    if any(isinstance(e.original_error, ServiceUnavailableError) for e in errors):
        return Answer(Outcome.DOWN, {})
    if errors:
        logger.error("widget query for %r failed: %s", code, [e.message for e in errors])
        return Answer(Outcome.FAILED, {})
    data = result.data or {}
    return Answer(Outcome.FOUND if data.get("council") else Outcome.UNKNOWN, data)


def source_line(council: dict[str, Any], dataset: dict[str, Any] | None) -> str:
    """Where the shown facts come from, and when the data was loaded, in one sentence."""
    cited = {citation["source"]["kind"] for citation in _all_citations(council)}
    kinds = [plural for kind, (_, plural) in SOURCE_KINDS.items() if kind in cited]
    where = "Sources: " + (_and_list(kinds) if kinds else "none cited") + ", each linked where it is cited."
    if dataset is None:
        return where + " Load date not recorded."
    return f"{where} Data loaded {day_text(dataset['loadedAt'])} (version {dataset['contentHash'][:8]})."


def _all_citations(council: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for inspection in council["inspections"]:
        found += inspection["citations"]
        for judgement in inspection["judgements"]:
            found += judgement["citations"]
    for item in [*council["tenures"], *council["improvementNotices"], *council["improvementBoards"]]:
        found += item["citations"]
    return found


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def shown_parts(show: str | None) -> list[str]:
    """The parts a `show` attribute or parameter asks for, all of them when it names none."""
    asked = [p for p in PARTS if p in (show or "").split()]
    return asked or list(PARTS)


def message_for(outcome: Outcome, code: str) -> str:
    return {
        Outcome.UNKNOWN: MESSAGES["unknown"].format(code=code),
        Outcome.DOWN: MESSAGES["down"],
        Outcome.FAILED: MESSAGES["failed"],
    }[outcome]


@router.get("/widgets/ofsted.js", include_in_schema=False)
async def component_script(request: Request) -> Response:
    """The <ofsted-council> and <ofsted-map> web components, one small module with no dependencies."""
    script, etag = widget_script()
    headers = {"Cache-Control": SCRIPT_CACHE, "ETag": etag}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return compressed(request, script.encode(), "text/javascript; charset=utf-8", headers)


@router.get("/embed/council/{code}", response_class=HTMLResponse)
async def embed_council(
    request: Request, code: str, show: str | None = None, view: str | None = None
) -> HTMLResponse:
    """A council's widget as a page of its own, for an iframe; it needs no JavaScript.

    `view=card` gives the compact card (320 by 180); otherwise the full widget, the timeline picture first.
    """
    answer = await ask(request, council_query(), code) if CODE.match(code) else Answer(Outcome.UNKNOWN, {})
    council = answer.data.get("council")
    parts = shown_parts(show)
    card = view == "card" and council is not None
    page = (
        templates()
        .get_template("embed.html")
        .render(
            council=council,
            dataset=answer.data.get("dataset"),
            parts=parts,
            picture=timeline_svg(council, today()) if council and "picture" in parts and not card else None,
            card=card_facts(council) if card and council else None,
            full_url=str(request.url_for("embed_council", code=code)),
            message=None if council else message_for(answer.outcome, code),
            oembed=_oembed_link(request, code, show) if council else None,
        )
    )
    return HTMLResponse(page, status_code=answer.outcome.value, headers=_page_headers(answer.outcome))


@router.get("/embed/map", response_class=HTMLResponse)
async def embed_map(request: Request, region: str | None = None) -> Response:
    """The map of England's councils as a page of its own, for an iframe; it needs no JavaScript."""
    try:
        data = await map_data(request.app.state.db, _widget_url(request))
    except (ServiceUnavailableError, QueryTimeoutError):
        page = templates().get_template("embed.html").render(message=MESSAGES["down"])
        return HTMLResponse(page, status_code=503, headers=_page_headers(Outcome.DOWN))
    shown = region if region in data["regions"] else None
    page = (
        templates()
        .get_template("embed.html")
        .render(map=data, region=shown, box=region_box(data, shown), message=None)
    )
    return compressed(request, page.encode(), "text/html; charset=utf-8", _page_headers(Outcome.FOUND))


@router.get("/widgets/map.json", include_in_schema=False)
async def map_json(request: Request) -> Response:
    """What <ofsted-map> draws, in one cacheable answer: shapes, grades, words, legend and regions."""
    try:
        data = await map_data(request.app.state.db, _widget_url(request))
    except (ServiceUnavailableError, QueryTimeoutError):
        return JSONResponse(
            {"error": MESSAGES["down"]}, status_code=503, headers={"Cache-Control": "no-store"}
        )
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
    headers = {"Cache-Control": PAGE_CACHE, "ETag": etag}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return compressed(request, body, "application/json", headers)


def _widget_url(request: Request) -> str:
    return str(request.url_for("embed_council", code="CODE")).replace("CODE", "{code}")


def compressed(request: Request, body: bytes, media_type: str, headers: dict[str, str]) -> Response:
    """The body gzipped when the client takes gzip: the size budgets (issue 15) are for gzip."""
    headers = {**headers, "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
        body = gzip.compress(body, mtime=0)
    return Response(body, media_type=media_type, headers=headers)


def today() -> str:
    """Today's date in UTC, where the timeline ends (the component uses the UTC date too)."""
    return datetime.now(UTC).date().isoformat()


def _page_headers(outcome: Outcome) -> dict[str, str]:
    # No script runs in the page; any site may frame it.
    headers = {
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors *",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }
    if outcome in {Outcome.FOUND, Outcome.UNKNOWN}:
        headers["Cache-Control"] = PAGE_CACHE
    else:
        headers["Cache-Control"] = "no-store"
        headers["Retry-After"] = "30"
    return headers


def _oembed_link(request: Request, code: str, show: str | None) -> str:
    target = str(request.url_for("embed_council", code=code))
    if show:
        target += "?" + urlencode({"show": show})
    return str(request.url_for("oembed")) + "?" + urlencode({"url": target, "format": "json"})


@router.get("/oembed", response_model=None)
async def oembed(
    request: Request,
    url: str,
    format: str = "json",
    maxwidth: int | None = None,
    maxheight: int | None = None,
) -> JSONResponse:
    """The oEmbed answer (type "rich") for a /embed/council/{code} URL of this site."""
    if format != "json":
        return _oembed_error(501, "only format=json is supported")
    code = _embed_code(request, url)
    if code is None:
        return _oembed_error(404, "the url is not a council widget of this site, like /embed/council/916")
    answer = await ask(request, NAME_QUERY, code)
    if answer.outcome is not Outcome.FOUND:
        return _oembed_error(answer.outcome.value, message_for(answer.outcome, code))
    width = _clamp(EMBED_WIDTH, maxwidth)
    height = _clamp(EMBED_HEIGHT, maxheight)
    title = f"{answer.data['council']['name']}: Ofsted ratings and leadership"
    body = {
        "version": "1.0",
        "type": "rich",
        "provider_name": "ofsted-graph",
        "provider_url": str(request.base_url),
        "title": title,
        "html": _iframe(_embed_src(request, code, url), title, width, height),
        "width": width,
        "height": height,
        "cache_age": 300,
    }
    return JSONResponse(body, headers={"Cache-Control": PAGE_CACHE})


def _embed_code(request: Request, url: str) -> str | None:
    parts = urlsplit(url)
    match = EMBED_PATH.match(parts.path)
    if parts.scheme not in {"http", "https"} or parts.netloc != request.url.netloc or match is None:
        return None
    return match.group(1)


def _embed_src(request: Request, code: str, url: str) -> str:
    show = [v for k, v in parse_qsl(urlsplit(url).query) if k == "show"]
    src = str(request.url_for("embed_council", code=code))
    return src + ("?" + urlencode({"show": show[0]}) if show else "")


def _clamp(preferred: int, most: int | None) -> int:
    return preferred if most is None else max(EMBED_MIN, min(preferred, most))


def _iframe(src: str, title: str, width: int, height: int) -> str:
    return (
        f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" width="{width}" '
        f'height="{height}" loading="lazy" style="border:0;max-width:100%"></iframe>'
    )


def _oembed_error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers={"Cache-Control": "no-store"})


@router.get("/widgets/demo", response_class=HTMLResponse)
async def demo(request: Request, codes: str | None = None) -> HTMLResponse:
    """Both embeds for a few councils, each with the snippet to copy."""
    asked = [c for c in (codes or "").split(",") if CODE.match(c)][:6] or list(DEMO_CODES)
    answers = await asyncio.gather(*(ask(request, NAME_QUERY, code) for code in asked))
    councils = [
        answer.data["council"] if answer.outcome is Outcome.FOUND else {"code": code, "name": "Council"}
        for code, answer in zip(asked, answers, strict=True)
    ]
    base = str(request.base_url).rstrip("/")
    page = templates().get_template("demo.html").render(base=base, councils=councils)
    return HTMLResponse(page, headers={"Cache-Control": PAGE_CACHE})

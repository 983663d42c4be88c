"""The FastAPI app: GraphQL at /graphql (GraphiQL in a browser), /health, CORS and request bounds.

Usage:
    app = create_app(settings)   # the only way to get an app; tests use it too
    serve(settings, workers=2)   # granian on settings.api_host:settings.api_port, 2 processes
"""

from __future__ import annotations

import asyncio
import functools
import gc
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from granian.constants import Interfaces, Loops
from granian.server import Server
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from starlette.types import Scope
from strawberry.fastapi import GraphQLRouter
from strawberry.types import ExecutionResult

from api import export, guide, widgets
from api.answers import AnswerCache, HashReads, RepeatAnswers
from api.context import Context
from api.database import Database
from api.limits import BodySizeLimit, Limits
from api.schema import COUNCIL_PAGE_PARTS, GET_CACHE_CONTROL, build_schema
from graph.connection import connect_async
from graph.errors import PortInUseError
from graph.server import port_holder
from graph.settings import Settings

# Planning is the cost of a first query; on a cold Neo4j under load it can take many seconds.
WARM_UP_SECONDS = 120.0
WARM_UP_RETRY_SECONDS = 1.0


def create_app(settings: Settings, limits: Limits | None = None) -> FastAPI:
    """The API app; its lifespan opens one Neo4j driver and closes it.

    Args:
        settings: where Neo4j is and which database to read.
        limits: the bounds on each request (defaults suit a public endpoint).
    """
    bounds = limits or Limits()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The driver connects lazily and reconnects by itself, so the app starts, and recovers,
        # whether or not Neo4j answers at this moment.
        driver = connect_async(settings)
        app.state.db = Database(driver, settings.neo4j_database, bounds.query_timeout_seconds)
        db = app.state.db
        app.state.hashes = HashReads(lambda: db.content_hash())
        # In the background: the app serves at once, and a Neo4j that is down is no start-up error.
        app.state.warm_up = asyncio.create_task(warm_up(db))
        freeze_startup_heap()
        try:
            yield
        finally:
            app.state.warm_up.cancel()
            await driver.close()

    async def get_context(request: Request) -> Context:
        return Context(request.app.state.db, bounds)

    app = FastAPI(title="ofsted-graph", lifespan=lifespan)
    app.include_router(
        JsonRouter(build_schema(bounds), context_getter=get_context, allow_queries_via_get=True),
        prefix="/graphql",
    )
    app.add_api_route("/health", health, methods=["GET"])
    app.include_router(widgets.router)
    app.include_router(guide.router)
    # /export/<question>.csv reads the bounds from here, as /graphql gets them from the context.
    app.state.limits = bounds
    app.include_router(export.router)
    if settings.api_answer_cache_mb > 0:
        # Innermost, so a repeat still passes the body limit and gets the CORS headers, but skips
        # routing and GraphQL altogether.
        app.add_middleware(
            RepeatAnswers,
            path="/graphql",
            answers=AnswerCache(settings.api_answer_cache_mb * 2**20),
            hashes=_hash_reads,
            cache_control=GET_CACHE_CONTROL,
        )
    # Widgets on other sites call the API from browsers; nothing is personal, so no credentials.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "POST"],
        # Neo4j Browser sends Cache-Control and Pragma when it fetches the guide (`:play`).
        allow_headers=["Content-Type", "Cache-Control", "Pragma"],
        allow_credentials=False,
        max_age=600,
    )
    app.add_middleware(BodySizeLimit, max_bytes=bounds.max_body_bytes)
    return app


class JsonRouter(GraphQLRouter[Context, None]):
    """strawberry's router writing answers with orjson, and telling the answer cache which it may keep."""

    # A council page answer is about 65 KB, and the standard library's encoder took a measurable
    # share of each request. Requests stay with the standard library: they are small, and orjson
    # would refuse valid JSON that strawberry reads (an integer past 64 bits, UTF-16).
    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    async def process_result(self, request: Request, result: ExecutionResult) -> Any:
        # Only an answer without errors may be kept: a timeout or an outage is not the graph's answer.
        request.state.clean_answer = not result.errors
        return await super().process_result(request, result)


def _hash_reads(scope: Scope) -> HashReads:
    hashes: HashReads = scope["app"].state.hashes
    return hashes


# The questions whose first plan on a cold Neo4j took seconds (council_page 2.9 s at load 6;
# leadership_answers, the widget's DCS answers, 27.9 s at load 10), with parameters that match nothing.
WARM_QUERIES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("council_page", {"code": "", "parts": list(COUNCIL_PAGE_PARTS)}),
    ("leadership_answers", {"inspection_ids": [], "council_code": None}),
    ("leadership_answers", {"inspection_ids": None, "council_code": ""}),
)


async def warm_up(db: Database) -> bool:
    """Plan the heaviest questions ahead of the first request; True if all were planned.

    A Neo4j that is not up yet is tried again every WARM_UP_RETRY_SECONDS until it answers (the
    task ends with the app); any other failure only leaves the first request to plan the query.
    """
    for name, params in WARM_QUERIES:
        while True:
            try:
                await db.warm(name, WARM_UP_SECONDS, **params)
            except (ServiceUnavailable, SessionExpired, OSError):
                await asyncio.sleep(WARM_UP_RETRY_SECONDS)
                continue
            except Exception:
                return False
            break
    return True


@functools.cache
def freeze_startup_heap() -> None:
    """Keep the objects made at start-up (modules, schema, driver) out of later garbage collections.

    A request for a council page allocates about a hundred thousand objects, so full collections
    come often, and each rescanned everything the imports made: the every-field council page's p99
    over HTTP was 71 ms against a p50 of 16 ms, and 25 ms with this (bench.api_bench, 500 runs).
    Once per process.
    """
    gc.collect()
    gc.freeze()


async def health(request: Request) -> JSONResponse:
    """200 {"status": "ok"} when Neo4j answers, else 503 {"status": "unavailable"}."""
    db: Database = request.app.state.db
    up = await db.reachable()
    return JSONResponse(
        {"status": "ok" if up else "unavailable", "neo4j": "reachable" if up else "unreachable"},
        status_code=200 if up else 503,
        headers={"Cache-Control": "no-store"},
    )


def app_from_environment() -> FastAPI:
    """The app with settings from the environment, for `granian --factory api.app:app_from_environment`.

    Several workers each build their own app (and driver); the API keeps no state between requests.
    """
    return create_app(Settings())


def serve(settings: Settings, workers: int | None = None, sock: socket.socket | None = None) -> None:
    """Serve the API on settings.api_host:settings.api_port until interrupted.

    granian runs HTTP in Rust threads beside each worker's event loop, so parsing requests and the
    socket writes (a third of a small request's samples under uvicorn here) do not wait for the
    Python code of other requests. On a quiet machine it serves as much as uvicorn did; with the
    cores contended, more (bench.servers; README, "Performance and limits").

    Args:
        settings: the API's address, and where Neo4j is.
        workers: processes sharing the port, each with its own app and driver (default: one per core).
        sock: the socket bind_api_socket gave, holding the port until granian binds it.

    Raises:
        PortInUseError: another process holds the API port (named, with the setting that moves it).
    """
    count = workers or os.cpu_count() or 1
    sock = sock or bind_api_socket(settings)
    server = Server(
        # Each worker builds its app from the environment, as this process read its settings.
        "api.app:app_from_environment",
        factory=True,
        address=settings.api_host,
        port=settings.api_port,
        interface=Interfaces.ASGI,
        workers=count,
        loop=Loops.uvloop,
        log_access=settings.api_access_log,
        # A worker that dies (say, out of memory) is replaced; the others serve meanwhile.
        respawn_failed_workers=True,
    )
    # granian binds the port itself; until this moment the socket kept it, so a taken port was said
    # before Neo4j started and the data loaded. Another process can only take it in between.
    sock.close()
    try:
        server.serve()
    except RuntimeError as exc:
        if "os error 98" not in str(exc):
            raise
        raise _port_taken(settings) from None


def bind_api_socket(settings: Settings) -> socket.socket:
    """The API's port, held from here until serve() hands it to granian, so a taken port is one
    clear error before Neo4j starts and the data loads.

    Raises:
        PortInUseError: the port is taken.
    """
    family = socket.AF_INET6 if ":" in settings.api_host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    # As uvicorn does, so a port left in TIME_WAIT by the last run does not count as taken.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((settings.api_host, settings.api_port))
    except OSError as exc:
        sock.close()
        raise _port_taken(settings) from exc
    return sock


def _port_taken(settings: Settings) -> PortInUseError:
    return PortInUseError(
        f"API port {settings.api_port} on {settings.api_host} is already in use"
        f"{port_holder(settings.api_port)}. Stop that process or choose another port (OFSTED_API_PORT)."
    )

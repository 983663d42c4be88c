"""The FastAPI app: GraphQL at /graphql (GraphiQL in a browser), /health, CORS and request bounds.

Usage:
    app = create_app(settings)   # the only way to get an app; tests use it too
    serve(settings)              # uvicorn on settings.api_host:settings.api_port
"""

from __future__ import annotations

import functools
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import orjson
import uvicorn
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from strawberry.fastapi import GraphQLRouter

from api import export, guide, widgets
from api.context import Context
from api.database import Database
from api.limits import BodySizeLimit, Limits
from api.schema import build_schema
from graph.connection import connect_async
from graph.settings import Settings


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
        freeze_startup_heap()
        try:
            yield
        finally:
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
    """strawberry's router writing answers with orjson."""

    # A council page answer is about 65 KB, and the standard library's encoder took a measurable
    # share of each request. Requests stay with the standard library: they are small, and orjson
    # would refuse valid JSON that strawberry reads (an integer past 64 bits, UTF-16).
    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)


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
    """The app with settings from the environment, for `uvicorn --factory api.app:app_from_environment`.

    Several workers each build their own app (and driver); the API keeps no state between requests.
    """
    return create_app(Settings())


def serve(settings: Settings) -> None:
    """Serve the API with uvicorn on settings.api_host:settings.api_port until interrupted."""
    uvicorn.run(create_app(settings), host=settings.api_host, port=settings.api_port)

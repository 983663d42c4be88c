"""The API unchanged behind a routing URI (`neo4j://`), as for a cluster or Aura: same answers, reads only."""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

import pytest
from neo4j import Driver
from neo4j.exceptions import ClientError
from starlette.exceptions import StarletteDeprecationWarning

from api.app import create_app
from api.database import Database
from graph.connection import connect_async
from graph.settings import Settings
from loaders.writer import write_graph
from tests.conftest import make_test_settings
from tests.test_api import CHANGES, FIRST, FULL_PAGE, SECOND, api_content

with warnings.catch_warnings():
    # Starlette 1.x warns that its TestClient wants httpx2 (see tests/test_api.py).
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

QUESTIONS: list[tuple[str, dict[str, Any]]] = [
    (FULL_PAGE, {"code": "200"}),
    (CHANGES, {"from": FIRST, "to": SECOND}),
    ('{ leadersWhenRated(councilCode: "200", grade: INADEQUATE) { inspection { id } leaders { id } } }', {}),
    ('{ person(name: "Pat Lee") { id tenures { id organisation { name } } } }', {}),
    ("{ councils(first: 3) { totalCount edges { node { code } } } }", {}),
]


def routed(settings: Settings) -> Settings:
    return make_test_settings(neo4j_uri=f"neo4j://localhost:{settings.bolt_port}")


def answers(settings: Settings) -> list[dict[str, Any]]:
    with TestClient(create_app(settings)) as client:
        bodies = [client.post("/graphql", json={"query": q, "variables": v}).json() for q, v in QUESTIONS]
    for body in bodies:
        assert "errors" not in body, body["errors"]
    return bodies


def test_the_api_gives_the_same_answers_through_a_routing_uri(graph: Driver, settings: Settings) -> None:
    write_graph(graph, settings.neo4j_database, api_content())
    assert routed(settings).bolt_uri.startswith("neo4j://")
    assert answers(routed(settings)) == answers(settings)


def test_the_api_database_path_refuses_writes_through_a_routing_uri(
    graph: Driver, settings: Settings
) -> None:
    async def attempt() -> None:
        driver = connect_async(routed(settings))
        try:
            await Database(driver, settings.neo4j_database, 5.0).read("CREATE (:Intruder) RETURN 1 AS n", {})
        finally:
            await driver.close()

    with pytest.raises(ClientError, match="read"):
        asyncio.run(attempt())
    assert graph.execute_query("MATCH (n:Intruder) RETURN count(n) AS n").records[0]["n"] == 0


def test_health_answers_through_a_routing_uri(graph: Driver, settings: Settings) -> None:
    with TestClient(create_app(routed(settings))) as client:
        assert client.get("/health").json() == {"status": "ok", "neo4j": "reachable"}

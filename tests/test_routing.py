"""The API unchanged behind a routing URI (`neo4j://`), as for a cluster or Aura: same answers, reads only."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver
from neo4j.exceptions import ClientError

from api.app import create_app
from graph.settings import Settings
from loaders.write import write_graph
from tests.asgi import TestClient
from tests.conftest import make_test_settings
from tests.test_api import CHANGES, FIRST, FULL_PAGE, SECOND, api_content, write_through_the_api_path

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
    with pytest.raises(ClientError, match="read"):
        write_through_the_api_path(routed(settings))
    assert graph.execute_query("MATCH (n:Intruder) RETURN count(n) AS n").records[0]["n"] == 0


def test_health_answers_through_a_routing_uri(graph: Driver, settings: Settings) -> None:
    with TestClient(create_app(routed(settings))) as client:
        assert client.get("/health").json() == {"status": "ok", "neo4j": "reachable"}

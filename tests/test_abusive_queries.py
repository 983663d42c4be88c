"""Abusive queries are refused with a clear GraphQL error before they reach the graph.

The requests are bench/abusive.py's, which measures how quickly each is refused; here each is
checked for its refusal and its message (never its timing).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver

from api.app import create_app
from bench.abusive import ABUSES, BASELINE, FRAGMENT_CYCLE, aliased, fragment_chain, nested, refused
from graph.settings import Settings
from loaders.write import write_graph
from tests.asgi import TestClient
from tests.test_api import api_content


@pytest.fixture(scope="module")
def client(neo4j: Driver, settings: Settings) -> Iterator[TestClient]:
    write_graph(neo4j, settings.neo4j_database, api_content())
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def refusal(client: TestClient, query: str) -> str:
    """The one error message of a refused query, asserting nothing was answered."""
    response = client.post("/graphql", json={"query": query})
    body = response.json()
    assert response.status_code == 200, body
    assert body["data"] is None, body
    (error,) = body["errors"]
    return str(error["message"])


def test_a_normal_small_query_is_answered(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": BASELINE.replace("916", "200")})
    assert response.json() == {
        "data": {"council": {"code": "200", "name": "New Shire", "region": "South West"}}
    }


def test_a_query_50_levels_deep_is_refused_for_its_depth(client: TestClient) -> None:
    assert refusal(client, nested(50)) == "'anonymous' exceeds maximum operation depth of 10"


def test_a_query_at_the_depth_limit_is_answered(client: TestClient) -> None:
    # council { successors { ... 9 more } }: the limit refuses depth, not nesting as such.
    response = client.post("/graphql", json={"query": nested(9)})
    assert "errors" not in response.json()


def test_a_thousand_aliases_are_refused_by_the_token_limit(client: TestClient) -> None:
    assert (
        refusal(client, aliased(1000))
        == "Syntax Error: Document contains more than 2000 tokens. Parsing aborted."
    )


def test_one_alias_over_the_limit_is_refused_by_the_alias_limit(client: TestClient) -> None:
    assert refusal(client, aliased(16)) == "16 aliases found. Allowed: 15"


def test_a_page_of_a_million_is_refused(client: TestClient) -> None:
    assert (
        refusal(client, "query { councils(first: 1000000) { totalCount } }")
        == "first must be between 0 and 100"
    )


def test_a_fragment_cycle_is_refused(client: TestClient) -> None:
    assert refusal(client, FRAGMENT_CYCLE) == "Cannot spread fragment 'A' within itself via 'B'."


def test_a_chain_of_50_fragments_is_refused_for_its_depth(client: TestClient) -> None:
    assert refusal(client, fragment_chain(50)) == "'anonymous' exceeds maximum operation depth of 10"


def test_a_thousand_directives_are_refused_by_the_token_limit(client: TestClient) -> None:
    query = "{ __typename" + " @skip(if: false)" * 1000 + " }"
    assert refusal(client, query) == "Syntax Error: Document contains more than 2000 tokens. Parsing aborted."


def test_a_megabyte_document_is_refused_before_it_is_parsed(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": BASELINE + " #" + "x" * 1_000_000})
    assert response.status_code == 413
    assert response.json() == {"errors": [{"message": "request body too large: the limit is 65536 bytes"}]}


def test_a_batch_of_operations_is_refused(client: TestClient) -> None:
    response = client.post("/graphql", json=[{"query": BASELINE}] * 100)
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"].startswith("the request body must be a JSON object")


def test_two_operations_in_one_document_run_at_most_one(client: TestClient) -> None:
    # strawberry runs the first operation when no operationName is given (the GraphQL spec asks for
    # an error); either way a second operation is never run with it.
    response = client.post("/graphql", json={"query": "query A { a: __typename } query B { b: __typename }"})
    data: dict[str, Any] = response.json()["data"]
    assert len(data) == 1


def test_the_depth_limit_holds_for_get_as_for_post(client: TestClient) -> None:
    response = client.get("/graphql", params={"query": nested(50)}, headers={"Accept": "application/json"})
    assert response.json()["errors"][0]["message"] == "'anonymous' exceeds maximum operation depth of 10"


@pytest.mark.parametrize("abuse", ABUSES, ids=lambda abuse: abuse.name)
def test_every_benchmarked_abuse_is_refused(client: TestClient, abuse: Any) -> None:
    # The benchmark's own requests, so the figures it prints are for refusals.
    response = abuse.send(client)
    assert refused(response), response.text[:300]

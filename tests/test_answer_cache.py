"""Repeat answers (issue 17): kept per load, 304 for a browser that has them, new after a load."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from neo4j import Driver

from api.answers import HashReads
from api.app import create_app
from api.database import Database
from graph.settings import Settings
from loaders.write import write_graph
from tests.asgi import TestClient
from tests.test_api import FIRST, SECOND, api_content

INSPECTIONS = "query($code: String!) { council(code: $code) { name inspections { id overall } } }"
WHERE = {"query": INSPECTIONS, "variables": '{"code": "200"}'}


@pytest.fixture
def client(graph: Driver, settings: Settings) -> Iterator[TestClient]:
    write_graph(graph, settings.neo4j_database, api_content())
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@contextmanager
def named_queries_run() -> Iterator[list[str]]:
    """The names of the named queries the app runs meanwhile (it runs in this process), with
    "content_hash" for each read of the load's hash."""
    names: list[str] = []
    named, content_hash = Database.named, Database.content_hash

    async def recording(self: Database, query_name: str, /, **params: Any) -> list[dict[str, Any]]:
        names.append(query_name)
        return await named(self, query_name, **params)

    async def hash_read(self: Database) -> str | None:
        names.append("content_hash")
        return await content_hash(self)

    Database.named = recording  # type: ignore[method-assign]
    Database.content_hash = hash_read  # type: ignore[method-assign]
    try:
        yield names
    finally:
        Database.named = named  # type: ignore[method-assign]
        Database.content_hash = content_hash  # type: ignore[method-assign]


def test_a_repeat_is_answered_from_the_cache_after_one_read_of_the_content_hash(client: TestClient) -> None:
    first = client.get("/graphql", params=WHERE)
    with named_queries_run() as names:
        again = client.get("/graphql", params=WHERE)
    assert again.status_code == 200
    assert again.content == first.content
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["cache-control"] == "public, max-age=300"
    # How the API learns of a load: the hash is read once per request, and nothing else runs.
    assert names == ["content_hash"]


def test_the_same_variables_spelled_otherwise_or_sent_by_post_share_one_etag(client: TestClient) -> None:
    by_get = client.get("/graphql", params=WHERE)
    respaced = client.get("/graphql", params={**WHERE, "variables": '{ "code" : "200" }'})
    by_post = client.post("/graphql", json={"query": INSPECTIONS, "variables": {"code": "200"}})
    assert by_get.headers["etag"] == respaced.headers["etag"] == by_post.headers["etag"]
    assert by_post.json() == by_get.json()
    other = client.get("/graphql", params={**WHERE, "variables": '{"code": "100"}'})
    assert other.headers["etag"] != by_get.headers["etag"]


def test_a_get_naming_its_etag_is_304_without_a_body(client: TestClient) -> None:
    tag = client.get("/graphql", params=WHERE).headers["etag"]
    response = client.get("/graphql", params=WHERE, headers={"If-None-Match": f'"other", {tag}'})
    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == tag
    assert response.headers["cache-control"] == "public, max-age=300"


def test_answers_from_the_cache_carry_the_same_headers_for_other_sites_as_the_first(
    client: TestClient,
) -> None:
    site = {"Origin": "https://news.example"}
    first = client.get("/graphql", params=WHERE, headers=site)
    again = client.get("/graphql", params=WHERE, headers=site)
    revalidated = client.get(
        "/graphql", params=WHERE, headers={**site, "If-None-Match": first.headers["etag"]}
    )
    posted = client.post("/graphql", json={"query": INSPECTIONS, "variables": {"code": "200"}}, headers=site)
    for response in (first, again, revalidated, posted):
        assert response.headers["access-control-allow-origin"] == "*"
        assert response.headers["etag"] == first.headers["etag"]
    assert again.headers["content-type"] == first.headers["content-type"] == "application/json"
    assert again.content == first.content == posted.content
    assert (revalidated.status_code, again.status_code) == (304, 200)


def test_the_next_request_after_a_load_sees_the_new_graph(
    client: TestClient, graph: Driver, settings: Settings
) -> None:
    before = client.get("/graphql", params=WHERE)
    assert [i["id"] for i in before.json()["data"]["council"]["inspections"]] == [FIRST, SECOND]
    content = api_content()
    write_graph(
        graph, settings.neo4j_database, dataclasses.replace(content, inspections=content.inspections[:1])
    )
    # The browser still holds the old answer and its ETag: it must get the new graph, not a 304.
    after = client.get("/graphql", params=WHERE, headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200
    assert [i["id"] for i in after.json()["data"]["council"]["inspections"]] == [FIRST]
    assert after.headers["etag"] != before.headers["etag"]


def test_an_answer_with_errors_is_never_kept(client: TestClient) -> None:
    # Inspections the council never had: the queries run, then a NotFoundError.
    bad = {
        "query": '{ leadershipChanges(councilCode: "200", fromInspection: "x", toInspection: "y") '
        "{ roles { role } } }"
    }
    with named_queries_run() as names:
        first = client.get("/graphql", params=bad)
        again = client.get("/graphql", params=bad)
    assert "errors" in first.json()
    assert "etag" not in first.headers
    assert "etag" not in again.headers
    # Asked again in full: the hash, then the question's queries, each time.
    assert sorted(names) == sorted(["content_hash", "leadership_changes", "inspections"] * 2)


def test_an_empty_graph_is_answered_without_the_cache(graph: Driver, settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        response = client.get("/graphql", params=WHERE)
    assert response.json() == {"data": {"council": None}}
    assert "etag" not in response.headers


def test_the_cache_is_off_at_zero(graph: Driver, settings: Settings) -> None:
    write_graph(graph, settings.neo4j_database, api_content())
    off = settings.model_copy(update={"api_answer_cache_mb": 0})
    with TestClient(create_app(off)) as client, named_queries_run() as names:
        client.get("/graphql", params=WHERE)
        response = client.get("/graphql", params=WHERE)
    assert "etag" not in response.headers
    assert "content_hash" not in names
    assert names.count("council_page") == 2


def test_hash_reads_are_shared_only_by_callers_that_arrived_before_the_read_started() -> None:
    started: list[int] = []

    async def read() -> str:
        started.append(len(started) + 1)
        number = len(started)
        await asyncio.sleep(0.05)
        return f"read {number}"

    async def scenario() -> list[str | None]:
        hashes = HashReads(read)
        first = asyncio.ensure_future(hashes.current())
        await asyncio.sleep(0.01)  # the first read is on its way
        # These arrived after it started, so they may not use it: they share the next one.
        later = [asyncio.ensure_future(hashes.current()) for _ in range(5)]
        return [await first, *[await f for f in later]]

    assert asyncio.run(scenario()) == ["read 1"] + ["read 2"] * 5
    assert started == [1, 2]

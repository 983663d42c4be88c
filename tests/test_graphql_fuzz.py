"""Fuzzing /graphql with hypothesis: whatever arrives, no 500, no stack trace or Cypher, and no writes.

Queries are generated from the live schema (random selections, aliases, arguments of the right and
wrong types, variables holding any JSON), alongside random text, random bytes and random JSON bodies,
by POST and by GET, against the real app and a small synthetic graph. Derandomized, so a run is the
same every time; the example counts add up to 1,050 requests.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
    is_leaf_type,
)
from hypothesis import HealthCheck, assume, given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st
from neo4j import Driver

from api.app import create_app
from api.limits import Limits
from api.schema import build_schema
from graph.fingerprint import graph_fingerprint
from graph.named_queries import QUERIES_DIR
from graph.settings import Settings
from loaders.write import write_graph
from tests.asgi import TestClient
from tests.test_api import FIRST, SECOND, api_content

SCHEMA: GraphQLSchema = build_schema(Limits())._schema
# Requests each fuzz test sent: every test checks it ran all its examples (1,050 in all).
sent: Counter[str] = Counter()


def fuzzed(examples: int) -> Any:
    """Hypothesis settings for one fuzz test: the same examples every run, no per-example deadline."""
    return fuzz_settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# ---- what a response must never show ------------------------------------------------------------


def cypher_lines() -> set[str]:
    """Every substantial line of every named query: none may reach a client."""
    lines: set[str] = set()
    for path in QUERIES_DIR.glob("*.cypher"):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.strip()
            if len(text) >= 20 and not text.startswith("//"):
                lines.add(text)
    return lines


LEAKS = {
    "Traceback (most recent call last)",
    'File "/',
    "neo4j.exceptions",
    "Neo.ClientError",
    "Neo.DatabaseError",
    "Neo.TransientError",
    "bolt://",
    "CypherSyntaxError",
    *cypher_lines(),
}


def assert_safe(status: int, body: bytes, sent: str) -> None:
    """No server error, and nothing of the server's insides unless the request itself carried it."""
    assert status < 500, body[:500]
    text = body.decode("utf-8", errors="replace")
    leaked = [marker for marker in LEAKS if marker in text and marker not in sent]
    assert not leaked, (leaked, text[:500])


# ---- values ---------------------------------------------------------------------------------------

KNOWN_IDS = ["916", "200", "100", "E1", "2", "30", FIRST, SECOND, "pat-lee", "sam-chief", "2020-01-06"]
HOSTILE_TEXT = [
    "'}) MATCH (n) DETACH DELETE n //",
    '" OR 1=1 --',
    "<script>alert(1)</script>",
    "$council_code",
    "\x00\x1b[2J",
    "\u202e",
    "../../etc/passwd",
    "%s%s%s%n",
    "x" * 5000,
]

texts = st.one_of(
    st.sampled_from(KNOWN_IDS + HOSTILE_TEXT),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=100, max_size=3000),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def literal(value: Any) -> str:
    """A Python value written as a GraphQL literal (JSON's string escapes are GraphQL's)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {literal(v)}" for k, v in value.items() if k.isidentifier()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if value is None:
        return "null"
    return json.dumps(value)


@st.composite
def argument_value(draw: st.DrawFn, arg: GraphQLArgument) -> str:
    """A literal for an argument: often of its type, sometimes of any type, sometimes an unknown enum."""
    kind = get_named_type(arg.type)
    right: st.SearchStrategy[str]
    if isinstance(kind, GraphQLEnumType):
        right = st.sampled_from(list(kind.values)) | st.sampled_from(["GOOD", "bad", "null"])
    elif kind.name == "Int":
        right = st.integers(min_value=-(2**40), max_value=2**40).map(str)
    elif kind.name in ("Boolean",):
        right = st.sampled_from(["true", "false"])
    elif isinstance(kind, GraphQLInputObjectType):
        right = json_values.map(literal)
    else:
        right = texts.map(json.dumps)
    return draw(st.one_of(right, right, right, json_values.map(literal)))


# ---- queries generated from the schema ------------------------------------------------------------


@st.composite
def arguments(draw: st.DrawFn, field_args: dict[str, GraphQLArgument], variables: dict[str, Any]) -> str:
    """Some of a field's arguments (required ones usually), as literals or as variables."""
    parts = []
    for name, arg in field_args.items():
        required = isinstance(arg.type, GraphQLNonNull)
        if not draw(st.sampled_from([True, True, True, not required])):
            continue
        if draw(st.integers(0, 3)) == 0:
            var = f"v{len(variables)}"
            declared = draw(st.sampled_from([str(arg.type), "String", "Int!", "[ID]", "Grade"]))
            variables[var] = (declared, draw(json_values))
            parts.append(f"{name}: ${var}")
        else:
            parts.append(f"{name}: {draw(argument_value(arg))}")
    if draw(st.integers(0, 9)) == 0:
        parts.append(f"notAnArgument: {draw(json_values.map(literal))}")
    return f"({', '.join(parts)})" if parts else ""


@st.composite
def selection(draw: st.DrawFn, owner: GraphQLObjectType, depth: int, variables: dict[str, Any]) -> str:
    """A selection set on `owner`: a few of its fields, some aliased, nested up to `depth`."""
    names = draw(st.lists(st.sampled_from(sorted(owner.fields)), min_size=1, max_size=4, unique=True))
    parts = []
    for i, name in enumerate(names):
        field = owner.fields[name]
        alias = f"a{i}: " if draw(st.integers(0, 4)) == 0 else ""
        args = draw(arguments(field.args, variables))
        inner = get_named_type(field.type)
        if is_leaf_type(inner):
            sub = " { id }" if draw(st.integers(0, 19)) == 0 else ""
        elif depth <= 0 or not isinstance(inner, GraphQLObjectType):
            sub = " { __typename }"
        else:
            sub = " { " + draw(selection(inner, depth - 1, variables)) + " }"
        parts.append(f"{alias}{name}{args}{sub}")
    if draw(st.integers(0, 14)) == 0:
        parts.append("notAField")
    return " ".join(parts)


@st.composite
def generated_requests(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A query document from the schema and the variables it declares (with values of any type)."""
    variables: dict[str, tuple[str, Any]] = {}
    body = draw(selection(SCHEMA.query_type, draw(st.integers(0, 12)), variables))
    operation = draw(st.sampled_from(["query", "query", "query", "mutation", "subscription", ""]))
    declared = ", ".join(f"${name}: {kind}" for name, (kind, _) in variables.items())
    head = f"{operation} Fuzz({declared})" if operation and declared else operation
    values = {name: value for name, (_, value) in variables.items() if draw(st.integers(0, 5)) > 0}
    return f"{head} {{ {body} }}", values


# ---- the app and its graph ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_graph(neo4j: Driver, settings: Settings) -> str:
    """The small synthetic graph the API test uses, and its fingerprint before any fuzzing."""
    write_graph(neo4j, settings.neo4j_database, api_content())
    return graph_fingerprint(neo4j, settings.neo4j_database)


@pytest.fixture(scope="module")
def client(fuzz_graph: str, settings: Settings) -> Iterator[TestClient]:
    # raise_server_exceptions=False: a crash must show as the 500 a real client would get.
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def unchanged(fuzz_graph: str, neo4j: Driver, settings: Settings) -> Iterator[None]:
    """After a test's examples, the graph is as it was: the API wrote nothing."""
    yield
    assert graph_fingerprint(neo4j, settings.neo4j_database) == fuzz_graph


def post(client: TestClient, query: str, variables: Any) -> None:
    payload = {"query": query, "variables": variables}
    response = client.post("/graphql", json=payload)
    assert_safe(response.status_code, response.content, json.dumps(payload))


# ---- the fuzz tests -------------------------------------------------------------------------------


@pytest.mark.usefixtures("unchanged")
def test_generated_queries_by_post_never_fail_or_leak(client: TestClient) -> None:
    @fuzzed(500)
    @given(generated_requests())
    def check(request: tuple[str, dict[str, Any]]) -> None:
        sent["post"] += 1
        post(client, *request)

    check()
    assert sent["post"] >= 500


@pytest.mark.usefixtures("unchanged")
def test_generated_queries_by_get_never_fail_or_leak(client: TestClient) -> None:
    @fuzzed(200)
    @given(generated_requests())
    def check(request: tuple[str, dict[str, Any]]) -> None:
        sent["get"] += 1
        query, variables = request
        params = {"query": query, "variables": json.dumps(variables)}
        response = client.get("/graphql", params=params, headers={"Accept": "application/json"})
        assert_safe(response.status_code, response.content, json.dumps(params))

    check()
    assert sent["get"] >= 200


@pytest.mark.usefixtures("unchanged")
def test_random_text_as_a_query_never_fails_or_leaks(client: TestClient) -> None:
    @fuzzed(150)
    @given(st.one_of(texts, st.text(alphabet="{}()[]:$@!.,=\"'#\\ \nqueryfragmentonx0123", max_size=300)))
    def check(query: str) -> None:
        sent["text"] += 1
        post(client, query, None)

    check()
    assert sent["text"] >= 150


CONTENT_TYPES = [
    "application/json",
    "application/graphql",
    "application/graphql-response+json",
    "multipart/form-data",
    "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded",
    "text/plain",
    "application/json; charset=utf-16",
    "",
    "\x00",
]


def strawberry_500(body: bytes, content_type: str) -> bool:
    """A JSON body strawberry alone answers with a 500: not UTF-8, or JSON but not an object or a list.

    test_a_json_body_strawberry_cannot_parse_is_refused_as_a_bad_request pins these; the fuzz
    leaves them out so it still finds anything else.
    """
    if "json" not in content_type:
        return False
    try:
        return not isinstance(json.loads(body), dict | list)
    except UnicodeDecodeError:
        return True
    except ValueError:
        return False


@pytest.mark.usefixtures("unchanged")
def test_random_bytes_as_a_body_never_fail_or_leak(client: TestClient) -> None:
    @fuzzed(100)
    @given(st.binary(max_size=2000), st.sampled_from(CONTENT_TYPES))
    def check(body: bytes, content_type: str) -> None:
        assume(not strawberry_500(body, content_type))
        sent["bytes"] += 1
        response = client.post("/graphql", content=body, headers={"content-type": content_type})
        assert_safe(response.status_code, response.content, body.decode("utf-8", errors="replace"))

    check()
    assert sent["bytes"] >= 100


@pytest.mark.usefixtures("unchanged")
def test_random_json_bodies_never_fail_or_leak(client: TestClient) -> None:
    @fuzzed(100)
    @given(
        st.one_of(
            st.lists(json_values, max_size=4),
            st.dictionaries(st.text(max_size=8), json_values, max_size=4),
            st.fixed_dictionaries({"query": json_values, "variables": json_values}),
            st.fixed_dictionaries(
                {
                    "query": st.just("query($c: String!) { council(code: $c) { name } }"),
                    "variables": json_values,
                },
                optional={"operationName": json_values, "extensions": json_values},
            ),
        )
    )
    def check(payload: Any) -> None:
        sent["json"] += 1
        response = client.post("/graphql", json=payload)
        assert_safe(response.status_code, response.content, json.dumps(payload))

    check()
    assert sent["json"] >= 100


# The fuzz bodies above leave these out: they are this test's.
@pytest.mark.parametrize("body", [b"0", b"false", b'"query"', b"null", b"\x80", b'{"query": "\xff"}'])
def test_a_json_body_strawberry_cannot_parse_is_refused_as_a_bad_request(
    client: TestClient, body: bytes
) -> None:
    # strawberry.http's JSON parsing calls .get on whatever JSON arrives, and decodes bytes that are
    # not UTF-8 without catching the error: left to it, a number, a boolean, a string, null or a stray
    # byte is a 500 (AttributeError, UnicodeDecodeError). The API checks the body before it does.
    response = client.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text

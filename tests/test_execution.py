"""The execution's short path (api/execution.py) gives exactly what graphql-core's own execution gives.

Each document is run through the API's schema and through the same schema built without the short
path, on the same real Neo4j, and the answers and errors must be equal. The API's schema runs each
document twice, so the second run uses the completers the first one left in the shared memo.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import strawberry
from neo4j import Driver
from strawberry.extensions import MaskErrors

from api import widgets
from api.context import Context
from api.database import Database
from api.limits import Limits
from api.schema import Query, build_schema, should_mask
from graph.connection import connect_async
from graph.settings import Settings
from loaders.write import write_graph
from tests.test_api import FIRST, SECOND, api_content

CITED = "citations { quote page source { id kind title url } }"

DOCUMENTS: list[tuple[str, str, dict[str, Any]]] = [
    ("the widget's own document", widgets.council_query(), {"code": "200"}),
    ("the widget's document for a council that does not exist", widgets.council_query(), {"code": "999"}),
    (
        "aliases, fragments, inline fragments and __typename",
        f"""fragment I on Inspection {{ __typename id overall judgements {{ area grade {CITED} }} }}
        query($code: String!) {{ a: council(code: $code) {{ __typename name
          early: inspections {{ ...I ... on Inspection {{ startDate kind }} {CITED} }}
          inspections {{ id leadership {{ role status text }} }}
          tenures {{ id person {{ name }} start {{ date precision }} }} }}
          b: council(code: "100") {{ name successors {{ code }} }} }}""",
        {"code": "200"},
    ),
    (
        "@include with a variable, true",
        'query($with: Boolean!) { council(code: "200") { name inspections { id '
        "judgements @include(if: $with) { area grade } } } }",
        {"with": True},
    ),
    (
        "@include with a variable, false (the same document as the one before)",
        'query($with: Boolean!) { council(code: "200") { name inspections { id '
        "judgements @include(if: $with) { area grade } } } }",
        {"with": False},
    ),
    (
        "inspections found without their judgements, which are fetched when asked for",
        f"""{{ ratingChanges(from: INADEQUATE, to: GOOD) {{ council {{ code }}
          from {{ id judgements {{ area grade {CITED} }} {CITED} leadership {{ role status }} }}
          to {{ id overall }} }} }}""",
        {},
    ),
    (
        "the three questions",
        f"""query($from: ID!, $to: ID!) {{
          leadersWhenRated(councilCode: "200", grade: INADEQUATE) {{ inspection {{ id }}
            leaders {{ id role person {{ name }} {CITED} }} }}
          leadershipChanges(councilCode: "200", fromInspection: $from, toInspection: $to) {{
            roles {{ role changed before {{ id }} after {{ id }} }} }}
          person(name: "Pat Lee") {{ name tenures {{ id organisation {{ name }} }} }} }}""",
        {"from": FIRST, "to": SECOND},
    ),
    (
        "an error in one field leaves the rest answered",
        '{ council(code: "200") { name } person { name } inspection(id: "x") { id } '
        'b: person(name: "nobody") { name } }',
        {},
    ),
]


class _Request:
    method = "POST"


@pytest.fixture(scope="module")
def loaded(neo4j: Driver, settings: Settings) -> None:
    with neo4j.session(database=settings.neo4j_database) as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
    write_graph(neo4j, settings.neo4j_database, api_content())


def _answers(settings: Settings, document: str, variables: dict[str, Any]) -> list[Any]:
    """The answer of the API's schema (twice) and of the schema without the short path."""
    limits = Limits()
    short = build_schema(limits)
    ordinary = strawberry.Schema(
        query=Query,
        extensions=[lambda: MaskErrors(should_mask_error=should_mask, error_message="internal error")],
    )

    async def run() -> list[Any]:
        driver = connect_async(settings)
        db = Database(driver, settings.neo4j_database, limits.query_timeout_seconds)
        try:
            answers = []
            for schema in (short, short, ordinary):
                context = Context(db, limits)
                context.request = _Request()  # type: ignore[assignment]
                result = await schema.execute(document, variable_values=variables, context_value=context)
                errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or [])
                answers.append((result.data, errors))
            return answers
        finally:
            await driver.close()

    return asyncio.run(run())


@pytest.mark.parametrize(("name", "document", "variables"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_the_short_path_answers_as_graphql_core_does(
    loaded: None, settings: Settings, name: str, document: str, variables: dict[str, Any]
) -> None:
    first, again, ordinary = _answers(settings, document, variables)
    assert first == ordinary
    assert again == ordinary
    data, errors = ordinary
    assert data is not None
    assert bool(errors) is name.startswith("an error")


def test_a_document_asked_with_other_variables_takes_its_selections_from_them(
    loaded: None, settings: Settings
) -> None:
    document = DOCUMENTS[3][1]
    for include in (True, False, True):
        ((data, errors), *_) = _answers(settings, document, {"with": include})
        assert not errors
        inspections = data["council"]["inspections"]
        assert inspections
        assert all(("judgements" in i) is include for i in inspections)

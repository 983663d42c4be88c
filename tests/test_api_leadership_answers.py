"""An answer for every (inspection, role): NAMED, UNNAMED, BOUNDED or NONE, with the nearest evidence
either side, through the real app and a real Neo4j."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from neo4j import Driver

from api.app import create_app
from graph.settings import Settings
from loaders.model import PartialDate
from loaders.write import write_graph
from tests.asgi import TestClient
from tests.test_api import (
    FIRST,
    SECOND,
    _inspection,
    _on,
    _tenure,
    api_content,
    ask,
    queries_run,  # noqa: F401 (the fixture counting named queries)
)

BETWEEN = "200/inspection/2019-01-14"  # after the unnamed director's evidence, before Pat Lee's
ELSEWHERE = "31/inspection/2019-03-04"  # a council with no leadership evidence at all
BEFORE_ABOUT = "32/inspection/2021-05-10"  # before a director who "took up post two years ago" in 2025


@pytest.fixture
def client(graph: Driver, settings: Settings) -> Iterator[TestClient]:
    content = api_content()
    content.inspections.append(
        _inspection(BETWEEN, "2019-01-14", "2019-03-01", "REQUIRES_IMPROVEMENT", "report:2017")
    )
    content.inspections.append(
        replace(_inspection(ELSEWHERE, "2019-03-04", "2019-04-20", "GOOD", "report:2017"), council_code="31")
    )
    content.inspections.append(
        replace(
            _inspection(BEFORE_ABOUT, "2021-05-10", "2021-07-01", "GOOD", "report:2017"), council_code="32"
        )
    )
    took = "Under the current director of children’s services, who took up post two years ago, ..."  # noqa: RUF001
    content.bundle.tenures.append(
        _tenure(
            "32-dcs-about",
            None,
            "director_of_childrens_services",
            "council:32",
            _on("report:2017", "2025-06-20", took),
            start=PartialDate("2023", "year", "approximate"),
        )
    )
    write_graph(graph, settings.neo4j_database, content)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


ROLES = """query($code: String!, $grade: Grade!) { leadersWhenRated(councilCode: $code, grade: $grade) {
  inspection { id } roles { role status text lastBefore { date tenure { id person { name } } }
  firstAfter { date tenure { id person { name } } } } } }"""


def answers(client: TestClient, code: str, grade: str) -> dict[str, dict[str, object]]:
    (rated,) = ask(client, ROLES, code=code, grade=grade)["leadersWhenRated"]
    return {r["role"]: r for r in rated["roles"]}


def test_a_named_holder_and_an_unnamed_tenure_cover_the_inspection(client: TestClient) -> None:
    roles = answers(client, "200", "INADEQUATE")
    assert roles["CHIEF_EXECUTIVE"]["status"] == "NAMED"
    assert roles["DIRECTOR_OF_CHILDRENS_SERVICES"]["status"] == "UNNAMED"
    assert roles["DIRECTOR_OF_CHILDRENS_SERVICES"]["text"] == "in post, name not stated"
    # Even a covered answer shows who came next: Pat Lee from January 2020.
    assert roles["DIRECTOR_OF_CHILDRENS_SERVICES"]["firstAfter"] == {
        "date": "2020-01-06",
        "tenure": {"id": "200-dcs-pat-lee", "person": {"name": "Pat Lee"}},
    }


def test_an_inspection_between_two_tenures_is_bounded_by_the_nearest_evidence(client: TestClient) -> None:
    dcs = answers(client, "200", "REQUIRES_IMPROVEMENT")["DIRECTOR_OF_CHILDRENS_SERVICES"]
    assert dcs["status"] == "BOUNDED"
    assert dcs["lastBefore"] == {"date": "2017-06-13", "tenure": {"id": "200-dcs-2011", "person": None}}
    assert dcs["firstAfter"] == {
        "date": "2020-01-06",
        "tenure": {"id": "200-dcs-pat-lee", "person": {"name": "Pat Lee"}},
    }
    assert dcs["text"] == (
        "not known; last shown in post 13 June 2017: name not stated; "
        "next shown in post 6 January 2020: Pat Lee"
    )


def test_a_council_with_no_evidence_for_a_role_answers_none(client: TestClient) -> None:
    roles = answers(client, "31", "GOOD")
    assert {r: a["status"] for r, a in roles.items()} == {
        "CHIEF_EXECUTIVE": "NONE",
        "DIRECTOR_OF_CHILDRENS_SERVICES": "NONE",
    }
    assert roles["CHIEF_EXECUTIVE"]["lastBefore"] is None
    assert roles["CHIEF_EXECUTIVE"]["text"] == "not known; no evidence for this post"


def test_leadership_changes_give_the_answer_at_each_end(client: TestClient) -> None:
    query = """query($from: ID!, $to: ID!) { leadershipChanges(councilCode: "200", fromInspection: $from,
      toInspection: $to) { roles { role changed atFrom { status } atTo { status } } } }"""
    roles = {
        r["role"]: r
        for r in ask(client, query, **{"from": FIRST, "to": SECOND})["leadershipChanges"]["roles"]
    }
    assert roles["DIRECTOR_OF_CHILDRENS_SERVICES"]["atFrom"] == {"status": "UNNAMED"}
    assert roles["DIRECTOR_OF_CHILDRENS_SERVICES"]["atTo"] == {"status": "NAMED"}
    assert roles["CHIEF_EXECUTIVE"]["atTo"] == {"status": "NAMED"}
    # The lead member is not one of the roles answered for every inspection.
    assert roles["LEAD_MEMBER"]["atFrom"] is None


def test_a_start_counted_back_from_a_relative_phrase_is_said_to_be_approximate(client: TestClient) -> None:
    query = """{ leadersWhenRated(councilCode: "32", grade: GOOD) { roles { role status text
      firstAfter { date certainty tenure { start { date precision certainty } } } } } }"""
    (rated,) = ask(client, query)["leadersWhenRated"]
    dcs = next(r for r in rated["roles"] if r["role"] == "DIRECTOR_OF_CHILDRENS_SERVICES")
    assert dcs["status"] == "BOUNDED"
    assert dcs["firstAfter"] == {
        "date": "2023",
        "certainty": "APPROXIMATE",
        "tenure": {"start": {"date": "2023", "precision": "YEAR", "certainty": "APPROXIMATE"}},
    }
    assert dcs["text"] == "not known; next shown in post about 2023: name not stated"


ANSWER = "role status text lastBefore { date tenure { id } } firstAfter { date certainty tenure { id } }"


def test_a_council_pages_answers_come_alongside_it_and_match_each_inspections_own(
    client: TestClient,
    queries_run: list[str],  # noqa: F811 (the fixture imported above)
) -> None:
    query = f'{{ council(code: "200") {{ inspections {{ id overall kind leadership {{ {ANSWER} }} }} }} }}'
    page = ask(client, query)["council"]["inspections"]
    # The page and its answers: two queries asked together, whatever the number of inspections.
    assert sorted(queries_run) == ["council_page", "leadership_answers"]
    graded = [i for i in page if i["leadership"]]
    assert {i["id"] for i in graded} >= {FIRST, SECOND, BETWEEN}
    for inspection in page:
        alone = ask(client, f'{{ inspection(id: "{inspection["id"]}") {{ leadership {{ {ANSWER} }} }} }}')
        assert inspection["leadership"] == alone["inspection"]["leadership"]
    # Through a fragment the answers come from the per-inspection loader instead: the same answers.
    via_fragment = ask(
        client,
        "fragment L on Inspection { leadership { " + ANSWER + " } } "
        '{ council(code: "200") { inspections { id overall kind ...L } } }',
    )["council"]["inspections"]
    assert via_fragment == page

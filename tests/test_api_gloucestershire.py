"""The three questions the service exists for, asked of the real bundled data through the real app.

Gloucestershire was rated inadequate in June 2017 (inspected February-March 2017) and requires
improvement in April 2022. Expectations were checked by hand against the sources: the 2017 report
(page 5), the June 2017 and February 2018 articles in ../shared/seeds, and the focused-visit letters.
"""

# The report and articles print curly apostrophes; quotes are compared exactly.
# ruff: noqa: RUF001

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver

from api.app import create_app
from graph.settings import Settings
from loaders.pipeline import read_everything
from loaders.write import write_graph
from tests.asgi import TestClient

INSPECTED_2017 = "916/inspection/2017-06-13"
INSPECTED_2022 = "916/inspection/2022-04-01"
TENURE = "role title interim person { id name } start { date precision } end { date precision } "
CITATIONS = "citations { quote page field value evidence date { date precision } source { id kind title } }"


@pytest.fixture(scope="module")
def client(neo4j: Driver, settings: Settings) -> Iterator[TestClient]:
    write_graph(
        neo4j, settings.neo4j_database, read_everything(settings.data_dir, settings.seeds_dir), force=True
    )
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def ask(client: TestClient, query: str) -> dict[str, Any]:
    response = client.post("/graphql", json={"query": query})
    body = response.json()
    assert response.status_code == 200, body
    assert "errors" not in body, body.get("errors")
    return dict(body["data"])


def by_role(tenures: list[dict[str, Any]], role: str) -> list[dict[str, Any]]:
    return [t for t in tenures if t["role"] == role]


def quotes(tenure: dict[str, Any]) -> set[tuple[str, int | None, str]]:
    return {(c["quote"], c["page"], c["source"]["kind"]) for c in tenure["citations"]}


def test_who_led_gloucestershire_when_it_was_rated_inadequate_in_2017(client: TestClient) -> None:
    data = ask(
        client,
        f'{{ leadersWhenRated(councilCode: "916", grade: INADEQUATE) '
        f"{{ inspection {{ id overall inspectors }} leaders {{ {TENURE} {CITATIONS} }} }} }}",
    )
    rated = {r["inspection"]["id"]: r for r in data["leadersWhenRated"]}
    # The 2017 report's team, as its last page lists it (the tables name no one for this report).
    assert rated[INSPECTED_2017]["inspection"]["inspectors"][:2] == ["Emmy Tomsett", "Marcie Taylor"]
    assert rated[INSPECTED_2017]["inspection"]["overall"] == "INADEQUATE"
    leaders = rated[INSPECTED_2017]["leaders"]

    # The chief executive: named in the June 2017 article, in post since May 2005 per the report.
    [ceo] = by_role(leaders, "CHIEF_EXECUTIVE")
    assert ceo["person"] == {"id": "peter-bungard", "name": "Peter Bungard"}
    assert ceo["start"] == {"date": "2005-05", "precision": "MONTH"}
    assert ceo["end"] is None
    assert ("The chief executive has been in post since May 2005.", 5, "OFSTED_REPORT") in quotes(ceo)
    assert (
        "Peter Bungard, chief executive of the council, apologised for the inspection outcome.",
        None,
        "NEWS_ARTICLE",
    ) in quotes(ceo)

    # The director: in post since August 2011 per the report, and named by no source.
    [dcs] = by_role(leaders, "DIRECTOR_OF_CHILDRENS_SERVICES")
    assert dcs["person"] is None
    assert dcs["start"] == {"date": "2011-08", "precision": "MONTH"}
    assert (
        "The director of children’s services (DCS) has been in post since August 2011.",
        5,
        "OFSTED_REPORT",
    ) in quotes(dcs)
    # The report's "The DCS is also responsible for ..." is cited on the same tenure: a combined post.
    assert {c["evidence"] for c in dcs["citations"]} == {"in_post_since", "in_post_on", None}
    [combined] = [c for c in dcs["citations"] if c["evidence"] is None]
    assert (combined["field"], combined["value"], combined["page"]) == (
        "combined_role",
        "some services for vulnerable adults",
        5,
    )
    assert combined["quote"] == "The DCS is also responsible for some services for vulnerable adults."


def test_which_leaders_changed_between_the_2017_and_2022_inspections(client: TestClient) -> None:
    data = ask(
        client,
        f'{{ leadershipChanges(councilCode: "916", fromInspection: "{INSPECTED_2017}", '
        f'toInspection: "{INSPECTED_2022}") {{ from {{ id overall }} to {{ id overall }} '
        f"roles {{ role changed before {{ {TENURE} }} between {{ {TENURE} {CITATIONS} }} "
        f"after {{ {TENURE} }} }} }} }}",
    )["leadershipChanges"]
    assert (data["from"]["overall"], data["to"]["overall"]) == ("INADEQUATE", "REQUIRES_IMPROVEMENT")
    roles = {r["role"]: r for r in data["roles"]}

    # The 2011 director was followed by Chris Spencer, who took up the post on 5 March 2018.
    dcs = roles["DIRECTOR_OF_CHILDRENS_SERVICES"]
    assert [t["person"] for t in dcs["before"]] == [None]
    assert [t["person"]["name"] for t in dcs["between"]] == ["Chris Spencer"]
    assert dcs["between"][0]["start"] == {"date": "2018-03-05", "precision": "DAY"}
    assert any(c["source"]["id"] == "seed-002" for c in dcs["between"][0]["citations"])
    assert dcs["changed"] is True

    # No source shows who was chief executive in 2022, so whether that changed is unknown, not guessed.
    ceo = roles["CHIEF_EXECUTIVE"]
    assert [t["person"]["name"] for t in ceo["before"]] == ["Peter Bungard"]
    assert ceo["between"] == []
    assert ceo["after"] == []
    assert ceo["changed"] is None


def test_where_chris_spencer_worked_before(client: TestClient) -> None:
    data = ask(
        client,
        '{ person(name: "Chris Spencer") { id name careerLink tenures { role organisation { id name } '
        "start { date precision } citations { quote source { id kind } } } } }",
    )["person"]
    assert data["id"] == "chris-spencer"
    previous = {
        t["organisation"]["name"]: t for t in data["tenures"] if t["organisation"]["id"] != "council:916"
    }
    assert set(previous) == {"Redbridge", "Hillingdon", "Slough"}
    for tenure in previous.values():
        # The article gives no dates or titles for these posts: none are made up.
        assert tenure["start"] is None
        [citation] = tenure["citations"]
        assert citation["source"] == {"id": "seed-002", "kind": "NEWS_ARTICLE"}
        assert "has held senior positions at Redbridge, Hillingdon and Slough" in citation["quote"]
    [gloucestershire] = [t for t in data["tenures"] if t["organisation"]["id"] == "council:916"]
    assert gloucestershire["role"] == "DIRECTOR_OF_CHILDRENS_SERVICES"
    # The same article names him at Gloucestershire and at the three earlier employers.
    assert data["careerLink"] == "STATED"


def test_a_career_joined_only_by_the_name_says_so(client: TestClient) -> None:
    # Ann James is addressed as director by Bristol's 2022 letter and Gloucestershire's 2025 one; no
    # source says they are the same person.
    data = ask(client, '{ person(name: "Ann James") { careerLink tenures { organisation { name } } } }')
    person = data["person"]
    assert {t["organisation"]["name"] for t in person["tenures"]} == {"City of Bristol", "Gloucestershire"}
    assert person["careerLink"] == "SAME_NAME"

"""Writing a load: one transaction, replaced whole, and a second identical load writes nothing."""

from __future__ import annotations

import pytest
from neo4j import Driver
from neo4j.exceptions import ConstraintError

from graph.fingerprint import graph_fingerprint
from graph.settings import Settings
from loaders.merge import check_references, merge_tenures
from loaders.model import (
    Bundle,
    Citation,
    Content,
    CouncilRecord,
    Inspection,
    Judgement,
    PartialDate,
    PersonRecord,
    SourceRecord,
    TenureRecord,
)
from loaders.write import write_graph


def small_content(*, lead_inspector: str = "A. Inspector") -> Content:
    """Two councils (one succeeded by the other), an inspection, a judgement, a cited tenure."""
    stats = SourceRecord(id="data:stats.csv", kind="official_statistics", title="Stats", publisher="Ofsted")
    letter = SourceRecord(id="letter:1", kind="ofsted_letter", published_date="2020-11-20")
    row = Citation(source_id="data:stats.csv", quote="Name=Old; Code=100", row=2)
    old = CouncilRecord("100", "Old Shire", None, "1", "South West", "County", None, "2019-03-31", ["200"])
    new = CouncilRecord("200", "New Shire", "E1", "2", "South West", "Unitary", "2019-04-01", None)
    old.citations.append(row)
    new.citations.append(Citation(source_id="data:stats.csv", quote="Name=New; Code=200", row=3))
    grade = Citation(source_id="data:stats.csv", quote="OE=Inadequate", row=3, value="Inadequate")
    inspection = Inspection(
        id="200/inspection/2022-01-10",
        council_code="200",
        kind="inspection",
        framework="ILACS standard",
        start_date=None,
        end_date=None,
        published_date="2022-01-10",
        lead_inspector=lead_inspector,
        report_url=None,
        theme=None,
        overall="INADEQUATE",
        judgements=[
            Judgement(
                "200/inspection/2022-01-10/overall_effectiveness",
                "overall_effectiveness",
                "INADEQUATE",
                "Inadequate",
                [grade],
                conflict=False,
            )
        ],
        citations=[grade],
        conflicts=[],
    )
    person = PersonRecord("pat-lee", "Pat Lee")
    tenure = TenureRecord(
        id="200-dcs-pat-lee",
        person_id="pat-lee",
        role="director_of_childrens_services",
        title="Director of Children's Services",
        organisation_id="council:200",
        interim=False,
        citations=[
            Citation(
                source_id="letter:1",
                quote="Pat Lee | Director of Children's Services",
                evidence="in_post_on",
                date="2020-11-20",
                precision="day",
            )
        ],
    )
    bundle = Bundle(sources=[stats, letter], councils=[old, new], people=[person], tenures=[tenure])
    person.citations = list(tenure.citations)
    return Content(bundle=bundle, inspections=[inspection])


def test_a_load_writes_every_record_with_its_citations(graph: Driver, settings: Settings) -> None:
    result = write_graph(graph, settings.neo4j_database, small_content())
    assert result.changed
    assert result.counts["councils"] == 2
    records = graph.execute_query(
        """
        MATCH (old:Council {code: '100'})-[:SUCCEEDED_BY]->(new:Council)-[:HAD_INSPECTION]->(i)
        MATCH (i)-[:HAS_JUDGEMENT]->(j)-[c:CITES]->(s:Source)
        MATCH (p:Person)-[:HELD]->(t:Tenure)-[:AT]->(new)
        RETURN new.name AS name, i.overall AS overall, c.quote AS quote, s.kind AS kind,
               p.name AS person, t.known_from AS known_from
        """
    ).records
    assert [dict(r) for r in records] == [
        {
            "name": "New Shire",
            "overall": "INADEQUATE",
            "quote": "OE=Inadequate",
            "kind": "official_statistics",
            "person": "Pat Lee",
            "known_from": "2020-11-20",
        }
    ]


def test_loading_the_same_content_twice_changes_nothing(graph: Driver, settings: Settings) -> None:
    write_graph(graph, settings.neo4j_database, small_content())
    before = graph_fingerprint(graph, settings.neo4j_database)
    again = write_graph(graph, settings.neo4j_database, small_content())
    assert not again.changed
    forced = write_graph(graph, settings.neo4j_database, small_content(), force=True)
    assert forced.changed
    assert graph_fingerprint(graph, settings.neo4j_database) == before


def test_a_new_load_replaces_the_old_content(graph: Driver, settings: Settings) -> None:
    write_graph(graph, settings.neo4j_database, small_content())
    write_graph(graph, settings.neo4j_database, small_content(lead_inspector="B. Inspector"))
    records = graph.execute_query("MATCH (i:Inspection) RETURN i.lead_inspector AS lead").records
    assert [r["lead"] for r in records] == ["B. Inspector"]


def test_a_write_failing_midway_leaves_the_previous_graph(graph: Driver, settings: Settings) -> None:
    write_graph(graph, settings.neo4j_database, small_content())
    before = graph_fingerprint(graph, settings.neo4j_database)
    broken = small_content(lead_inspector="C. Inspector")
    # A duplicate person id breaks a uniqueness constraint after sources, councils and inspections
    # were already written inside the transaction.
    broken.bundle.people.append(PersonRecord("pat-lee", "Pat Lee"))
    with pytest.raises(ConstraintError):
        write_graph(graph, settings.neo4j_database, broken)
    assert graph_fingerprint(graph, settings.neo4j_database) == before


def test_a_citation_of_an_unknown_source_is_a_problem() -> None:
    content = small_content()
    content.bundle.tenures[0].citations.append(Citation(source_id="seed-999", quote="x"))
    problems = check_references(content)
    assert [(p.file, p.reason) for p in problems] == [("200-dcs-pat-lee", "cites unknown source seed-999")]


def test_tenures_of_one_person_in_one_post_are_joined_but_not_unnamed_ones() -> None:
    def tenure(tid: str, person: str | None, interim: bool | None) -> TenureRecord:
        return TenureRecord(tid, person, "director_of_childrens_services", None, "council:200", interim)

    announced = tenure("a", "pat-lee", False)
    announced.start = PartialDate("2018-03-05", "day")
    merged = merge_tenures(
        [announced, tenure("b", "pat-lee", None), tenure("c", None, None), tenure("d", None, None)]
    )
    assert [(t.id, t.start) for t in merged] == [
        ("a", PartialDate("2018-03-05", "day")),
        ("c", None),
        ("d", None),
    ]


def test_a_holder_who_left_and_came_back_keeps_two_tenures() -> None:
    def letter(tid: str, person: str, date: str) -> TenureRecord:
        cite = Citation(
            source_id=f"letter:{date}", quote=person, evidence="in_post_on", date=date, precision="day"
        )
        return TenureRecord(
            tid, person, "director_of_childrens_services", None, "council:200", False, citations=[cite]
        )

    merged = merge_tenures(
        [
            letter("a1", "ann", "2018-01-01"),
            letter("b", "bob", "2019-01-01"),
            letter("a2", "ann", "2021-01-01"),
        ]
    )
    assert [t.id for t in merged] == ["a1", "b", "a2"]

"""Published evidence: web-page facts checked for what can be checked, marked unverified, and loaded."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from neo4j import Driver

from api.app import create_app
from graph.errors import LoadError
from graph.settings import PROJECT_ROOT, Settings
from loaders.published import read_all_published, read_published, web_source_id
from tests.asgi import TestClient
from tests.test_load import loaded, run

__all__ = ["loaded"]  # the real-load fixture, shared with tests/test_load.py

PUBLISHED = PROJECT_ROOT / "facts" / "published"
COUNCILS = {"916", "204", "371"}

GOOD: dict[str, Any] = {
    "council": "371",
    "council_name": "Doncaster",
    "sources": [
        {
            "key": "cc-2013",
            "url": "https://www.example.org/2013/09/27/doncaster-trust/",
            "publisher": "Example Weekly",
            "title": "Trust plan agreed",
            "published": "2013-09-27",
            "published_precision": "day",
            "published_basis": "url",
            "read": "2026-12-01",
        }
    ],
    "tenures": [
        {
            "person": "Dr Pat Example",
            "role": "director_of_childrens_services",
            "title": "director of children's services",
            "interim": True,
            "events": [
                {"kind": "took_up_post", "date": "2013-01", "precision": "month", "certainty": "stated",
                 "source": "cc-2013", "note": "Started as interim DCS in January."},
                {"kind": "in_post_on", "date": "2013-09-27", "precision": "day", "certainty": "stated",
                 "source": "cc-2013", "note": "Quoted as the interim DCS."},
            ],
            "previous": [
                {"organisation": "Hackney", "la_code": "204", "title": "deputy director", "source": "cc-2013"}
            ],
        }
    ],
    "interventions": [
        {
            "kind": "statutory_direction",
            "name": None,
            "events": [
                {"kind": "issued", "date": "2013-03", "precision": "month", "certainty": "stated",
                 "source": "cc-2013", "note": "First direction issued in March."},
                {"kind": "revoked", "date": "2014-09", "precision": "month", "certainty": "stated",
                 "source": "cc-2013", "note": "Replaced by a later direction."},
            ],
            "people": [{"person": "Lee Sample", "role": "commissioner"}],
        }
    ],
}  # fmt: skip


def write(tmp_path: Path, data: Any, name: str = "371-leaders.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[tuple[str, int | None, str | None]]:
    with pytest.raises(LoadError) as caught:
        read_published(path, COUNCILS)
    return [(p.file, p.row, p.field) for p in caught.value.problems]


def test_a_published_fact_file_becomes_unverified_web_sources_tenures_and_interventions(
    tmp_path: Path,
) -> None:
    bundle = read_published(write(tmp_path, GOOD), COUNCILS)
    [source] = bundle.sources
    assert (source.kind, source.id, source.read_date) == (
        "web_page",
        web_source_id(GOOD["sources"][0]["url"]),
        "2026-12-01",
    )
    dcs, previous = bundle.tenures
    assert (dcs.person_id, dcs.organisation_id, dcs.interim) == ("pat-example", "council:371", True)
    assert dcs.start is not None
    assert (dcs.start.date, dcs.start.precision) == ("2013-01", "month")
    assert all(c.quote is None and c.note for c in dcs.citations)
    assert [c.evidence for c in dcs.citations] == ["takes_up_post", "in_post_on"]
    assert (previous.organisation_id, previous.role) == ("council:204", "other")
    [direction] = bundle.interventions
    assert direction.start is not None
    assert direction.end is not None
    assert (direction.start.date, direction.end.date, direction.people) == (
        "2013-03",
        "2014-09",
        [("lee-sample", "commissioner")],
    )
    assert "lee-sample" in {p.id for p in bundle.people}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["sources"][0].pop("url"), "sources[0].url"),
        (lambda d: d["sources"][0].__setitem__("url", "www.example.org/page"), "sources[0].url"),
        (lambda d: d["sources"][0].pop("published"), "sources[0].published"),
        (lambda d: d["sources"][0].pop("published_precision"), "sources[0].published_precision"),
        (lambda d: d["sources"][0].__setitem__("published", "2013-09"), "sources[0].published"),
        (lambda d: d["sources"][0].__setitem__("publisher", ""), "sources[0].publisher"),
        (lambda d: d.__setitem__("council", "999"), "council"),
        (lambda d: d["tenures"][0].__setitem__("role", "headteacher"), "tenures[0].role"),
        (lambda d: d["interventions"][0].__setitem__("kind", "special_measures"), "interventions[0].kind"),
        (
            lambda d: d["interventions"][0]["events"][1].__setitem__("date", "2012-01"),
            "interventions[0].events[1].date",
        ),
        (lambda d: d["tenures"][0]["events"][0].__setitem__("source", "nope"), "tenures[0].events[0].source"),
        (lambda d: d["tenures"][0]["events"][1].__setitem__("kind", "rumoured"), "tenures[0].events[1].kind"),
    ],
)
def test_a_bad_fact_is_refused_with_its_file_line_and_key(tmp_path: Path, change: Any, field: str) -> None:
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    change(data)
    found = problems_of(write(tmp_path, data))
    assert any(file == "371-leaders.yaml" and key == field for file, _row, key in found), found
    assert all(row is not None for _file, row, key in found if key == field)


def test_an_end_before_its_start_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    data["tenures"][0]["events"].append(
        {
            "kind": "left",
            "date": "2012-06",
            "precision": "month",
            "certainty": "stated",
            "source": "cc-2013",
            "note": "Left.",
        }
    )
    found = problems_of(write(tmp_path, data))
    assert [(file, key) for file, row, key in found if row] == [
        ("371-leaders.yaml", "tenures[0].events[2].date")
    ]


def test_every_shipped_file_loads_with_well_formed_urls_and_named_publishers(settings: Settings) -> None:
    with (settings.data_dir / "la_lookup" / "Provider_data_lookup.csv").open(encoding="utf-8-sig") as fh:
        councils = {row["la_code"] for row in csv.DictReader(fh)} | {"835", "836", "837", "909", "928"}
    bundle = read_all_published(PUBLISHED, councils)
    assert len(list(PUBLISHED.glob("*.yaml"))) >= 100
    for source in bundle.sources:
        parts = urlsplit(source.url or "")
        assert parts.scheme in ("http", "https"), source.url
        assert "." in parts.netloc, source.url
        assert (source.publisher or "").strip(), source.url
        assert source.published_date, source.url
        assert source.published_precision, source.url


def test_the_real_load_holds_interventions_at_fifty_councils_and_leader_facts_2009_to_2018(
    loaded: Driver, settings: Settings
) -> None:
    measures = {r["measure"]: r["value"] for r in run(loaded, "coverage", settings)}
    assert measures["councils with a DfE intervention"] >= 50
    assert sum(measures[f"published leader facts {year}"] for year in range(2009, 2019)) >= 250
    assert measures["facts without a citation"] == 0
    councils = loaded.execute_query(
        """MATCH (c:Council)<-[:AT]-(:Tenure)-[r:CITES]->(:Source {kind: 'web_page'})
           WHERE r.date >= '2009' AND r.date < '2019' RETURN count(DISTINCT c) AS n""",
        database_=settings.neo4j_database,
    ).records[0]["n"]
    assert councils >= 90


def test_the_api_lists_a_councils_interventions_citing_unverified_pages_by_link(
    loaded: Driver, settings: Settings
) -> None:
    expected = loaded.execute_query(
        "MATCH (:Council {code: '371'})-[:SUBJECT_OF]->(i:Intervention) RETURN i.kind AS kind",
        database_=settings.neo4j_database,
    ).records
    query = """{ council(code: "371") { interventions { kind start { date } events { kind date { date }
        citations { quote note verified source { kind url publisher readDate } } } } } }"""
    with TestClient(create_app(settings)) as client:
        body = client.post("/graphql", json={"query": query}).json()
    interventions = body["data"]["council"]["interventions"]
    assert sorted(i["kind"].lower() for i in interventions) == sorted(r["kind"] for r in expected)
    assert "CHILDRENS_TRUST" in {i["kind"] for i in interventions}
    citations = [c for i in interventions for e in i["events"] for c in e["citations"]]
    assert citations
    for citation in citations:
        assert citation["verified"] is False
        assert citation["quote"] is None
        assert citation["note"]
        assert citation["source"]["kind"] == "WEB_PAGE"
        assert citation["source"]["url"].startswith("http")
        assert citation["source"]["readDate"]


def test_seed_quotes_stay_verified_and_the_seed_notice_stands_in_where_no_page_says(
    loaded: Driver, settings: Settings
) -> None:
    query = """{ council(code: "916") { improvementNotices { id } interventions { kind
        citations { verified source { kind } } } } }"""
    with TestClient(create_app(settings)) as client:
        council = client.post("/graphql", json={"query": query}).json()["data"]["council"]
    assert len(council["improvementNotices"]) == 1
    kinds = [i["kind"] for i in council["interventions"]]
    assert kinds.count("IMPROVEMENT_NOTICE") == 1
    for citation in (c for i in council["interventions"] for c in i["citations"]):
        assert citation["verified"] is (citation["source"]["kind"] != "WEB_PAGE")


# Pre-2018 inadequate inspections whose director the graph names only because a published page
# places them in post on the inspection's start or publication date (checked by hand against the
# stored page text the curators read).
NAMED_BY_PAGES = [
    ("306", "306/inspection/2017-09-04", "Barbara Peacock", "https://www.cypnow.co.uk/cyp/news/2004195/senior-figures-quit-council-following-inadequate-ofsted-rating"),
    ("382", "382/inspection/2016-11-25", "Sarah Callaghan", "https://kirkleestogether.co.uk/2016/11/25/ofsted-inspection-results-2016/"),
    ("340", "340/inspection/2014-06-30", "Paul Boyce", "https://www.cypnow.co.uk/news/article/ofsted-criticises-knowsley-s-inadequate-child-protection-services"),
    ("856", "856/inspection/2015-03-20", "Frances Craven", "https://www.itv.com/news/central/2015-03-09/massive-shake-up-of-childrens-services-in-leicester-after-ofsted-inspection"),
    ("803", "803/inspection/2017-02-13", "Peter Murphy", "https://www.hanhamandlongwellgreenvoice.co.uk/council-has-failed-vulnerable-children-ofsted"),
    ("211", "211/inspection/2017-04-07", "Debbie Jones", "https://lovewapping.org/2017/04/ofsted-condemns-tower-hamlets-childrens-services-inadequate/"),
    ("212", "212/inspection/2016-02-16", "Dawn Warwick", "https://www.communitycare.co.uk/2016/02/17/management-overhaul-council-rated-inadequate-due-drop-quality-social-work/"),
    ("869", "869/inspection/2015-05-13", "Rachael Wardell", "https://www.communitycare.co.uk/2015/08/28/minister-instructs-council-work-consultancy-improve-childrens-services/"),
    ("330", "330/inspection/2014-05-23", "Peter Hay", "https://www.localgov.co.uk/Birmingham-failing-citys-vulnerable-children-says-watchdog/36368"),
    ("926", "926/inspection/2015-10-19", "Michael Rosen", "https://www.cypnow.co.uk/news/article/ofsted-rates-council-inadequate-for-second-time-in-two-years-1"),
    ("330", "330/reinspection/2016-11-25", "Peter Hay", "https://www.thechamberlainfiles.com/birmingham-childrens-services-boss-peter-duxbury-quits-hot-seat-after-15-months/"),
    ("333", "333/inspection/2015-06-05", "Matthew Sampson", "http://www.cypnow.co.uk/cyp/news/2003380/ofsted-raises-concerns-over-pace-of-improvement-at-inadequate-council"),
    ("936", "936/reinspection/2018-05-16", "Dave Hill", "https://www.communitycare.co.uk/2019/03/04/im-bothered-ofsted-want-make-big-improvement-youve-got/"),
    ("933", "933/inspection/2015-03-27", "Julian Wooster", "https://www.localgov.co.uk/Rotherhams-childrens-services-rated-good-in-dramatic-turnaround/44627"),
]  # fmt: skip


# ILACS-era (2018-2025) inadequate inspections whose director the graph names only because a dated
# published page (alone, or joined to a focused-visit letter's tenure of the same person and post)
# places them in post on the inspection's start or publication date.
NAMED_BY_PAGES_SINCE_2018 = [
    ("887", "887/inspection/2019-08-27", "Ian Sutherland", "http://centreforjournalismprojects.co.uk/voiceofkent/2019/10/04/medway-councillor-says-we-are-absolutely-a-disgrace-after-oftsed-report-on-medways-children-services/"),
    ("342", "342/inspection/2019-11-04", "Sarah O\u2019Brien", "https://www.sthelens.gov.uk/social-care-health/children-and-families/reports-inspections/"),
    ("812", "812/inspection/2021-11-26", "Lisa Arthey", "https://www.nelincs.gov.uk/pledge-to-improve-made-by-senior-leadership-following-the-release-of-the-latest-ofsted-report/"),
    ("892", "892/inspection/2022-09-05", "Catherine Underwood", "https://committee.nottinghamcity.gov.uk/ieListDocuments.aspx?CId=829&MId=9674&Ver=4"),
    ("874", "874/inspection/2024-01-30", "John Gregg", "https://www.peterborough.gov.uk/news/leader-mohammed-farooqs-column-february-1"),
    ("895", "895/inspection/2024-05-16", "Deborah Woodcock", "https://thenantwichnews.co.uk/2024/07/24/cheshire-east-council-director-of-childrens-services-quits/"),
    ("878", "878/inspection/2025-05-13", "Stuart Collins", "https://exeterobserver.org/2025/05/16/ofsted-devon-county-council-childrens-services-inadequate-rating-unchanged-since-2020-inspection-report-highlights-serious-weaknesses-that-are-leaving-children-at-risk-of-harm-as-failings-echo-poor-special-educational-needs-disabilities-provision"),
    ("878", "878/inspection/2025-05-13", "Julian Wooster", "https://content.govdelivery.com/accounts/UKDEVONCC/bulletins/3e02ae1"),
    ("928", "928/inspection/2019-07-29", "Sally Hodges", "https://www.communitycare.co.uk/2019/10/09/director-follows-commissioner-departing-inadequate-northamptonshire-childrens-services/"),
    ("810", "810/inspection/2019-05-17", "Alison Murphy", "https://www.lgcplus.com/services/children/improvement-notice-for-city-over-failing-childrens-services/7029526.article"),
]  # fmt: skip


@pytest.mark.parametrize(("code", "inspection", "name", "url"), NAMED_BY_PAGES + NAMED_BY_PAGES_SINCE_2018)
def test_leaders_when_rated_names_the_director_a_published_page_places_in_post(
    loaded: Driver, settings: Settings, code: str, inspection: str, name: str, url: str
) -> None:
    rows = run(loaded, "leaders_when_rated", settings, council_code=code, grade="INADEQUATE")
    [row] = [r for r in rows if r["inspection"]["id"] == inspection]
    directors = [
        leader
        for leader in row["leaders"]
        if leader["tenure"]["role"] == "director_of_childrens_services" and leader.get("person")
    ]
    assert name in {d["person"]["name"] for d in directors}
    urls = {c["source"].get("url") for d in directors if d["person"]["name"] == name for c in d["citations"]}
    assert url in urls

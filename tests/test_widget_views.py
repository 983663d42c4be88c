"""The picture, card and map views over HTTP (issue 15): size budgets, one cacheable GET per view,
the map's shapes rebuilt from ../shared, the post-reform legend, and the intervention bands' source."""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator

import pytest
from neo4j import Driver

from api.app import create_app
from api.england_map import SHAPES, describe
from api.timeline import intervention_bands, interventions_of
from geo.england_map import map_json
from graph.settings import Settings
from loaders.write import write_graph
from tests.asgi import TestClient
from tests.test_widgets import _Page, gloucestershire_content

SCRIPT_BUDGET = 15 * 1024
MAP_BUDGET = 150 * 1024
FORMER_COUNCILS = {"909", "928", "836"}  # Cumbria, Northamptonshire, Poole (SOURCES.md 4a)


@pytest.fixture
def client(graph: Driver, settings: Settings) -> Iterator[TestClient]:
    write_graph(graph, settings.neo4j_database, gloucestershire_content())
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def gzipped_size(client: TestClient, path: str) -> int:
    """The bytes the server sends a browser that takes gzip, as it sends them."""
    with client.stream("GET", path, headers={"Accept-Encoding": "gzip"}) as response:
        assert response.status_code == 200
        assert response.headers["content-encoding"] == "gzip"
        return sum(len(chunk) for chunk in response.iter_raw())


def test_each_asset_keeps_to_its_size_budget(client: TestClient) -> None:
    script, data = gzipped_size(client, "/widgets/ofsted.js"), gzipped_size(client, "/widgets/map.json")
    assert script <= SCRIPT_BUDGET, f"component script: {script} bytes gzipped"
    assert data <= MAP_BUDGET, f"map data: {data} bytes gzipped"


def test_the_map_data_is_one_cacheable_get(client: TestClient) -> None:
    response = client.get("/widgets/map.json")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=300"
    assert "Accept-Encoding" in response.headers["vary"]
    again = client.get("/widgets/map.json", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    data = response.json()
    assert len(data["councils"]) == 153
    (glos,) = [c for c in data["councils"] if c["code"] == "916"]
    assert (glos["name"], glos["region"], glos["fill"]) == ("Gloucestershire", "South West", "good")
    assert glos["grade"] == "Good (inspection of 20 January 2025)"
    assert glos["href"] == "http://testserver/embed/council/916"
    assert {item["fill"]: item["count"] for item in data["legend"]} == {"good": 1, "none": 152}


def test_the_map_page_needs_no_script_and_links_every_council(client: TestClient) -> None:
    response = client.get("/embed/map")
    assert response.status_code == 200
    page = _Page(response.text)
    assert page.all("script") == []
    hrefs = [
        a["href"]
        for a in page.all("a")
        if (a.get("href") or "").startswith("http://testserver/embed/council/")
    ]
    assert len(set(hrefs)) == 153
    assert "Gloucestershire South West Good (inspection of 20 January 2025)" in page.text  # its table row


def test_the_region_filter_keeps_one_region_in_the_table(client: TestClient) -> None:
    page = _Page(client.get("/embed/map", params={"region": "South West"}).text)
    rows = [a for a in page.all("th") if a.get("scope") == "row"]
    assert len(rows) == 15
    assert "Councils and their latest Ofsted grade: South West" in page.text
    unknown = _Page(client.get("/embed/map", params={"region": "Atlantis"}).text)
    assert len([a for a in unknown.all("th") if a.get("scope") == "row"]) == 153


def test_the_card_page_names_the_latest_grade_and_the_last_director(client: TestClient) -> None:
    text = _Page(client.get("/embed/council/916", params={"view": "card"}).text).text
    assert text.startswith("Gloucestershire: Ofsted rating Latest grade: Good, 20 January 2025")
    assert "DCS: Nell Later (last shown in post 7 March 2025)" in text
    # The letters are shown, the words read out (this parser joins the two).
    assert "Grades: IInadequate 2017GGood 2025" in text
    assert "Full history, leaders and sources" in text


def test_a_post_reform_inspection_says_it_has_no_overall_grade_and_gives_its_judgements() -> None:
    latest = {
        "start_date": "2026-06-08",
        "overall": None,
        "judgements": [
            {"area": "impact_of_leaders", "grade": "INADEQUATE"},
            {"area": "care_leavers", "grade": "GOOD"},
        ],
    }
    graded = {"start_date": "2023-01-09", "overall": "REQUIRES_IMPROVEMENT"}
    fill, words, judgements = describe(latest, graded)
    assert fill == "post_reform"
    assert words == (
        "no overall grade (inspection of 8 June 2026); last overall grade Requires improvement "
        "(inspection of 9 January 2023)"
    )
    assert judgements == ["Care leavers: Good", "Impact of leaders: Inadequate"]


def test_the_committed_map_is_rebuilt_exactly_from_the_shared_boundaries(settings: Settings) -> None:
    assert map_json(settings.data_dir) == SHAPES.read_text(encoding="utf-8")


def test_the_map_holds_exactly_the_153_current_councils(settings: Settings) -> None:
    with (settings.data_dir / "la_lookup" / "Provider_data_lookup.csv").open(encoding="utf-8-sig") as f:
        current = {row["la_code"] for row in csv.DictReader(f)} - FORMER_COUNCILS
    codes = [c["code"] for c in json.loads(SHAPES.read_text(encoding="utf-8"))["councils"]]
    assert len(codes) == len(set(codes)) == 153
    assert set(codes) == current
    assert len(gzip.compress(SHAPES.read_bytes())) < MAP_BUDGET


def test_intervention_bands_come_from_the_councils_interventions_through_one_function() -> None:
    council = {
        "interventions": [
            {
                "kind": "IMPROVEMENT_NOTICE",
                "name": None,
                "start": {"date": "2017-08", "precision": "MONTH"},
                "end": None,
                "citations": [
                    {
                        "verified": True,
                        "source": {"id": "a", "kind": "NEWS_ARTICLE", "url": "https://example.org/a"},
                    }
                ],
            },
            {"kind": "IMPROVEMENT_BOARD", "name": "Board", "start": None, "end": None, "citations": []},
        ],
    }
    bands = intervention_bands(interventions_of(council))
    assert [(b["kind"], b["label"], b["end"], b["link"], b["verified"]) for b in bands] == [
        ("IMPROVEMENT_NOTICE", "DfE improvement notice", None, "https://example.org/a", True)
    ]


def test_a_band_linked_to_an_unchecked_web_page_says_so() -> None:
    """The planned Council.interventions shape (INTERVENTIONS_API contract), with verified=false."""
    interventions = [
        {
            "kind": "COMMISSIONER",
            "name": None,
            "start": {"date": "2019-03-01", "precision": "DAY"},
            "end": None,
            "citations": [
                {"verified": False, "source": {"id": "w", "kind": "WEB_PAGE", "url": "https://gov.example/x"}}
            ],
        }
    ]
    (band,) = intervention_bands(interventions)
    assert (band["label"], band["link"], band["verified"]) == (
        "DfE commissioner",
        "https://gov.example/x",
        False,
    )

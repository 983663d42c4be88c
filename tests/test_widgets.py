"""The widgets over HTTP, through the real app and a real Neo4j: the iframe page without JavaScript,
oEmbed, the component's script and its one cacheable GraphQL GET, and the messages for an unknown
code and for a database that does not answer."""

from __future__ import annotations

import calendar
import re
import socket
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

import pytest
from neo4j import Driver

from api.app import create_app
from api.limits import Limits
from api.widgets import council_query
from graph.settings import Settings
from loaders.model import (
    BoardRecord,
    Bundle,
    Citation,
    Content,
    CouncilRecord,
    Inspection,
    Judgement,
    NoticeRecord,
    OrganisationRecord,
    PartialDate,
    PersonRecord,
    SourceRecord,
    TenureRecord,
)
from loaders.write import write_graph
from tests.asgi import TestClient
from tests.conftest import make_test_settings

REPORT_2017 = "https://files.ofsted.gov.uk/v1/file/2687510"
REPORT_2025 = "https://files.ofsted.gov.uk/v1/file/50269734"
DIRECTORS = ["Ann Early", "Ian Terim", "Nell Later"]


def _judgements(iid: str, source: str, grades: dict[str, str]) -> list[Judgement]:
    return [
        Judgement(
            f"{iid}/{area}",
            area,  # type: ignore[arg-type]
            grade,  # type: ignore[arg-type]
            grade.replace("_", " ").capitalize(),
            [Citation(source_id=source, quote=f"{area}: {grade}", page=1, value=grade)],
            conflict=False,
        )
        for area, grade in grades.items()
    ]


def _inspection(iid: str, kind: str, start: str, published: str, source: str, **more: Any) -> Inspection:
    grades: dict[str, str] = more.pop("grades", {})
    return Inspection(
        id=iid,
        council_code="916",
        kind=kind,  # type: ignore[arg-type]
        framework=more.pop("framework"),
        start_date=start,
        end_date=None,
        published_date=published,
        lead_inspector="A. Inspector",
        report_url=more.pop("report_url", None),
        theme=None,
        overall=grades.get("overall_effectiveness"),  # type: ignore[arg-type]
        judgements=_judgements(iid, source, grades),
        citations=[Citation(source_id=source, quote="The inspection took place", page=1)],
        conflicts=[],
    )


def _seen(source: str, date: str, quote: str, evidence: str = "in_post_on") -> Citation:
    return Citation(source_id=source, quote=quote, evidence=evidence, date=date, precision="day")  # type: ignore[arg-type]


def _tenure(tid: str, person: str, role: str, *cites: Citation, **more: Any) -> TenureRecord:
    return TenureRecord(
        tid,
        person,
        role,  # type: ignore[arg-type]
        None,
        more.pop("organisation", "council:916"),
        more.pop("interim", False),
        citations=list(cites),
        **more,
    )


def gloucestershire_content() -> Content:
    """Gloucestershire as the widgets must show it: inadequate in 2017, a monitoring visit, good in
    2025; three directors in order (the middle one interim, dates known to the month or only from
    the evidence), a DfE adviser, a notice known to the month, a board; sources with and without
    links (one link that must never reach an href)."""
    sources = [
        SourceRecord(id="data:stats.csv", kind="official_statistics", title="Stats", publisher="Ofsted"),
        SourceRecord(id="report:2017", kind="ofsted_report", published_date="2017-06-13", url=REPORT_2017),
        SourceRecord(id="letter:2018", kind="ofsted_letter", published_date="2018-02-08"),
        SourceRecord(id="report:2025", kind="ofsted_report", published_date="2025-03-07", url=REPORT_2025),
        SourceRecord(
            id="seed-000",
            kind="news_article",
            title="Improvement notice issued",
            publisher="Community Care",
            published_date="2017-08-15",
        ),
        SourceRecord(
            id="seed-004",
            kind="council_press_release",
            publisher="Gloucestershire County Council",
            published_date="2017-09-12",
            url="javascript:alert(1)",
        ),
    ]
    council = CouncilRecord(
        "916", "Gloucestershire", "E10000013", "80470", "South West", "County", None, None
    )
    council.citations.append(Citation(source_id="data:stats.csv", quote="Gloucestershire", row=2))
    inspections = [
        _inspection(
            "916/inspection/2017-06-13",
            "inspection",
            "2017-02-27",
            "2017-06-13",
            "report:2017",
            framework="SIF",
            report_url=REPORT_2017,
            grades={
                "overall_effectiveness": "INADEQUATE",
                "help_and_protection": "INADEQUATE",
                "looked_after_and_permanence": "REQUIRES_IMPROVEMENT",
                "leadership_management_governance": "INADEQUATE",
            },
        ),
        _inspection(
            "916/monitoring_visit/2018-01-09",
            "monitoring_visit",
            "2018-01-09",
            "2018-02-08",
            "letter:2018",
            framework="SIF",
        ),
        _inspection(
            "916/inspection/2025-03-07",
            "inspection",
            "2025-01-20",
            "2025-03-07",
            "report:2025",
            framework="ILACS standard",
            report_url=REPORT_2025,
            grades={
                "overall_effectiveness": "GOOD",
                "impact_of_leaders": "GOOD",
                "help_and_protection": "GOOD",
                "children_in_care": "GOOD",
                "care_leavers": "REQUIRES_IMPROVEMENT",
            },
        ),
    ]
    people = [PersonRecord(p.lower().replace(" ", "-"), p) for p in [*DIRECTORS, "Cara Chief", "Ada Viser"]]
    tenures = [
        _tenure(
            "916-dcs-ann-early",
            "ann-early",
            "director_of_childrens_services",
            _seen("report:2017", "2017-06-13", "Ann Early, director of children's services"),
            start=PartialDate("2013-01", "month"),
            end=PartialDate("2017-07-31", "day"),
        ),
        _tenure(
            "916-dcs-ian-terim",
            "ian-terim",
            "director_of_childrens_services",
            _seen("seed-000", "2017-08-15", "Ian Terim, interim director"),
            _seen("seed-004", "2017-09-12", "interim director Ian Terim"),
            start=PartialDate("2017-08", "month", "on_or_before"),
            interim=True,
        ),
        _tenure(
            "916-dcs-nell-later",
            "nell-later",
            "director_of_childrens_services",
            _seen("letter:2018", "2018-02-08", "Nell Later, Director of Children's Services"),
            _seen("report:2025", "2025-03-07", "Nell Later, DCS"),
        ),
        _tenure(
            "916-ce-cara-chief",
            "cara-chief",
            "chief_executive",
            _seen("report:2017", "2017-06-13", "Cara Chief, chief executive"),
            start=PartialDate("2015", "year"),
        ),
        _tenure(
            "916-dfe-ada-viser",
            "ada-viser",
            "dfe_adviser",
            _seen("seed-000", "2017-08-15", "Ada Viser, appointed by the DfE"),
            organisation="dfe",
            serves_council="916",
        ),
    ]
    notice = NoticeRecord(
        "916-notice-2017",
        "916",
        "improvement_notice",
        PartialDate("2017-08", "month"),
        None,
        "six months",
        ["children's services"],
        [Citation(source_id="seed-000", quote="issued with an improvement notice")],
    )
    board = BoardRecord(
        "916-board",
        "916",
        "Gloucestershire Children's Services Improvement Board",
        PartialDate("2017-09-12", "day"),
        [Citation(source_id="seed-004", quote="the improvement board met")],
    )
    bundle = Bundle(
        sources=sources,
        councils=[council],
        people=people,
        organisations=[
            OrganisationRecord(
                "dfe",
                "Department for Education",
                "government_department",
                [Citation(source_id="seed-000", quote="DfE")],
            )
        ],
        tenures=tenures,
        notices=[notice],
        boards=[board],
    )
    return Content(bundle=bundle, inspections=inspections)


@pytest.fixture
def client(graph: Driver, settings: Settings) -> Iterator[TestClient]:
    write_graph(graph, settings.neo4j_database, gloucestershire_content())
    with TestClient(create_app(settings)) as test_client:
        yield test_client


HIDDEN = {"style", "script", "title"}
BLOCKS = {
    "p",
    "li",
    "ul",
    "ol",
    "td",
    "th",
    "tr",
    "caption",
    "section",
    "div",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
}


class _Page(HTMLParser):
    """The text of a page, and which tags and attributes it holds, as a browser with JS off reads it."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._skip = 0
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._skip += tag in HIDDEN
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in HIDDEN
        self._break(tag)

    def _break(self, tag: str) -> None:
        # Blocks and cells start on their own, as a browser lays them out; inline tags join text.
        if tag in BLOCKS:
            self.chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def test_the_embed_page_shows_ratings_leaders_and_bands_without_any_script(client: TestClient) -> None:
    response = client.get("/embed/council/916")
    assert response.status_code == 200
    page = _Page(response.text)
    assert page.all("script") == []
    assert "script-src" not in response.headers["content-security-policy"]  # default-src 'none' covers it
    text = page.text
    assert "Gloucestershire: Ofsted ratings and leadership" in text
    assert re.search(
        r"27 February 2017 Inspection \(SIF\) Inadequate .*Help and protection: Inadequate", text
    )
    assert "9 January 2018 Monitoring visit (SIF) Not graded None given" in text
    assert "20 January 2025 Inspection (ILACS standard) Good" in text
    assert "Care leavers: Requires improvement" in text
    assert text.index("27 February 2017") < text.index("9 January 2018") < text.index("20 January 2025")


def test_the_embed_page_uses_a_real_table_with_headers_and_a_caption(client: TestClient) -> None:
    page = _Page(client.get("/embed/council/916").text)
    assert [a.get("scope") for a in page.all("th")][:5] == ["col"] * 5
    assert len([a for a in page.all("th") if a.get("scope") == "row"]) == 3
    assert len(page.all("caption")) == 1
    assert [a.get("lang") for a in page.all("html")] == ["en"]


def test_directors_are_listed_in_order_with_the_interim_marked(client: TestClient) -> None:
    page = _Page(client.get("/embed/council/916").text).text
    text = page[page.index("Leadership timeline") :]  # the lists, after the picture
    section = text[text.index("Directors of children's services") : text.index("Chief executives")]
    assert [section.index(name) for name in DIRECTORS] == sorted(section.index(n) for n in DIRECTORS)
    assert "Ian Terim interim." in section
    assert "Ann Early. From January 2013 (day unknown) to 31 July 2017." in section


def test_uncertain_and_missing_dates_are_said_to_be_uncertain(client: TestClient) -> None:
    response = client.get("/embed/council/916")
    text = _Page(response.text).text
    assert "Ian Terim interim. From by August 2017 (day unknown) to not stated (last shown in post " in text
    assert "12 September 2017)" in text
    assert "Nell Later. From not stated (in post by 8 February 2018) to not stated" in text
    assert "Cara Chief. From 2015 (month unknown)" in text
    assert '<time datetime="2013-01" class="uncertain">January 2013 (day unknown)</time>' in response.text
    assert '<time datetime="2017-07-31">31 July 2017</time>' in response.text


def test_notice_and_board_bands_and_an_adviser_serving_the_council(client: TestClient) -> None:
    text = _Page(client.get("/embed/council/916").text).text
    assert "DfE improvement notice: issued August 2017 (day unknown); lifted not stated." in text
    assert (
        "Improvement board: Gloucestershire Children's Services Improvement Board, first met 12 September"
        in text
    )
    assert "DfE advisers Ada Viser, Department for Education. From not stated" in text


def test_each_fact_links_to_its_sources_and_a_bad_link_is_never_an_href(client: TestClient) -> None:
    response = client.get("/embed/council/916")
    page = _Page(response.text)
    hrefs = [a["href"] for a in page.all("a")]
    assert hrefs.count(REPORT_2017) >= 2  # the report link, and the source of the 2017 facts
    assert REPORT_2025 in hrefs
    assert not any("javascript" in (h or "") for h in hrefs)
    # Named, but not linked.
    assert "Council press release, Gloucestershire County Council, 12 September 2017" in page.text
    assert "Sources: News article, Community Care, 15 August 2017" in page.text
    assert "Sources: Ofsted report, 13 June 2017" in page.text


def test_the_source_line_names_the_kinds_of_source_and_the_load(client: TestClient) -> None:
    text = _Page(client.get("/embed/council/916").text).text
    dataset = client.get("/graphql", params={"query": "{ dataset { loadedAt contentHash } }"}).json()
    loaded = dataset["data"]["dataset"]
    match = re.search(
        r"Sources: ([^.:]*), each linked where it is cited\. Data loaded (.*?) \(version (\w+)\)\.", text
    )
    assert match is not None, text
    # The statistics cite only the council itself, which the widget does not show as a fact.
    assert match.group(1) == "Ofsted reports, Ofsted letters, council press releases and news articles"
    assert match.group(3) == loaded["contentHash"][:8]
    year, month, day = loaded["loadedAt"][:10].split("-")
    assert match.group(2) == f"{int(day)} {calendar.month_name[int(month)]} {year}"


def test_the_dataset_field_reports_the_load_the_graph_holds(
    client: TestClient, graph: Driver, settings: Settings
) -> None:
    body = client.get(
        "/graphql", params={"query": "{ dataset { loadedAt contentHash counts { kind count } } }"}
    )
    dataset = body.json()["data"]["dataset"]
    again = write_graph(graph, settings.neo4j_database, gloucestershire_content())
    assert not again.changed
    assert dataset["contentHash"] == again.content_hash
    assert {c["kind"]: c["count"] for c in dataset["counts"]} == again.counts
    assert re.match(r"^\d{4}-\d{2}-\d{2}T", dataset["loadedAt"])


def test_before_any_load_the_dataset_is_null(graph: Driver, settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        assert client.get("/graphql", params={"query": "{ dataset { loadedAt } }"}).json() == {
            "data": {"dataset": None}
        }


def test_show_limits_the_parts_of_the_page(client: TestClient) -> None:
    text = _Page(client.get("/embed/council/916", params={"show": "leaders"}).text).text
    assert "Leadership timeline" in text
    assert "Ofsted rating history" not in text
    assert "DfE intervention" not in text


def test_an_unknown_code_answers_404_with_a_plain_message(client: TestClient) -> None:
    for code in ("999", "not-a-code!"):
        response = client.get(f"/embed/council/{quote(code)}")
        assert response.status_code == 404
        message = _Page(response.text).text
        assert message.startswith(f'No council has the code "{code}".')
        assert "916" in message


def test_with_neo4j_down_the_embed_page_says_so_with_503(graph: Driver) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    down = make_test_settings(neo4j_uri=f"bolt://127.0.0.1:{port}")
    with TestClient(create_app(down, Limits(query_timeout_seconds=1.0))) as client:
        response = client.get("/embed/council/916")
        oembed = client.get("/oembed", params={"url": "http://testserver/embed/council/916"})
    assert response.status_code == 503
    assert response.headers["cache-control"] == "no-store"
    assert _Page(response.text).text.startswith("Ofsted ratings can't be shown just now: the data service is")
    for leak in ("bolt", "neo4j", "Traceback", str(port)):
        assert leak not in response.text.lower().replace("neo4j-test", "")
    assert oembed.status_code == 503


def test_the_embed_page_is_cacheable_and_may_be_framed_anywhere(client: TestClient) -> None:
    response = client.get("/embed/council/916")
    assert response.headers["cache-control"] == "public, max-age=300"
    assert "frame-ancestors *" in response.headers["content-security-policy"]
    assert "x-frame-options" not in response.headers


def test_oembed_answers_a_rich_iframe_for_an_embed_url(client: TestClient) -> None:
    response = client.get("/oembed", params={"url": "http://testserver/embed/council/916?show=ratings"})
    assert response.status_code == 200
    body = response.json()
    assert (body["version"], body["type"], body["provider_name"]) == ("1.0", "rich", "ofsted-graph")
    assert body["title"] == "Gloucestershire: Ofsted ratings and leadership"
    assert body["html"] == (
        '<iframe src="http://testserver/embed/council/916?show=ratings" '
        'title="Gloucestershire: Ofsted ratings and leadership" width="720" height="760" '
        'loading="lazy" style="border:0;max-width:100%"></iframe>'
    )
    assert response.headers["cache-control"] == "public, max-age=300"


def test_oembed_respects_maxwidth_and_maxheight(client: TestClient) -> None:
    body = client.get(
        "/oembed", params={"url": "http://testserver/embed/council/916", "maxwidth": 400, "maxheight": 300}
    ).json()
    assert (body["width"], body["height"]) == (400, 300)
    assert 'width="400" height="300"' in body["html"]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"url": "http://testserver/embed/council/999"}, 404),
        ({"url": "http://elsewhere.example/embed/council/916"}, 404),
        ({"url": "http://testserver/graphql"}, 404),
        ({"url": "http://testserver/embed/council/916", "format": "xml"}, 501),
    ],
)
def test_oembed_refuses_what_it_cannot_embed(client: TestClient, params: dict[str, str], status: int) -> None:
    response = client.get("/oembed", params=params)
    assert response.status_code == status
    assert set(response.json()) == {"error"}


def test_the_embed_page_advertises_its_oembed_answer(client: TestClient) -> None:
    page = _Page(client.get("/embed/council/916").text)
    (link,) = [a for a in page.all("link") if a.get("type") == "application/json+oembed"]
    assert client.get(str(link["href"]).removeprefix("http://testserver")).json()["type"] == "rich"


def test_the_component_script_is_a_small_cacheable_module_with_the_query_inside(client: TestClient) -> None:
    response = client.get("/widgets/ofsted.js", headers={"Origin": "https://news.example"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == "public, max-age=3600"
    # A module script from another site is fetched with CORS.
    assert response.headers["access-control-allow-origin"] == "*"
    assert '"query OfstedCouncilWidget($code: String!)' in response.text
    assert "/*QUERY*/" not in response.text
    # Its size budget (gzip, as served) is held by test_widget_views.test_each_asset_keeps_to_its_size_budget.
    again = client.get("/widgets/ofsted.js", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304


def test_the_widget_query_is_one_cacheable_get(client: TestClient) -> None:
    variables = '{"code": "916"}'
    response = client.get("/graphql", params={"query": council_query(), "variables": variables})
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body
    council = body["data"]["council"]
    assert [i["overall"] for i in council["inspections"]] == ["INADEQUATE", None, "GOOD"]
    assert response.headers["cache-control"] == "public, max-age=300"


def test_the_demo_page_shows_both_embeds_with_their_snippets(client: TestClient) -> None:
    response = client.get("/widgets/demo", params={"codes": "916,999"})
    page = _Page(response.text)
    assert [a.get("code") for a in page.all("ofsted-council")] == ["916", "916", "999", "999"]
    assert [a["src"] for a in page.all("iframe")] == [
        "http://testserver/embed/council/916",
        "http://testserver/embed/council/916?view=card",
        "http://testserver/embed/council/999",
        "http://testserver/embed/council/999?view=card",
        "http://testserver/embed/map",
    ]
    assert [a.get("view") for a in page.all("ofsted-council")] == [None, "card", None, "card"]
    assert len(page.all("ofsted-map")) == 1
    assert all(a.get("title") for a in page.all("iframe"))
    assert "Gloucestershire (916)" in page.text
    assert '<ofsted-council code="916"></ofsted-council>' in page.text
    assert [a["src"] for a in page.all("script")] == ["http://testserver/widgets/ofsted.js"]

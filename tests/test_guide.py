"""The Neo4j Browser guide: every named query with its parameters, and the conf that makes Browser play it."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from neo4j import Driver

from api.app import create_app
from api.guide import cypher_body, params_command
from graph import server
from graph.named_queries import load_queries
from graph.settings import Settings
from tests.asgi import TestClient
from tests.conftest import make_test_settings


@dataclass
class Slide:
    title: str = ""
    text: str = ""
    commands: list[str] = field(default_factory=list)
    runnable: list[str] = field(default_factory=list)


class GuideReader(HTMLParser):
    """The slides of a guide as Browser sees them: titles, text, `data-exec` commands, runnable Cypher."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.slides: list[Slide] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open.append(tag)
        found = dict(attrs)
        if tag == "slide":
            self.slides.append(Slide())
        elif tag == "pre" and "runnable" in (found.get("class") or "").split():
            self.slides[-1].runnable.append("")
        if "data-exec" in found:
            self.slides[-1].commands.append(found["data-exec"] or "")

    def handle_endtag(self, tag: str) -> None:
        self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open[-1:] == ["title"]:
            self.title += data
        if not self.slides:
            return
        slide = self.slides[-1]
        slide.text += data
        if self._open[-1:] == ["h3"]:
            slide.title += data
        elif self._open[-1:] == ["pre"]:
            slide.runnable[-1] += data


def read_guide(client: TestClient) -> GuideReader:
    response = client.get("/browser-guide")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    reader = GuideReader()
    reader.feed(response.text)
    return reader


@pytest.fixture(scope="module")
def guide() -> GuideReader:
    with TestClient(create_app(make_test_settings())) as client:
        return read_guide(client)


def test_the_guide_has_a_title_and_a_slide_for_every_named_query(guide: GuideReader) -> None:
    assert guide.title == "ofsted-graph: the named queries"
    assert [s.title for s in guide.slides] == ["Named queries", *load_queries()]
    contents = guide.slides[0].text
    for query in load_queries().values():
        assert f"{query.name}: {query.description}" in contents


@pytest.mark.parametrize("name", list(load_queries()))
def test_each_query_slide_shows_its_description_parameters_and_runnable_cypher(
    guide: GuideReader, name: str
) -> None:
    query = load_queries()[name]
    slide = next(s for s in guide.slides if s.title == name)
    assert query.description in slide.text
    for param in query.params:
        assert f"{param.name}{param.type}{param.description}" in slide.text
    assert slide.commands == [params_command(query)]
    assert slide.runnable == [cypher_body(query)]
    assert not slide.runnable[0].startswith("//")


def test_each_example_parameter_command_is_a_cypher_map_of_exactly_the_querys_parameters(
    neo4j: Driver, settings: Settings
) -> None:
    # Browser evaluates `:params {...}` as a Cypher map, so Neo4j itself checks the examples.
    for query in load_queries().values():
        literal = params_command(query).removeprefix("params ")
        record = neo4j.execute_query(f"RETURN {literal} AS p", database_=settings.neo4j_database).records[0]
        assert set(record["p"]) == query.param_names, query.name


def test_the_conf_makes_browser_play_the_guide_from_the_api(tmp_path: Path) -> None:
    settings = make_test_settings(neo4j_home=tmp_path, api_host="127.0.0.1", api_port=18123)
    (tmp_path / "conf").mkdir()
    lines = server.write_config(settings).read_text().splitlines()
    assert "browser.post_connect_cmd=play http://127.0.0.1:18123/browser-guide" in lines
    assert "browser.remote_content_hostname_whitelist=guides.neo4j.com,localhost,127.0.0.1" in lines


def test_an_api_on_every_address_is_reached_as_localhost(tmp_path: Path) -> None:
    settings = make_test_settings(neo4j_home=tmp_path, api_host="0.0.0.0", api_port=8000)
    assert settings.browser_guide_url == "http://localhost:8000/browser-guide"


def test_the_guide_url_in_the_conf_is_served_by_the_api(settings: Settings) -> None:
    path = urlsplit(settings.browser_guide_url).path
    with TestClient(create_app(settings)) as client:
        assert read_guide(client).slides
        assert client.get(path).status_code == 200


def test_neo4j_hands_browser_the_command_to_play_the_guide(neo4j: Driver, settings: Settings) -> None:
    records = neo4j.execute_query(
        "CALL dbms.clientConfig() YIELD name, value RETURN name, value", database_=settings.neo4j_database
    ).records
    config = {r["name"]: r["value"] for r in records}
    assert config["browser.post_connect_cmd"] == f"play {settings.browser_guide_url}"
    assert "127.0.0.1" in config["browser.remote_content_hostname_whitelist"].split(",")

"""The GraphQL API through the real app and a real Neo4j: answers with citations, read-only, bounded."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver
from neo4j.exceptions import ClientError

from api.app import create_app
from api.database import Database
from api.errors import QueryTimeoutError
from api.graphql_types import CareerLink, career_link
from api.limits import Limits
from graph.connection import connect_async
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

FIRST = "200/inspection/2017-06-13"
SECOND = "200/inspection/2022-07-01"


def _inspection(iid: str, start: str, published: str, grade: str, source: str, **extra: Any) -> Inspection:
    said = Citation(source_id=source, quote=f"Overall effectiveness: {grade.title()}", page=1, value=grade)
    statements = [said, *extra.pop("also", [])]
    return Inspection(
        id=iid,
        council_code="200",
        kind="inspection",
        framework="SIF",
        start_date=start,
        end_date=None,
        published_date=published,
        lead_inspector="A. Inspector",
        report_url=None,
        theme=None,
        overall=grade,  # type: ignore[arg-type]
        judgements=[
            Judgement(
                f"{iid}/overall_effectiveness",
                "overall_effectiveness",
                grade,  # type: ignore[arg-type]
                grade.title(),
                statements,
                conflict=len(statements) > 1,
            )
        ],
        citations=[said],
        conflicts=extra.pop("conflicts", []),
    )


def _tenure(
    tid: str, person: str | None, role: str, org: str, *cites: Citation, **dates: Any
) -> TenureRecord:
    return TenureRecord(
        tid,
        person,
        role,  # type: ignore[arg-type]
        dates.pop("title", None),
        org,
        False,
        citations=list(cites),
        **dates,
    )


def _on(source: str, date: str, quote: str, evidence: str = "in_post_on", precision: str = "day") -> Citation:
    return Citation(
        source_id=source,
        quote=quote,
        evidence=evidence,  # type: ignore[arg-type]
        date=date,
        precision=precision,  # type: ignore[arg-type]
    )


def api_content(*, bad_role: bool = False) -> Content:
    """A former council and its successor, inspected in 2017 (inadequate) and 2022 (good), with leaders
    in post at each, a director in post since August 2011 whom no source names, a career, a notice, a
    board, a grade the sources disagree on, and a handful of other councils to page through."""
    sources = [
        SourceRecord(id="data:stats.csv", kind="official_statistics", title="Stats", publisher="Ofsted"),
        SourceRecord(id="report:2017", kind="ofsted_report", published_date="2017-06-13"),
        SourceRecord(id="report:2022", kind="ofsted_report", published_date="2022-07-01"),
        SourceRecord(id="article:1", kind="news_article", title="New director", published_date="2020-01-02"),
        SourceRecord(id="comment:1", kind="reader_comment", comment_on="article:1", author="reader"),
    ]
    row = Citation(source_id="data:stats.csv", quote="Name=x", row=2)
    councils = [
        CouncilRecord("100", "Old Shire", None, "1", "South West", "County", None, "2019-03-31", ["200"]),
        CouncilRecord("200", "New Shire", "E1", "2", "South West", "Unitary", "2019-04-01", None),
        *(
            CouncilRecord(f"3{i}", f"Borough {c}", None, None, "London", "London borough", None, None)
            for i, c in enumerate("ABCDE")
        ),
    ]
    for council in councils:
        council.citations.append(row)
    stats_says = Citation(
        source_id="data:stats.csv", quote="OE=Requires improvement", row=3, value="REQUIRES_IMPROVEMENT"
    )
    inspections = [
        _inspection(FIRST, "2017-04-24", "2017-06-13", "INADEQUATE", "report:2017", also=[stats_says]),
        _inspection(
            SECOND,
            "2022-05-09",
            "2022-07-01",
            "GOOD",
            "report:2022",
            conflicts=["the sources state different start dates"],
        ),
    ]
    people = [
        PersonRecord(p, n)
        for p, n in (
            ("sam-chief", "Sam Chief"),
            ("pat-lee", "Pat Lee"),
            ("lee-one", "Lee One"),
            ("lee-two", "Lee Two"),
        )
    ]
    tenures = [
        _tenure(
            "200-dcs-2011",
            None,
            "director_of_childrens_services",
            "council:200",
            _on("report:2017", "2011-08", "in post since August 2011", "in_post_since", "month"),
            _on("report:2017", "2017-06-13", "The director of children's services"),
        ),
        _tenure(
            "200-ce",
            "sam-chief",
            "chief_executive",
            "council:200",
            _on("report:2017", "2017-06-13", "the chief executive, in post since May 2005"),
            _on("report:2022", "2022-07-01", "Sam Chief, chief executive"),
            start=PartialDate("2005-05", "month"),
            title="Chief Executive",
        ),
        _tenure(
            "200-dcs-pat-lee",
            "pat-lee",
            "director_of_childrens_services",
            "council:200",
            _on("report:2022", "2022-07-01", "Pat Lee, DCS"),
            start=PartialDate("2020-01-06", "day"),
        ),
        _tenure(
            "200-lm-one",
            "lee-one",
            "bad_role" if bad_role else "lead_member",
            "council:200",
            _on("report:2017", "2017-06-13", "Lee One, lead member"),
        ),
        _tenure(
            "200-lm-two",
            "lee-two",
            "lead_member",
            "council:200",
            _on("report:2022", "2022-07-01", "Lee Two, lead member"),
        ),
        _tenure(
            "hillingdon-pat-lee",
            "pat-lee",
            "other",
            "org:hillingdon",
            _on("article:1", "2019", "previously worked at Hillingdon", "previous_role", "year"),
        ),
    ]
    notice = NoticeRecord(
        "200-notice-2017",
        "200",
        "improvement_notice",
        PartialDate("2017-09", "month"),
        None,
        "six months",
        ["children's services"],
        [row],
    )
    board = BoardRecord("200-board", "200", "New Shire Improvement Board", None, [row])
    bundle = Bundle(
        sources=sources,
        councils=councils,
        people=people,
        tenures=tenures,
        organisations=[OrganisationRecord("org:hillingdon", "Hillingdon", "unknown", [row])],
        notices=[notice],
        boards=[board],
    )
    return Content(bundle=bundle, inspections=inspections)


@pytest.fixture
def client(graph: Driver, settings: Settings) -> Iterator[TestClient]:
    write_graph(graph, settings.neo4j_database, api_content())
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def ask(client: TestClient, query: str, **variables: Any) -> dict[str, Any]:
    """POST a query; the data, asserting there were no errors."""
    response = client.post("/graphql", json={"query": query, "variables": variables})
    body = response.json()
    assert response.status_code == 200, body
    assert "errors" not in body, body["errors"]
    return dict(body["data"])


def errors_of(client: TestClient, query: str, **variables: Any) -> list[str]:
    response = client.post("/graphql", json={"query": query, "variables": variables})
    return [e["message"] for e in response.json()["errors"]]


COUNCIL = """query($code: String!) { council(code: $code) { code name gssCode ofstedUrn region
  predecessors { code name successors { code } } successors { code } } }"""


@pytest.mark.parametrize("code", ["200", "E1", "2"])
def test_a_council_is_found_by_its_dfe_ons_or_ofsted_code(client: TestClient, code: str) -> None:
    council = ask(client, COUNCIL, code=code)["council"]
    assert (council["code"], council["name"], council["gssCode"], council["ofstedUrn"]) == (
        "200",
        "New Shire",
        "E1",
        "2",
    )
    assert council["predecessors"] == [{"code": "100", "name": "Old Shire", "successors": [{"code": "200"}]}]
    assert council["successors"] == []


def test_an_unknown_council_is_null(client: TestClient) -> None:
    assert ask(client, COUNCIL, code="999")["council"] is None


PAGE = """query($first: Int, $after: String, $region: String, $grade: Grade, $search: String) {
  councils(first: $first, after: $after, region: $region, grade: $grade, search: $search) {
    totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage endCursor } } }"""


def test_councils_are_paged_in_name_order_with_a_total(client: TestClient) -> None:
    first = ask(client, PAGE, first=2, region="london")["councils"]
    assert first["totalCount"] == 5
    assert [e["node"]["name"] for e in first["edges"]] == ["Borough A", "Borough B"]
    assert first["pageInfo"]["hasNextPage"]
    assert not first["pageInfo"]["hasPreviousPage"]
    second = ask(client, PAGE, first=2, region="london", after=first["pageInfo"]["endCursor"])["councils"]
    assert [e["node"]["name"] for e in second["edges"]] == ["Borough C", "Borough D"]
    assert second["pageInfo"]["hasPreviousPage"]


def test_councils_are_filtered_by_search_and_latest_grade(client: TestClient) -> None:
    good = ask(client, PAGE, grade="GOOD")["councils"]
    assert [e["node"]["name"] for e in good["edges"]] == ["New Shire"]
    assert ask(client, PAGE, grade="INADEQUATE")["councils"]["totalCount"] == 0
    assert [e["node"]["name"] for e in ask(client, PAGE, search="shire")["councils"]["edges"]] == [
        "New Shire",
        "Old Shire",
    ]


def test_a_page_over_the_cap_or_a_foreign_cursor_is_refused(client: TestClient) -> None:
    assert errors_of(client, PAGE, first=101) == ["first must be between 0 and 100"]
    assert errors_of(client, PAGE, after="bm90LWEtY3Vyc29y") == ["after is not a cursor from this API"]


INSPECTION = """query($id: ID!) { inspection(id: $id) { id kind overall startDate publishedDate
  council { code }
  judgements { area grade conflict citations { quote page row value source { id kind } } }
  citations { quote source { id } } } }"""


def test_an_inspection_has_its_judgements_with_the_citation_of_each_source(client: TestClient) -> None:
    inspection = ask(client, INSPECTION, id=FIRST)["inspection"]
    assert (inspection["kind"], inspection["overall"], inspection["council"]) == (
        "INSPECTION",
        "INADEQUATE",
        {"code": "200"},
    )
    (judgement,) = inspection["judgements"]
    assert (judgement["area"], judgement["grade"], judgement["conflict"]) == (
        "overall_effectiveness",
        "INADEQUATE",
        True,
    )
    assert sorted((c["source"]["id"], c["value"]) for c in judgement["citations"]) == [
        ("data:stats.csv", "REQUIRES_IMPROVEMENT"),
        ("report:2017", "INADEQUATE"),
    ]


def test_a_councils_inspections_are_listed_oldest_first(client: TestClient) -> None:
    query = 'query { councils(search: "New") { edges { node { inspections { id council { name } } } } } }'
    (edge,) = ask(client, query)["councils"]["edges"]
    assert [(i["id"], i["council"]["name"]) for i in edge["node"]["inspections"]] == [
        (FIRST, "New Shire"),
        (SECOND, "New Shire"),
    ]


TENURES = """query($role: Role, $at: String) { council(code: "200") { tenures(role: $role, at: $at) {
  id person { name } role title interim organisation { id name }
  start { date precision } end { date } citations { quote source { id } } } } }"""


def test_tenures_carry_partial_dates_and_an_unnamed_holder_is_null(client: TestClient) -> None:
    tenures = ask(client, TENURES, role="DIRECTOR_OF_CHILDRENS_SERVICES")["council"]["tenures"]
    unnamed = next(t for t in tenures if t["id"] == "200-dcs-2011")
    assert unnamed["person"] is None
    assert unnamed["start"] == {"date": "2011-08", "precision": "MONTH"}
    assert unnamed["organisation"] == {"id": "council:200", "name": "New Shire"}
    assert {c["source"]["id"] for c in unnamed["citations"]} == {"report:2017"}
    chief = ask(client, TENURES, role="CHIEF_EXECUTIVE")["council"]["tenures"]
    assert [(t["person"]["name"], t["start"]) for t in chief] == [
        ("Sam Chief", {"date": "2005-05", "precision": "MONTH"})
    ]


def test_tenures_at_a_date_are_those_the_sources_show_in_post(client: TestClient) -> None:
    tenures = ask(client, TENURES, at="2022-07-01")["council"]["tenures"]
    assert sorted(t["id"] for t in tenures) == ["200-ce", "200-dcs-pat-lee", "200-lm-two"]
    assert errors_of(client, TENURES, at="last tuesday") == [
        "at must be a date like 2017-06-13, not 'last tuesday'"
    ]


CHANGES = """query($from: ID!, $to: ID!) { leadershipChanges(councilCode: "E1", fromInspection: $from,
  toInspection: $to) { from { id } to { id }
  roles { role changed before { id person { name } } between { id }
  after { id person { name } citations { quote } } } } }"""


def test_leadership_changes_say_true_where_someone_took_up_the_post_between(client: TestClient) -> None:
    changes = ask(client, CHANGES, **{"from": FIRST, "to": SECOND})["leadershipChanges"]
    assert (changes["from"]["id"], changes["to"]["id"]) == (FIRST, SECOND)
    roles = {r["role"]: r for r in changes["roles"]}
    assert roles["CHIEF_EXECUTIVE"]["changed"] is False
    assert roles["LEAD_MEMBER"]["changed"] is True
    # The 2017 director is unnamed, but Pat Lee took up the post in 2020, between the two: a change.
    dcs = roles["DIRECTOR_OF_CHILDRENS_SERVICES"]
    assert dcs["changed"] is True
    assert [t["person"] for t in dcs["before"]] == [None]
    assert [t["id"] for t in dcs["between"]] == ["200-dcs-pat-lee"]
    assert [t["person"]["name"] for t in dcs["after"]] == ["Pat Lee"]
    assert dcs["after"][0]["citations"] == [{"quote": "Pat Lee, DCS"}]


def test_leadership_changes_between_unknown_inspections_is_a_clear_error(client: TestClient) -> None:
    assert errors_of(client, CHANGES, **{"from": FIRST, "to": "nope"}) == [
        f"council E1 has no inspection {FIRST} or nope"
    ]


def test_the_leaders_when_a_council_was_rated_inadequate_come_with_citations(client: TestClient) -> None:
    query = """{ leadersWhenRated(councilCode: "200", grade: INADEQUATE) {
      inspection { id } leaders { id role person { name } start { date precision }
      citations { quote source { id } } } } }"""
    (rated,) = ask(client, query)["leadersWhenRated"]
    assert rated["inspection"]["id"] == FIRST
    leaders = {t["id"]: t for t in rated["leaders"]}
    assert set(leaders) == {"200-dcs-2011", "200-ce", "200-lm-one"}
    assert leaders["200-ce"]["person"]["name"] == "Sam Chief"
    assert leaders["200-dcs-2011"]["person"] is None
    assert leaders["200-dcs-2011"]["start"] == {"date": "2011-08", "precision": "MONTH"}
    assert "in post since August 2011" in {c["quote"] for c in leaders["200-dcs-2011"]["citations"]}


CAREER = """query($id: ID, $name: String) { person(id: $id, name: $name) { id name careerLink
  tenures { role organisation { name } citations { quote source { id kind } } } } }"""


def test_a_persons_career_lists_every_employer_with_its_citations(client: TestClient) -> None:
    person = ask(client, CAREER, name="pat lee")["person"]
    assert person["id"] == "pat-lee"
    assert [(t["organisation"]["name"], t["citations"][0]["source"]["id"]) for t in person["tenures"]] == [
        ("New Shire", "report:2022"),
        ("Hillingdon", "article:1"),  # a previous role, dates unknown: last
    ]
    # The report names Pat Lee at New Shire and the article at Hillingdon: no source names both.
    assert person["careerLink"] == "SAME_NAME"
    assert ask(client, CAREER, name="Sam Chief")["person"]["careerLink"] == "ONE_ORGANISATION"
    assert ask(client, CAREER, id="nobody")["person"] is None


def _post(organisation: str, *sources: str) -> dict[str, Any]:
    return {"organisation": {"id": organisation}, "citations": [{"source": {"id": s}} for s in sources]}


def test_a_career_is_stated_when_sources_join_every_organisation_to_the_rest() -> None:
    # A and C share no source, but each shares one with B, so all three are joined.
    joined = [
        _post("a", "letter:1", "article:1"),
        _post("b", "article:1", "article:2"),
        _post("c", "article:2"),
    ]
    assert career_link(joined) is CareerLink.STATED
    assert career_link([*joined, _post("d", "letter:9")]) is CareerLink.SAME_NAME
    assert career_link([_post("a", "letter:1"), _post("a", "letter:2")]) is CareerLink.ONE_ORGANISATION


def test_notices_and_boards_are_listed_with_partial_dates(client: TestClient) -> None:
    query = """{ council(code: "200") { improvementNotices { id issued { date precision } reviewScope }
      improvementBoards { name citations { source { id } } } } }"""
    council = ask(client, query)["council"]
    assert council["improvementNotices"] == [
        {
            "id": "200-notice-2017",
            "issued": {"date": "2017-09", "precision": "MONTH"},
            "reviewScope": ["children's services"],
        }
    ]
    assert council["improvementBoards"] == [
        {"name": "New Shire Improvement Board", "citations": [{"source": {"id": "data:stats.csv"}}]}
    ]


def test_conflicts_list_each_disagreement_with_its_sources(client: TestClient) -> None:
    query = """query($code: String) { conflicts(councilCode: $code) { councilCode field detail
      inspection { id } statements { value source { id } } } }"""
    conflicts = ask(client, query, code="200")["conflicts"]
    by_field = {(c["inspection"]["id"], c["field"]): c for c in conflicts}
    assert set(by_field) == {(FIRST, "overall_effectiveness"), (SECOND, "inspection")}
    grade = by_field[(FIRST, "overall_effectiveness")]
    assert sorted((s["source"]["id"], s["value"]) for s in grade["statements"]) == [
        ("data:stats.csv", "REQUIRES_IMPROVEMENT"),
        ("report:2017", "INADEQUATE"),
    ]
    assert by_field[(SECOND, "inspection")]["detail"] == "the sources state different start dates"
    assert ask(client, query, code=None)["conflicts"] == conflicts


def write_through_the_api_path(settings: Settings) -> None:
    """Try a write the way the API reads: through `Database`, on its own driver."""

    async def attempt() -> None:
        driver = connect_async(settings)
        try:
            await Database(driver, settings.neo4j_database, 5.0).read("CREATE (:Intruder) RETURN 1 AS n", {})
        finally:
            await driver.close()

    asyncio.run(attempt())


def test_the_api_database_path_refuses_writes(graph: Driver, settings: Settings) -> None:
    with pytest.raises(ClientError, match="read"):
        write_through_the_api_path(settings)
    assert graph.execute_query("MATCH (n:Intruder) RETURN count(n) AS n").records[0]["n"] == 0


def test_there_are_no_mutations(client: TestClient) -> None:
    assert errors_of(client, 'mutation { council(code: "200") { name } }') == [
        "The mutation operation is not supported by the schema."
    ]


def test_depth_aliases_and_tokens_are_limited_with_a_clear_error(graph: Driver, settings: Settings) -> None:
    limits = Limits(max_depth=4, max_aliases=2, max_tokens=40)
    with TestClient(create_app(settings, limits)) as client:
        deep = '{ council(code: "200") { predecessors { successors { predecessors { successors { code } } } } } }'  # noqa: E501
        assert errors_of(client, deep) == ["'anonymous' exceeds maximum operation depth of 4"]
        aliased = (
            '{ a: council(code: "1") { code } b: council(code: "2") { code } c: council(code: "3") { code } }'
        )
        assert errors_of(client, aliased) == ["3 aliases found. Allowed: 2"]
        long = "{ " + " ".join(f'council(code: "{i}") {{ code }}' for i in range(8)) + " }"
        assert errors_of(client, long) == [
            "Syntax Error: Document contains more than 40 tokens. Parsing aborted."
        ]


def test_a_body_over_the_limit_is_refused_with_413(client: TestClient) -> None:
    padding = " " * (64 * 1024)
    response = client.post("/graphql", json={"query": '{ council(code: "200") { name } }' + padding})
    assert response.status_code == 413
    assert "too large" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("body", [b"[]", b"null", b"\x80", b'{"query": "\xff"}', b"{not json"])
def test_a_json_body_that_is_not_a_json_object_is_refused_with_400(client: TestClient, body: bytes) -> None:
    response = client.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert (response.status_code, response.json()) == (
        400,
        {"errors": [{"message": 'the request body must be a JSON object, like {"query": "{ ... }"}'}]},
    )


def test_an_unexpected_error_is_masked_and_leaks_nothing(graph: Driver, settings: Settings) -> None:
    write_graph(graph, settings.neo4j_database, api_content(bad_role=True))
    with TestClient(create_app(settings)) as client:
        response = client.post("/graphql", json={"query": TENURES})
    text = response.text
    assert [e["message"] for e in response.json()["errors"]] == ["internal error"]
    for leak in ("bad_role", "Traceback", "ValueError", "MATCH", "neo4j"):
        assert leak not in text


def test_cors_is_open_to_any_site_without_credentials(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": "{ __typename }"}, headers={"Origin": "https://x.org"})
    assert response.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in response.headers
    preflight = client.options(
        "/graphql",
        headers={
            "Origin": "https://x.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200


def test_a_get_query_is_cacheable_and_a_browser_gets_graphiql(client: TestClient) -> None:
    response = client.get("/graphql", params={"query": '{ council(code: "200") { name } }'})
    assert response.json() == {"data": {"council": {"name": "New Shire"}}}
    assert response.headers["cache-control"] == "public, max-age=300"
    assert "cache-control" not in client.post("/graphql", json={"query": "{ __typename }"}).headers
    page = client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()


def test_health_says_ok_when_neo4j_answers(client: TestClient) -> None:
    response = client.get("/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok", "neo4j": "reachable"})


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_with_neo4j_down_graphql_and_health_answer_503_then_recover(
    graph: Driver, settings: Settings
) -> None:
    write_graph(graph, settings.neo4j_database, api_content())
    port = _free_port()
    down = make_test_settings(neo4j_uri=f"bolt://127.0.0.1:{port}")
    with TestClient(create_app(down, Limits(query_timeout_seconds=1.0))) as client:
        response = client.post("/graphql", json={"query": COUNCIL, "variables": {"code": "200"}})
        assert response.status_code == 503
        assert [e["message"] for e in response.json()["errors"]] == [
            "service unavailable: the graph database is not answering; try again shortly"
        ]
        assert client.get("/health").status_code == 503
        assert client.get("/health").json()["status"] == "unavailable"
        # Neo4j "comes back" on the same address: a relay to the running test server.
        with _relay(port, settings.bolt_port):
            assert client.get("/health").json() == {"status": "ok", "neo4j": "reachable"}
            # The app plans the council page once Neo4j answers: on a cold server that planning alone
            # can pass this test's 1 s query timeout, which is the warm-up's job, not the request's.
            assert client.portal is not None
            assert client.portal.call(_finished, client.app.state.warm_up) is True  # type: ignore[attr-defined]
            assert ask(client, COUNCIL, code="200")["council"]["name"] == "New Shire"


class _relay:
    """A TCP relay from a local port to the test Neo4j, standing in for a Neo4j that restarted."""

    def __init__(self, port: int, target: int) -> None:
        self.server = socket.create_server(("127.0.0.1", port))
        self.target = target
        self.sockets: list[socket.socket] = [self.server]

    def __enter__(self) -> _relay:
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        for sock in self.sockets:
            sock.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            sink.close()


@pytest.fixture
def queries_run(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The named queries the API runs, in order: each is one read transaction, one round trip."""
    names: list[str] = []
    original = Database.named

    async def counted(self: Database, query_name: str, /, **params: Any) -> list[dict[str, Any]]:
        names.append(query_name)
        return await original(self, query_name, **params)

    monkeypatch.setattr(Database, "named", counted)
    return names


CITED = "citations { quote page source { id kind title url } }"
FULL_PAGE = f"""query($code: String!) {{ council(code: $code) {{ code name region
  inspections {{ id kind overall startDate publishedDate council {{ code }}
    judgements {{ area grade {CITED} }} {CITED} }}
  tenures {{ id role interim start {{ date precision }} organisation {{ name }}
    person {{ name tenures {{ organisation {{ name }} }} }} {CITED} }}
  improvementNotices {{ id {CITED} }} improvementBoards {{ name {CITED} }}
  predecessors {{ code }} successors {{ code }} }} }}"""


def test_a_councils_full_page_is_one_query_and_its_peoples_careers_one_more(
    client: TestClient, queries_run: list[str]
) -> None:
    council = ask(client, FULL_PAGE, code="200")["council"]
    assert len(council["inspections"]) == 2
    assert len(council["tenures"]) == 5
    assert sorted(queries_run) == ["council_page", "people_careers"]


def test_a_page_of_councils_with_their_leaders_careers_costs_the_same_queries_as_one(
    client: TestClient, queries_run: list[str]
) -> None:
    query = """{ councils(first: 10) { edges { node { name inspections { id council { name } }
      tenures { person { name tenures { organisation { name } } } } improvementNotices { id } } } } }"""
    edges = ask(client, query)["councils"]["edges"]
    assert len(edges) == 7
    assert sorted(queries_run) == [
        "council_notices_boards",
        "councils",
        "councils_inspections",
        "councils_leaders",
        "people_careers",
    ]


def test_leaders_when_rated_is_one_query(client: TestClient, queries_run: list[str]) -> None:
    query = f"""{{ leadersWhenRated(councilCode: "200", grade: INADEQUATE) {{
      inspection {{ id council {{ name }} judgements {{ grade {CITED} }} {CITED} }}
      leaders {{ role person {{ name }} organisation {{ name }} {CITED} }} }} }}"""
    (rated,) = ask(client, query)["leadersWhenRated"]
    assert rated["inspection"]["council"] == {"name": "New Shire"}
    assert {t["organisation"]["name"] for t in rated["leaders"]} == {"New Shire"}
    assert queries_run == ["leaders_when_rated"]


def test_leadership_changes_are_one_query_with_both_inspections_fetched_alongside(
    client: TestClient, queries_run: list[str]
) -> None:
    query = f"""query($from: ID!, $to: ID!) {{ leadershipChanges(councilCode: "200", fromInspection: $from,
      toInspection: $to) {{ from {{ id overall council {{ code }} judgements {{ grade }} }}
      to {{ id overall }}
      roles {{ role changed before {{ person {{ name }} organisation {{ name }} {CITED} }}
        after {{ person {{ name }} {CITED} }} }} }} }}"""
    changes = ask(client, query, **{"from": FIRST, "to": SECOND})["leadershipChanges"]
    assert (changes["from"]["overall"], changes["to"]["overall"]) == ("INADEQUATE", "GOOD")
    assert changes["from"]["council"] == {"code": "200"}
    assert sorted(queries_run) == ["inspections", "leadership_changes"]


def test_a_persons_career_is_one_query(client: TestClient, queries_run: list[str]) -> None:
    query = f"""{{ person(name: "Pat Lee") {{ name tenures {{ role organisation {{ name }} {CITED} }} }} }}"""
    assert len(ask(client, query)["person"]["tenures"]) == 2
    assert queries_run == ["person"]


def test_tenures_on_a_date_are_one_query_after_the_council(
    client: TestClient, queries_run: list[str]
) -> None:
    tenures = ask(client, TENURES, at="2017-06-13")["council"]["tenures"]
    assert {t["organisation"]["name"] for t in tenures} == {"New Shire"}
    assert queries_run == ["council", "leaders_on_date"]


def test_a_query_past_the_timeout_is_stopped_by_neo4j(graph: Driver, settings: Settings) -> None:
    async def attempt() -> None:
        driver = connect_async(settings)
        try:
            await Database(driver, settings.neo4j_database, 0.5).read(
                "UNWIND range(1, $n) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n", {"n": 10**10}
            )
        finally:
            await driver.close()

    with pytest.raises(QueryTimeoutError):
        asyncio.run(attempt())


def test_a_graphql_query_past_the_timeout_gets_a_clear_error(graph: Driver, settings: Settings) -> None:
    write_graph(graph, settings.neo4j_database, api_content())
    # Enough leaders and ratings that matching every leader against every rating takes seconds.
    graph.execute_query(
        """MATCH (c:Council {code: '200'})
        UNWIND range(1, $n) AS k
        CREATE (:Tenure {id: 'slow-' + k, role: 'lead_member', known_from: '2000', known_to: '2030'})
               -[:AT]->(c)
        CREATE (c)-[:HAD_INSPECTION]->(:Inspection {id: 'slow/' + k, kind: 'inspection',
               overall: 'INADEQUATE', start_date: '2017-01-01', date: '2017-01-01'})""",
        {"n": 2000},
        database_=settings.neo4j_database,
    )
    with TestClient(create_app(settings, Limits(query_timeout_seconds=0.5))) as client:
        query = '{ leadersWhenRated(councilCode: "200", grade: INADEQUATE) { leaders { id } } }'
        assert errors_of(client, query) == ["the query took too long and was stopped; ask for less"]


def test_a_council_page_reads_its_lists_with_the_council_by_any_of_its_codes(
    client: TestClient, queries_run: list[str]
) -> None:
    query = """query($code: String!) { council(code: $code) { code inspections { id } }
      dataset { contentHash } }"""
    by_dfe = ask(client, query, code="200")
    assert queries_run == ["council_page"]
    queries_run.clear()
    by_ons = ask(client, query, code="E1")
    assert by_ons == by_dfe
    assert [i["id"] for i in by_ons["council"]["inspections"]] == [FIRST, SECOND]
    assert by_ons["dataset"]["contentHash"]
    assert queries_run == ["council_page"]


def test_a_council_page_for_no_council_is_null_and_the_dataset_still_answers(
    client: TestClient, queries_run: list[str]
) -> None:
    query = '{ council(code: "nope") { code tenures { id } } dataset { contentHash } }'
    answer = ask(client, query)
    assert answer["council"] is None
    assert answer["dataset"]["contentHash"]
    assert queries_run == ["council_page", "dataset"]


def test_the_app_plans_the_council_page_before_the_first_request(graph: Driver, settings: Settings) -> None:
    # A cold Neo4j spent seconds planning the one-query council page (past the 10 s timeout once, at
    # load 12): the app runs it once at start so the first visitor does not pay for it.
    write_graph(graph, settings.neo4j_database, api_content())
    graph.execute_query("CALL db.clearQueryCaches()")
    app = create_app(settings)
    with TestClient(app) as client:
        assert client.portal is not None
        assert client.portal.call(_finished, app.state.warm_up) is True
    [cleared] = graph.execute_query("CALL db.clearQueryCaches() YIELD value RETURN value").records
    assert cleared["value"].startswith("Query caches successfully cleared of")


async def _finished(task: asyncio.Task[bool]) -> bool:
    """The app's warm-up task's result, awaited on the app's own event loop."""
    return await asyncio.wait_for(task, timeout=120)

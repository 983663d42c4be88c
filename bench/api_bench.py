"""The API against raw Cypher: each canonical question through GraphQL over HTTP and straight to the driver.

In one process and one run: the real app served by uvicorn on a free loopback port, asked with an
httpx client, and the same named queries in queries/ run through the synchronous driver, each as its
own auto-commit read, one after another. Requests alternate between the two paths so both see the
same machine. Prints p50 and p99 of each path and the ratio API ÷ raw (target: at most 1.5 at p50).

The questions: the council widget's own query (api/static/council.graphql), a council page asking
for every field, the three questions for Gloucestershire, and the smallest root field, which shows
the cost the API adds to any request.

Runs against the graph the settings point at, loaded with `ofsted-graph load`:

    OFSTED_NEO4J_HOME=.neo4j-bench-api OFSTED_BOLT_PORT=17888 OFSTED_HTTP_PORT=17889 \\
        .venv/bin/ofsted-graph neo4j start && ... ofsted-graph load
    ... .venv/bin/python -m bench.api_bench [--runs 300] [--warmup 30]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from neo4j import READ_ACCESS, Driver, Query
from rich.console import Console
from rich.table import Table

from api import widgets
from api.database import Database
from bench.common import percentile, serving
from graph import named_queries
from graph.connection import connect
from graph.settings import Settings

GLOUCESTERSHIRE = "916"
RATED_2017 = "916/inspection/2017-06-13"
RATED_2022 = "916/inspection/2022-04-01"

CITED = "citations { quote page source { id kind title publisher publishedDate url } }"

COUNCIL_PAGE = f"""query($code: String!) {{ council(code: $code) {{
  code name laCode gssCode ofstedUrn region current
  inspections {{ id kind framework startDate endDate publishedDate leadInspector overall reportUrl
    judgements {{ area grade wording conflict {CITED} }} {CITED} }}
  tenures {{ id role title interim evidenceFrom evidenceTo start {{ date precision }} end {{ date precision }}
    person {{ id name }} organisation {{ id name kind }} {CITED} }}
  improvementNotices {{ id kind issued {{ date precision }} lifted {{ date precision }} reviewScope {CITED} }}
  improvementBoards {{ id name firstMeeting {{ date precision }} {CITED} }}
  predecessors {{ code name }} successors {{ code name }} }} }}"""

LEADER = (
    f"id role title interim start {{ date precision }} end {{ date precision }} person {{ id name }} {CITED}"
)

LEADERS_WHEN_RATED = f"""query($code: String!) {{ leadersWhenRated(councilCode: $code, grade: INADEQUATE) {{
  inspection {{ id kind startDate publishedDate overall judgements {{ area grade {CITED} }} {CITED} }}
  leaders {{ {LEADER} }} }} }}"""

LEADERSHIP_CHANGES = f"""query($code: String!, $from: ID!, $to: ID!) {{
  leadershipChanges(councilCode: $code, fromInspection: $from, toInspection: $to) {{
    from {{ id publishedDate overall judgements {{ area grade }} }}
    to {{ id publishedDate overall judgements {{ area grade }} }}
    roles {{ role changed before {{ {LEADER} }} after {{ {LEADER} }} }} }} }}"""

PERSON_CAREER = f"""query($name: String!) {{ person(name: $name) {{ id name
  tenures {{ id role title interim start {{ date precision }} end {{ date precision }}
    organisation {{ id name kind }} {CITED} }} }} }}"""


@dataclass(frozen=True)
class Question:
    """One canonical question: the GraphQL the API is asked, and the named queries the API runs for it."""

    name: str
    document: str
    variables: dict[str, Any]
    named: tuple[tuple[str, dict[str, Any]], ...]


# Not a question researchers ask: the smallest root field (one row, three properties), so the table
# shows what the API adds to any request whatever its size (HTTP, GraphQL, JSON) beside the rest.
FIXED_COST = "{ dataset { loadedAt contentHash } }"


def questions() -> list[Question]:
    """The council widget's page, the three questions for Gloucestershire, and the fixed cost."""
    council_page = (
        ("council_page", {"code": GLOUCESTERSHIRE, "parts": ["inspections", "notices_boards", "tenures"]}),
    )
    return [
        Question(
            "council widget (916)",
            widgets.council_query(),
            {"code": GLOUCESTERSHIRE},
            (
                *council_page,
                ("leadership_answers", {"inspection_ids": None, "council_code": GLOUCESTERSHIRE}),
            ),
        ),
        Question(
            "council page, every field (916)",
            COUNCIL_PAGE,
            {"code": GLOUCESTERSHIRE},
            council_page,
        ),
        Question(
            "leadersWhenRated(916, INADEQUATE)",
            LEADERS_WHEN_RATED,
            {"code": GLOUCESTERSHIRE},
            (("leaders_when_rated", {"council_code": GLOUCESTERSHIRE, "grade": "INADEQUATE"}),),
        ),
        Question(
            "leadershipChanges 2017 → 2022",
            LEADERSHIP_CHANGES,
            {"code": GLOUCESTERSHIRE, "from": RATED_2017, "to": RATED_2022},
            (
                (
                    "leadership_changes",
                    {
                        "council_code": GLOUCESTERSHIRE,
                        "from_inspection": RATED_2017,
                        "to_inspection": RATED_2022,
                    },
                ),
                ("inspections", {"inspection_ids": [RATED_2017, RATED_2022]}),
            ),
        ),
        Question(
            'person(name: "Chris Spencer") career',
            PERSON_CAREER,
            {"name": "Chris Spencer"},
            (("person", {"person_id": None, "name": "Chris Spencer"}),),
        ),
        Question("(fixed cost: one small row)", FIXED_COST, {}, (("dataset", {}),)),
    ]


def ask_api(client: httpx.Client, question: Question) -> Callable[[], object]:
    """One POST of the question; fails loudly on an error so a broken API is not timed as fast."""

    def ask() -> object:
        response = client.post("/graphql", json={"query": question.document, "variables": question.variables})
        body = response.json()
        if response.status_code != 200 or "errors" in body:
            raise RuntimeError(f"{question.name}: {response.status_code} {body.get('errors')}")
        return body["data"]

    return ask


def ask_raw(driver: Driver, database: str, question: Question) -> Callable[[], object]:
    """The question's named queries through the driver, each an auto-commit read, as the API runs them."""
    steps = [(named_queries.query(name).cypher, params) for name, params in question.named]

    def ask() -> object:
        with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
            # Auto-commit reads, one round trip each, as api/database.py runs them.
            return [session.run(Query(cypher), params).data() for cypher, params in steps]

    return ask


@dataclass(frozen=True)
class Timings:
    api: list[float]
    raw: list[float]


def measure(api: Callable[[], object], raw: Callable[[], object], runs: int, warmup: int) -> Timings:
    """Alternate the two paths, so a busy moment on the machine slows both alike."""
    for _ in range(warmup):
        api()
        raw()
    timings = Timings([], [])
    for _ in range(runs):
        timings.api.append(_seconds(api))
        timings.raw.append(_seconds(raw))
    return timings


def _seconds(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def report(results: list[tuple[Question, Timings]]) -> Table:
    """p50/p99 of each path in milliseconds, and API ÷ raw at p50 and p99."""
    table = Table(
        "question",
        "queries",
        "API p50",
        "API p99",
        "raw p50",
        "raw p99",
        "API÷raw p50",
        "API÷raw p99",
        title="API over HTTP against the same named Cypher through the driver (ms)",
    )
    for question, t in results:
        api50, api99 = percentile(t.api, 50), percentile(t.api, 99)
        raw50, raw99 = percentile(t.raw, 50), percentile(t.raw, 99)
        table.add_row(
            question.name,
            str(len(question.named)),
            f"{api50 * 1000:.1f}",
            f"{api99 * 1000:.1f}",
            f"{raw50 * 1000:.1f}",
            f"{raw99 * 1000:.1f}",
            f"{api50 / raw50:.2f}",
            f"{api99 / raw99:.2f}",
        )
    return table


@contextmanager
def recorded_queries() -> Iterator[list[str]]:
    """The names of the named queries the API runs meanwhile (the app runs in this process)."""
    names: list[str] = []
    original = Database.named

    async def recording(self: Database, query_name: str, /, **params: Any) -> list[dict[str, Any]]:
        names.append(query_name)
        return await original(self, query_name, **params)

    Database.named = recording  # type: ignore[method-assign]
    try:
        yield names
    finally:
        Database.named = original  # type: ignore[method-assign]


def check_same_queries(api: Callable[[], object], question: Question) -> None:
    """Refuse to time unlike work: the raw side must run exactly the named queries the API runs."""
    with recorded_queries() as names:
        api()
    planned = sorted(name for name, _ in question.named)
    if sorted(names) != planned:
        raise RuntimeError(f"{question.name}: the API ran {sorted(names)}, the raw side runs {planned}")


def run(settings: Settings, runs: int, warmup: int) -> list[tuple[Question, Timings]]:
    """Time every question both ways against the Neo4j the settings point at."""
    results: list[tuple[Question, Timings]] = []
    with (
        connect(settings) as driver,
        serving(settings) as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):
        for question in questions():
            api = ask_api(client, question)
            raw = ask_raw(driver, settings.neo4j_database, question)
            # Plan the queries first, without the API's timeout: a cold plan (seconds under load) is
            # not what this compares, and could pass the API's per-query timeout.
            raw()
            check_same_queries(api, question)
            results.append((question, measure(api, raw, runs, warmup)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=300, help="timed requests per question and path")
    parser.add_argument("--warmup", type=int, default=30, help="untimed requests first, per path")
    args = parser.parse_args()
    console = Console(width=120)
    console.print(report(run(Settings(), args.runs, args.warmup)))


if __name__ == "__main__":
    main()

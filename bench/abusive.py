"""How quickly the API refuses abusive queries, against a normal small query as the baseline.

In one process and one run: the real app served by uvicorn on a free loopback port and asked with an
httpx client. For each abusive request (depth 50, 1,000 aliases, a page of a million, a fragment
cycle, a 1 MB document, a batch ...) the runs alternate with the baseline query, so both see the same
machine. Prints p50 and p99 of each, the ratio to the baseline's p50, and checks every abusive
request was refused (an error and no data, or a 4xx).

Runs against the graph the settings point at (the baseline reads one council), e.g. `make up`'s:

    .venv/bin/python -m bench.abusive [--runs 200] [--warmup 20]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from bench.common import percentile, serving
from graph.settings import Settings

BASELINE = 'query { council(code: "916") { code name region } }'


def nested(depth: int) -> str:
    """A query `depth` levels deep, alternating a council's successors and predecessors."""
    inner = "name"
    for level in range(depth):
        inner = f"{'predecessors' if level % 2 else 'successors'} {{ {inner} }}"
    return f'query {{ council(code: "916") {{ {inner} }} }}'


def aliased(count: int) -> str:
    """One field asked for `count` times under different aliases."""
    return "query { " + " ".join(f'a{i}: council(code: "916") {{ name }}' for i in range(count)) + " }"


def fragment_chain(length: int) -> str:
    """`length` fragments, each spreading the next one level deeper."""
    fragments = " ".join(
        f"fragment F{i} on Council {{ successors {{ ...F{i + 1} }} }}" for i in range(length)
    )
    return (
        f'query {{ council(code: "916") {{ ...F0 }} }} {fragments} fragment F{length} on Council {{ name }}'
    )


FRAGMENT_CYCLE = (
    'query { council(code: "916") { ...A } } '
    "fragment A on Council { predecessors { ...B } } "
    "fragment B on Council { successors { ...A } }"
)


@dataclass(frozen=True)
class Abuse:
    """One abusive request: what it is and how it is sent."""

    name: str
    what: str
    json: Any = None
    params: dict[str, str] = field(default_factory=dict)

    def send(self, client: httpx.Client) -> httpx.Response:
        if self.params:
            return client.get("/graphql", params=self.params, headers={"Accept": "application/json"})
        return client.post("/graphql", json=self.json)


ABUSES = (
    Abuse("depth 50", "a query nested 50 levels deep", {"query": nested(50)}),
    Abuse("1,000 aliases", "one field under 1,000 aliases", {"query": aliased(1000)}),
    Abuse("16 aliases", "just over the alias limit (15)", {"query": aliased(16)}),
    Abuse(
        "first: 1000000",
        "a page of a million councils",
        {"query": "query { councils(first: 1000000) { totalCount } }"},
    ),
    Abuse("fragment cycle", "two fragments spreading each other", {"query": FRAGMENT_CYCLE}),
    Abuse("fragment chain 50", "50 fragments each one level deeper", {"query": fragment_chain(50)}),
    Abuse("1 MB document", "a valid query padded to 1 MB", {"query": BASELINE + " #" + "x" * 1_000_000}),
    Abuse(
        "1,000 directives",
        "@skip(if: false) 1,000 times",
        {"query": "{ __typename" + " @skip(if: false)" * 1000 + " }"},
    ),
    Abuse("batch of 100", "a JSON list of 100 operations", [{"query": BASELINE}] * 100),
    Abuse("depth 50 by GET", "the depth-50 query as a GET", params={"query": nested(50)}),
)


def refused(response: httpx.Response) -> bool:
    """An abusive request is refused: a 4xx, or errors and no data at all."""
    if 400 <= response.status_code < 500:
        return True
    body = response.json()
    return bool(body.get("errors")) and body.get("data") is None


@dataclass
class Timings:
    abuse: Abuse
    times: list[float] = field(default_factory=list)  # milliseconds
    baseline: list[float] = field(default_factory=list)
    all_refused: bool = True


def timed(client: httpx.Client, abuse: Abuse | None) -> tuple[float, httpx.Response]:
    start = time.perf_counter()
    response = abuse.send(client) if abuse else client.post("/graphql", json={"query": BASELINE})
    return (time.perf_counter() - start) * 1000, response


def run(settings: Settings, runs: int, warmup: int) -> list[Timings]:
    """Each abuse `runs` times, each run followed by one baseline query."""
    results = [Timings(abuse) for abuse in ABUSES]
    with serving(settings) as url, httpx.Client(base_url=url, timeout=30) as client:
        for _ in range(warmup):
            for abuse in (*ABUSES, None):
                timed(client, abuse)
        for _ in range(runs):
            for result in results:
                took, response = timed(client, result.abuse)
                result.times.append(took)
                result.all_refused &= refused(response)
                baseline, answer = timed(client, None)
                if answer.status_code != 200 or "errors" in answer.json():
                    raise SystemExit(f"the baseline query failed: {answer.text[:200]}")
                result.baseline.append(baseline)
    return results


def report(results: list[Timings], runs: int) -> Table:
    baseline = [t for r in results for t in r.baseline]
    base50, base99 = percentile(baseline, 50), percentile(baseline, 99)
    table = Table(title=f"Refusing abusive queries: {runs} runs each, alternating with the baseline")
    for column in ("request", "refused", "p50 ms", "p99 ms", "p50 ÷ baseline p50"):
        table.add_column(column, justify="left" if column == "request" else "right")
    table.add_row("baseline: one council's name", "-", f"{base50:.1f}", f"{base99:.1f}", "1.00")
    for r in results:
        p50, p99 = percentile(r.times, 50), percentile(r.times, 99)
        table.add_row(
            f"{r.abuse.name} ({r.abuse.what})",
            "yes" if r.all_refused else "NO",
            f"{p50:.1f}",
            f"{p99:.1f}",
            f"{p50 / base50:.2f}",
        )
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=200, help="timed runs of each request (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed runs first (default 20)")
    args = parser.parse_args()
    results = run(Settings(), args.runs, args.warmup)
    Console(width=140).print(report(results, args.runs))
    if not all(r.all_refused for r in results):
        raise SystemExit("an abusive request was answered, not refused")


if __name__ == "__main__":
    main()

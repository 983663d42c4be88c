"""Load test: the widget and the three questions against a running API, at rising concurrency.

Expects the API running (`make up` serves it at http://127.0.0.1:8000); each step runs locust
headless in its own process for a bounded time, on loopback, and the figures come from its CSV.

Usage:
    .venv/bin/python -m bench.loadtest                          # against make up's API
    .venv/bin/python -m bench.loadtest --url http://127.0.0.1:18092 --users 1 5 10 --seconds 15
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from rich.console import Console
from rich.table import Table

from bench.loadtest.questions import COUNCIL_CODES
from graph.settings import PROJECT_ROOT, Settings

console = Console(width=160)
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
P99_TARGET_MS = 100.0
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True)
class Step:
    """One concurrency step's totals over every request (locust's Aggregated row)."""

    users: int
    requests: int
    failures: int
    rps: float
    p50_ms: float
    p99_ms: float


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    settings = Settings()
    parser = argparse.ArgumentParser(prog="python -m bench.loadtest", description=__doc__.split("\n")[0])
    parser.add_argument("--url", default=f"http://{settings.api_host}:{settings.api_port}", help="the API")
    parser.add_argument("--users", type=int, nargs="+", default=[1, 2, 3, 5, 10, 25, 50])
    parser.add_argument("--seconds", type=int, default=20, help="length of each step")
    return parser.parse_args(argv)


def council_codes(url: str) -> list[str]:
    """Checks the API answers and returns the first page of council codes, for the widget to ask about.

    Raises:
        SystemExit: the API is not running or not healthy.
    """
    try:
        health = httpx.get(f"{url}/health", timeout=10)
        answer = httpx.post(f"{url}/graphql", json={"query": COUNCIL_CODES}, timeout=30).json()
    except httpx.HTTPError as exc:
        raise SystemExit(f"No API answers at {url} ({exc}). Start it with `make up`, or pass --url.") from exc
    if health.status_code != 200:
        raise SystemExit(f"The API at {url} is up but Neo4j is not: /health says {health.text}")
    return [edge["node"]["code"] for edge in answer["data"]["councils"]["edges"]]


def run_step(url: str, users: int, seconds: int, codes: list[str], folder: Path) -> Step:
    """One locust run at `users` concurrent users (no think time), for `seconds`."""
    prefix = folder / f"users{users}"
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "OFSTED_LOADTEST_CODES": ",".join(codes)}
    command = [
        sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", url,
        "--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s",
        "--stop-timeout", "5", "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING",
    ]  # fmt: skip
    # Locust exits 1 when any request failed; the CSV still holds the figures, errors included.
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, check=False, timeout=seconds + 120
    )
    stats = prefix.with_name(prefix.name + "_stats.csv")
    if not stats.exists():
        raise SystemExit(f"locust wrote no statistics (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return read_step(users, stats)


def read_step(users: int, stats: Path) -> Step:
    """The Aggregated row of a locust _stats.csv."""
    with stats.open(newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["Name"] == "Aggregated")
    return Step(
        users=users,
        requests=int(row["Request Count"]),
        failures=int(row["Failure Count"]),
        rps=float(row["Requests/s"]),
        p50_ms=float(row["50%"]),
        p99_ms=float(row["99%"]),
    )


def steps_table(steps: list[Step], seconds: int) -> Table:
    table = Table(title=f"Load test: {seconds} s per step, no think time, mix 4 widget : 1 : 1 : 1 questions")
    for column in ("users", "requests", "errors", "req/s", "p50 ms", "p99 ms", f"p99 < {P99_TARGET_MS:g} ms"):
        table.add_column(column, justify="right")
    for s in steps:
        within = "yes" if s.p99_ms < P99_TARGET_MS else "no"
        cells = (
            s.users,
            s.requests,
            s.failures,
            f"{s.rps:.1f}",
            f"{s.p50_ms:.0f}",
            f"{s.p99_ms:.0f}",
            within,
        )
        table.add_row(*map(str, cells))
    return table


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if urlsplit(args.url).hostname not in LOOPBACK:
        raise SystemExit(f"The load test runs on loopback only; {args.url} is not.")
    codes = council_codes(args.url)
    console.print(f"API at {args.url}; the widget asks about {len(codes)} councils")
    steps: list[Step] = []
    with tempfile.TemporaryDirectory(prefix="ofsted-loadtest-") as folder:
        for users in args.users:
            steps.append(run_step(args.url, users, args.seconds, codes, Path(folder)))
            console.print(json.dumps(steps[-1].__dict__))
    console.print(steps_table(steps, args.seconds))
    within = [s for s in steps if s.p99_ms < P99_TARGET_MS]
    best = max(within, key=lambda s: s.rps, default=None)
    if best is None:
        console.print(f"No step kept p99 under {P99_TARGET_MS:g} ms.")
    else:
        console.print(
            f"Highest throughput with p99 < {P99_TARGET_MS:g} ms: {best.rps:.1f} req/s at {best.users} users"
        )
    console.print(f"Errors in all steps: {sum(s.failures for s in steps)}")


if __name__ == "__main__":
    main()

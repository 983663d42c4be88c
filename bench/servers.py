"""The same app under uvicorn and under granian (what `ofsted-graph serve` runs): which serves more.

One worker each, answer cache off, on the settings' Neo4j; for each question and concurrency, short
autocannon rounds alternating between the two servers (the first server of a round alternates too),
and the median of the rounds' throughput ratios, since on these shared machines only ratios measured
side by side mean anything.

Usage:
    .venv/bin/python -m bench.servers [--rounds 6] [--seconds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.peer_bench import CLI, QUESTIONS, app_server, loadavg, post_load

UVICORN = Path(sys.executable).with_name("uvicorn")
# (question index in bench.peer_bench.QUESTIONS, connections)
CASES = ((0, 5), (0, 20), (1, 5))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--port", type=int, default=18701, help="uvicorn's; granian's is the next")
    args = parser.parse_args()
    uvicorn_args = [str(UVICORN), "--factory", "api.app:app_from_environment", "--port", str(args.port)]
    uvicorn_args += ["--no-access-log", "--log-level", "warning"]
    table = Table(
        "question",
        "connections",
        "granian ÷ uvicorn (median)",
        "rounds",
        "uvicorn req/s, p99 ms",
        "granian req/s, p99 ms",
        "load",
        title=f"The app under each server, {args.rounds} alternating rounds of {args.seconds} s",
    )
    with (
        app_server("uvicorn", uvicorn_args, args.port, cache_mb=0) as uvicorn,
        app_server("granian", [str(CLI), "serve", "--workers", "1"], args.port + 1, cache_mb=0) as granian,
    ):
        for index, connections in CASES:
            question = QUESTIONS[index]
            ratios, ours, theirs = [], [], []
            for round_ in range(args.rounds):
                order = (uvicorn, granian) if round_ % 2 == 0 else (granian, uvicorn)
                runs = {s.name: post_load(s, question.project, connections, args.seconds) for s in order}
                ratios.append(runs["granian"]["rps"] / runs["uvicorn"]["rps"])
                ours.append(runs["granian"])
                theirs.append(runs["uvicorn"])
            table.add_row(
                question.name,
                str(connections),
                f"{statistics.median(ratios):.2f}",
                ", ".join(f"{r:.2f}" for r in ratios),
                _median_run(theirs),
                _median_run(ours),
                loadavg(),
            )
    Console(width=180).print(table)


def _median_run(runs: list[dict[str, float]]) -> str:
    rps = statistics.median(r["rps"] for r in runs)
    p99 = statistics.median(r["p99_ms"] for r in runs)
    return f"{rps:.1f}, {p99:.0f}"


if __name__ == "__main__":
    main()

"""Where an API request's time goes: py-spy samples one worker while autocannon loads it with one question.

Serves the API (`ofsted-graph serve --workers 1`, answer cache off unless --cache) on the settings'
Neo4j, loads it with the widget page (or another question of bench.peer_bench) at fixed concurrency,
and prints the functions with the most samples: on the stack at all (inclusive) and at the top (self).

Usage:
    .venv/bin/python -m bench.profile [--question 0] [--seconds 20] [--connections 5] [--cache]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.peer_bench import QUESTIONS, autocannon, loadavg, project_server
from graph.settings import Settings

PY_SPY = Path(sys.executable).with_name("py-spy")


def top_functions(collapsed: str, count: int) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """(inclusive, self) shares of the samples per function, from py-spy's collapsed stacks."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, samples = line.rpartition(" ")
        n = int(samples)
        total += n
        frames = [_short(f) for f in stack.split(";")]
        for frame in set(frames):
            inclusive[frame] += n
        own[frames[-1]] += n
    share = 100.0 / max(total, 1)
    return (
        [(f, n * share) for f, n in inclusive.most_common(count)],
        [(f, n * share) for f, n in own.most_common(count)],
    )


def _short(frame: str) -> str:
    # "encode_json (api/app.py:95)" -> "encode_json (api/app.py)": lines split one function's samples.
    name, _, where = frame.partition(" (")
    path = where.split(":")[0]
    for marker in ("site-packages/", "/work/", "lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{name} ({path})"


def main() -> None:
    settings = Settings()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--question", type=int, default=0, help="index into bench.peer_bench.QUESTIONS")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=5)
    parser.add_argument("--cache", action="store_true", help="with the answer cache (repeats hit it)")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--api-port", type=int, default=settings.api_port)
    args = parser.parse_args()
    question = QUESTIONS[args.question]
    with (
        project_server(args.api_port, 1, 64 if args.cache else 0) as server,
        tempfile.TemporaryDirectory() as folder,
    ):
        collapsed = Path(folder) / "profile.txt"
        spy = subprocess.Popen(
            [
                str(PY_SPY),
                "record",
                "--format",
                "raw",
                "--output",
                str(collapsed),
                "--nonblocking",
                # granian serves from a worker process, a child of the one started.
                "--subprocesses",
                "--duration",
                str(args.seconds),
                "--pid",
                str(server.pid),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        load = autocannon(
            {
                "url": server.url,
                "connections": args.connections,
                "duration": args.seconds,
                "method": "POST",
                "headers": {"content-type": "application/json"},
                "body": json.dumps(question.project.body()),
            }
        )
        spy.wait(timeout=args.seconds + 60)
        text = collapsed.read_text()
    inclusive, own = top_functions(text, args.top)
    console = Console(width=160)
    console.print(
        f"{question.name}: {load['rps']:.1f} req/s, p50 {load['p50_ms']} ms, p99 {load['p99_ms']} ms "
        f"at {args.connections} connections (load {loadavg()})"
    )
    for title, rows in (("on the stack (inclusive)", inclusive), ("at the top (self)", own)):
        table = Table("function", "% of samples", title=title)
        for name, pct in rows:
            table.add_row(name, f"{pct:.1f}")
        console.print(table)


if __name__ == "__main__":
    main()

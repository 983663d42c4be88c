"""Scale benchmark: the real graph copied 1x, 10x and 100x, loaded by the real writer, each question timed.

The 1x graph is the bundled data read by the real pipeline (`loaders.pipeline.read_everything`). A
larger size is that content copied N times, every id, code, name and digest suffixed with the copy number,
so each copy has the real shape: its councils, inspections, judgements, people, tenures, sources
and citations, in the real proportions. Each size goes through `loaders.write.write_graph` into
an empty graph, on a Neo4j of the benchmark's own (its own home and ports; the benchmark wipes it).
Where that one transaction fails (at 100x it outgrows the heap), the size is written again with
the writer's own statements, one transaction per copy, so its questions can still be timed. Then
every canonical question runs against random councils and people of every copy, and the council
widget's page runs through the real API app. The target: 100x medians within 2x of 1x.

Usage:
    .venv/bin/python -m bench.scale                     # 1x, 10x, 100x (the 100x load takes minutes)
    .venv/bin/python -m bench.scale --sizes 1 10        # quicker
    .venv/bin/python -m bench.scale --heap 4g --transaction-timeout 20m
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, LiteralString

import psutil
from neo4j import Driver, ManagedTransaction, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError
from rich.console import Console
from rich.table import Table

from api.app import create_app
from bench.common import percentile
from bench.loadtest.questions import COUNCIL_PAGE
from graph import named_queries, schema, server
from graph.connection import connect
from graph.settings import PROJECT_ROOT, Settings
from loaders.model import (
    BoardRecord,
    Bundle,
    Citation,
    Content,
    CouncilRecord,
    Inspection,
    InspectionStatement,
    NoticeRecord,
    OrganisationRecord,
    SourceRecord,
    TenureRecord,
)
from loaders.pipeline import read_everything
from loaders.write import content_hash, count_records, write_graph, write_nodes

# Wide enough for the tables in a terminal or a log file.
console = Console(width=200)

# Indexed look-ups should cost the same whatever the graph's size: at 100x, the median may be at
# most this many times the 1x median.
FLAT_TARGET = 2.0
# Untimed runs of each question first, so the Cypher runtime and the JIT are warm at every size.
WARMUP = 50

QUESTIONS = (
    "council_inspections",
    "council_leaders",
    "leaders_when_rated",
    "leadership_changes",
    "person_career",
)
COUNCIL_PAGE_NAME = "council page (GraphQL)"

# Deleting in batches keeps the wipe between sizes out of one huge transaction (it is not timed).
WIPE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
TRANSACTIONS = (
    "SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory, elapsedTime "
    "RETURN estimatedUsedHeapMemory AS used, elapsedTime.milliseconds AS ms"
)
COUNT_NODES = "MATCH (n) RETURN count(n) AS n"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS n"
MEMORY_SETTINGS = (
    "SHOW SETTINGS YIELD name, value WHERE name STARTS WITH 'db.memory.transaction' "
    "OR name = 'db.transaction.timeout' RETURN name, value ORDER BY name"
)


@dataclass(frozen=True)
class Options:
    """What to run, and the benchmark server's home, ports and memory."""

    sizes: list[int]
    samples: int
    home: Path
    bolt_port: int
    http_port: int
    heap: str
    pagecache: str
    transaction_timeout: str
    seed: int


@dataclass
class LoadFigures:
    """One size's load: what was written, how long it took, and the memory it used."""

    size: int
    records: dict[str, int]
    nodes: int = 0
    relationships: int = 0
    hash_seconds: float = 0.0
    write_seconds: float = 0.0
    unchanged_seconds: float = 0.0
    peak_transaction_mb: float | None = None
    transaction_open_seconds: float = 0.0
    peak_python_mb: float = 0.0
    peak_neo4j_mb: float = 0.0
    store_mb: float = 0.0
    error: str | None = None
    batched: bool = False  # written one copy per transaction, after the writer's one transaction failed

    @property
    def facts_per_second(self) -> float:
        return (self.nodes + self.relationships) / self.write_seconds if self.write_seconds else 0.0


@dataclass
class Timings:
    """Milliseconds of each run of each question at one size, and the runs that failed."""

    runs: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)


# ---- the synthetic graph: the real content, copied


@dataclass(frozen=True)
class Copy:
    """Renames one copy's records: every id, code and name gets the copy's suffix ("" for copy 0)."""

    suffix: str

    def key(self, value: str) -> str:
        return value + self.suffix

    def maybe(self, value: str | None) -> str | None:
        return None if value is None else value + self.suffix

    def cites(self, citations: list[Citation]) -> list[Citation]:
        return [replace(c, source_id=self.key(c.source_id)) for c in citations]


def replicate(content: Content, copies: int) -> Content:
    """The content `copies` times over; copy 0 keeps the real ids, so 1x is exactly the real graph."""
    bundle = Bundle()
    inspections: list[Inspection] = []
    for number in range(copies):
        copy = copy_of(content, number)
        bundle.extend(copy.bundle)
        inspections.extend(copy.inspections)
    return Content(bundle=bundle, inspections=inspections)


def copy_of(content: Content, number: int) -> Content:
    """Copy `number` of the content, its ids suffixed "#<number>" (copy 0 is the content itself)."""
    copy = Copy(f"#{number}" if number else "")
    return Content(
        bundle=_copied_bundle(content.bundle, copy),
        inspections=[_copied_inspection(i, copy) for i in content.inspections],
    )


def _copied_bundle(b: Bundle, copy: Copy) -> Bundle:
    return Bundle(
        sources=[_copied_source(s, copy) for s in b.sources],
        councils=[_copied_council(c, copy) for c in b.councils],
        inspections=[_copied_statement(s, copy) for s in b.inspections],
        people=[
            replace(p, id=copy.key(p.id), name=copy.key(p.name), citations=copy.cites(p.citations))
            for p in b.people
        ],
        organisations=[_copied_organisation(o, copy) for o in b.organisations],
        tenures=[_copied_tenure(t, copy) for t in b.tenures],
        notices=[_copied_notice(n, copy) for n in b.notices],
        boards=[_copied_board(x, copy) for x in b.boards],
    )


def _copied_source(s: SourceRecord, copy: Copy) -> SourceRecord:
    # A copy stands for other documents, so its digests differ too (sha256 is a unique key).
    return replace(
        s,
        id=copy.key(s.id),
        sha256=copy.maybe(s.sha256),
        comment_on=copy.maybe(s.comment_on),
        reply_to=copy.maybe(s.reply_to),
    )


def _copied_council(c: CouncilRecord, copy: Copy) -> CouncilRecord:
    return replace(
        c,
        code=copy.key(c.code),
        name=copy.key(c.name),
        gss_code=copy.maybe(c.gss_code),
        ofsted_urn=copy.maybe(c.ofsted_urn),
        successor_codes=[copy.key(s) for s in c.successor_codes],
        aliases=[copy.key(a) for a in c.aliases],
        citations=copy.cites(c.citations),
    )


def _copied_statement(s: InspectionStatement, copy: Copy) -> InspectionStatement:
    cite = copy.cites([s.citation])[0]
    judgements = [replace(j, citation=copy.cites([j.citation])[0]) for j in s.judgements]
    return replace(s, council_code=copy.key(s.council_code), citation=cite, judgements=judgements)


def _copied_inspection(i: Inspection, copy: Copy) -> Inspection:
    judgements = [replace(j, id=copy.key(j.id), citations=copy.cites(j.citations)) for j in i.judgements]
    return replace(
        i,
        id=copy.key(i.id),
        council_code=copy.key(i.council_code),
        judgements=judgements,
        citations=copy.cites(i.citations),
    )


def _copied_organisation(o: OrganisationRecord, copy: Copy) -> OrganisationRecord:
    return replace(o, id=copy.key(o.id), name=copy.key(o.name), citations=copy.cites(o.citations))


def _copied_tenure(t: TenureRecord, copy: Copy) -> TenureRecord:
    return replace(
        t,
        id=copy.key(t.id),
        person_id=copy.maybe(t.person_id),
        organisation_id=copy.key(t.organisation_id),
        serves_council=copy.maybe(t.serves_council),
        citations=copy.cites(t.citations),
    )


def _copied_notice(n: NoticeRecord, copy: Copy) -> NoticeRecord:
    return replace(
        n, id=copy.key(n.id), council_code=copy.key(n.council_code), citations=copy.cites(n.citations)
    )


def _copied_board(b: BoardRecord, copy: Copy) -> BoardRecord:
    return replace(
        b, id=copy.key(b.id), council_code=copy.key(b.council_code), citations=copy.cites(b.citations)
    )


# ---- the questions' arguments, drawn from every copy


@dataclass(frozen=True)
class Arguments:
    """The real keys each question can be asked about (copy 0's); a copy's suffix is added per run."""

    councils: list[str]
    rated: list[str]
    pairs: list[tuple[str, str, str]]
    people: list[str]


def real_arguments(content: Content) -> Arguments:
    """Councils with inspections, with an inadequate one, with two graded ones; people with tenures."""
    by_council: dict[str, list[Inspection]] = {}
    for inspection in content.inspections:
        by_council.setdefault(inspection.council_code, []).append(inspection)
    graded = {
        code: sorted((i for i in found if i.overall), key=lambda i: i.start_date or i.published_date or "")
        for code, found in by_council.items()
    }
    held = {t.person_id for t in content.bundle.tenures if t.person_id}
    return Arguments(
        councils=sorted(by_council),
        rated=sorted(c for c, found in by_council.items() if any(i.overall == "INADEQUATE" for i in found)),
        pairs=[(c, g[-2].id, g[-1].id) for c, g in sorted(graded.items()) if len(g) >= 2],
        people=sorted(p.id for p in content.bundle.people if p.id in held),
    )


def draw(arguments: Arguments, question: str, copies: int, rng: random.Random) -> dict[str, Any]:
    """Parameters for one run of a question, about a random council or person of a random copy."""
    copy = Copy(f"#{n}" if (n := rng.randrange(copies)) else "")
    if question == "leaders_when_rated":
        return {"council_code": copy.key(rng.choice(arguments.rated)), "grade": "INADEQUATE"}
    if question == "leadership_changes":
        code, before, after = rng.choice(arguments.pairs)
        return {
            "council_code": copy.key(code),
            "from_inspection": copy.key(before),
            "to_inspection": copy.key(after),
        }
    if question == "person_career":
        return {"person_id": copy.key(rng.choice(arguments.people))}
    return {"council_code": copy.key(rng.choice(arguments.councils))}


# ---- the server, the load and the timings


def bench_settings(options: Options) -> Settings:
    """Settings for the benchmark's own server: never the researcher's database, which it would wipe."""
    return Settings(
        neo4j_uri=None,
        neo4j_home=options.home,
        bolt_port=options.bolt_port,
        http_port=options.http_port,
        neo4j_heap=options.heap,
        neo4j_pagecache=options.pagecache,
        neo4j_transaction_timeout=options.transaction_timeout,
    )


def prepare_home(settings: Settings) -> None:
    """An empty store each run; the jars are linked from the default home when it has them."""
    home = settings.neo4j_home
    shutil.rmtree(home / "data", ignore_errors=True)
    shared = Settings().neo4j_home / "lib"
    if not (home / "lib").exists() and server.jars_ready(shared.parent):
        home.mkdir(parents=True, exist_ok=True)
        (home / "lib").symlink_to(shared.resolve())


class PeakSampler:
    """Polls, while a load runs, the open transactions' heap estimate and both processes' memory."""

    def __init__(self, driver: Driver, database: str, neo4j_pid: int) -> None:
        self._driver = driver
        self._database = database
        self._neo4j = psutil.Process(neo4j_pid)
        self._stop = threading.Event()
        self.transaction_bytes: int | None = None
        self.python_bytes = 0
        self.neo4j_bytes = 0
        self.open_ms = 0  # the longest any transaction has been open, seen every half second

    @contextmanager
    def running(self) -> Iterator[PeakSampler]:
        thread = threading.Thread(target=self._poll, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join()

    def _poll(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.5):
            self.python_bytes = max(self.python_bytes, me.memory_info().rss)
            try:
                self.neo4j_bytes = max(self.neo4j_bytes, self._neo4j.memory_info().rss)
                records = self._driver.execute_query(TRANSACTIONS, database_=self._database).records
            except (psutil.NoSuchProcess, DriverError, Neo4jError):
                # Neo4j died under the load; the load itself reports why.
                continue
            used = [r["used"] for r in records if r["used"] is not None]
            if used:
                self.transaction_bytes = max(self.transaction_bytes or 0, *used)
            self.open_ms = max(self.open_ms, *(r["ms"] or 0 for r in records))


def load_size(driver: Driver, settings: Settings, content: Content, size: int) -> LoadFigures:
    """Write one size into an empty graph, then write it again (the content hash matches: no write)."""
    database = settings.neo4j_database
    with driver.session(database=database) as session:
        session.run(WIPE).consume()
    figures = LoadFigures(size=size, records=count_records(content))
    started = time.perf_counter()
    content_hash(content)
    figures.hash_seconds = time.perf_counter() - started
    pid = server.running_pid(settings)
    assert pid is not None, "the benchmark server stopped"
    sampler = PeakSampler(driver, database, pid)
    started = time.perf_counter()
    try:
        with sampler.running():
            write_graph(driver, database, content)
    except Neo4jError as exc:
        figures.error = f"{exc.code}: {(exc.message or '')[:200]}"
    except DriverError as exc:
        # A JVM out of heap exits (ExitOnOutOfMemoryError): the driver sees the connection drop.
        figures.error = f"{type(exc).__name__}: {str(exc)[:200]}"
    figures.write_seconds = time.perf_counter() - started
    _record_peaks(figures, sampler)
    if figures.error is None:
        started = time.perf_counter()
        unchanged = write_graph(driver, database, content)
        figures.unchanged_seconds = time.perf_counter() - started
        assert not unchanged.changed, "the same content was written twice"
        figures.nodes = _count(driver, database, COUNT_NODES)
        figures.relationships = _count(driver, database, COUNT_RELATIONSHIPS)
        figures.store_mb = _folder_mb(settings.neo4j_home / "data" / "databases" / database)
    return figures


def load_size_batched(driver: Driver, settings: Settings, real: Content, size: int) -> LoadFigures:
    """Write `size` copies one transaction per copy, with the writer's own statements and rows.

    Not what loaders/write/ does (one transaction for everything): the batched write it would
    need past the size its one transaction holds, measured so the questions can still be timed.
    """
    database = settings.neo4j_database
    # The writer applies the constraints itself; without their indexes every MATCH would scan.
    schema.apply(driver, database)
    with driver.session(database=database) as session:
        session.run(WIPE).consume()
    figures = LoadFigures(size=size, records=count_records(real), batched=True)
    figures.records = {k: v * size for k, v in figures.records.items()}
    pid = server.running_pid(settings)
    assert pid is not None, "the benchmark server stopped"
    sampler = PeakSampler(driver, database, pid)
    started = time.perf_counter()
    with sampler.running(), driver.session(database=database) as session:
        for number in range(size):
            session.execute_write(_write_copy, copy_of(real, number))
    figures.write_seconds = time.perf_counter() - started
    _record_peaks(figures, sampler)
    figures.nodes = _count(driver, database, COUNT_NODES)
    figures.relationships = _count(driver, database, COUNT_RELATIONSHIPS)
    figures.store_mb = _folder_mb(settings.neo4j_home / "data" / "databases" / database)
    return figures


def _write_copy(tx: ManagedTransaction, content: Content) -> None:
    # The load's writes without its opening delete and closing Load stamp, in the same order.
    write_nodes(tx, content)


def _record_peaks(figures: LoadFigures, sampler: PeakSampler) -> None:
    mb = 1024 * 1024
    figures.peak_python_mb = sampler.python_bytes / mb
    figures.peak_neo4j_mb = sampler.neo4j_bytes / mb
    figures.transaction_open_seconds = sampler.open_ms / 1000
    if sampler.transaction_bytes is not None:
        figures.peak_transaction_mb = sampler.transaction_bytes / mb


def _count(driver: Driver, database: str, cypher: LiteralString) -> int:
    return int(driver.execute_query(cypher, database_=database).records[0]["n"])


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / (1024 * 1024)


def time_runs(run: Callable[[], bool], samples: int, warmup: int) -> tuple[list[float], int]:
    """Milliseconds of `samples` runs after `warmup` untimed ones, and how many runs failed."""
    for _ in range(warmup):
        run()
    times: list[float] = []
    failed = 0
    for _ in range(samples):
        started = time.perf_counter()
        ok = run()
        times.append((time.perf_counter() - started) * 1000)
        failed += not ok
    return times, failed


def time_questions(
    driver: Driver, settings: Settings, arguments: Arguments, copies: int, options: Options
) -> Timings:
    """Each named question, then the council page through the API, at random councils and people."""
    timings = Timings()
    rng = random.Random(options.seed)
    for name in QUESTIONS:
        cypher = named_queries.query(name).cypher

        def ask(name: str = name, cypher: LiteralString = cypher) -> bool:
            params = draw(arguments, name, copies, rng)
            driver.execute_query(
                cypher, params, database_=settings.neo4j_database, routing_=RoutingControl.READ
            )
            return True

        timings.runs[name], timings.errors[name] = time_runs(ask, options.samples, warmup=WARMUP)
    runs, failed = time_council_pages(settings, arguments, copies, rng, options.samples)
    timings.runs[COUNCIL_PAGE_NAME], timings.errors[COUNCIL_PAGE_NAME] = runs, failed
    return timings


def time_council_pages(
    settings: Settings, arguments: Arguments, copies: int, rng: random.Random, samples: int
) -> tuple[list[float], int]:
    """The widget's GET /graphql through the real app in this process (driver, DataLoaders, schema)."""
    # A failed page is counted in the table; its traceback in the log would bury the figures.
    logging.getLogger("api").setLevel(logging.CRITICAL)
    logging.getLogger("strawberry").setLevel(logging.CRITICAL)
    with warnings.catch_warnings():
        # Starlette's TestClient warns that it wants httpx2; httpx serves it fine here.
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

        with TestClient(create_app(settings)) as client:

            def page() -> bool:
                code = draw(arguments, "council_inspections", copies, rng)["council_code"]
                response = client.get(
                    "/graphql", params={"query": COUNCIL_PAGE, "variables": json.dumps({"code": code})}
                )
                body = response.json()
                return response.status_code == 200 and not body.get("errors") and body["data"]["council"]

            return time_runs(page, samples, warmup=WARMUP)


# ---- presenting


LOAD_COLUMNS = ("inspections", "judgements", "people", "tenures", "sources", "citations")


def load_table(loads: list[LoadFigures]) -> Table:
    table = Table(title="Load through loaders.write.write_graph (one transaction, into an empty graph)")
    for column in (
        "size",
        *LOAD_COLUMNS,
        "nodes+rels",
        "hash s",
        "write s",
        "tx open s",
        "facts/s",
        "unchanged s",
        "tx heap MB",
        "python MB",
        "neo4j RSS MB",
        "store MB",
    ):
        table.add_column(column, justify="right")
    for f in loads:
        size = f"{f.size}x batched" if f.batched else f"{f.size}x"
        table.add_row(size, *(f"{f.records[k]:,}" for k in LOAD_COLUMNS), *_load_cells(f))
    return table


def _load_cells(f: LoadFigures) -> list[str]:
    peaks = [_mb(f.peak_transaction_mb), f"{f.peak_python_mb:.0f}", f"{f.peak_neo4j_mb:.0f}"]
    opened = f"{f.transaction_open_seconds:.1f}"
    if f.error:
        return [
            "-",
            f"{f.hash_seconds:.1f}",
            f"failed at {f.write_seconds:.0f}",
            opened,
            "-",
            "-",
            *peaks,
            "-",
        ]
    hashed = "-" if f.batched else f"{f.hash_seconds:.1f}"
    unchanged = "-" if f.batched else f"{f.unchanged_seconds:.1f}"
    return [f"{f.nodes + f.relationships:,}", hashed, f"{f.write_seconds:.1f}", opened,
            f"{f.facts_per_second:,.0f}", unchanged, *peaks, f"{f.store_mb:.0f}"]  # fmt: skip


def _mb(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def question_table(timings: dict[int, Timings], samples: int) -> Table:
    sizes = sorted(timings)
    table = Table(title=f"Questions: p50 / p99 in ms over {samples} runs each (random councils and people)")
    table.add_column("question")
    for size in sizes:
        table.add_column(f"{size}x p50/p99", justify="right")
    table.add_column(f"p50 {sizes[-1]}x / 1x", justify="right")
    table.add_column(f"flat (<= {FLAT_TARGET:g}x)?")
    for name in (*QUESTIONS, COUNCIL_PAGE_NAME):
        cells = [_cell(timings[s], name) for s in sizes]
        ratio = percentile(timings[sizes[-1]].runs[name], 50) / percentile(timings[sizes[0]].runs[name], 50)
        table.add_row(name, *cells, f"{ratio:.2f}", "yes" if ratio <= FLAT_TARGET else "NO")
    return table


def size_table(size: int, timings: Timings) -> Table:
    table = Table(title=f"{size}x: p50 / p99 ms")
    table.add_column("question")
    table.add_column("p50 / p99", justify="right")
    for name in timings.runs:
        table.add_row(name, _cell(timings, name))
    return table


def _cell(t: Timings, name: str) -> str:
    runs = t.runs[name]
    errors = f" ({t.errors[name]} failed)" if t.errors.get(name) else ""
    return f"{percentile(runs, 50):.1f} / {percentile(runs, 99):.1f}{errors}"


# ---- the command


def run(options: Options) -> None:
    """Load each size in turn on the benchmark's own Neo4j, time every question, print the tables."""
    settings = bench_settings(options)
    started = time.perf_counter()
    real = read_everything(settings.data_dir, settings.seeds_dir)
    console.print(f"Read and reconciled the real sources in {time.perf_counter() - started:.2f} s")
    arguments = real_arguments(real)
    prepare_home(settings)
    server.start(settings, on_progress=lambda msg: console.print(f"[dim]{msg}…[/dim]"))
    loads: list[LoadFigures] = []
    timings: dict[int, Timings] = {}
    try:
        with connect(settings) as driver:
            _print_server_settings(driver, settings)
            for size in options.sizes:
                content = replicate(real, size)
                console.print(
                    f"[bold]{size}x[/bold]: loading {count_records(content)['citations']:,} citations; "
                    f"load average {_load_average()}"
                )
                figures = load_size(driver, settings, content, size)
                loads.append(figures)
                del content
                console.print(load_table([figures]))
                if figures.error is not None:
                    console.print(
                        f"One transaction failed after {figures.write_seconds:.0f} s: {figures.error}"
                    )
                    # A JVM out of heap has exited; start it again (recovering its store) and load
                    # the size batched, so its questions can still be timed.
                    server.start(settings)
                    figures = load_size_batched(driver, settings, real, size)
                    loads.append(figures)
                    console.print(load_table([figures]))
                timings[size] = time_questions(driver, settings, arguments, size, options)
                console.print(size_table(size, timings[size]))
                console.print(f"{size}x questions timed; load average {_load_average()}")
    finally:
        server.stop(settings)
        shutil.rmtree(settings.neo4j_home / "data", ignore_errors=True)
    console.print(load_table(loads))
    for failed in (f for f in loads if f.error):
        console.print(
            f"{failed.size}x in one transaction failed after {failed.write_seconds:.0f} s: {failed.error}"
        )
    if len(timings) >= 2 and min(timings) == 1:
        console.print(question_table(timings, options.samples))


def _load_average() -> str:
    # The machine may be shared: the 1, 5 and 15 minute load averages say how busy it was.
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _print_server_settings(driver: Driver, settings: Settings) -> None:
    rows = driver.execute_query(MEMORY_SETTINGS, database_=settings.neo4j_database).records
    shown = ", ".join(f"{r['name']}={r['value']}" for r in rows)
    console.print(f"Neo4j heap {settings.neo4j_heap}, page cache {settings.neo4j_pagecache}; {shown}")


def parse_options(argv: list[str] | None = None) -> Options:
    """Options from the command line; the server defaults are the benchmark's own home and ports."""
    defaults = Settings()
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100], help="copies of the real data")
    parser.add_argument("--samples", type=int, default=300, help="timed runs of each question at each size")
    parser.add_argument("--home", type=Path, default=PROJECT_ROOT / ".neo4j-bench-scale")
    parser.add_argument("--bolt-port", type=int, default=18088)
    parser.add_argument("--http-port", type=int, default=18089)
    parser.add_argument("--heap", default=defaults.neo4j_heap, help="JVM heap (default: OFSTED_NEO4J_HEAP)")
    parser.add_argument("--pagecache", default=defaults.neo4j_pagecache)
    # The writer's single transaction grows with the data; a large size outlasts make up's 30 s.
    parser.add_argument("--transaction-timeout", default="10m")
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args(argv)
    return Options(
        sizes=sorted(set(args.sizes)),
        samples=args.samples,
        home=args.home.resolve(),
        bolt_port=args.bolt_port,
        http_port=args.http_port,
        heap=args.heap,
        pagecache=args.pagecache,
        transaction_timeout=args.transaction_timeout,
        seed=args.seed,
    )


if __name__ == "__main__":
    run(parse_options())

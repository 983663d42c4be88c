"""`ofsted-graph`: manage the local Neo4j, load the data, serve the API."""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api import app as api_app
from api.database import Database
from api.errors import ExportError
from api.export import QUESTIONS, export_csv
from api.limits import Limits
from graph import server
from graph.connection import connect, connect_async
from graph.errors import LoadError, Problem, ServiceError
from graph.settings import Settings
from loaders import added_reports
from loaders.pipeline import load_everything, load_steps
from loaders.report_read import accuracy, text
from loaders.reports import REPORTS_DIR, folder_pdfs
from loaders.write import WriteResult, remembered_report_folders

app = typer.Typer(help="Ofsted children's services knowledge graph.", no_args_is_help=True)
neo4j_app = typer.Typer(help="The local Neo4j server (assembled from Maven Central).")
app.add_typer(neo4j_app, name="neo4j")

console = Console()
err_console = Console(stderr=True)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Show our own errors plainly and exit 1; let anything else show its traceback."""
    try:
        yield
    except LoadError as exc:
        err_console.print(problems_table(exc.problems))
        err_console.print(f"[red]LoadError[/red]: {exc}")
        raise typer.Exit(1) from exc
    except ServiceError as exc:
        err_console.print(f"[red]{type(exc).__name__}[/red]: {exc}", highlight=False)
        raise typer.Exit(1) from exc


def problems_table(problems: list[Problem]) -> Table:
    """Every problem as a row: file, row, field, reason."""
    table = Table("file", "row", "field", "reason", title="Problems (nothing was written)")
    for p in problems:
        table.add_row(p.file, str(p.row or ""), p.field or "", p.reason)
    return table


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Start the local Neo4j (fetching its jars on first use) and wait until Bolt answers."""
    settings = Settings()
    with reported_errors():
        status = server.start(settings, on_progress=lambda msg: console.print(f"[dim]{msg}…[/dim]"))
    console.print(
        f"Neo4j {status.version} running (pid {status.pid}): bolt://localhost:{status.bolt_port}, "
        f"Browser {settings.browser_url}"
    )


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j gracefully."""
    settings = Settings()
    with reported_errors():
        stopped = server.stop(settings)
    console.print("Neo4j stopped." if stopped else "Neo4j was not running.")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs, with its version, ports and home folder."""
    status = server.server_status(Settings())
    state = f"running (pid {status.pid})" if status.running else "stopped"
    table = Table(show_header=False, box=None)
    for key, value in (
        ("state", state),
        ("version", f"Neo4j {status.version} Community"),
        ("bolt", f"bolt://localhost:{status.bolt_port}"),
        ("http", f"http://localhost:{status.http_port}/browser/"),
        ("home", str(status.home)),
    ):
        table.add_row(key, value)
    console.print(table)


@app.command("load")
def load(
    force: bool = typer.Option(False, help="Rewrite even when the graph already holds this data."),
) -> None:
    """Load every bundled source into Neo4j in one transaction (all or nothing).

    Report folders added with `reports FOLDER` are read again, so their reports stay in the graph.
    """
    settings = Settings()
    with reported_errors():
        result = run_load(settings, force=force)
    print_load_result(result)


@app.command("reports")
def reports(
    folder: Annotated[Path, typer.Argument(help="A folder of Ofsted PDFs (subfolders too).")],
    force: bool = typer.Option(False, help="Rewrite even when the graph already holds this data."),
) -> None:
    """Add a folder of Ofsted PDFs to the running graph: the same reader and the same all-or-nothing load.

    The PDFs are copied into the project's store (`reports-list`, `reports-remove`), so later loads
    never depend on the folder. Each PDF joins the inspection, Source and tenures the other sources
    describe; a PDF that cannot be read is reported by file and page, nothing is written and nothing
    is kept.
    """
    settings = Settings()
    with reported_errors():
        added = added_reports.add(added_reports.store_dir(settings.neo4j_home), folder.resolve())
        try:
            result = run_load(settings, force=force)
        except LoadError:
            added_reports.forget(added)
            raise
    print_load_result(result)


@app.command("reports-list")
def reports_list() -> None:
    """The report PDFs added with `reports FOLDER`, as the store keeps them."""
    found = added_reports.listed(added_reports.store_dir(Settings().neo4j_home))
    table = Table("sha256", "file", title=f"Added reports ({len(found)})")
    for report in found:
        table.add_row(report.sha256[:16], report.name)
    console.print(table)


@app.command("reports-remove")
def reports_remove(
    key: Annotated[str, typer.Argument(help="The file name as added, or the start of its sha256.")],
) -> None:
    """Forget an added report and load again without it (all or nothing)."""
    settings = Settings()
    store = added_reports.store_dir(settings.neo4j_home)
    with reported_errors():
        removed = added_reports.remove(store, key)
        for report in removed:
            console.print(f"Removed {report.name} ({report.sha256[:16]})", highlight=False)
        result = run_load(settings)
    print_load_result(result)


@app.command("reports-accuracy")
def reports_accuracy() -> None:
    """Read every bundled report and compare it with the tables that describe the same inspection.

    Prints agreement by field (grades, dates, publication date, lead inspector, and the council and
    publication date found with the manifest withheld), then each disagreement with file, page,
    field and both values. Exits 1 when a report cannot be placed in a known layout.
    """
    settings = Settings()
    started = time.perf_counter()
    result = accuracy.accuracy(
        settings.data_dir,
        accuracy.manifest(settings.data_dir),
        text.CACHE_DIR,
        accuracy.tables(settings.data_dir),
    )
    for line in accuracy.summary(result):
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    console.print(f"[dim]{time.perf_counter() - started:.1f} s[/dim]")
    if result.unplaced:
        raise typer.Exit(1)


def run_load(settings: Settings, *, force: bool = False) -> WriteResult:
    """Load with a progress bar: one step per source, and one per PDF while the reports are read."""
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with connect(settings) as driver, Progress(*columns, console=console, transient=True) as progress:
        store = added_reports.store_dir(settings.neo4j_home)
        # Folders a graph remembers from before the store are copied into it while they still exist;
        # one that has gone is skipped, never a failed load.
        for remembered in remembered_report_folders(driver, settings.neo4j_database):
            copied = added_reports.import_folder(store, Path(remembered))
            if copied:
                console.print(f"[dim]Copied {len(copied)} PDFs from {remembered} into {store}[/dim]")
        folders = [store] if added_reports.listed(store) else []
        if folders:
            console.print(f"[dim]Also reading the {len(added_reports.listed(store))} added report PDFs[/dim]")
        pdf_count = len(list((settings.data_dir / REPORTS_DIR).rglob("*.pdf")))
        pdf_count += sum(len(folder_pdfs(f)) for f in folders if f.is_dir())
        task = progress.add_task("Loading", total=len(load_steps()) + pdf_count)

        def on_step(name: str) -> None:
            progress.update(task, description=f"Loading: {name}", advance=1)

        def on_pdf(file: str) -> None:
            progress.update(task, description=f"Reading {file}", advance=1)

        return load_everything(
            settings, driver, force=force, on_step=on_step, report_folders=tuple(folders), on_pdf=on_pdf
        )


def print_load_result(result: WriteResult) -> None:
    """The counts written, or that nothing changed."""
    if not result.changed:
        console.print("The graph already holds this data; nothing was written.")
        return
    table = Table("written", "count", title="Loaded (one transaction)")
    for name, count in result.counts.items():
        table.add_row(name, str(count))
    console.print(table)


WORKERS_HELP = "API processes sharing the port (default: one per core)."


@app.command("serve")
def serve(workers: int | None = typer.Option(None, min=1, help=WORKERS_HELP)) -> None:
    """Serve the read-only GraphQL API (GraphiQL in a browser) in the foreground."""
    settings = Settings()
    with reported_errors():
        sock = api_app.bind_api_socket(settings)
    console.print(f"GraphQL API: http://{settings.api_host}:{settings.api_port}/graphql")
    with reported_errors():
        api_app.serve(settings, workers, sock=sock)


@app.command("export")
def export(
    question: Annotated[str, typer.Argument(help=f"One of: {', '.join(QUESTIONS)}.")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="An argument as name=value, e.g. from=INADEQUATE; repeat it."),
    ] = None,
) -> None:
    """Write one question across councils as CSV to stdout, as GET /export/<question>.csv does.

    Example: ofsted-graph export ratingChanges -p from=INADEQUATE -p to=GOOD > changes.csv
    """
    pairs: list[tuple[str, str]] = []
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep:
            err_console.print(f"--param must be name=value, not {item!r}", highlight=False)
            raise typer.Exit(2)
        pairs.append((name.strip(), value))
    try:
        body = asyncio.run(_export(Settings(), question, pairs))
    except ExportError as exc:
        err_console.print(f"[red]export refused[/red]: {exc}", highlight=False)
        raise typer.Exit(1) from exc
    sys.stdout.buffer.write(body)
    sys.stdout.buffer.flush()


async def _export(settings: Settings, question: str, params: list[tuple[str, str]]) -> bytes:
    # A refused argument is reported once, as "export refused", not also as strawberry's traceback.
    logging.getLogger("strawberry.execution").setLevel(logging.CRITICAL)
    driver = connect_async(settings)
    limits = Limits()
    try:
        db = Database(driver, settings.neo4j_database, limits.query_timeout_seconds)
        return await export_csv(db, limits, question, params)
    finally:
        await driver.close()


@app.command("up")
def up(workers: int | None = typer.Option(None, min=1, help=WORKERS_HELP)) -> None:
    """Start the local Neo4j, load the bundled data, then serve the API in the foreground (`make up`)."""
    settings = Settings()
    with reported_errors():
        # Before Neo4j starts and the load runs, so a taken API port is said at once.
        sock = api_app.bind_api_socket(settings)
        status = server.start(settings, on_progress=lambda msg: console.print(f"[dim]{msg}…[/dim]"))
        console.print(f"Neo4j {status.version}: bolt://localhost:{status.bolt_port}")
        print_load_result(run_load(settings))
    console.print(f"Neo4j Browser: {settings.browser_url} (user {settings.neo4j_user})")
    console.print(f"Widget demo: http://{settings.api_host}:{settings.api_port}/widgets/demo")
    console.print(f"GraphQL API: http://{settings.api_host}:{settings.api_port}/graphql (Ctrl-C stops it)")
    with reported_errors():
        api_app.serve(settings, workers, sock=sock)

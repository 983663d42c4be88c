"""`ofsted-graph`: manage the local Neo4j, load the data, serve the API."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api import app as api_app
from graph import server
from graph.connection import connect
from graph.errors import LoadError, Problem, ServiceError
from graph.settings import Settings
from loaders.pipeline import load_everything, load_steps
from loaders.writer import WriteResult

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
    """Load every bundled source into Neo4j in one transaction (all or nothing)."""
    settings = Settings()
    with reported_errors():
        result = run_load(settings, force=force)
    print_load_result(result)


def run_load(settings: Settings, *, force: bool = False) -> WriteResult:
    """Load with a progress bar, one step per source."""
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("Loading", total=len(load_steps()))

        def on_step(name: str) -> None:
            progress.update(task, description=f"Loading: {name}", advance=1)

        with connect(settings) as driver:
            return load_everything(settings, driver, force=force, on_step=on_step)


def print_load_result(result: WriteResult) -> None:
    """The counts written, or that nothing changed."""
    if not result.changed:
        console.print("The graph already holds this data; nothing was written.")
        return
    table = Table("written", "count", title="Loaded (one transaction)")
    for name, count in result.counts.items():
        table.add_row(name, str(count))
    console.print(table)


@app.command("serve")
def serve() -> None:
    """Serve the read-only GraphQL API (GraphiQL in a browser) in the foreground."""
    settings = Settings()
    console.print(f"GraphQL API: http://{settings.api_host}:{settings.api_port}/graphql")
    api_app.serve(settings)


@app.command("up")
def up() -> None:
    """Start the local Neo4j, load the bundled data, then serve the API in the foreground (`make up`)."""
    settings = Settings()
    with reported_errors():
        status = server.start(settings, on_progress=lambda msg: console.print(f"[dim]{msg}…[/dim]"))
        console.print(f"Neo4j {status.version}: bolt://localhost:{status.bolt_port}")
        print_load_result(run_load(settings))
    console.print(f"Neo4j Browser: {settings.browser_url} (user {settings.neo4j_user})")
    console.print(f"GraphQL API: http://{settings.api_host}:{settings.api_port}/graphql (Ctrl-C stops it)")
    api_app.serve(settings)

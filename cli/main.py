"""`ofsted-graph`: manage the local Neo4j, load the data, serve the API."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.table import Table

from graph import server
from graph.errors import LoadError, Problem, ServiceError
from graph.settings import Settings

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


@app.command("up")
def up() -> None:
    """Start the local Neo4j and print where to reach it (what `make up` runs)."""
    settings = Settings()
    with reported_errors():
        status = server.start(settings, on_progress=lambda msg: console.print(f"[dim]{msg}…[/dim]"))
    console.print(f"Neo4j {status.version}: bolt://localhost:{status.bolt_port}")
    console.print(f"Neo4j Browser: {settings.browser_url} (user {settings.neo4j_user})")

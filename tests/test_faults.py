"""Faults with real processes: Neo4j killed under a serving API, and restarted between two loads.

These tests kill their Neo4j, so they run one of their own (a sibling home reusing the test jars, on
free ports), started and restarted through the `ofsted-graph` command as a user would: Neo4j is then
not a child of pytest, and a SIGKILL leaves nothing for this process to reap. Killing the loader
itself is tests/test_load.py::test_killing_the_loader_leaves_the_old_graph_or_the_new_one.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil
import pytest
from neo4j import Driver

from graph import server
from graph.connection import connect
from graph.fingerprint import graph_fingerprint
from graph.settings import Settings
from loaders.write import write_graph
from tests.conftest import sibling_settings
from tests.test_writer import small_content

pytestmark = pytest.mark.slow

CLI = Path(sys.executable).with_name("ofsted-graph")
QUERY_TIMEOUT = "the query took too long and was stopped; ask for less"
UNAVAILABLE = "service unavailable: the graph database is not answering; try again shortly"
COUNCIL = 'query { council(code: "200") { name inspections { id overall } } }'
READ_LOAD = "MATCH (l:Load {id: 'current'}) RETURN l.loaded_at AS loaded_at, l.content_hash AS digest"
# Generous bounds on waiting, not speed checks: the machine is shared and Neo4j recovers its store.
READY_SECONDS = 120.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cli_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment that points `ofsted-graph` at this module's own Neo4j."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OFSTED_")}
    env.update(
        OFSTED_NEO4J_HOME=str(settings.neo4j_home),
        OFSTED_BOLT_PORT=str(settings.bolt_port),
        OFSTED_HTTP_PORT=str(settings.http_port),
        OFSTED_NEO4J_PASSWORD=settings.neo4j_password.get_secret_value(),
        OFSTED_NEO4J_HEAP=settings.neo4j_heap,
        OFSTED_NEO4J_PAGECACHE=settings.neo4j_pagecache,
        OFSTED_DATA_DIR=str(settings.data_dir),
        OFSTED_SEEDS_DIR=str(settings.seeds_dir),
        **extra,
    )
    return env


def cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `ofsted-graph <args>` against this module's Neo4j; fail the test with its output if it fails."""
    done = subprocess.run(
        [str(CLI), *args], env=cli_env(settings), capture_output=True, text=True, check=False, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def kill_neo4j(settings: Settings) -> None:
    """SIGKILL the Neo4j java process, as a crash or the OOM killer would, and wait until it is gone."""
    pid = server.running_pid(settings)
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    psutil.Process(pid).wait(timeout=30)


@pytest.fixture(scope="module")
def own_neo4j(neo4j: Driver, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A Neo4j for this module alone (the session server has assembled the jars it links to)."""
    settings = sibling_settings(
        tmp_path_factory.mktemp("faults"),
        bolt_port=_free_port(),
        http_port=_free_port(),
        # Small: it holds at most the real data, and shares the machine with the session server.
        neo4j_heap="512m",
        neo4j_pagecache="64m",
    )
    cli(settings, "neo4j", "start")
    try:
        yield settings
    finally:
        server.stop(settings)


@pytest.fixture
def own_graph(own_neo4j: Settings) -> Iterator[Driver]:
    """This module's Neo4j running (a no-op unless an earlier test left it killed) and emptied."""
    cli(own_neo4j, "neo4j", "start")
    with connect(own_neo4j) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n", database_=own_neo4j.neo4j_database)
        yield driver


@contextmanager
def serving(settings: Settings) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`ofsted-graph serve` in its own process on a free port, until the block ends."""
    port = _free_port()
    env = cli_env(settings, OFSTED_API_PORT=str(port))
    process = subprocess.Popen(
        [str(CLI), "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _health(url) == 200, f"the API at {url} to answer")
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(f"waited {READY_SECONDS:.0f} s for {what}")


def _health(url: str) -> int | None:
    try:
        return httpx.get(f"{url}/health", timeout=30).status_code
    except httpx.TransportError:
        return None


def _answered(response: httpx.Response) -> bool:
    if response.status_code != 200 or "errors" not in response.json():
        return response.status_code == 200
    # Only the timeout of a cold Neo4j may come before the answer: any other error fails the test.
    assert [e["message"] for e in response.json()["errors"]] == [QUERY_TIMEOUT], response.text
    return False


def ask(url: str) -> httpx.Response:
    return httpx.post(f"{url}/graphql", json={"query": COUNCIL}, timeout=60)


def test_neo4j_killed_while_serving_gives_503_then_recovers_without_restarting_the_api(
    own_neo4j: Settings, own_graph: Driver
) -> None:
    write_graph(own_graph, own_neo4j.neo4j_database, small_content())
    with serving(own_neo4j) as (url, api):
        # Answered once first, so the API's pool holds connections that the kill then breaks (the
        # first council page of a cold Neo4j may pass the query timeout, as after the restart below).
        wait_for(lambda: _answered(ask(url)), "the council page to be answered")
        assert ask(url).json()["data"]["council"]["name"] == "New Shire"
        kill_neo4j(own_neo4j)

        down = [ask(url) for _ in range(3)]
        assert [r.status_code for r in down] == [503, 503, 503]
        assert all([e["message"] for e in r.json()["errors"]] == [UNAVAILABLE] for r in down)
        assert all(r.json()["data"] == {"council": None} for r in down)
        health = httpx.get(f"{url}/health", timeout=60)
        assert (health.status_code, health.json()) == (503, {"status": "unavailable", "neo4j": "unreachable"})

        cli(own_neo4j, "neo4j", "start")
        wait_for(lambda: _health(url) == 200, "/health to report Neo4j back")
        # The first council page after a cold restart plans and reads from an empty page cache: on
        # a loaded 2-core machine it once passed the 10 s query timeout (a clear timeout error, the
        # API still up), so recovery is the first full answer within the bound, not the first try.
        wait_for(lambda: _answered(ask(url)), "the council page to be answered again")
        back = ask(url)
        assert back.status_code == 200
        assert back.json()["data"]["council"]["name"] == "New Shire"
        assert api.poll() is None, "the API process was restarted or died"


def _restart_gracefully(settings: Settings) -> None:
    cli(settings, "neo4j", "stop")
    cli(settings, "neo4j", "start")


def _restart_after_kill(settings: Settings) -> None:
    kill_neo4j(settings)
    cli(settings, "neo4j", "start")


@pytest.mark.parametrize("restart", [_restart_gracefully, _restart_after_kill], ids=["stop", "kill -9"])
def test_a_load_after_neo4j_restarts_writes_nothing_and_the_graph_is_the_same(
    own_neo4j: Settings, own_graph: Driver, restart: Callable[[Settings], None]
) -> None:
    database = own_neo4j.neo4j_database
    cli(own_neo4j, "load")
    before = graph_fingerprint(own_graph, database)
    (load,) = own_graph.execute_query(READ_LOAD, database_=database).records
    restart(own_neo4j)
    again = cli(own_neo4j, "load")
    assert "nothing was written" in again.stdout
    assert graph_fingerprint(own_graph, database) == before
    # The writer stamps loaded_at on every write it commits; the same stamp means no write at all.
    assert own_graph.execute_query(READ_LOAD, database_=database).records == [load]

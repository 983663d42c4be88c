"""`ofsted-graph serve`: several worker processes on one port, and a clear error for a taken port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import httpx
import psutil
from neo4j import Driver

from graph.settings import Settings
from loaders.write import write_graph
from tests.test_api import api_content
from tests.test_faults import CLI, _free_port, cli_env, wait_for


def _run_with_the_api_port_taken(
    settings: Settings, args: list[str]
) -> tuple[int, subprocess.CompletedProcess[str]]:
    """Run args with OFSTED_API_PORT pointing at a port this process listens on; (port, result)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = int(sock.getsockname()[1])
        done = subprocess.run(
            args,
            env=cli_env(settings, OFSTED_API_PORT=str(port)),
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    return port, done


def test_a_taken_api_port_names_its_holder_and_the_setting_that_moves_it(settings: Settings) -> None:
    port, done = _run_with_the_api_port_taken(settings, [str(CLI), "serve"])
    said = " ".join((done.stdout + done.stderr).split())
    assert done.returncode == 1, said
    assert f"API port {port} on 127.0.0.1 is already in use by" in said
    assert f"pid {os.getpid()}" in said
    assert "OFSTED_API_PORT" in said
    assert "Traceback" not in said
    assert "Errno" not in said


# serve() holds the port from the CLI's check until granian binds it; this takes the port in between.
TAKEN_BETWEEN = """
import socket
from api.app import serve
from graph.errors import PortInUseError
from graph.settings import Settings
spare = socket.socket()
spare.bind(("127.0.0.1", 0))
try:
    serve(Settings(), workers=1, sock=spare)
except PortInUseError as exc:
    print(exc)
    raise SystemExit(1)
"""


def test_a_port_taken_between_the_check_and_the_start_is_the_same_clear_error(settings: Settings) -> None:
    port, done = _run_with_the_api_port_taken(settings, [sys.executable, "-c", TAKEN_BETWEEN])
    said = " ".join(done.stdout.split())
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"API port {port} on 127.0.0.1 is already in use by" in said
    assert "OFSTED_API_PORT" in said


def test_two_workers_share_the_port_and_answer_from_the_graph(graph: Driver, settings: Settings) -> None:
    write_graph(graph, settings.neo4j_database, api_content())
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [str(CLI), "serve", "--workers", "2"],
        env=cli_env(settings, OFSTED_API_PORT=str(port)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: _council_name(url) == "New Shire", f"the API at {url} to answer")
        workers = psutil.Process(process.pid).children()
        assert len(workers) == 2
        # Both workers hold the same listening socket, and every answer is whole.
        names = {_council_name(url) for _ in range(20)}
        assert names == {"New Shire"}
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert all(not w.is_running() for w in workers)


def _council_name(url: str) -> str | None:
    try:
        response = httpx.post(
            f"{url}/graphql", json={"query": '{ council(code: "200") { name } }'}, timeout=30
        )
    except httpx.TransportError:
        return None
    return str(response.json()["data"]["council"]["name"])

"""The local Neo4j server: start, stop, status, data kept, and each failure said plainly."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest
from neo4j import Driver
from typer.testing import CliRunner

from cli.main import app
from graph import server
from graph.errors import (
    JavaNotFoundError,
    MavenNotFoundError,
    PortInUseError,
    ServerExitedError,
)
from graph.settings import Settings
from tests.conftest import (
    TEST_BOLT_PORT,
    TEST_HOME,
    TEST_HTTP_PORT,
    make_test_settings,
    sibling_settings,
)


def test_status_reports_running_version_ports_and_home(neo4j: Driver, settings: Settings) -> None:
    status = server.server_status(settings)
    assert status.running
    assert status.version.startswith("5.26.")
    assert (status.bolt_port, status.http_port, status.home) == (TEST_BOLT_PORT, TEST_HTTP_PORT, TEST_HOME)
    version = neo4j.execute_query("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
    assert version.records[0]["v"] == status.version


def test_starting_twice_is_a_no_op(neo4j: Driver, settings: Settings) -> None:
    first = server.server_status(settings)
    again = server.start(settings)
    assert again.pid == first.pid


def test_a_write_can_be_read_back(graph: Driver) -> None:
    graph.execute_query("CREATE (:Probe {name: $name})", name="round trip")
    records = graph.execute_query("MATCH (p:Probe) RETURN p.name AS name").records
    assert [r["name"] for r in records] == ["round trip"]


def test_auth_is_on(neo4j: Driver, settings: Settings) -> None:
    response = httpx.post(
        f"http://localhost:{settings.http_port}/db/neo4j/tx/commit",
        json={"statements": [{"statement": "RETURN 1"}]},
    )
    assert response.status_code == 401


def test_browser_html_is_served(neo4j: Driver, settings: Settings) -> None:
    response = httpx.get(f"http://localhost:{settings.http_port}/browser/")
    assert response.status_code == 200
    assert "<title>Neo4j Browser</title>" in response.text


@pytest.mark.slow
def test_restart_keeps_data_and_stop_leaves_no_java(graph: Driver, settings: Settings) -> None:
    graph.execute_query("CREATE (:Probe {name: 'kept'})")
    pid = server.server_status(settings).pid
    assert server.stop(settings) is True
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert not server.server_status(settings).running
    server.start(settings)
    records = graph.execute_query("MATCH (p:Probe) RETURN p.name AS name").records
    assert [r["name"] for r in records] == ["kept"]


def test_stop_when_not_running_says_so(tmp_path: Path) -> None:
    assert server.stop(sibling_settings(tmp_path)) is False


def test_a_taken_port_is_named_with_its_holder(neo4j: Driver, tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        taken = sibling_settings(tmp_path, bolt_port=port, http_port=port + 1)
        with pytest.raises(PortInUseError, match=rf"Bolt port {port} .* in use by .*pid {os.getpid()}"):
            server.start(taken)


def test_a_bad_java_home_is_reported(tmp_path: Path) -> None:
    with pytest.raises(JavaNotFoundError, match="has no bin/java"):
        server.start(sibling_settings(tmp_path, java_home=tmp_path / "no-jdk"))


def test_java_older_than_17_is_refused(tmp_path: Path) -> None:
    fake_jdk = tmp_path / "jdk11"
    (fake_jdk / "bin").mkdir(parents=True)
    java = fake_jdk / "bin" / "java"
    java.write_text("#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n")
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    with pytest.raises(JavaNotFoundError, match=r"is Java 11; Neo4j 5\.26\.\d+ needs Java 17"):
        server.start(sibling_settings(tmp_path, java_home=fake_jdk))


def test_missing_maven_is_reported_when_jars_are_needed(tmp_path: Path) -> None:
    fresh = make_test_settings(
        neo4j_home=tmp_path / "empty-home",
        maven="no-such-mvn",
        bolt_port=TEST_BOLT_PORT + 3,
        http_port=TEST_HTTP_PORT + 17,
    )
    with pytest.raises(MavenNotFoundError, match="apt-get install maven"):
        server.start(fresh)


def test_neo4j_exiting_during_start_shows_its_log(neo4j: Driver, tmp_path: Path) -> None:
    # Heap plus page cache beyond physical memory makes Neo4j refuse to start (exit code 3).
    broken = sibling_settings(
        tmp_path, bolt_port=TEST_BOLT_PORT + 4, http_port=TEST_HTTP_PORT + 18, neo4j_pagecache="500g"
    )
    with pytest.raises(ServerExitedError, match=r"exited with code \d+(?s:.*)memory"):
        server.start(broken)
    assert not server.server_status(broken).running


def test_cli_status_prints_state_and_version(neo4j: Driver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFSTED_NEO4J_HOME", str(TEST_HOME))
    monkeypatch.setenv("OFSTED_BOLT_PORT", str(TEST_BOLT_PORT))
    result = CliRunner().invoke(app, ["neo4j", "status"])
    assert result.exit_code == 0
    assert "running" in result.output
    assert "Neo4j 5.26." in result.output


def test_cli_reports_our_errors_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFSTED_NEO4J_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OFSTED_JAVA_HOME", str(tmp_path / "no-jdk"))
    result = CliRunner().invoke(app, ["neo4j", "start"])
    assert result.exit_code == 1
    assert "JavaNotFoundError" in result.output
    assert "Traceback" not in result.output


def test_a_server_left_as_an_unreaped_zombie_counts_as_stopped(tmp_path: Path) -> None:
    # The shape `up` leaves when it is killed: the server exits on SIGTERM, but its parent is gone or
    # stopped and never reaps it, so its pid lingers as a zombie that is not this process's child.
    pid_file = tmp_path / "child.pid"
    parent_code = (
        "import os, signal, subprocess, sys\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(pid_file)!r}, 'w').write(str(child.pid))\n"
        "os.kill(os.getpid(), signal.SIGSTOP)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", parent_code])
    try:
        deadline = time.monotonic() + 30
        while not (pid_file.exists() and pid_file.read_text()):
            assert time.monotonic() < deadline, "the child never started"
            time.sleep(0.05)
        child = psutil.Process(int(pid_file.read_text()))
        child.terminate()
        assert server.wait_gone(child, timeout=10)
        assert child.status() == psutil.STATUS_ZOMBIE  # still listed, yet gone as a server
        running = psutil.Process(parent.pid)
        assert not server.wait_gone(running, timeout=0.3)  # a live (stopped) process is not gone
    finally:
        parent.kill()
        parent.wait()

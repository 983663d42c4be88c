"""One Neo4j for the whole run, started by the same graph/server.py code as the CLI."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from graph import server
from graph.connection import connect
from graph.settings import PROJECT_ROOT, Settings
from loaders.model import Content
from loaders.pipeline import read_everything

# Its own home and ports, because tests wipe the graph and must never reach a researcher's database.
# Overridable so two checkouts can run their suites side by side.
TEST_HOME = Path(os.environ.get("OFSTED_TEST_HOME", PROJECT_ROOT / ".neo4j-test"))
TEST_BOLT_PORT = int(os.environ.get("OFSTED_TEST_BOLT_PORT", "17687"))
TEST_HTTP_PORT = int(os.environ.get("OFSTED_TEST_HTTP_PORT", "17474"))


def make_test_settings(**overrides: object) -> Settings:
    """Settings for the test server; overrides win."""
    values: dict[str, object] = {
        "neo4j_home": TEST_HOME,
        "bolt_port": TEST_BOLT_PORT,
        "http_port": TEST_HTTP_PORT,
        "neo4j_uri": None,
        "neo4j_password": "test-password-1",
        # Small: the test graphs are tiny and the API and loaders share the 2 cores.
        "neo4j_heap": "1g",
        "neo4j_pagecache": "256m",
        "api_port": 18000,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg, arg-type]


@pytest.fixture(scope="session")
def settings() -> Settings:
    return make_test_settings()


@pytest.fixture(scope="session")
def neo4j(settings: Settings) -> Iterator[Driver]:
    """Start the test Neo4j exactly as `ofsted-graph neo4j start` does; stop it after the run.

    If it cannot start, every test that needs it errors with the reason: nothing is skipped.
    """
    server.start(settings)
    driver = connect(settings)
    try:
        yield driver
    finally:
        driver.close()
        server.stop(settings)


@pytest.fixture(scope="session")
def real_content(settings: Settings) -> Content:
    """The bundled data, read and reconciled once per run (shared by every test of the real data)."""
    return read_everything(settings.data_dir, settings.seeds_dir)


@pytest.fixture
def graph(neo4j: Driver, settings: Settings) -> Driver:
    """An empty graph for each test."""
    neo4j.execute_query("MATCH (n) DETACH DELETE n", database_=settings.neo4j_database)
    return neo4j


def sibling_settings(tmp_path: Path, **overrides: object) -> Settings:
    """Settings for a second, throwaway server home that reuses the test server's jars."""
    home = tmp_path / "neo4j-home"
    home.mkdir()
    (home / "lib").symlink_to(TEST_HOME / "lib")
    return make_test_settings(neo4j_home=home, **overrides)

"""The whole load of the real bundled data: what it holds, all or nothing, idempotent."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from cli.main import app
from graph.errors import LoadError
from graph.fingerprint import graph_fingerprint
from graph.named_queries import query
from graph.settings import Settings
from loaders.model import Content
from loaders.pipeline import load_steps, read_everything
from loaders.write import write_graph
from tests.conftest import TEST_BOLT_PORT, TEST_HOME
from tests.known_answers import GLOUCESTERSHIRE_2017_SIF
from tests.test_writer import small_content

GLOUCESTERSHIRE = "916"


@pytest.fixture
def loaded(graph: Driver, settings: Settings, real_content: Content) -> Driver:
    """The test graph holding exactly the bundled data."""
    write_graph(graph, settings.neo4j_database, real_content)
    return graph


def run(driver: Driver, name: str, settings: Settings, **params: Any) -> list[dict[str, Any]]:
    named = query(name)
    records = driver.execute_query(named.cypher, params, database_=settings.neo4j_database).records
    return [dict(r) for r in records]


def coverage(driver: Driver, settings: Settings) -> dict[str, int]:
    return {r["measure"]: r["value"] for r in run(driver, "coverage", settings)}


def test_coverage_shows_every_current_council_and_no_uncited_fact(loaded: Driver, settings: Settings) -> None:
    counts = coverage(loaded, settings)
    assert counts["current councils"] == 153
    assert counts["current councils without an inspection"] == 0
    assert counts["councils with a focused visit but no known DCS"] == 0
    assert counts["facts without a citation"] == 0
    assert counts["improvement notices"] >= 1
    assert counts["improvement boards"] >= 1
    assert counts["reader comments"] == 7


def test_gloucestershire_2017_sif_is_inadequate_with_its_sub_judgements(
    loaded: Driver, settings: Settings
) -> None:
    rows = run(loaded, "council_inspections", settings, council_code="E10000013")
    sif = next(r for r in rows if r["inspection"]["id"] == f"{GLOUCESTERSHIRE}/inspection/2017-06-13")
    assert sif["inspection"]["overall"] == "INADEQUATE"
    assert sif["inspection"]["framework"] == "SIF"
    grades = {j["area"]: j["grade"] for j in sif["judgements"]}
    assert grades == GLOUCESTERSHIRE_2017_SIF
    assert all(j["citations"] for j in sif["judgements"])


def test_gloucestershire_ilacs_grades_2022_and_2025(loaded: Driver, settings: Settings) -> None:
    rows = run(loaded, "council_inspections", settings, council_code="80470")
    by_id = {r["inspection"]["id"]: r for r in rows}
    ilacs_2022 = by_id[f"{GLOUCESTERSHIRE}/inspection/2022-04-01"]
    assert ilacs_2022["inspection"]["overall"] == "REQUIRES_IMPROVEMENT"
    assert ilacs_2022["inspection"]["lead_inspector"] == "Andrew Waugh"
    assert {j["grade"] for j in ilacs_2022["judgements"]} == {"REQUIRES_IMPROVEMENT"}
    ilacs_2025 = next(
        r for r in rows if r["inspection"]["id"].startswith(f"{GLOUCESTERSHIRE}/inspection/2025-")
    )
    grades = {j["area"]: j["grade"] for j in ilacs_2025["judgements"]}
    assert grades["overall_effectiveness"] == "GOOD"
    assert grades["impact_of_leaders"] == "OUTSTANDING"


def test_gloucestershire_dcs_named_in_the_2020_and_2025_letters(loaded: Driver, settings: Settings) -> None:
    in_2020 = run(loaded, "leaders_on_date", settings, council_code=GLOUCESTERSHIRE, on_date="2020-11-20")
    in_2025 = run(loaded, "leaders_on_date", settings, council_code=GLOUCESTERSHIRE, on_date="2025-02-21")
    dcs = "director_of_childrens_services"
    assert [r["person"]["name"] for r in in_2020 if r["role"] == dcs] == ["Chris Spencer"]
    assert [r["person"]["name"] for r in in_2025 if r["role"] == dcs] == ["Ann James"]
    letter = next(
        c
        for r in in_2020
        if r["role"] == dcs
        for c in r["citations"]
        if c["source"]["kind"] == "ofsted_letter"
    )
    assert "Chris Spencer" in letter["quote"]


def test_chris_spencer_career_names_his_previous_employers(loaded: Driver, settings: Settings) -> None:
    rows = run(loaded, "person_career", settings, person_id="chris-spencer")
    employers = {r["organisation"]["name"] for r in rows}
    assert {"Redbridge", "Hillingdon", "Slough", "Gloucestershire"} <= employers
    redbridge = next(r for r in rows if r["organisation"]["name"] == "Redbridge")
    assert [c["source"]["id"] for c in redbridge["citations"]] == ["seed-002"]
    assert "Redbridge, Hillingdon and Slough" in redbridge["citations"][0]["quote"]


def test_seed_people_have_their_roles(loaded: Driver, settings: Settings) -> None:
    leaders = run(loaded, "council_leaders", settings, council_code=GLOUCESTERSHIRE)
    roles = {
        (r["person"]["name"], r["tenure"]["role"], r["tenure"].get("interim")) for r in leaders if r["person"]
    }
    assert ("Peter Bungard", "chief_executive", None) in roles
    assert ("Alison Williams", "director_of_childrens_services", True) in roles
    assert ("Chris Spencer", "director_of_childrens_services", False) in roles
    assert ("Richard Boyles", "lead_member", None) in roles
    assert ("John Goldup", "dfe_adviser", None) in roles


def test_reader_comments_are_their_own_kind_and_never_cited_as_facts(
    loaded: Driver, settings: Settings
) -> None:
    cited = loaded.execute_query(
        "MATCH ()-[:CITES]->(s:Source {kind: 'reader_comment'}) RETURN count(s) AS n",
        database_=settings.neo4j_database,
    ).records[0]["n"]
    under = loaded.execute_query(
        "MATCH (c:Source {kind: 'reader_comment'})-[:COMMENT_ON]->(a:Source) RETURN DISTINCT a.kind AS kind",
        database_=settings.neo4j_database,
    ).records
    assert cited == 0
    assert [r["kind"] for r in under] == ["news_article"]


def test_the_gloucestershire_notice_and_board(loaded: Driver, settings: Settings) -> None:
    record = loaded.execute_query(
        """
        MATCH (c:Council {code: $code})-[:RECEIVED]->(n:ImprovementNotice)-[:CITES]->(s:Source)
        MATCH (c)-[:HAS_BOARD]->(b:ImprovementBoard)
        RETURN n.issued_date AS issued, b.first_meeting_date AS first_meeting,
               collect(DISTINCT s.id) AS sources
        """,
        code=GLOUCESTERSHIRE,
        database_=settings.neo4j_database,
    ).records[0]
    assert record["issued"].startswith("2017-08")
    assert record["first_meeting"] == "2017-07-21"
    assert record["sources"] == ["seed-000"]


def test_conflicts_can_be_listed(loaded: Driver, settings: Settings) -> None:
    everywhere = run(loaded, "source_conflicts", settings, council_code=None)
    for row in everywhere:
        assert row["detail"]
        if row["field"] != "inspection":
            assert len({s["value"] for s in row["statements"]}) > 1


def test_loading_the_real_data_twice_changes_nothing(
    graph: Driver, settings: Settings, real_content: Content
) -> None:
    assert write_graph(graph, settings.neo4j_database, real_content).changed
    before = graph_fingerprint(graph, settings.neo4j_database)
    again = read_everything(settings.data_dir, settings.seeds_dir)
    assert not write_graph(graph, settings.neo4j_database, again).changed
    write_graph(graph, settings.neo4j_database, again, force=True)
    assert graph_fingerprint(graph, settings.neo4j_database) == before


def data_dir_with(tmp_path: Path, settings: Settings, relative: str, extra_line: str) -> Path:
    """A data folder linking to the real files, with one CSV copied and a line appended to it."""
    root = tmp_path / "data"
    for path in settings.data_dir.rglob("*"):
        target = root / path.relative_to(settings.data_dir)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.relative_to(settings.data_dir).as_posix() != relative:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(path)
    changed = root / relative
    changed.write_text((settings.data_dir / relative).read_text(encoding="utf-8-sig") + extra_line)
    return root


def test_a_bad_row_late_in_a_file_means_nothing_is_written(
    graph: Driver, settings: Settings, tmp_path: Path
) -> None:
    write_graph(graph, settings.neo4j_database, small_content())
    before = graph_fingerprint(graph, settings.neo4j_database)
    relative = "ofsted_official_stats/csv/laio2025_ilacs_history_2018_2025.csv"
    lines = (settings.data_dir / relative).read_text(encoding="utf-8-sig").splitlines()
    bad = (
        "E10000013,Gloucestershire,Current,South West,2025-13-40,2025-08-04,"
        "ILACS Standard Inspection,Brilliant,Good,Good,Good,Good\n"
    )
    data = data_dir_with(tmp_path, settings, relative, bad)
    with pytest.raises(LoadError) as caught:
        read_everything(data, settings.seeds_dir)
    located = {(p.file.split("/")[-1], p.row) for p in caught.value.problems}
    assert ("laio2025_ilacs_history_2018_2025.csv", len(lines) + 1) in located
    assert graph_fingerprint(graph, settings.neo4j_database) == before


def test_load_command_lists_each_problem_and_exits_1(
    neo4j: Driver, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    relative = "focused_visit_letters/ofsted_focused_visit_letter_addressees.csv"
    data = data_dir_with(tmp_path, settings, relative, "not,a,valid,row\n")
    monkeypatch.setenv("OFSTED_DATA_DIR", str(data))
    monkeypatch.setenv("OFSTED_BOLT_PORT", str(TEST_BOLT_PORT))
    monkeypatch.setenv("OFSTED_NEO4J_PASSWORD", settings.neo4j_password.get_secret_value())
    result = CliRunner().invoke(app, ["load"])
    assert result.exit_code == 1
    assert "ofsted_focused_visit_letter_addressees.csv" in result.output
    assert "nothing was written" in result.output


KILLABLE_LOAD = """
from graph.connection import connect
from graph.settings import Settings
from loaders.pipeline import load_everything
settings = Settings(_env_file=None)
with connect(settings) as driver:
    load_everything(settings, driver, force=True)
"""


@pytest.mark.slow
def test_killing_the_loader_leaves_the_old_graph_or_the_new_one(
    graph: Driver, settings: Settings, real_content: Content
) -> None:
    write_graph(graph, settings.neo4j_database, real_content)
    new = graph_fingerprint(graph, settings.neo4j_database)
    env = {
        **os.environ,
        "OFSTED_NEO4J_HOME": str(TEST_HOME),
        "OFSTED_BOLT_PORT": str(TEST_BOLT_PORT),
        "OFSTED_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "OFSTED_DATA_DIR": str(settings.data_dir),
        "OFSTED_SEEDS_DIR": str(settings.seeds_dir),
    }
    rng = random.Random(20261124)
    outcomes = []
    for _ in range(4):
        graph.execute_query("MATCH (n) DETACH DELETE n", database_=settings.neo4j_database)
        write_graph(graph, settings.neo4j_database, small_content())
        old = graph_fingerprint(graph, settings.neo4j_database)
        process = subprocess.Popen([sys.executable, "-c", KILLABLE_LOAD], env=env)
        time.sleep(rng.uniform(0.5, 6.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = graph_fingerprint(graph, settings.neo4j_database)
        assert after in {old, new}
        outcomes.append("new" if after == new else "old")
    # Each kill landed somewhere in the load; at least one before the commit proves the rollback.
    assert "old" in outcomes


def test_the_progress_bar_knows_every_step_a_load_reports(settings: Settings) -> None:
    reported: list[str] = []
    read_everything(settings.data_dir, settings.seeds_dir, on_step=reported.append)
    assert [*reported, "write"] == load_steps()

"""`ofsted-graph reports FOLDER`: a researcher's PDFs join the running graph through the same load."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from cli.main import app
from graph.fingerprint import graph_fingerprint
from graph.settings import Settings
from tests.conftest import TEST_BOLT_PORT
from tests.pdf_maker import make_pdf

# A made-up report, dated years ahead so that it cannot meet a real inspection of the council.
REPORT_LINES = [
    "Inspection of Rutland local authority children's services",
    "Inspection dates: 1 to 12 December 2031",
    "Lead inspector: Test Inspector, His Majesty's Inspector",
    "Judgement Grade",
    "The impact of leaders on social work practice with children and families",
    "Good",
    "The experiences and progress of children who need help and protection",
    "Requires improvement to be good",
    "The experiences and progress of children in care",
    "Good",
    "The experiences and progress of care leavers",
    "Outstanding",
    "Overall effectiveness Good",
]
FILE_NAME = "children's services inspection - 20 january 2032.pdf"

INSPECTION = """
MATCH (c:Council)-[:HAD_INSPECTION]->(i:Inspection {start_date: '2031-12-01'})
MATCH (i)-[:HAS_JUDGEMENT]->(j:Judgement)-[r:CITES]->(s:Source)
RETURN c.name AS council, i.published_date AS published, i.lead_inspector AS lead,
       collect([j.area, j.grade, r.page, r.quote, s.id, s.file]) AS judgements
"""


@pytest.fixture
def cli_env(graph: Driver, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    monkeypatch.setenv("OFSTED_BOLT_PORT", str(TEST_BOLT_PORT))
    monkeypatch.setenv("OFSTED_NEO4J_PASSWORD", settings.neo4j_password.get_secret_value())
    # Added reports are kept under the home; a home of the test's own keeps them out of the developer's.
    monkeypatch.setenv("OFSTED_NEO4J_HOME", str(tmp_path / "home"))
    return settings


def test_reports_adds_a_folder_and_later_loads_keep_it(
    graph: Driver, cli_env: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(make_pdf(REPORT_LINES))

    added = CliRunner().invoke(app, ["reports", str(folder)])
    assert added.exit_code == 0, added.output

    with graph.session(database=cli_env.neo4j_database) as session:
        row = session.run(INSPECTION).single()
    assert row is not None
    assert (row["council"], row["published"], row["lead"]) == ("Rutland", "2032-01-20", "Test Inspector")
    grades = {(area, grade) for area, grade, *_ in row["judgements"]}
    assert grades == {
        ("impact_of_leaders", "GOOD"),
        ("help_and_protection", "REQUIRES_IMPROVEMENT"),
        ("children_in_care", "GOOD"),
        ("care_leavers", "OUTSTANDING"),
        ("overall_effectiveness", "GOOD"),
    }
    for _area, _grade, page, quote, source_id, file in row["judgements"]:
        assert page == 1
        assert quote in " ".join(REPORT_LINES)
        assert source_id.startswith("pdf:")
        assert file.endswith(FILE_NAME)

    # The store keeps the PDFs: a full load reads them again and so changes nothing.
    before = graph_fingerprint(graph, cli_env.neo4j_database)
    again = CliRunner().invoke(app, ["load"])
    assert again.exit_code == 0, again.output
    assert "nothing was written" in again.output
    assert graph_fingerprint(graph, cli_env.neo4j_database) == before


def test_a_broken_pdf_is_reported_by_file_and_nothing_is_written(
    graph: Driver, cli_env: Settings, tmp_path: Path
) -> None:
    before = graph_fingerprint(graph, cli_env.neo4j_database)
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "good.pdf").write_bytes(make_pdf(REPORT_LINES))
    (folder / "cut-short.pdf").write_bytes(make_pdf(REPORT_LINES)[:300])
    (folder / "minutes.pdf").write_bytes(make_pdf(["Minutes of the improvement board", "Present: the chair"]))

    result = CliRunner().invoke(app, ["reports", str(folder)])

    assert result.exit_code == 1
    assert "cut-short.pdf" in result.output
    assert "minutes.pdf" in result.output
    assert "page 1" in result.output
    assert "nothing was written" in result.output
    assert graph_fingerprint(graph, cli_env.neo4j_database) == before


def test_reports_refuses_a_folder_without_pdfs(cli_env: Settings, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["reports", str(tmp_path)])
    assert result.exit_code == 1
    assert "no .pdf files" in result.output

"""Added reports live in the project's store: the researcher's folder can move or vanish afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from cli.main import app
from graph.errors import LoadError
from graph.settings import Settings
from loaders import added_reports
from tests.conftest import TEST_BOLT_PORT
from tests.pdf_maker import make_pdf
from tests.test_reports_cli import FILE_NAME, REPORT_LINES

ADDED = "MATCH (i:Inspection {start_date: '2031-12-01'}) RETURN count(i) AS n"


def test_the_store_keeps_each_pdf_once_by_sha256_and_forgets_on_request(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    (folder / "sub").mkdir(parents=True)
    (folder / FILE_NAME).write_bytes(make_pdf(REPORT_LINES))
    (folder / "sub" / "copy.pdf").write_bytes(make_pdf(REPORT_LINES))  # the same bytes again
    (folder / "notes.txt").write_text("not a report")
    store = tmp_path / "home" / "added-reports"

    (added,) = added_reports.add(store, folder)
    assert added.name in (FILE_NAME, "copy.pdf")
    assert added.path.read_bytes() == make_pdf(REPORT_LINES)
    assert added_reports.add(store, folder) == []  # already kept
    assert added_reports.listed(store) == [added]

    with pytest.raises(LoadError) as nothing:
        added_reports.remove(store, "nothing-like-it")
    assert nothing.value.problems[0].reason == "no added report has the name or sha256 'nothing-like-it'"
    assert added_reports.remove(store, added.sha256[:12]) == [added]
    assert added_reports.listed(store) == []


def test_a_folder_that_is_not_there_or_has_no_pdf_is_refused(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with pytest.raises(LoadError) as missing:
        added_reports.add(store, tmp_path / "missing")
    assert [(p.file, p.reason) for p in missing.value.problems] == [
        (str(tmp_path / "missing"), "not a folder")
    ]
    (tmp_path / "empty").mkdir()
    with pytest.raises(LoadError) as empty:
        added_reports.add(store, tmp_path / "empty")
    assert [p.reason for p in empty.value.problems] == ["no .pdf files in this folder"]
    assert not store.exists()


@pytest.fixture
def cli_env(graph: Driver, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The CLI against the test server, with a home of its own for the store."""
    monkeypatch.setenv("OFSTED_BOLT_PORT", str(TEST_BOLT_PORT))
    monkeypatch.setenv("OFSTED_NEO4J_PASSWORD", settings.neo4j_password.get_secret_value())
    home = tmp_path / "home"
    monkeypatch.setenv("OFSTED_NEO4J_HOME", str(home))
    return added_reports.store_dir(home.resolve())


def count_added(graph: Driver, settings: Settings) -> int:
    with graph.session(database=settings.neo4j_database) as session:
        record = session.run(ADDED).single()
    assert record is not None
    return int(record["n"])


def test_loads_keep_added_reports_after_the_folder_is_moved_away(
    graph: Driver, settings: Settings, cli_env: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(make_pdf(REPORT_LINES))
    runner = CliRunner()

    added = runner.invoke(app, ["reports", str(folder)])
    assert added.exit_code == 0, added.output
    assert count_added(graph, settings) == 1

    folder.rename(tmp_path / "moved-elsewhere")
    again = runner.invoke(app, ["load", "--force"])  # what `make up` runs
    assert again.exit_code == 0, again.output
    assert count_added(graph, settings) == 1

    listing = runner.invoke(app, ["reports-list"])
    assert FILE_NAME in listing.output

    removed = runner.invoke(app, ["reports-remove", FILE_NAME])
    assert removed.exit_code == 0, removed.output
    assert count_added(graph, settings) == 0
    assert added_reports.listed(cli_env) == []


def test_a_refused_folder_leaves_the_store_as_it_was(graph: Driver, cli_env: Path, tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    result = CliRunner().invoke(app, ["reports", str(folder)])
    assert result.exit_code == 1
    assert "broken.pdf" in result.output
    assert added_reports.listed(cli_env) == []

"""Hostile and broken input files: each is refused by the real load with its file, row and field, and
nothing is written; injection-looking text in a valid row is stored and served as the literal text."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from neo4j import Driver

from api.app import create_app
from graph.errors import LoadError
from graph.fingerprint import NODES, RELATIONSHIPS, graph_fingerprint
from graph.settings import Settings
from loaders.pipeline import FACTS_DIR, load_everything, read_everything
from loaders.write import write_graph
from tests.asgi import TestClient
from tests.test_writer import small_content

CORPUS = Path(__file__).parent / "hostile"
FACTS_SLOT = "facts/"
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One bad file, the input it replaces, and the problem the load must report."""

    name: str
    slot: str  # relative to the data folder, or "facts/<name>.yaml"
    row: int | None
    field: str | None
    says: str

    @property
    def reported_file(self) -> str:
        """Data files are named relative to the data folder; fact files by their own name."""
        return self.slot.removeprefix(FACTS_SLOT)

    def content(self) -> bytes:
        return (CORPUS / self.name).read_bytes()


@dataclass(frozen=True)
class GeneratedCase(Case):
    """A case too big to commit, built when the test runs."""

    data: bytes = b""

    def content(self) -> bytes:
        return self.data


def corpus() -> list[Case]:
    manifest = yaml.safe_load((CORPUS / "MANIFEST.yaml").read_text(encoding="utf-8"))
    return [Case(e["file"], e["slot"], e["row"], e["field"], e["says"]) for e in manifest]


def scrape_with(column: str, value: str) -> bytes:
    """A one-row report scrape table, valid but for one cell."""
    base = (CORPUS / "scrape_iso_publication_date.csv").read_text(encoding="utf-8")
    header, row = list(csv.reader(io.StringIO(base)))
    row[header.index("publication_date")] = "04/08/25"
    row[header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, row])
    return out.getvalue().encode()


def facts_with(old: str, new: str) -> bytes:
    """A copy of the corpus' small fact file with one piece of text replaced."""
    text = (CORPUS / "facts_unknown_key.yaml").read_text(encoding="utf-8").replace("intrim:", "interim:")
    assert old in text
    return text.replace(old, new).encode()


SCRAPE = "ilacs_scrape/ofsted_csc_ilacs_history.csv"
FACTS = "facts/gloucestershire_2017_2018.yaml"
HUGE = "x" * MEGABYTE


def generated() -> list[Case]:
    """Megabyte-sized cells and values, which have no business in the committed corpus."""
    return [
        GeneratedCase(
            "scrape_1mb_cell",
            SCRAPE,
            2,
            "inspector_name",
            "1,048,576 characters",
            scrape_with("inspector_name", HUGE),
        ),
        GeneratedCase(
            "scrape_20mb_cell", SCRAPE, 2, None, "too large to read", scrape_with("inspector_name", HUGE * 20)
        ),
        GeneratedCase(
            "facts_1mb_name",
            FACTS,
            None,
            "people[0].name",
            "at most 200 characters",
            facts_with("name: Chris Spencer", f"name: {HUGE}"),
        ),
        GeneratedCase(
            "facts_1mb_quote",
            FACTS,
            None,
            "tenures[0].evidence[0].quote",
            "quote not found",
            facts_with('services, Chris Spencer"\n', f'services, Chris Spencer {HUGE}"\n'),
        ),
    ]


def test_the_corpus_has_at_least_30_files_each_in_the_manifest() -> None:
    listed = {case.name for case in corpus()}
    on_disk = {path.name for path in CORPUS.iterdir() if path.name != "MANIFEST.yaml"}
    assert listed == on_disk
    assert len(listed) >= 30


def data_layout(tmp_path: Path, settings: Settings, files: dict[str, bytes]) -> tuple[Path, Path]:
    """A data folder and a facts folder linking to the real files, with each slot in `files` replaced.

    Links keep this cheap (no copying of the 31 MB of data); each substituted file is a real file.
    """
    data, facts = tmp_path / "data", tmp_path / "facts"
    link_tree(settings.data_dir, data)
    link_tree(FACTS_DIR, facts)
    for slot, content in files.items():
        target = facts / slot.removeprefix(FACTS_SLOT) if slot.startswith(FACTS_SLOT) else data / slot
        assert target.is_symlink(), f"{slot} is not an input of the load"
        target.unlink()
        target.write_bytes(content)
    return data, facts


def link_tree(source: Path, target: Path) -> None:
    for path in source.rglob("*"):
        link = target / path.relative_to(source)
        if path.is_dir():
            link.mkdir(parents=True, exist_ok=True)
        else:
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(path)


def load(settings: Settings, driver: Driver, data: Path, facts: Path) -> None:
    """The real load: `load_everything`, or its two steps when the facts folder is not the bundled one.

    `load_everything` reads the bundled facts/ folder, so a substituted fact file goes through
    read_everything's facts_dir and is written exactly as load_everything writes.
    """
    if any(not path.is_symlink() for path in facts.iterdir()):
        write_graph(driver, settings.neo4j_database, read_everything(data, settings.seeds_dir, facts))
    else:
        load_everything(settings.model_copy(update={"data_dir": data}), driver)


@pytest.fixture
def known_graph(neo4j: Driver, settings: Settings) -> str:
    """A small graph in place (rewritten only if something else replaced it), and its fingerprint."""
    write_graph(neo4j, settings.neo4j_database, small_content())
    return graph_fingerprint(neo4j, settings.neo4j_database)


@pytest.mark.parametrize("case", corpus() + generated(), ids=lambda case: case.name)
def test_a_hostile_file_is_refused_with_its_file_row_and_field_and_nothing_is_written(
    case: Case, known_graph: str, neo4j: Driver, settings: Settings, tmp_path: Path
) -> None:
    data, facts = data_layout(tmp_path, settings, {case.slot: case.content()})
    with pytest.raises(LoadError) as caught:
        load(settings, neo4j, data, facts)
    located = {(p.file, p.row, p.field): p.reason for p in caught.value.problems}
    assert (case.reported_file, case.row, case.field) in located, caught.value.problems
    assert case.says in located[(case.reported_file, case.row, case.field)]
    assert "nothing was written" in str(caught.value)
    assert graph_fingerprint(neo4j, settings.neo4j_database) == known_graph


# ---- injection-looking text in a valid row ------------------------------------------------------

INJECTION = (
    "Gloucestershire\"'}) MATCH (n) DETACH DELETE n // $code {{7*7}} "
    "<script>alert(1)</script><img src=x onerror=alert(2)> \\u0000 ${jndi:ldap://x/a}"
)


def graph_lines(driver: Driver, settings: Settings) -> Counter[str]:
    """Every node and relationship as a line of JSON, as graph_fingerprint sees them."""
    nodes = driver.execute_query(NODES, database_=settings.neo4j_database).records
    rels = driver.execute_query(RELATIONSHIPS, database_=settings.neo4j_database).records
    lines = [json.dumps([sorted(r["labels"]), r["props"]], sort_keys=True, default=str) for r in nodes]
    lines += [
        json.dumps([r["type"], r["props"], r["start"], r["end"]], sort_keys=True, default=str) for r in rels
    ]
    return Counter(lines)


@pytest.fixture(scope="module")
def clean_graph(neo4j: Driver, settings: Settings) -> Counter[str]:
    """The real data loaded unchanged, as lines."""
    write_graph(neo4j, settings.neo4j_database, read_everything(settings.data_dir, settings.seeds_dir))
    return graph_lines(neo4j, settings)


def council_name_cell(settings: Settings) -> bytes:
    """mySociety's register with Gloucestershire's `nice-name` (the name the graph uses) replaced."""
    path = settings.data_dir / MYSOCIETY
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    column = rows[0].index("nice-name")
    (row,) = [r for r in rows if r[0] == "GLS"]
    row[column] = INJECTION
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def person_name_in_facts() -> bytes:
    """The real fact file with Peter Bungard's name (which no other source gives) replaced."""
    text = (FACTS_DIR / "gloucestershire_2017_2018.yaml").read_text(encoding="utf-8")
    assert text.count("name: Peter Bungard\n") == 1
    return text.replace("name: Peter Bungard\n", f"name: {json.dumps(INJECTION)}\n").encode()


MYSOCIETY = "la_lookup/mysociety/uk_local_authorities_future.csv"
# The injected text also goes back in as query variables: a search and a look-up by name.
NAMES = """query($text: String!) {
  council(code: "916") { name }
  councils(search: $text) { edges { node { code } } }
  person(name: $text) { id name } }"""


def test_cypher_and_html_in_valid_names_load_as_literal_text_and_change_nothing_else(
    clean_graph: Counter[str], neo4j: Driver, settings: Settings, tmp_path: Path
) -> None:
    # One load with both: a council name from a CSV cell and a person's name from a fact file.
    files = {MYSOCIETY: council_name_cell(settings), FACTS: person_name_in_facts()}
    data, facts = data_layout(tmp_path, settings, files)

    load(settings, neo4j, data, facts)

    served = answer(settings, NAMES, text=INJECTION)
    assert served["council"]["name"] == INJECTION
    assert served["councils"]["edges"] == [{"node": {"code": "916"}}]
    assert served["person"] == {"id": "peter-bungard", "name": INJECTION}
    injected = graph_lines(neo4j, settings)
    assert injected.total() == clean_graph.total()
    # Only the lines that carry a name differ: the nodes themselves and the citations quoting the cell.
    changed = injected - clean_graph
    assert changed.total() == (clean_graph - injected).total() > 0
    assert all(mentions(json.loads(line), INJECTION) for line in changed)


def mentions(value: Any, text: str) -> bool:
    """Whether any string inside a node's or relationship's JSON contains `text`."""
    if isinstance(value, str):
        return text in value
    if isinstance(value, dict):
        return any(mentions(v, text) for v in value.values())
    return isinstance(value, list) and any(mentions(v, text) for v in value)


def answer(settings: Settings, query: str, **variables: str) -> Any:
    """A query's data from the real API app."""
    with TestClient(create_app(settings)) as client:
        body = client.post("/graphql", json={"query": query, "variables": variables}).json()
    assert "errors" not in body, body
    return body["data"]


def test_the_linked_data_folder_reads_as_the_real_one(settings: Settings, tmp_path: Path) -> None:
    # So a hostile case differs from the real load only in its one file.
    data, facts = data_layout(tmp_path, settings, {SCRAPE: (settings.data_dir / SCRAPE).read_bytes()})
    real = read_everything(settings.data_dir, settings.seeds_dir)
    linked = read_everything(data, settings.seeds_dir, facts)
    assert linked.inspections == real.inspections

"""The named queries in queries/: headers that match their Cypher, and Cypher Neo4j accepts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from neo4j import Driver

from graph.errors import QueryFileError
from graph.named_queries import QUERIES_DIR, load_queries, parse_query, query
from graph.settings import Settings
from loaders.model import CITED_KINDS, NodeKind
from loaders.write.statements import WRITE_DIR, cite_statement

QUERY_FILES = sorted(QUERIES_DIR.glob("*.cypher"))


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_query_declares_exactly_the_parameters_it_uses(path: Path) -> None:
    named = parse_query(path)
    assert named.name == path.stem
    assert named.description
    assert named.returns


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_query_is_valid_read_only_cypher(path: Path, neo4j: Driver, settings: Settings) -> None:
    named = parse_query(path)
    params = dict.fromkeys(named.param_names)
    summary = neo4j.execute_query(
        "EXPLAIN " + named.cypher, params, database_=settings.neo4j_database
    ).summary
    assert summary.query_type == "r"


def test_the_researchers_questions_each_have_a_query() -> None:
    assert {
        "council_inspections",
        "council_leaders",
        "leaders_on_date",
        "leadership_changes",
        "leaders_when_rated",
        "person_career",
        "source_conflicts",
        "coverage",
    } <= set(load_queries())


def test_an_undeclared_parameter_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sneaky.cypher"
    path.write_text(
        "// name: sneaky\n// Finds a council.\n// params:\n//   code  string  a code\n"
        "// returns: c\nMATCH (c:Council {code: $code}) WHERE c.name = $name RETURN c\n"
    )
    with pytest.raises(QueryFileError, match=r"declares \['code'\] but the Cypher uses \['code', 'name'\]"):
        parse_query(path)


def test_dollar_names_in_strings_and_comments_are_not_parameters(tmp_path: Path) -> None:
    path = tmp_path / "prices.cypher"
    path.write_text(
        "// name: prices\n// Costs in $dollars.\n// params:\n//   code  string  a code\n"
        "// returns: c\nMATCH (c:Council {code: $code}) RETURN c, '$notaparam' AS s // $nor\n"
    )
    assert parse_query(path).param_names == {"code"}


def test_a_query_named_for_another_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "one.cypher"
    path.write_text("// name: two\n// x\n// returns: n\nRETURN 1 AS n\n")
    with pytest.raises(QueryFileError, match="named for its file"):
        parse_query(path)


WRITE_FILES = sorted(WRITE_DIR.glob("*.cypher"))


@pytest.mark.parametrize("path", WRITE_FILES, ids=lambda p: p.stem)
def test_every_write_statement_declares_exactly_the_parameters_it_uses(path: Path) -> None:
    named = parse_query(path)
    assert named.name == path.stem
    assert named.description
    assert named.returns


@pytest.mark.parametrize("path", [p for p in WRITE_FILES if p.stem != "cite"], ids=lambda p: p.stem)
def test_every_write_statement_is_valid_cypher(path: Path, neo4j: Driver, settings: Settings) -> None:
    named = parse_query(path)
    summary = neo4j.execute_query(
        "EXPLAIN " + named.cypher, dict.fromkeys(named.param_names), database_=settings.neo4j_database
    ).summary
    assert summary.query_type in ({"r"} if path.stem == "read_load" else {"w", "rw"})


@pytest.mark.parametrize("kind", CITED_KINDS, ids=lambda k: k.label)
def test_the_citation_statement_is_valid_cypher_for_every_cited_kind(
    kind: NodeKind, neo4j: Driver, settings: Settings
) -> None:
    summary = neo4j.execute_query(
        "EXPLAIN " + cite_statement(kind), {"rows": None}, database_=settings.neo4j_database
    ).summary
    assert summary.query_type in {"w", "rw"}


def test_no_write_statement_is_in_queries() -> None:
    assert not {p.name for p in WRITE_FILES} & {p.name for p in QUERY_FILES}
    for named in load_queries().values():
        assert not re.search(r"\b(CREATE|MERGE|DELETE|SET|REMOVE)\b", named.cypher), named.name


def test_an_unknown_query_name_is_the_services_error_not_a_key_error() -> None:
    with pytest.raises(QueryFileError, match=r"no queries/nonexistent\.cypher"):
        query("nonexistent")

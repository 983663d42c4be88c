"""Write a whole load in one transaction: the graph is the old one or the new one, never a mix.

A load replaces every node this service owns with what the sources say now, inside one write
transaction, so killing the loader at any point leaves the previous graph, and loading the same
sources twice leaves the same graph (the second time nothing is written at all: the content hash
matches).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from neo4j import Driver, ManagedTransaction, unit_of_work

from graph import schema
from loaders.model import CITED_KINDS, NODE_KINDS, Content
from loaders.write import rows as r
from loaders.write.statements import cite_statement, statement


@dataclass(frozen=True)
class WriteResult:
    """What a load did: the counts written, or that the graph already held this content."""

    changed: bool
    counts: dict[str, int]
    content_hash: str


def write_graph(driver: Driver, database: str, content: Content, *, force: bool = False) -> WriteResult:
    """Replace the graph with `content` in one transaction; a no-op when it already holds it.

    Args:
        driver: an open driver.
        database: the database to write.
        content: the parsed, validated and reconciled records of every source.
        force: rewrite even when the content hash matches (repairs hand edits).
    """
    schema.apply(driver, database)
    digest = content_hash(content)
    counts = count_records(content)
    with driver.session(database=database) as session:
        current = session.execute_read(_read_hash)
        if current == digest and not force:
            return WriteResult(changed=False, counts=counts, content_hash=digest)
        session.execute_write(_replace, content, digest, counts)
    return WriteResult(changed=True, counts=counts, content_hash=digest)


def _read_hash(tx: ManagedTransaction) -> str | None:
    record = tx.run(statement("read_load")).single()
    if record is None or record["load"].get("content_hash") is None:
        return None
    return str(record["load"]["content_hash"])


# The server's db.transaction.timeout (30 s) bounds the API's reads; the load's one write transaction
# gets its own, which overrides it (Neo4j 5.3 on): with all 494 reports it outlasted 30 s at load
# average 10 on this 2-core machine, and an all-or-nothing load must not fail for being slow.
LOAD_TRANSACTION_SECONDS = 600


@unit_of_work(timeout=LOAD_TRANSACTION_SECONDS)
def _replace(tx: ManagedTransaction, content: Content, digest: str, counts: dict[str, int]) -> None:
    # execute_write may retry this whole function on a transient error; it starts by deleting,
    # so a retry rebuilds from scratch rather than adding twice.
    tx.run(statement("delete_owned"), labels=[kind.label for kind in NODE_KINDS]).consume()
    write_nodes(tx, content)
    tx.run(
        statement("write_load"),
        content_hash=digest,
        loaded_at=datetime.now(UTC).isoformat(timespec="seconds"),
        counts=json.dumps(counts, sort_keys=True),
        report_folders=list(content.report_folders),
    ).consume()


def write_nodes(tx: ManagedTransaction, content: Content) -> None:
    """Every node, relationship and citation of `content`, in an order where each MATCH finds its node."""
    bundle = content.bundle
    _run(tx, "write_sources", [r.source_props(s) for s in bundle.sources])
    comments = [asdict(s) for s in bundle.sources if s.comment_on]
    _run(tx, "link_comments", comments)
    _run(tx, "link_replies", [c for c in comments if c["reply_to"]])
    _run(tx, "write_councils", [r.council_props(c) for c in bundle.councils])
    _run(tx, "link_successors", r.successor_rows(bundle.councils))
    _run(tx, "write_organisations", [r.organisation_props(o) for o in bundle.organisations])
    _run(tx, "write_inspections", [r.inspection_row(i) for i in content.inspections])
    _run(tx, "write_judgements", [j for i in content.inspections for j in r.judgement_rows(i)])
    _run(tx, "write_people", [{"id": p.id, "name": p.name} for p in bundle.people])
    _run(tx, "write_boards", [r.board_row(b) for b in bundle.boards])
    _run(tx, "write_tenures", [r.tenure_row(t) for t in bundle.tenures])
    _run(tx, "write_notices", [r.notice_row(n) for n in bundle.notices])
    _run(tx, "write_interventions", [r.intervention_row(i) for i in bundle.interventions])
    by_label = citation_rows(content)
    for kind in CITED_KINDS:
        if by_label[kind.label]:
            tx.run(cite_statement(kind), rows=by_label[kind.label]).consume()


def remembered_report_folders(driver: Driver, database: str) -> tuple[str, ...]:
    """The researchers' report folders the graph was last loaded with (none before any load)."""
    # Before the first load the label and keys do not exist yet; Neo4j's warnings about that are noise.
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        record = session.execute_read(lambda tx: tx.run(statement("read_load")).single())
    if record is None:
        return ()
    return tuple(record["load"].get("report_folders") or ())


def _run(tx: ManagedTransaction, name: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        tx.run(statement(name), rows=rows).consume()


def citation_rows(content: Content) -> dict[str, list[dict[str, Any]]]:
    """Every citation as a row per target label, duplicates dropped."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for kind in CITED_KINDS:
        seen: set[str] = set()
        rows[kind.label] = []
        for record, citation in kind.citations(content):
            node_id = kind.node_id(record)
            props = r.without_none({k: v for k, v in asdict(citation).items() if k != "source_id"})
            key = json.dumps([node_id, citation.source_id, props], sort_keys=True)
            if key not in seen:
                seen.add(key)
                rows[kind.label].append({"node_id": node_id, "source_id": citation.source_id, "props": props})
    return rows


def count_records(content: Content) -> dict[str, int]:
    """How many of each kind of node a load writes, and how many citations."""
    counts = {kind.field: len(list(kind.records(content))) for kind in NODE_KINDS}
    counts["citations"] = sum(len(rows) for rows in citation_rows(content).values())
    return counts


def content_hash(content: Content) -> str:
    """A digest of everything a load would write, to skip a load that changes nothing."""
    payload = json.dumps(
        [asdict(content.bundle), [asdict(i) for i in content.inspections], list(content.report_folders)],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()

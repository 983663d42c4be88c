"""Write a whole load in one transaction: the graph is the old one or the new one, never a mix.

A load replaces every node this service owns with what the sources say now, inside one write
transaction, so killing the loader at any point leaves the previous graph, and loading the same
sources twice leaves the same graph (the second time nothing is written at all: the content hash
matches).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from neo4j import Driver, ManagedTransaction

from graph import schema
from loaders.model import (
    Bundle,
    Citation,
    CouncilRecord,
    Inspection,
    PartialDate,
    TenureRecord,
)

# The labels a load owns and replaces. Researchers' own nodes (other labels) are left alone.
DELETE_OWNED = """
MATCH (n)
WHERE n:Council OR n:Organisation OR n:Inspection OR n:Judgement OR n:Person OR n:Tenure
   OR n:Source OR n:ImprovementNotice OR n:ImprovementBoard
DETACH DELETE n
"""

WRITE_SOURCES = """
UNWIND $rows AS r
CREATE (s:Source) SET s = r
"""

LINK_COMMENTS = """
UNWIND $rows AS r
MATCH (c:Source {id: r.id}), (a:Source {id: r.comment_on})
CREATE (c)-[:COMMENT_ON]->(a)
"""

LINK_REPLIES = """
UNWIND $rows AS r
MATCH (c:Source {id: r.id}), (p:Source {id: r.reply_to})
CREATE (c)-[:REPLY_TO]->(p)
"""

WRITE_COUNCILS = """
UNWIND $rows AS r
CREATE (c:Council:Organisation) SET c = r
"""

LINK_SUCCESSORS = """
UNWIND $rows AS r
MATCH (old:Council {code: r.from}), (new:Council {code: r.to})
CREATE (old)-[:SUCCEEDED_BY {date: r.date}]->(new)
"""

WRITE_ORGANISATIONS = """
UNWIND $rows AS r
CREATE (o:Organisation) SET o = r
"""

WRITE_INSPECTIONS = """
UNWIND $rows AS r
MATCH (c:Council {code: r.council_code})
CREATE (c)-[:HAD_INSPECTION]->(i:Inspection) SET i = r.props
"""

WRITE_JUDGEMENTS = """
UNWIND $rows AS r
MATCH (i:Inspection {id: r.inspection_id})
CREATE (i)-[:HAS_JUDGEMENT]->(j:Judgement) SET j = r.props
"""

WRITE_PEOPLE = """
UNWIND $rows AS r
CREATE (p:Person) SET p = r
"""

WRITE_TENURES = """
UNWIND $rows AS r
MATCH (o:Organisation {id: r.organisation_id})
CREATE (t:Tenure)-[:AT]->(o) SET t = r.props
WITH t, r
OPTIONAL MATCH (p:Person {id: r.person_id})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (p)-[:HELD]->(t))
WITH t, r
OPTIONAL MATCH (served:Council {code: r.serves_council})
FOREACH (_ IN CASE WHEN served IS NULL THEN [] ELSE [1] END | CREATE (t)-[:SERVES]->(served))
"""

WRITE_NOTICES = """
UNWIND $rows AS r
MATCH (c:Council {code: r.council_code})
CREATE (c)-[:RECEIVED]->(n:ImprovementNotice) SET n = r.props
"""

WRITE_BOARDS = """
UNWIND $rows AS r
MATCH (c:Council {code: r.council_code})
CREATE (c)-[:HAS_BOARD]->(b:ImprovementBoard:Organisation) SET b = r.props
"""

# One statement per label, so each MATCH uses that label's unique-key index.
WRITE_CITATIONS = {
    "Council": """
UNWIND $rows AS r MATCH (n:Council {code: r.node_id}), (s:Source {id: r.source_id})
CREATE (n)-[c:CITES]->(s) SET c = r.props""",
    "Organisation": """
UNWIND $rows AS r MATCH (n:Organisation {id: r.node_id}), (s:Source {id: r.source_id})
CREATE (n)-[c:CITES]->(s) SET c = r.props""",
    "Inspection": """
UNWIND $rows AS r MATCH (n:Inspection {id: r.node_id}), (s:Source {id: r.source_id})
CREATE (n)-[c:CITES]->(s) SET c = r.props""",
    "Judgement": """
UNWIND $rows AS r MATCH (n:Judgement {id: r.node_id}), (s:Source {id: r.source_id})
CREATE (n)-[c:CITES]->(s) SET c = r.props""",
    "Person": """
UNWIND $rows AS r MATCH (n:Person {id: r.node_id}), (s:Source {id: r.source_id})
CREATE (n)-[c:CITES]->(s) SET c = r.props""",
    "Tenure": """
UNWIND $rows AS r MATCH (n:Tenure {id: r.node_id}), (s:Source {id: r.source_id})
CREATE (n)-[c:CITES]->(s) SET c = r.props""",
    "ImprovementNotice": """
UNWIND $rows AS r MATCH (n:ImprovementNotice {id: r.node_id}), (s:Source {id: r.source_id})
CREATE (n)-[c:CITES]->(s) SET c = r.props""",
    "ImprovementBoard": """
UNWIND $rows AS r MATCH (n:ImprovementBoard {id: r.node_id}), (s:Source {id: r.source_id})
CREATE (n)-[c:CITES]->(s) SET c = r.props""",
}

# A map projection, not l.content_hash: naming a property key the database has never seen (the
# first load) makes Neo4j send a warning that the driver logs as noise.
READ_LOAD = "MATCH (l:Load {id: 'current'}) RETURN l {.*} AS load"

WRITE_LOAD = """
MERGE (l:Load {id: 'current'})
SET l.content_hash = $content_hash, l.loaded_at = $loaded_at, l.counts = $counts,
    l.report_folders = $report_folders
"""


@dataclass(frozen=True)
class Content:
    """What a load writes: every record except inspection statements, plus the merged inspections."""

    bundle: Bundle
    inspections: list[Inspection]
    # Researchers' folders of report PDFs read with the bundled data (`ofsted-graph reports FOLDER`);
    # the graph remembers them so that the next full load keeps their reports.
    report_folders: tuple[str, ...] = ()


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
    record = tx.run(READ_LOAD).single()
    if record is None or record["load"].get("content_hash") is None:
        return None
    return str(record["load"]["content_hash"])


def _replace(tx: ManagedTransaction, content: Content, digest: str, counts: dict[str, int]) -> None:
    # execute_write may retry this whole function on a transient error; it starts by deleting,
    # so a retry rebuilds from scratch rather than adding twice.
    bundle = content.bundle
    tx.run(DELETE_OWNED).consume()
    _run(tx, WRITE_SOURCES, [_source_props(s) for s in bundle.sources])
    comments = [asdict(s) for s in bundle.sources if s.comment_on]
    _run(tx, LINK_COMMENTS, comments)
    _run(tx, LINK_REPLIES, [c for c in comments if c["reply_to"]])
    _run(tx, WRITE_COUNCILS, [council_props(c) for c in bundle.councils])
    _run(tx, LINK_SUCCESSORS, successor_rows(bundle.councils))
    _run(tx, WRITE_ORGANISATIONS, [_organisation_props(o) for o in bundle.organisations])
    _run(tx, WRITE_INSPECTIONS, [_inspection_row(i) for i in content.inspections])
    _run(tx, WRITE_JUDGEMENTS, [j for i in content.inspections for j in _judgement_rows(i)])
    _run(tx, WRITE_PEOPLE, [{"id": p.id, "name": p.name} for p in bundle.people])
    _run(tx, WRITE_BOARDS, [_board_row(b) for b in bundle.boards])
    _run(tx, WRITE_TENURES, [_tenure_row(t) for t in bundle.tenures])
    _run(tx, WRITE_NOTICES, [_notice_row(n) for n in bundle.notices])
    for label, rows in citation_rows(content).items():
        _run(tx, WRITE_CITATIONS[label], rows)
    tx.run(
        WRITE_LOAD,
        content_hash=digest,
        loaded_at=datetime.now(UTC).isoformat(timespec="seconds"),
        counts=json.dumps(counts, sort_keys=True),
        report_folders=list(content.report_folders),
    ).consume()


def remembered_report_folders(driver: Driver, database: str) -> tuple[str, ...]:
    """The researchers' report folders the graph was last loaded with (none before any load)."""
    # Before the first load the label and keys do not exist yet; Neo4j's warnings about that are noise.
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        record = session.execute_read(lambda tx: tx.run(READ_LOAD).single())
    if record is None:
        return ()
    return tuple(record["load"].get("report_folders") or ())


def _run(tx: ManagedTransaction, cypher: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        tx.run(cypher, rows=rows).consume()


def _source_props(source: Any) -> dict[str, Any]:
    return {k: v for k, v in asdict(source).items() if v is not None}


def council_props(council: CouncilRecord) -> dict[str, Any]:
    """A council's node properties (it is also an Organisation, id "council:<code>")."""
    return _without_none(
        {
            "id": f"council:{council.code}",
            "code": council.code,
            "la_code": council.code,
            "name": council.name,
            "kind": "council",
            "gss_code": council.gss_code,
            "ofsted_urn": council.ofsted_urn,
            "region": council.region,
            "authority_type": council.authority_type,
            "start_date": council.start_date,
            "end_date": council.end_date,
            "current": council.end_date is None,
            "aliases": sorted(set(council.aliases)),
            # One string for the full-text index, which cannot index lists.
            "aliases_text": " | ".join(sorted(set(council.aliases))),
        }
    )


def successor_rows(councils: list[CouncilRecord]) -> list[dict[str, Any]]:
    """One row per (former council, successor) pair, dated by the former council's end."""
    return [
        {"from": c.code, "to": successor, "date": c.end_date}
        for c in councils
        for successor in c.successor_codes
    ]


def _organisation_props(org: Any) -> dict[str, Any]:
    return {"id": org.id, "name": org.name, "kind": org.kind}


def _inspection_row(inspection: Inspection) -> dict[str, Any]:
    props = _without_none(
        {
            "id": inspection.id,
            "kind": inspection.kind,
            "framework": inspection.framework,
            "start_date": inspection.start_date,
            "end_date": inspection.end_date,
            "published_date": inspection.published_date,
            "lead_inspector": inspection.lead_inspector,
            "report_url": inspection.report_url,
            "theme": inspection.theme,
            "inspectors": inspection.inspectors or None,
            "overall": inspection.overall,
            # Sorting key: the day the event is known by (start where known, else publication).
            "date": inspection.start_date or inspection.published_date,
            "conflicts": inspection.conflicts,
        }
    )
    return {"council_code": inspection.council_code, "props": props}


def _judgement_rows(inspection: Inspection) -> list[dict[str, Any]]:
    return [
        {
            "inspection_id": inspection.id,
            "props": {
                "id": j.id,
                "area": j.area,
                "grade": j.grade,
                "wording": j.wording,
                "conflict": j.conflict,
            },
        }
        for j in inspection.judgements
    ]


def _board_row(board: Any) -> dict[str, Any]:
    props = _without_none(
        {
            "id": board.id,
            "name": board.name,
            "kind": "improvement_board",
            **_date_props("first_meeting", board.first_meeting),
        }
    )
    return {"council_code": board.council_code, "props": props}


def _notice_row(notice: Any) -> dict[str, Any]:
    props = _without_none(
        {
            "id": notice.id,
            "kind": notice.kind,
            "review_interval": notice.review_interval,
            "review_scope": notice.review_scope,
            **_date_props("issued", notice.issued),
            **_date_props("lifted", notice.lifted),
        }
    )
    return {"council_code": notice.council_code, "props": props}


def _tenure_row(tenure: TenureRecord) -> dict[str, Any]:
    start, start_basis = tenure.start, "stated" if tenure.start else None
    since = [c for c in tenure.citations if c.evidence == "in_post_since" and c.date]
    if start is None and since:
        first = min(since, key=lambda c: c.date or "")
        start = PartialDate(first.date or "", first.precision or "day")
        start_basis = "in_post_since"
    seen = sorted(
        c.date for c in tenure.citations if c.evidence in {"in_post_on", "in_post_since"} and c.date
    )
    props = _without_none(
        {
            "id": tenure.id,
            "role": tenure.role,
            "title": tenure.title,
            "interim": tenure.interim,
            **_date_props("start", start),
            "start_basis": start_basis,
            **_date_props("end", tenure.end),
            "end_basis": "stated" if tenure.end else None,
            # The span over which sources show the holder in post; start/end stay unknown unless stated.
            "evidence_from": seen[0] if seen else None,
            "evidence_to": seen[-1] if seen else None,
            # The span the graph can vouch for: stated dates first, else the evidence span. Queries
            # compare dates on these at their own precision ("2017-06" covers 2017-06-13).
            "known_from": start.date if start else (seen[0] if seen else None),
            "known_to": tenure.end.date if tenure.end else (seen[-1] if seen else None),
        }
    )
    return {
        "organisation_id": tenure.organisation_id,
        "person_id": tenure.person_id,
        "serves_council": tenure.serves_council,
        "props": props,
    }


def _date_props(prefix: str, value: PartialDate | None) -> dict[str, Any]:
    if value is None:
        return {}
    return {
        prefix + "_date": value.date,
        prefix + "_precision": value.precision,
        prefix + "_certainty": value.certainty,
    }


def citation_rows(content: Content) -> dict[str, list[dict[str, Any]]]:
    """Every citation as a row per target label, duplicates dropped."""
    bundle = content.bundle
    groups: dict[str, Iterable[tuple[str, Citation]]] = {
        "Council": ((c.code, x) for c in bundle.councils for x in c.citations),
        "Organisation": ((o.id, x) for o in bundle.organisations for x in o.citations),
        "Inspection": ((i.id, x) for i in content.inspections for x in i.citations),
        "Judgement": ((j.id, x) for i in content.inspections for j in i.judgements for x in j.citations),
        "Person": ((p.id, x) for p in bundle.people for x in p.citations),
        "Tenure": ((t.id, x) for t in bundle.tenures for x in t.citations),
        "ImprovementNotice": ((n.id, x) for n in bundle.notices for x in n.citations),
        "ImprovementBoard": ((b.id, x) for b in bundle.boards for x in b.citations),
    }
    rows: dict[str, list[dict[str, Any]]] = {}
    for label, pairs in groups.items():
        seen: set[str] = set()
        rows[label] = []
        for node_id, citation in pairs:
            props = _without_none({k: v for k, v in asdict(citation).items() if k != "source_id"})
            key = json.dumps([node_id, citation.source_id, props], sort_keys=True)
            if key not in seen:
                seen.add(key)
                rows[label].append({"node_id": node_id, "source_id": citation.source_id, "props": props})
    return rows


def count_records(content: Content) -> dict[str, int]:
    """How many of each kind of node a load writes."""
    b = content.bundle
    return {
        "sources": len(b.sources),
        "councils": len(b.councils),
        "organisations": len(b.organisations),
        "inspections": len(content.inspections),
        "judgements": sum(len(i.judgements) for i in content.inspections),
        "people": len(b.people),
        "tenures": len(b.tenures),
        "notices": len(b.notices),
        "boards": len(b.boards),
        "citations": sum(len(rows) for rows in citation_rows(content).values()),
    }


def content_hash(content: Content) -> str:
    """A digest of everything a load would write, to skip a load that changes nothing."""
    payload = json.dumps(
        [asdict(content.bundle), [asdict(i) for i in content.inspections], list(content.report_folders)],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _without_none(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None}

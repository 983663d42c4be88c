"""A digest of the graph's content, to prove a load changed all of it or none of it."""

from __future__ import annotations

import hashlib
import json

from neo4j import Driver

# The Load node is bookkeeping (when the data was loaded), not content.
NODES = """
MATCH (n) WHERE NOT n:Load
RETURN labels(n) AS labels, properties(n) AS props
"""

RELATIONSHIPS = """
MATCH (a)-[r]->(b)
RETURN type(r) AS type, properties(r) AS props,
       coalesce(a.id, a.code) AS start, coalesce(b.id, b.code) AS end
"""


def graph_fingerprint(driver: Driver, database: str) -> str:
    """SHA-256 of every node's labels and properties and every relationship, in a stable order.

    Internal element ids are left out, so the same content written twice has the same digest.
    """
    nodes = driver.execute_query(NODES, database_=database).records
    rels = driver.execute_query(RELATIONSHIPS, database_=database).records
    lines = sorted(json.dumps([sorted(r["labels"]), r["props"]], sort_keys=True, default=str) for r in nodes)
    lines += sorted(
        json.dumps([r["type"], r["props"], r["start"], r["end"]], sort_keys=True, default=str) for r in rels
    )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()

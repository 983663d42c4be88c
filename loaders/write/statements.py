"""The write Cypher, read from the .cypher files beside this module (never from queries/, which is
read-only and shared with the API)."""

from __future__ import annotations

import re
from pathlib import Path

from graph.named_queries import query
from loaders.model import NodeKind

WRITE_DIR = Path(__file__).resolve().parent

# The stand-ins cite.cypher uses for a node kind's label and key.
_CITED_NODE = "(n:Label {key: r.node_id})"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def statement(name: str) -> str:
    """The Cypher of loaders/write/<name>.cypher."""
    return query(name, WRITE_DIR).cypher


def cite_statement(kind: NodeKind) -> str:
    """cite.cypher for one node kind: its label and key come from the node-kind table, never from data."""
    if not (_NAME.fullmatch(kind.label) and _NAME.fullmatch(kind.key)):
        raise ValueError(f"not a plain label and key: {kind.label!r}, {kind.key!r}")
    return statement("cite").replace(_CITED_NODE, f"(n:{kind.label} {{{kind.key}: r.node_id}})")

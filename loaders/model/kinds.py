"""The one table of node kinds a load owns: label, unique key, and where its records live.

Deletion, citations, counts, reference checks and the constraint test all read this table, so adding
a node kind is one entry here, one write statement in loaders/write/ and one constraint in
graph/schema.py (tests/loaders/test_model.py holds the table and the constraints together).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from loaders.model.content import Content
from loaders.model.records import Citation


@dataclass(frozen=True)
class NodeKind:
    """One label the load replaces on every run."""

    label: str  # the node's label; a load deletes every node carrying it first
    key: str  # the property a uniqueness constraint holds ("code" for councils, else "id")
    field: str  # its name in a load's counts ("councils")
    records: Callable[[Content], Iterable[Any]]  # this kind's records in a load
    cited: bool = True  # whether its records carry citations (a Source is what others cite)
    # How a problem names a record; its key by default.
    owner: Callable[[Any], str] = lambda record: str(record.id)

    def node_id(self, record: Any) -> str:
        """The record's unique key as written to the graph."""
        return str(getattr(record, self.key))

    def citations(self, content: Content) -> Iterable[tuple[Any, Citation]]:
        """Each (record, citation) of this kind in a load, in record order."""
        return ((record, c) for record in self.records(content) for c in record.citations)


NODE_KINDS = (
    NodeKind("Source", "id", "sources", lambda c: c.bundle.sources, cited=False),
    NodeKind("Council", "code", "councils", lambda c: c.bundle.councils, owner=lambda r: f"council {r.code}"),
    NodeKind("Organisation", "id", "organisations", lambda c: c.bundle.organisations),
    NodeKind("Inspection", "id", "inspections", lambda c: c.inspections),
    NodeKind("Judgement", "id", "judgements", lambda c: [j for i in c.inspections for j in i.judgements]),
    NodeKind("Person", "id", "people", lambda c: c.bundle.people),
    NodeKind("Tenure", "id", "tenures", lambda c: c.bundle.tenures),
    NodeKind("ImprovementNotice", "id", "notices", lambda c: c.bundle.notices),
    NodeKind("ImprovementBoard", "id", "boards", lambda c: c.bundle.boards),
    NodeKind("Intervention", "id", "interventions", lambda c: c.bundle.interventions),
)

CITED_KINDS = tuple(kind for kind in NODE_KINDS if kind.cited)

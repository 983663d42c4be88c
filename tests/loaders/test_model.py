"""The node-kind table (loaders/model/kinds.py) agrees with the graph's constraints and the writer."""

from __future__ import annotations

import re

from graph import schema
from loaders.model import NODE_KINDS, Bundle, Content
from loaders.write import count_records

CONSTRAINT = re.compile(r"FOR \(n:(\w+)\) REQUIRE n\.(\w+) IS UNIQUE")


def test_every_node_kind_has_a_uniqueness_constraint_on_its_key() -> None:
    constrained = {m.groups() for c in schema.CONSTRAINTS if (m := CONSTRAINT.search(c))}
    assert {(kind.label, kind.key) for kind in NODE_KINDS} <= constrained


def test_every_constrained_label_but_the_load_stamp_is_a_node_kind() -> None:
    constrained = {m.group(1) for c in schema.CONSTRAINTS if (m := CONSTRAINT.search(c))}
    assert constrained - {kind.label for kind in NODE_KINDS} == {"Load"}


def test_the_counts_name_every_node_kind_once() -> None:
    counts = count_records(Content(Bundle(), []))
    assert list(counts) == [*(kind.field for kind in NODE_KINDS), "citations"]

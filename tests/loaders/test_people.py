"""One identity rule for people: every source, and every curated fact file, makes ids the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph.settings import PROJECT_ROOT
from loaders.people import clean_name, person_slug

FACT_FILES = sorted((PROJECT_ROOT / "facts").glob("*.yaml"))


@pytest.mark.parametrize("path", FACT_FILES, ids=lambda p: p.name)
def test_every_fact_files_person_id_is_the_one_the_identity_rule_makes(path: Path) -> None:
    # A typo in a hand-written id would silently split one person into two.
    people = yaml.safe_load(path.read_text(encoding="utf-8"))["people"]
    assert people
    assert [(p["name"], p["id"]) for p in people] == [
        (p["name"], person_slug(clean_name(p["name"]))) for p in people
    ]

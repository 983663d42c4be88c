"""Curated news facts: a YAML fact file checked word for word against the seed articles it cites.

A fact file (facts/*.yaml, see the header of facts/gloucestershire_2017_2018.yaml) lists its sources
(articles, each with its reader comments), people, organisations, tenures, previous roles, improvement
notices and boards; every fact carries evidence quoting a seed file. Nothing is believed on the
curator's word: each quote must appear in the cited file (whitespace runs collapsed to one space) and,
when cited as an article fact, inside the article body, never in a reader comment or site furniture.
Before anything is built the file must be UTF-8 YAML with no aliases, no key given twice and no
deeper nesting than yaml_files.MAX_DEPTH; those problems, and YAML syntax errors, carry the line as their row.

Kept out of the graph, though their quotes are still checked:
- `inspection_mentions`: an article's "rated inadequate in June 2017" or "visited in February and
  March" is month-level and second-hand, so it is not a reliable identifier of an inspection; the
  inspection loaders take dates and grades from Ofsted's own documents.
- `improvement_partners`: the graph has no node for a partnership whose partner the text does not name;
  the person the release names (Suzie Goodman) is kept through her own tenure.
- `people[].name_in_source` and `organisations` of kind `council`: they record spellings; councils are
  written from the council tables and referred to as `council:<code>`.
"""

from __future__ import annotations

from pathlib import Path

from graph.errors import LoadError
from loaders.facts.build import bundle_of
from loaders.facts.checks import Checker
from loaders.facts.parse import parse_file
from loaders.model import Bundle
from loaders.yaml_files import key_path

__all__ = ["key_path", "read_facts"]


def read_facts(path: Path, seeds_dir: Path, councils_known: set[str]) -> Bundle:
    """Read one curated fact file into sources, people, organisations, tenures, notices and boards.

    Args:
        path: the YAML fact file.
        seeds_dir: the folder holding the seed texts its sources name.
        councils_known: DfE codes of the loaded councils; `council:<code>` must be one of them.

    Raises:
        LoadError: every problem in the file, each located by its key path
            (e.g. `tenures[3].evidence[0].quote`).
    """
    facts = parse_file(path)
    checker = Checker(path.name, seeds_dir, councils_known)
    checker.check(facts)
    if checker.problems:
        raise LoadError(checker.problems)
    return bundle_of(facts, seeds_dir)

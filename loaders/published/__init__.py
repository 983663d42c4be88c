"""Published evidence: facts read from public web pages (news, GOV.UK notices, council releases).

A published-fact file (facts/published/*.yaml, format in the README's contributor's guide) gives one
council's leaders and DfE interventions, each dated event citing a page by URL, publisher, title and
publication date. The pages are not stored here, so no quote can be checked: every citation is
marked unverified (its source is a `web_page`) and carries the curator's own one-line note instead
of a quote. What the loader can check, it does: every page is a well-formed http(s) URL with a
publisher and a publication date of stated precision; every council resolves; every role, event and
intervention kind is known; no end comes before its start. Problems carry the file, the line and
the key path.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from graph.errors import LoadError, Problem
from loaders.model import Bundle
from loaders.published.build import bundle_of, web_source_id
from loaders.published.checks import problems_in
from loaders.published.models import PublishedFile
from loaders.yaml_files import key_path, read_text, structure_problems, yaml_problem

__all__ = ["read_all_published", "read_published", "web_source_id"]


def read_all_published(folder: Path, councils_known: set[str]) -> Bundle:
    """Every published-fact file in `folder`; the problems of all files are reported together."""
    bundle, problems = Bundle(), []
    for path in sorted(folder.glob("*.yaml")):
        try:
            bundle.extend(read_published(path, councils_known))
        except LoadError as exc:
            problems.extend(exc.problems)
    if problems:
        raise LoadError(problems)
    return bundle


def read_published(path: Path, councils_known: set[str]) -> Bundle:
    """Read one published-fact file into web-page sources, people, tenures and interventions.

    Raises:
        LoadError: every problem in the file, each with its line and key path.
    """
    text = read_text(path)
    raw = _raw(path.name, text)
    try:
        facts = PublishedFile.model_validate(raw)
    except ValidationError as exc:
        lines = _lines(text)
        problems = [
            Problem(path.name, _line(lines, e["loc"]), key_path(e["loc"]), e["msg"]) for e in exc.errors()
        ]
        raise LoadError(problems) from exc
    problems = list(problems_in(path.name, facts, councils_known, _lines(text)))
    if problems:
        raise LoadError(problems)
    return bundle_of(facts, path.stem)


def _line(lines: dict[str, int], loc: tuple[int | str, ...]) -> int | None:
    """The line of a key path, or of its nearest parent when the key itself is missing."""
    for end in range(len(loc), -1, -1):
        line = lines.get(key_path(loc[:end]) or "")
        if line is not None:
            return line
    return None


def _raw(file: str, text: str) -> object:
    problems = structure_problems(file, text)
    if problems:
        raise LoadError(problems)
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise LoadError([yaml_problem(file, text, exc)]) from exc
    if raw is None:
        raise LoadError([Problem(file, 1, None, "the file is empty: expected council and sources")])
    return raw


def _lines(text: str) -> dict[str, int]:
    """The line of every key path in the file, so a problem can name its row."""
    found: dict[str, int] = {}

    def walk(node: yaml.Node, loc: tuple[int | str, ...]) -> None:
        found[key_path(loc) or ""] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                found[key_path((*loc, str(key.value))) or ""] = key.start_mark.line + 1
                walk(value, (*loc, str(key.value)))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*loc, i))

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root, ())
        # A value's own line, not its key's, is the one to fix for a scalar.
    return found

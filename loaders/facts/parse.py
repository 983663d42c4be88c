"""A fact file's text to a FactFile: UTF-8, no aliases, no key twice, bounded depth."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from graph.errors import LoadError, Problem
from loaders.facts.models import FactFile
from loaders.yaml_files import key_path, read_text, structure_problems, yaml_problem


def parse_file(path: Path) -> FactFile:
    text = read_text(path)
    problems = structure_problems(path.name, text)
    if problems:
        raise LoadError(problems)
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise LoadError([yaml_problem(path.name, text, exc)]) from exc
    if raw is None:
        raise LoadError([Problem(path.name, 1, None, "the file is empty: expected council and sources")])
    try:
        return FactFile.model_validate(raw)
    except ValidationError as exc:
        raise LoadError(
            [Problem(path.name, None, key_path(e["loc"]), e["msg"]) for e in exc.errors()]
        ) from exc

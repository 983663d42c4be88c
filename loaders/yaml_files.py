"""A hand-written YAML file read safely: UTF-8 only, no aliases, no key twice, bounded depth.

One reader for every loader of hand-written files (the seed facts, the published evidence), so each
reports a bad file the same way: file, line and key.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from graph.errors import LoadError, Problem

# A fact file nests about five levels deep; far more is a broken or hostile file.
MAX_DEPTH = 20


def read_text(path: Path) -> str:
    """The file as UTF-8 text; a file in another encoding is reported at the line of its first bad byte."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError([Problem(path.name, None, None, f"file not found: {path}")]) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError([Problem(path.name, 1, None, "the file is UTF-16 text; save it as UTF-8")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        reason = (
            f"byte 0x{data[exc.start]:02X} is not UTF-8 (saved as Latin-1 or Windows-1252?); "
            "save the file as UTF-8"
        )
        raise LoadError([Problem(path.name, line, None, reason)]) from exc


def structure_problems(file: str, text: str) -> list[Problem]:
    """Aliases, nesting deeper than MAX_DEPTH and repeated keys, found before anything is built.

    PyYAML shares an aliased value rather than copying it, but validating the result walks every
    share: a few lines of nested aliases (a "billion laughs") would take hours. A fact file has no
    use for aliases, so none is accepted. A repeated key would silently keep only its last value.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1 if event.start_mark else None
            if isinstance(event, yaml.AliasEvent):
                return [Problem(file, line, None, f"an alias (*{event.anchor}); write the value out instead")]
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return [Problem(file, line, None, f"nested deeper than {MAX_DEPTH} levels")]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return list(_repeated_keys(file, yaml.compose(text, Loader=yaml.SafeLoader), ()))
    except yaml.YAMLError as exc:
        return [yaml_problem(file, text, exc)]


def _repeated_keys(file: str, node: yaml.Node | None, loc: tuple[int | str, ...]) -> Iterator[Problem]:
    """Each key given twice in one mapping, at the line of its second use."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            name, line = str(key.value), key.start_mark.line + 1
            if name in seen:
                reason = f"key {name!r} is given twice (lines {seen[name]} and {line}); give it once"
                yield Problem(file, line, key_path((*loc, name)), reason)
            seen.setdefault(name, line)
            yield from _repeated_keys(file, value, (*loc, name))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _repeated_keys(file, item, (*loc, i))


def yaml_problem(file: str, text: str, exc: yaml.YAMLError) -> Problem:
    """A YAML error at its line, in YAML's own words without the echoed snippet."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = text[: exc.position].count("\n") + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return Problem(file, line, None, f"not valid YAML: the character U+{code:04X} is not allowed")
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    reason = f"not valid YAML: {problem}" + (f" ({context})" if context else "")
    return Problem(file, mark.line + 1 if mark else None, None, reason)


def key_path(loc: tuple[int | str, ...]) -> str | None:
    """Pydantic's location as the fact file's key path: ('tenures', 3, 'role') -> 'tenures[3].role'."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or None

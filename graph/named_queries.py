"""Named Cypher files: queries/ (one file per question, shared by the API and researchers) and any
other folder of them, such as the loaders' write statements in loaders/write/.

Each file opens with a header (`// name:`, a description, `// params:` with one `//   name  type
description` line each, `// returns:`), so a researcher can paste it into Neo4j Browser after setting
`:param name => value`. The header must declare exactly the parameters the Cypher uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.errors import QueryFileError
from graph.settings import PROJECT_ROOT

QUERIES_DIR = PROJECT_ROOT / "queries"

_PARAM_LINE = re.compile(r"^//\s{2,}(\w+)\s+(\w+)\s+(.*)$")
_PARAM_USE = re.compile(r"\$(\w+)")
# Comments and string literals are stripped before looking for $names, so a "$x" inside a string
# or a comment is not taken for a parameter.
_STRIP = re.compile(r"//[^\n]*|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """One queries/*.cypher file: its name, what it answers, its parameters and its Cypher."""

    name: str
    description: str
    params: tuple[Param, ...]
    returns: str
    cypher: str

    @property
    def param_names(self) -> set[str]:
        return {p.name for p in self.params}


def parse_query(path: Path) -> NamedQuery:
    """Parse one query file and check its header against its body.

    Raises:
        QueryFileError: the header is missing a part, names another file, or declares parameters
            other than those the Cypher uses.
    """
    text = path.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("//")]
    name, description, params, returns = _read_header(path, header)
    used = set(_PARAM_USE.findall(_STRIP.sub("", text)))
    declared = {p.name for p in params}
    if used != declared:
        raise QueryFileError(
            f"{path.name}: header declares {sorted(declared)} but the Cypher uses {sorted(used)}"
        )
    return NamedQuery(name, description, tuple(params), returns, text)


def _read_header(path: Path, header: list[str]) -> tuple[str, str, list[Param], str]:
    if not header or not header[0].startswith("// name:"):
        raise QueryFileError(f"{path.name}: the first line must be '// name: {path.stem}'")
    name = header[0].removeprefix("// name:").strip()
    if name != path.stem:
        raise QueryFileError(f"{path.name}: its name is '{name}', but a query is named for its file")
    description: list[str] = []
    params: list[Param] = []
    returns = ""
    section = "description"
    for line in header[1:]:
        if line.startswith("// params:"):
            section = "params"
        elif line.startswith("// returns:"):
            section, returns = "returns", line.removeprefix("// returns:").strip()
        elif section == "description":
            description.append(line.removeprefix("//").strip())
        elif section == "params" and (match := _PARAM_LINE.match(line)):
            params.append(Param(*match.groups()))
    if not returns:
        raise QueryFileError(f"{path.name}: the header has no '// returns:' line")
    return name, " ".join(description), params, returns


@cache
def load_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every named query in the folder, by name (read once per process)."""
    return {path.stem: parse_query(path) for path in sorted(folder.glob("*.cypher"))}


def query(name: str, folder: Path = QUERIES_DIR) -> NamedQuery:
    """One named query from `folder` (queries/ unless told).

    Raises:
        QueryFileError: there is no such file, or its header does not match its Cypher.
    """
    queries = load_queries(folder)
    if name not in queries:
        raise QueryFileError(f"no {folder.name}/{name}.cypher")
    return queries[name]

"""Rules of the house that a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast
from pathlib import Path

from graph.settings import PROJECT_ROOT


def imported_modules(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
    return names


def test_the_api_never_imports_the_loaders() -> None:
    for path in (PROJECT_ROOT / "api").rglob("*.py"):
        assert not any(name.split(".")[0] == "loaders" for name in imported_modules(path)), path


def test_the_api_holds_no_inline_cypher() -> None:
    for path in (PROJECT_ROOT / "api").rglob("*.py"):
        text = path.read_text()
        assert "MATCH (" not in text, f"{path}: Cypher belongs in queries/"

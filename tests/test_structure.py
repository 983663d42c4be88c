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


def test_the_graph_layer_knows_nothing_of_the_apis_routes_or_port() -> None:
    # The Browser's post-connect command comes in from settings; settings.py is the one place that
    # knows where the API listens.
    for path in (PROJECT_ROOT / "graph").glob("*.py"):
        if path.name != "settings.py":
            text = path.read_text()
            assert "api_port" not in text, path
            assert "browser-guide" not in text, path


def test_every_error_class_ends_in_error_and_has_the_one_root() -> None:
    for folder in ("api", "graph", "loaders", "cli"):
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.ClassDef):
                    continue
                bases = [b.id for b in node.bases if isinstance(b, ast.Name)]
                if any(b.endswith("Error") or b == "Exception" for b in bases):
                    assert node.name.endswith("Error"), f"{path}: {node.name}"
                if node.name != "ServiceError":
                    assert "Exception" not in bases, f"{path}: {node.name} is not a ServiceError"

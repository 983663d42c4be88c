"""Settings that other code relies on being in a usable form."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.settings import Settings


def test_a_relative_neo4j_home_is_made_absolute_from_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The server and Maven run inside the home folder, so a relative home must not be passed on as is.
    monkeypatch.chdir(tmp_path)
    settings = Settings(_env_file=None, neo4j_home=Path(".neo4j-bench"))  # type: ignore[call-arg]
    assert settings.neo4j_home == tmp_path.resolve() / ".neo4j-bench"

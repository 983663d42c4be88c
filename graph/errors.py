"""Every error this service raises on purpose.

ServiceError
 ├── ServerError                 the local Neo4j server could not be assembled, started or stopped
 │    ├── JavaNotFoundError
 │    ├── MavenNotFoundError
 │    ├── PortInUseError
 │    └── ServerExitedError       Neo4j died while starting; carries the tail of its log
 ├── GraphUnavailableError        no Neo4j answers at the configured URI
 ├── LoadError                    a load found problems; nothing was written
 ├── QueryFileError               a named .cypher file is missing or its header does not match its body
 └── PublicError (api/errors.py)  an error the API shows its clients as it is
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class ServiceError(Exception):
    """Base for every error this service raises on purpose."""


class ServerError(ServiceError):
    """The local Neo4j server could not be assembled, started or stopped."""


class JavaNotFoundError(ServerError):
    """No usable Java (17 or newer) was found."""


class MavenNotFoundError(ServerError):
    """Maven is needed once to fetch Neo4j's jars and was not found."""


class PortInUseError(ServerError):
    """A port Neo4j or the API needs is taken by another process."""


class ServerExitedError(ServerError):
    """Neo4j exited during start; the message ends with the last lines of its log."""


class GraphUnavailableError(ServiceError):
    """No Neo4j answers at the configured URI."""


class QueryFileError(ServiceError):
    """A named query file whose header does not match its Cypher."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located so a researcher can fix it."""

    file: str  # file name as the researcher gave it
    row: int | None  # spreadsheet row (header = 1); None when the whole file is wrong
    field: str | None  # CSV column, "page 3" of a PDF, or a fact file's key
    reason: str  # what was expected

    def __str__(self) -> str:
        where = ", ".join(
            part for part in (self.file, f"row {self.row}" if self.row else "", self.field or "") if part
        )
        return f"{where}: {self.reason}"


class LoadError(ServiceError):
    """Nothing was written. Lists every problem found, so the input is fixed in one pass."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        files = sorted({p.file for p in self.problems})
        super().__init__(f"{len(self.problems)} problem(s) in {', '.join(files)}; nothing was written")

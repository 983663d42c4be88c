"""The errors the API shows to clients as they are; every other error is masked.

PublicError is a ServiceError (graph/errors.py), the one root of every error the service raises.

PublicError
 ├── ServiceUnavailableError   Neo4j did not answer (the response is HTTP 503)
 ├── QueryTimeoutError          Neo4j stopped a query that ran past the API's timeout
 ├── BadArgumentError           an argument outside what the API accepts (page size, date)
 ├── NotFoundError              an id or code that the graph does not hold, where null cannot say so
 └── ExportError                a CSV export refused (unknown question or parameter), with its HTTP status

Their messages are written for the public: they never carry Cypher, URIs or driver text.
"""

from __future__ import annotations

from graph.errors import ServiceError


class PublicError(ServiceError):
    """An error whose message is safe to show to any client."""


class ServiceUnavailableError(PublicError):
    """Neo4j did not answer in time."""

    def __init__(self) -> None:
        super().__init__("service unavailable: the graph database is not answering; try again shortly")


class QueryTimeoutError(PublicError):
    """Neo4j stopped a query that ran past the timeout."""

    def __init__(self) -> None:
        super().__init__("the query took too long and was stopped; ask for less")


class BadArgumentError(PublicError):
    """An argument outside what the API accepts."""


class NotFoundError(PublicError):
    """Something asked for by id or code that the graph does not hold."""


class ExportError(PublicError):
    """A CSV export that cannot be made; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status

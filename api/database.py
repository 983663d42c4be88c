"""The API's only path to Neo4j: named queries, each in a read transaction with a timeout."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, LiteralString

from neo4j import READ_ACCESS, AsyncDriver, AsyncManagedTransaction, unit_of_work
from neo4j.exceptions import ClientError, ServiceUnavailable, SessionExpired

from api.errors import QueryTimeoutError, ServiceUnavailableError
from graph import named_queries

Row = dict[str, Any]

# Beyond the server-side timeout, how long to wait for the driver: a query Neo4j stops at its
# timeout answers within this, so only a Neo4j that does not answer at all reaches it.
CLIENT_GRACE_SECONDS = 2.0


class Database:
    """Runs named queries for the resolvers, read-only and bounded in time."""

    def __init__(self, driver: AsyncDriver, database: str, timeout: float) -> None:
        self._driver = driver
        self._database = database
        self._timeout = timeout
        self._work = _transaction_function(timeout)

    async def named(self, query_name: str, /, **params: Any) -> list[Row]:
        """Every row of the named query in queries/<query_name>.cypher, as plain dicts."""
        # The text comes from a file in queries/, never from a request; values go as parameters.
        cypher: LiteralString = named_queries.query(query_name).cypher
        return await self.read(cypher, params)

    async def read(self, cypher: LiteralString, params: dict[str, Any]) -> list[Row]:
        """Run Cypher in a read transaction; Neo4j refuses any write in it.

        Raises:
            ServiceUnavailableError: Neo4j did not answer (down, or unreachable) in time.
            QueryTimeoutError: Neo4j stopped the query at the timeout.
        """
        try:
            async with asyncio.timeout(self._timeout + CLIENT_GRACE_SECONDS):
                return await self._read(cypher, params)
        except (ServiceUnavailable, SessionExpired, TimeoutError) as exc:
            raise ServiceUnavailableError() from exc
        except ClientError as exc:
            if exc.code is not None and "TransactionTimedOut" in exc.code:
                raise QueryTimeoutError() from exc
            raise

    async def _read(self, cypher: LiteralString, params: dict[str, Any]) -> list[Row]:
        async with self._driver.session(database=self._database, default_access_mode=READ_ACCESS) as session:
            return await session.execute_read(self._work, cypher, params)

    async def content_hash(self) -> str | None:
        """The content hash of the load the graph holds (None before the first load).

        Raises:
            ServiceUnavailableError: Neo4j did not answer in time.
        """
        rows = await self.named("dataset")
        return str(rows[0]["load"]["content_hash"]) if rows else None

    async def reachable(self) -> bool:
        """True when Neo4j answers now (for /health)."""
        try:
            async with asyncio.timeout(self._timeout + CLIENT_GRACE_SECONDS):
                await self._driver.verify_connectivity()
        except (ServiceUnavailable, SessionExpired, TimeoutError, OSError):
            return False
        return True


def _transaction_function(
    timeout: float,
) -> Callable[[AsyncManagedTransaction, LiteralString, dict[str, Any]], Awaitable[list[Row]]]:
    # unit_of_work wraps the function, so each Database gets its own timeout.
    @unit_of_work(timeout=timeout)
    async def fetch(tx: AsyncManagedTransaction, cypher: LiteralString, params: dict[str, Any]) -> list[Row]:
        result = await tx.run(cypher, params)
        return await result.data()

    return fetch

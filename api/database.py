"""The API's only path to Neo4j: named queries, each in a read transaction with a timeout."""

from __future__ import annotations

import asyncio
from typing import Any, LiteralString

from neo4j import READ_ACCESS, AsyncDriver, Query
from neo4j.exceptions import ClientError, ServiceUnavailable, SessionExpired

from api.errors import QueryTimeoutError, ServiceUnavailableError
from graph import named_queries

Row = dict[str, Any]

# Beyond the server-side timeout, how long to wait for the driver: a query Neo4j stops at its
# timeout answers within this, so only a Neo4j that does not answer at all reaches it.
CLIENT_GRACE_SECONDS = 2.0
# Tries of one read when the connection fails under it (see Database._read_retrying).
READ_ATTEMPTS = 3


class Database:
    """Runs named queries for the resolvers, read-only and bounded in time."""

    def __init__(self, driver: AsyncDriver, database: str, timeout: float) -> None:
        self._driver = driver
        self._database = database
        self._timeout = timeout

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
                return await self._read_retrying(cypher, params)
        except (ServiceUnavailable, SessionExpired, TimeoutError) as exc:
            raise ServiceUnavailableError() from exc
        except ClientError as exc:
            if exc.code is not None and "TransactionTimedOut" in exc.code:
                raise QueryTimeoutError() from exc
            raise

    async def _read_retrying(self, cypher: LiteralString, params: dict[str, Any]) -> list[Row]:
        # A read is safe to repeat. After Neo4j restarts, the pool's idle connections are dead and
        # the first query to use one fails; the driver then drops them, and the next try connects
        # afresh. (execute_read retried like this by itself; an auto-commit read does not.)
        for _ in range(READ_ATTEMPTS - 1):
            try:
                return await self._read(cypher, params)
            except (ServiceUnavailable, SessionExpired):
                continue
        return await self._read(cypher, params)

    async def _read(self, cypher: LiteralString, params: dict[str, Any]) -> list[Row]:
        # One auto-commit transaction in READ mode: RUN and PULL go to Neo4j together, one round trip,
        # where a managed transaction (execute_read) adds BEGIN and COMMIT; under load the widget page's
        # five queries spent most of their time there. Neo4j refuses a write in it all the same.
        async with self._driver.session(database=self._database, default_access_mode=READ_ACCESS) as session:
            result = await session.run(Query(cypher, timeout=self._timeout), params)
            keys = result.keys()
            # Every named query returns maps and lists (projections, never nodes), which the driver
            # already gives as dicts and lists; Record.data() would walk each value again to convert
            # graph types (a tenth of the samples under load).
            return [dict(zip(keys, values, strict=True)) for values in await result.values()]

    async def warm(self, query_name: str, timeout: float, /, **params: Any) -> None:
        """Run a named query once so Neo4j plans and caches it before the first request needs it.

        Planning the one-query council page on a cold Neo4j took 2.9 s at load 6 and passed the 10 s
        request timeout at load 12: without this, the first visitor after `make up` waits for it.
        """
        cypher: LiteralString = named_queries.query(query_name).cypher
        async with self._driver.session(database=self._database, default_access_mode=READ_ACCESS) as session:
            result = await session.run(Query(cypher, timeout=timeout), params)
            await result.consume()

    async def content_hash(self) -> str | None:
        """The content hash of the load the graph holds (None before the first load).

        Raises:
            ServiceUnavailableError: Neo4j did not answer in time.
        """
        # Not through named(): this is the answer cache's per-request check, not a question's query.
        rows = await self.read(named_queries.query("content_hash").cypher, {})
        return str(rows[0]["content_hash"]) if rows else None

    async def reachable(self) -> bool:
        """True when Neo4j answers now (for /health)."""
        try:
            async with asyncio.timeout(self._timeout + CLIENT_GRACE_SECONDS):
                await self._driver.verify_connectivity()
        except (ServiceUnavailable, SessionExpired, TimeoutError, OSError):
            return False
        return True

"""Repeat answers: a bounded in-process cache of whole GraphQL answers, and their ETags.

The graph changes only when a load commits, and a load writes the dataset's content hash in the same
transaction, so an answer is fixed for (content hash, document, variables, operation, extensions).
Each request reads the hash (one small read, the `dataset` named query) before it looks here: the
first request after a load sees the new hash, misses, and is answered from the new graph. Old
entries are never asked for again and age out of the LRU.

Under concurrent requests the reads of the hash are shared (HashReads): a request waits for the
next read to start, never joins one already on its way, so it still sees any load that committed
before it arrived, and twenty requests at once cost two reads instead of twenty.

Usage:
    hashes = HashReads(db.content_hash)
    content_hash = await hashes.current()
    answers = AnswerCache(max_bytes=64 * 2**20)
    key = request_key(method, body_or_params)       # None: not a plain single operation
    tag = etag(content_hash, key)                   # the same in every worker and after a restart
    answers.get(tag) / answers.put(tag, body)
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping

import orjson


class AnswerCache:
    """Answer bodies by ETag, least recently used first out once the bytes pass the bound."""

    def __init__(self, max_bytes: int, max_entry_bytes: int = 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        # One huge answer should not push out hundreds of widget pages.
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self._bodies: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0

    def get(self, tag: str) -> bytes | None:
        body = self._bodies.get(tag)
        if body is not None:
            self._bodies.move_to_end(tag)
        return body

    def put(self, tag: str, body: bytes) -> None:
        if len(body) > self.max_entry_bytes or tag in self._bodies:
            return
        self._bodies[tag] = body
        self._size += len(body)
        while self._size > self.max_bytes:
            _, dropped = self._bodies.popitem(last=False)
            self._size -= len(dropped)

    def __len__(self) -> int:
        return len(self._bodies)


class HashReads:
    """The load's content hash, read afresh for every caller, with one read serving all who wait for it."""

    def __init__(self, read: Callable[[], Awaitable[str | None]]) -> None:
        self._read = read
        self._next: asyncio.Future[str | None] | None = None
        self._reading = False

    async def current(self) -> str | None:
        """The hash as of a read that started after this call.

        Raises:
            Whatever the read raises (every caller sharing it gets the same error).
        """
        if self._next is None:
            self._next = asyncio.get_running_loop().create_future()
            if not self._reading:
                self._reading = True
                asyncio.get_running_loop().create_task(self._read_while_asked())
        # Shielded: one caller giving up (a client gone) must not cancel the read for the others.
        return await asyncio.shield(self._next)

    async def _read_while_asked(self) -> None:
        try:
            while self._next is not None:
                waiting, self._next = self._next, None
                try:
                    waiting.set_result(await self._read())
                except Exception as exc:  # handed to every caller waiting for this read
                    waiting.set_exception(exc)
        finally:
            self._reading = False


def request_key(method: str, data: object) -> bytes | None:
    """What fixes an answer besides the graph, from a GET's query parameters or a POST's JSON body.

    None for anything but one operation with a text document (batches, bad shapes): those go the
    ordinary way and get its errors.
    """
    if not isinstance(data, Mapping):
        return None
    query = data.get("query")
    if not isinstance(query, str):
        return None
    variables = data.get("variables")
    if method == "GET" and isinstance(variables, str):
        # GET carries variables as JSON text; equal values in another spelling are one answer.
        try:
            variables = orjson.loads(variables)
        except orjson.JSONDecodeError:
            return None
    try:
        return orjson.dumps(
            [query, variables, data.get("operationName"), data.get("extensions")],
            option=orjson.OPT_SORT_KEYS,
        )
    except TypeError:
        return None


def etag(content_hash: str, key: bytes) -> str:
    """A strong ETag for this answer of this load."""
    digest = hashlib.blake2b(content_hash.encode() + b"\0" + key, digest_size=16)
    return f'"{digest.hexdigest()}"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """True when an If-None-Match header names this ETag (or is `*`)."""
    if not if_none_match:
        return False
    candidates = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return tag in candidates or "*" in candidates

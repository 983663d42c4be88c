"""Repeat answers: a bounded in-process cache of whole GraphQL answers, and their ETags.

The graph changes only when a load commits, and a load writes the dataset's content hash in the same
transaction, so an answer is fixed for (content hash, document, variables, operation, extensions).
Each request reads the hash (one small read, the `dataset` named query) before it looks here: the
first request after a load sees the new hash, misses, and is answered from the new graph. Old
entries are never asked for again and age out of the LRU.

Under concurrent requests the reads of the hash are shared (HashReads): a request waits for the
next read to start, never joins one already on its way, so it still sees any load that committed
before it arrived, and twenty requests at once cost two reads instead of twenty.

RepeatAnswers is the cache's place in the app: an ASGI middleware in front of routing and GraphQL, so
a repeat costs the read of the hash and little else.

Usage:
    app.add_middleware(RepeatAnswers, path="/graphql", answers=AnswerCache(64 * 2**20),
                       hashes=lambda scope: scope["app"].state.hashes, cache_control="public, max-age=300")
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
from urllib.parse import parse_qsl

import orjson
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import PublicError
from api.limits import read_body, replay


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


# How many GET query strings RepeatAnswers remembers the key of (a few MB at most).
GET_KEYS = 512


class RepeatAnswers:
    """ASGI middleware answering repeats of GraphQL requests from an AnswerCache, and keeping answers.

    A GET or a JSON POST to `path` that is one operation gets its ETag from the load's content hash;
    a GET whose If-None-Match names it gets 304, a kept answer is sent as it is, and otherwise the app
    answers and a 200 without errors (the app sets `clean_answer` in the request's state) is kept and
    sent with its ETag. Anything else, or a hash that cannot be read (Neo4j down or slow), goes to the
    app untouched, which answers with its own errors.
    """

    def __init__(
        self,
        app: ASGIApp,
        path: str,
        answers: AnswerCache,
        hashes: Callable[[Scope], HashReads],
        cache_control: str,
    ) -> None:
        self.app = app
        self.path = path
        self.answers = answers
        self.hashes = hashes
        self.cache_control = cache_control.encode()
        self._get_keys: OrderedDict[bytes, bytes | None] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path or scope["method"] not in ("GET", "POST"):
            await self.app(scope, receive, send)
            return
        get = scope["method"] == "GET"
        headers = Headers(scope=scope)
        if get:
            key = self._get_key(scope["query_string"])
        elif "json" in headers.get("content-type", ""):
            # BodySizeLimit, outermost, has read and bounded the body already.
            body = await read_body(receive) or b""
            receive = replay(body, receive)
            try:
                key = request_key("POST", orjson.loads(body))
            except orjson.JSONDecodeError:
                key = None
        else:
            key = None
        content_hash = None if key is None else await self._content_hash(scope)
        if key is None or content_hash is None:
            await self.app(scope, receive, send)
            return
        tag = etag(content_hash, key)
        tagged = [(b"etag", tag.encode())]
        if get:
            tagged.append((b"cache-control", self.cache_control))
            if matches(headers.get("if-none-match"), tag):
                await send({"type": "http.response.start", "status": 304, "headers": tagged})
                await send({"type": "http.response.body", "body": b""})
                return
        kept = self.answers.get(tag)
        if kept is not None:
            start = [(b"content-type", b"application/json"), (b"content-length", str(len(kept)).encode())]
            await send({"type": "http.response.start", "status": 200, "headers": start + tagged})
            await send({"type": "http.response.body", "body": kept})
            return
        await self._answer_and_keep(scope, receive, send, tag)

    def _get_key(self, query_string: bytes) -> bytes | None:
        # A widget's GET carries its whole document (about 9 KB), and decoding it was a measurable
        # share of a repeat; the same bytes always give the same key.
        if query_string in self._get_keys:
            self._get_keys.move_to_end(query_string)
            return self._get_keys[query_string]
        # As Starlette reads a query string (the last value of a repeated name counts).
        key = request_key("GET", dict(parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)))
        self._get_keys[query_string] = key
        if len(self._get_keys) > GET_KEYS:
            self._get_keys.popitem(last=False)
        return key

    async def _answer_and_keep(self, scope: Scope, receive: Receive, send: Send, tag: str) -> None:
        # The app writes `clean_answer` into this dict (Starlette's request.state is backed by it).
        state = scope.setdefault("state", {})
        chunks: list[bytes] = []
        keep = False

        async def sending(message: Message) -> None:
            nonlocal keep
            if message["type"] == "http.response.start":
                keep = message["status"] == 200 and bool(state.get("clean_answer"))
                if keep:
                    headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"etag"]
                    message = {**message, "headers": [*headers, (b"etag", tag.encode())]}
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, sending)
        if keep:
            self.answers.put(tag, b"".join(chunks))

    async def _content_hash(self, scope: Scope) -> str | None:
        try:
            return await self.hashes(scope).current()
        except PublicError:
            # Neo4j down or slow: the ordinary path answers, with its 503 or timeout error.
            return None

"""How much one request may ask of the API: query shape, page size, body size and time."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from graphql import ASTValidationRule
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, SchemaExtension
from strawberry.extensions.max_aliases import create_validator as aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule


@dataclass(frozen=True)
class Limits:
    """The bounds every request is held to (the defaults suit a public endpoint)."""

    max_depth: int = 10
    max_tokens: int = 2000
    max_aliases: int = 15
    max_page_size: int = 100
    default_page_size: int = 20
    max_body_bytes: int = 64 * 1024
    query_timeout_seconds: float = 10.0
    max_export_rows: int = 5000  # a CSV export walks pages of max_page_size up to this


def limit_extensions(limits: Limits) -> list[Callable[[], SchemaExtension]]:
    """Factories for the depth, alias and token limits, built so the validation cache still hits.

    QueryDepthLimiter and MaxAliasesLimiter build a new rule class in their __init__, and strawberry
    now builds extensions per request, so passing them as factories gives every request a new
    class and the validation cache never hits (strawberry issue #4635); passing instances is
    deprecated. The rule classes are built here once, and each request gets a fresh
    AddValidationRules holding the same classes.
    """
    rules: list[type[ASTValidationRule]] = [
        depth_rule(limits.max_depth, None),
        aliases_rule(limits.max_aliases),
    ]
    return [
        lambda: AddValidationRules(rules),
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
    ]


class BodySizeLimit:
    """ASGI middleware reading each request body whole: 413 over the limit (declared or streamed), and
    400 for a JSON body that is not a UTF-8 JSON object, which strawberry would answer with a 500."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        # Read whole (it is small by then) so a chunked body without a length is bounded too.
        body = await read_body(receive, self.max_bytes)
        if body is None:
            await self._refuse(send)
            return
        if headers.get(b"content-type", b"").startswith(b"application/json") and not _json_object(body):
            await _answer(send, 400, 'the request body must be a JSON object, like {"query": "{ ... }"}')
            return
        await self.app(scope, replay(body, receive), send)

    async def _refuse(self, send: Send) -> None:
        await _answer(send, 413, f"request body too large: the limit is {self.max_bytes} bytes")


def _json_object(body: bytes) -> bool:
    """True for an empty body (nothing for strawberry to misread) or UTF-8 JSON holding an object."""
    if not body:
        return True
    try:
        return isinstance(json.loads(body.decode("utf-8")), dict)
    except (UnicodeDecodeError, ValueError):
        return False


async def _answer(send: Send, status: int, message: str) -> None:
    body = json.dumps({"errors": [{"message": message}]}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def read_body(receive: Receive, max_bytes: int | None = None) -> bytes | None:
    """A request's whole body, or None once it passes max_bytes (None: no bound here)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if max_bytes is not None and size > max_bytes:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def replay(body: bytes, receive: Receive) -> Receive:
    """The receive channel again: the body already read, then whatever comes after it."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed

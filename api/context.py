"""Per-request context: the database path and one set of DataLoaders, so lists cost one query."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from api.database import Database, Row
from api.limits import Limits

T = TypeVar("T")


class Context(BaseContext):
    """What every resolver gets in `info.context` (request and response are set by strawberry)."""

    def __init__(self, db: Database, limits: Limits) -> None:
        super().__init__()
        self.db = db
        self.limits = limits
        self.council = DataLoader(_each(db, "council", "code", _first))
        self.inspection = DataLoader(_by_key(db, "inspections", "inspection_ids", _inspection_id))
        self.tenure = DataLoader(_by_key(db, "tenures", "tenure_ids", _tenure_id))
        self.source = DataLoader(_by_key(db, "sources", "source_ids", _source_id))
        self.council_inspections = DataLoader(
            _grouped(db, "councils_inspections", "council_codes", _council_code)
        )
        self.council_tenures = DataLoader(_grouped(db, "councils_leaders", "council_codes", _council_code))
        self.notices_boards = DataLoader(
            _by_key(db, "council_notices_boards", "council_codes", _council_code)
        )
        self.career = DataLoader(_each(db, "person_career", "person_id", list))


def _council_code(row: Row) -> str:
    return str(row["council_code"])


def _inspection_id(row: Row) -> str:
    return str(row["inspection"]["id"])


def _tenure_id(row: Row) -> str:
    return str(row["tenure"]["id"])


def _source_id(row: Row) -> str:
    return str(row["source"]["id"])


def _first(rows: list[Row]) -> Row | None:
    return rows[0] if rows else None


def _by_key(
    db: Database, query: str, param: str, key: Callable[[Row], str]
) -> Callable[[list[str]], Awaitable[Sequence[Row | None]]]:
    """A batch function: one query for every key, one row (or None) per key."""

    async def load(keys: list[str]) -> list[Row | None]:
        rows = {key(row): row for row in await db.named(query, **{param: keys})}
        return [rows.get(k) for k in keys]

    return load


def _grouped(
    db: Database, query: str, param: str, key: Callable[[Row], str]
) -> Callable[[list[str]], Awaitable[Sequence[list[Row]]]]:
    """A batch function: one query for every key, the rows of each key in the query's order."""

    async def load(keys: list[str]) -> list[list[Row]]:
        groups: dict[str, list[Row]] = defaultdict(list)
        for row in await db.named(query, **{param: keys}):
            groups[key(row)].append(row)
        return [groups[k] for k in keys]

    return load


def _each(
    db: Database, query: str, param: str, shape: Callable[[list[Row]], T]
) -> Callable[[list[str]], Awaitable[Sequence[T]]]:
    """A batch function for a single-key query: one query per key, run concurrently."""

    async def load(keys: list[str]) -> list[T]:
        results = await asyncio.gather(*(db.named(query, **{param: k}) for k in keys))
        return [shape(rows) for rows in results]

    return load

"""Per-request context: the database path and one set of DataLoaders, so lists cost one query."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from functools import cached_property
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from api.database import Database, Row
from api.limits import Limits


class Context(BaseContext):
    """What every resolver gets in `info.context` (request and response are set by strawberry)."""

    def __init__(self, db: Database, limits: Limits) -> None:
        super().__init__()
        self.db = db
        self.limits = limits
        # A council page asked in this request (queries/council_page), for the dataset field to share.
        self.page: asyncio.Future[list[Row]] | None = None

    # Each loader is made when a resolver first asks for it: most requests use one or two, and making
    # all eight for every request was a measurable share of a small request (bench/profile.py).
    @cached_property
    def council(self) -> DataLoader[str, Row | None]:
        return DataLoader(_by_key(self.db, "council", "codes", _asked_code))

    @cached_property
    def inspection(self) -> DataLoader[str, Row | None]:
        return DataLoader(_by_key(self.db, "inspections", "inspection_ids", _inspection_id))

    @cached_property
    def source(self) -> DataLoader[str, Row | None]:
        return DataLoader(_by_key(self.db, "sources", "source_ids", _source_id))

    @cached_property
    def council_inspections(self) -> DataLoader[str, list[Row]]:
        return DataLoader(_grouped(self.db, "councils_inspections", "council_codes", _council_code))

    @cached_property
    def council_tenures(self) -> DataLoader[str, list[Row]]:
        return DataLoader(_grouped(self.db, "councils_leaders", "council_codes", _council_code))

    @cached_property
    def notices_boards(self) -> DataLoader[str, Row | None]:
        return DataLoader(_by_key(self.db, "council_notices_boards", "council_codes", _council_code))

    @cached_property
    def career(self) -> DataLoader[str, list[Row]]:
        return DataLoader(_grouped(self.db, "people_careers", "person_ids", _person_id))

    @cached_property
    def answers(self) -> DataLoader[str, list[Row]]:
        return DataLoader(
            _grouped(self.db, "leadership_answers", "inspection_ids", answer_inspection, council_code=None)
        )


def _asked_code(row: Row) -> str:
    return str(row["code"])


def _person_id(row: Row) -> str:
    return str(row["person_id"])


def _council_code(row: Row) -> str:
    return str(row["council_code"])


def _inspection_id(row: Row) -> str:
    return str(row["inspection"]["id"])


def answer_inspection(row: Row) -> str:
    return str(row["inspection_id"])


def _source_id(row: Row) -> str:
    return str(row["source"]["id"])


def _by_key(
    db: Database, query: str, param: str, key: Callable[[Row], str]
) -> Callable[[list[str]], Awaitable[Sequence[Row | None]]]:
    """A batch function: one query for every key, one row (or None) per key."""

    async def load(keys: list[str]) -> list[Row | None]:
        rows = {key(row): row for row in await db.named(query, **{param: keys})}
        return [rows.get(k) for k in keys]

    return load


def _grouped(
    db: Database, query: str, param: str, key: Callable[[Row], str], **fixed: Any
) -> Callable[[list[str]], Awaitable[Sequence[list[Row]]]]:
    """A batch function: one query for every key (with the query's other parameters fixed), the rows
    of each key in the query's order."""

    async def load(keys: list[str]) -> list[list[Row]]:
        groups = grouped(await db.named(query, **fixed, **{param: keys}), key)
        return [groups[k] for k in keys]

    return load


def grouped(rows: list[Row], key: Callable[[Row], str]) -> defaultdict[str, list[Row]]:
    """Rows by key, each key's rows in the order given; a key without rows has an empty list."""
    groups: defaultdict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return groups

"""Paging shared by every connection: page info, opaque offset cursors and the page-size bound."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import TypeVar

import strawberry

from api.errors import BadArgumentError
from api.limits import Limits

T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


def page_info(cursors: list[str], skip: int, total: int) -> PageInfo:
    """The page info of one page of `total` matches that starts after `skip` of them."""
    return PageInfo(
        has_next_page=skip + len(cursors) < total,
        has_previous_page=skip > 0,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )


def page_size(first: int | None, limits: Limits) -> int:
    """How many items to return: `first`, else the default page size.

    Raises:
        BadArgumentError: `first` is negative or above the page-size cap.
    """
    size = limits.default_page_size if first is None else first
    if not 0 <= size <= limits.max_page_size:
        raise BadArgumentError(f"first must be between 0 and {limits.max_page_size}")
    return size


def encode_cursor(offset: int, kind: str = "council") -> str:
    """An opaque cursor for the item of this kind at this position in the ordered matches."""
    return base64.urlsafe_b64encode(f"{kind}:{offset}".encode()).decode()


def decode_cursor(cursor: str, kind: str = "council") -> int:
    """The position a cursor stands for.

    Raises:
        BadArgumentError: not a cursor this API gave out for this kind of list.
    """
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        prefix, offset = text.split(":")
        if prefix == kind and offset.isdigit():
            return int(offset)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise BadArgumentError("after is not a cursor from this API")


def slice_after(
    items: list[T], item_id: Callable[[T], str], first: int | None, after: str | None, limits: Limits
) -> list[T]:
    """The items after the one whose id is `after` (all when None), at most `first` (all when None).

    Raises:
        BadArgumentError: `first` above the page-size cap, or `after` not the id of an item here.
    """
    start = 0
    if after is not None:
        ids = [item_id(i) for i in items]
        if after not in ids:
            raise BadArgumentError("after must be the id of an item in this list (the last one you have)")
        start = ids.index(after) + 1
    if first is None:
        return items[start:]
    return items[start : start + page_size(first, limits)]

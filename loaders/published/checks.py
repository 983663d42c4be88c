"""What the loader can check of a published-fact file, each problem with its line and key path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import get_args
from urllib.parse import urlsplit

from graph.errors import Problem
from loaders.dates import is_partial_date
from loaders.model import Precision
from loaders.people import clean_name, person_slug
from loaders.published.models import (
    CLOSES,
    OPENS,
    ROLES,
    EventModel,
    InterventionEvent,
    InterventionKind,
    LeaderEvent,
    PublishedFile,
)

Report = Callable[[str, str], Problem]


def problems_in(
    file: str, facts: PublishedFile, councils: set[str], lines: dict[str, int]
) -> Iterator[Problem]:
    """Every problem in a parsed file; `lines` maps key paths to their line."""
    return _problems(file, facts, councils, lines)


def _problems(
    file: str, facts: PublishedFile, councils: set[str], lines: dict[str, int]
) -> Iterator[Problem]:
    def problem(key: str, reason: str) -> Problem:
        return Problem(file, lines.get(key), key, reason)

    if facts.council not in councils:
        yield problem("council", f"unknown council: no council has DfE code {facts.council!r}")
    keys = [s.key for s in facts.sources]
    for i, page in enumerate(facts.sources):
        at = f"sources[{i}]"
        if keys.index(page.key) != i:
            yield problem(f"{at}.key", f"duplicate source key {page.key!r}")
        if (reason := url_problem(page.url)) is not None:
            yield problem(f"{at}.url", reason)
        if (reason := date_problem(page.published, page.published_precision)) is not None:
            yield problem(f"{at}.published", reason)
        if (reason := date_problem(page.read, "day")) is not None:
            yield problem(f"{at}.read", reason)
    for i, tenure in enumerate(facts.tenures):
        at = f"tenures[{i}]"
        if tenure.role not in ROLES:
            yield problem(f"{at}.role", f"unknown role {tenure.role!r}; expected one of {', '.join(ROLES)}")
        if not person_slug(clean_name(tenure.person)):
            yield problem(f"{at}.person", f"no name left after removing titles: {tenure.person!r}")
        yield from _event_problems(problem, at, tenure.events, get_args(LeaderEvent), set(keys))
        yield from _order_problems(problem, at, tenure.events, {"took_up_post"}, {"left"})
        for j, previous in enumerate(tenure.previous):
            if previous.source not in keys:
                yield problem(f"{at}.previous[{j}].source", f"unknown source key {previous.source!r}")
            if previous.la_code is not None and previous.la_code not in councils:
                yield problem(f"{at}.previous[{j}].la_code", f"unknown council {previous.la_code!r}")
    for i, item in enumerate(facts.interventions):
        at = f"interventions[{i}]"
        if item.kind not in get_args(InterventionKind):
            kinds = ", ".join(get_args(InterventionKind))
            yield problem(f"{at}.kind", f"unknown intervention kind {item.kind!r}; expected one of {kinds}")
        yield from _event_problems(problem, at, item.events, get_args(InterventionEvent), set(keys))
        yield from _order_problems(problem, at, item.events, OPENS, CLOSES)


def _event_problems(
    problem: Report, at: str, events: list[EventModel], kinds: tuple[str, ...], keys: set[str]
) -> Iterator[Problem]:
    if not events:
        yield problem(f"{at}.events", "at least one dated event is needed")
    for j, event in enumerate(events):
        key = f"{at}.events[{j}]"
        if event.kind not in kinds:
            yield problem(f"{key}.kind", f"unknown event {event.kind!r}; expected one of {', '.join(kinds)}")
        if event.source not in keys:
            yield problem(f"{key}.source", f"unknown source key {event.source!r}")
        if (reason := date_problem(event.date, event.precision)) is not None:
            yield problem(f"{key}.date", reason)


def _order_problems(
    problem: Report, at: str, events: list[EventModel], opens: set[str], closes: set[str]
) -> Iterator[Problem]:
    starts = [e.date for e in events if e.kind in opens and e.certainty == "stated"]
    for j, event in enumerate(events):
        if (
            event.kind in closes
            and event.certainty == "stated"
            and starts
            and _before(event.date, min(starts))
        ):
            yield problem(f"{at}.events[{j}].date", f"ends ({event.date}) before it starts ({min(starts)})")


def _before(a: str, b: str) -> bool:
    """True when a is wholly before b, comparing at the coarser of the two precisions."""
    width = min(len(a), len(b))
    return a[:width] < b[:width]


def url_problem(url: str) -> str | None:
    """Why a URL is not a well-formed web address, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in url:
        return f"expected a web address like https://www.example.org/page, got {url!r}"
    return None


def date_problem(value: str, precision: Precision) -> str | None:
    examples = {"day": "2017-06-13", "month": "2017-06", "year": "2017"}
    if not is_partial_date(value, precision):
        return f"expected a {precision} date like {examples[precision]}, got {value!r}"
    if value > date.today().isoformat():
        return f"{value} is in the future"
    return None

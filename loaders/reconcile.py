"""Merge every source's statements about inspections into one Inspection per real event.

Statements are the same event when they name the same council, compatible kinds (a full inspection and
a re-inspection may be one event, since the report scrape cannot tell them apart; focused visits only
with focused visits; monitoring visits only with monitoring visits) and their publication dates, or
their start dates, are at most a week apart. Matching is transitive: a latest-judgements row that gives
only the start date joins the history rows that give only the publication date through a row that
gives both.

The merged event takes each field from the highest-priority source that has it (report 3, letter or
statistics 2, scrape 1), keeps every statement's citation, and writes the disagreements out as plain
sentences for researchers; a judgement whose sources differ is marked as a conflict.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from typing import get_args

from graph.errors import Problem
from loaders.model import (
    Area,
    Citation,
    Grade,
    Inspection,
    InspectionKind,
    InspectionStatement,
    Judgement,
    JudgementStatement,
)

MATCH_DAYS = 7

# A framework name that says only "a full inspection": any named framework is more specific.
GENERIC_FRAMEWORK = "full inspection"

# Kinds that may be one event: the report scrape calls a SIF re-inspection an inspection.
KIND_FAMILY: dict[InspectionKind, str] = {
    "inspection": "graded",
    "reinspection": "graded",
    "focused_visit": "focused_visit",
    "monitoring_visit": "monitoring_visit",
}

AREA_ORDER = {area: n for n, area in enumerate(get_args(Area))}
COMBINED_CARE: Area = "children_in_care_and_care_leavers"
SEPARATE_CARE: set[Area] = {"children_in_care", "care_leavers"}

FIELDS: tuple[tuple[str, str], ...] = (
    ("start_date", "start date"),
    ("end_date", "end date"),
    ("published_date", "publication date"),
    ("lead_inspector", "lead inspector"),
    ("report_url", "report URL"),
    ("theme", "theme"),
)


def reconcile(statements: list[InspectionStatement]) -> tuple[list[Inspection], list[Problem]]:
    """Merge statements into one Inspection per real event, sorted by council, date and kind.

    Args:
        statements: every source's inspection statements.

    Returns:
        The merged inspections, and the problems: a statement with no date (which cannot be placed)
        and two separate events that would share an id.
    """
    problems = [
        _problem(s.citation, "an inspection statement with no start or publication date")
        for s in statements
        if not (s.start_date or s.published_date)
    ]
    dated = [s for s in statements if s.start_date or s.published_date]
    inspections = sorted((merge_event(event) for event in group_events(dated)), key=_sort_key)
    problems += duplicate_ids(inspections)
    return inspections, problems


def group_events(statements: list[InspectionStatement]) -> list[list[InspectionStatement]]:
    """Group the statements of each real event, joining every pair that matches (union-find)."""
    parent = list(range(len(statements)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        buckets[(s.council_code, KIND_FAMILY[s.kind])].append(i)
    for members in buckets.values():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if same_dates(statements[i], statements[j]):
                    parent[root(j)] = root(i)
    groups: dict[int, list[InspectionStatement]] = defaultdict(list)
    for i, s in enumerate(statements):
        groups[root(i)].append(s)
    return list(groups.values())


def same_dates(a: InspectionStatement, b: InspectionStatement) -> bool:
    """Publication dates, or start dates, at most a week apart."""
    return _close(a.published_date, b.published_date) or _close(a.start_date, b.start_date)


def _close(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= MATCH_DAYS


def ranked(statements: list[InspectionStatement]) -> list[InspectionStatement]:
    """Highest priority first. Ties go to the later-named source, then the earlier row.

    The statistics files are named by edition (csc2023, laio2024, laio2025) and a newer edition
    corrects an older one (the 2025 notes correct Staffordshire's 2023 care-leavers grade), so among
    equal priorities the later name wins; the order is the same on every run.
    """
    order = sorted(statements, key=lambda s: s.citation.row or 0)
    order.sort(key=lambda s: s.citation.source_id, reverse=True)
    order.sort(key=lambda s: s.priority, reverse=True)
    return order


def merge_event(statements: list[InspectionStatement]) -> Inspection:
    """One Inspection from the statements of one event."""
    order = ranked(statements)
    best = order[0]
    kind: InspectionKind = "reinspection" if any(s.kind == "reinspection" for s in order) else best.kind
    framework, framework_conflict = merged_framework(order)
    values = {name: _first(order, name) for name, _ in FIELDS}
    inspection_id = (
        f"{best.council_code}/{kind}/{_id_date(kind, values['start_date'], values['published_date'])}"
    )
    judgements = merge_judgements(inspection_id, order)
    conflicts = [sentence for name, label in FIELDS if (sentence := field_conflict(order, name, label))]
    conflicts += [s for s in (framework_conflict, care_area_conflict(judgements)) if s]
    return Inspection(
        id=inspection_id,
        council_code=best.council_code,
        kind=kind,
        framework=framework,
        start_date=values["start_date"],
        end_date=values["end_date"],
        published_date=values["published_date"],
        lead_inspector=values["lead_inspector"],
        report_url=values["report_url"],
        theme=values["theme"],
        inspectors=list(next((s.inspectors for s in order if s.inspectors), ())),
        overall=_overall(judgements),
        judgements=judgements,
        citations=[s.citation for s in order] + [c for s in order for c in s.extra_citations],
        conflicts=conflicts,
    )


def _first(order: list[InspectionStatement], name: str) -> str | None:
    return next((value for s in order if (value := getattr(s, name)) is not None), None)


def _id_date(kind: InspectionKind, start: str | None, published: str | None) -> str | None:
    # Graded inspections are known by the day their report came out; visits by the day they began.
    return (published or start) if KIND_FAMILY[kind] == "graded" else (start or published)


def merged_framework(order: list[InspectionStatement]) -> tuple[str, str | None]:
    """The most specific framework named, and a sentence when sources name incompatible ones.

    "SIF re-inspection" refines "SIF", "ILACS standard" refines "ILACS", and any name refines the
    generic "full inspection"; "ILACS standard" and "ILACS short" disagree, and then the
    highest-priority source's name stands.
    """
    names = list(dict.fromkeys(s.framework for s in order))
    specific = [n for n in names if not any(_refines(other, n) for other in names)]
    if len(specific) == 1:
        return specific[0], None
    sources = [(s.framework, s.citation) for s in order if s.framework in specific]
    return specific[0], _disagreement("framework", sources)


def _refines(a: str, b: str) -> bool:
    return a != b and (b == GENERIC_FRAMEWORK or a.startswith(b + " "))


def field_conflict(order: list[InspectionStatement], name: str, label: str) -> str | None:
    """A sentence naming each value of `name` the sources give, or None when they agree."""
    stated = [(value, s.citation) for s in order if (value := getattr(s, name)) is not None]
    if len({value for value, _ in stated}) < 2:
        return None
    return _disagreement(label, stated)


def _disagreement(label: str, stated: list[tuple[str, Citation]]) -> str:
    by_value: dict[str, list[str]] = defaultdict(list)
    for value, citation in stated:
        by_value[value].append(_where(citation))
    parts = [f"{value} ({', '.join(dict.fromkeys(places))})" for value, places in by_value.items()]
    return f"Sources disagree on the {label}: {'; '.join(parts)}."


def _where(citation: Citation) -> str:
    source = citation.source_id.removeprefix("data:")
    return f"{source} row {citation.row}" if citation.row else source


def merge_judgements(inspection_id: str, order: list[InspectionStatement]) -> list[Judgement]:
    """One Judgement per area: the highest-priority grade, every source's citation with its value."""
    by_area: dict[Area, list[JudgementStatement]] = defaultdict(list)
    for statement in order:
        for j in statement.judgements:
            by_area[j.area].append(j)
    return [
        Judgement(
            id=f"{inspection_id}/{area}",
            area=area,
            grade=stated[0].grade,
            wording=stated[0].wording,
            citations=[replace(j.citation, value=j.wording) for j in stated],
            conflict=len({j.grade for j in stated}) > 1,
        )
        for area, stated in sorted(by_area.items(), key=lambda item: AREA_ORDER[item[0]])
    ]


def care_area_conflict(judgements: list[Judgement]) -> str | None:
    """A sentence when one source grades care leavers with children in care and another apart."""
    areas = {j.area for j in judgements}
    if COMBINED_CARE in areas and areas & SEPARATE_CARE:
        return (
            "Sources disagree on whether children in care and care leavers were judged together "
            "or separately; both are kept."
        )
    return None


def _overall(judgements: list[Judgement]) -> Grade | None:
    return next((j.grade for j in judgements if j.area == "overall_effectiveness"), None)


def _sort_key(inspection: Inspection) -> tuple[str, str, str, str]:
    day = _id_date(inspection.kind, inspection.start_date, inspection.published_date) or ""
    return (inspection.council_code, day, inspection.kind, inspection.id)


def duplicate_ids(inspections: list[Inspection]) -> list[Problem]:
    """Two events that did not match but would share an id (council, kind and date)."""
    first: dict[str, Inspection] = {}
    problems: list[Problem] = []
    for inspection in inspections:
        if inspection.id in first:
            other = _where(first[inspection.id].citations[0])
            problems.append(
                _problem(
                    inspection.citations[0],
                    f"another event ({other}) has the same id {inspection.id} but dates that do not match",
                )
            )
        first.setdefault(inspection.id, inspection)
    return problems


def _problem(citation: Citation, reason: str) -> Problem:
    return Problem(citation.source_id.removeprefix("data:"), citation.row, citation.field, reason)

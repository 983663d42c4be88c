"""Joining what several sources say about one thing, and checking that every reference resolves."""

from __future__ import annotations

from dataclasses import replace

from graph.errors import Problem
from loaders.model import (
    CITED_KINDS,
    Bundle,
    Citation,
    Content,
    InterventionRecord,
    OrganisationRecord,
    PersonRecord,
    SourceRecord,
    TenureRecord,
)


def merge_duplicates(bundle: Bundle, problems: list[Problem]) -> Bundle:
    """One record per id: identical sources collapse; people and tenures pool their citations."""
    merged = Bundle(
        councils=bundle.councils,
        inspections=bundle.inspections,
        organisations=_unique_organisations(bundle.organisations, problems),
        notices=bundle.notices,
        boards=bundle.boards,
        interventions=_merge_interventions(bundle.interventions),
    )
    merged.sources = _unique_sources(bundle.sources, problems)
    merged.tenures = merge_tenures(bundle.tenures)
    merged.people = _merge_people(bundle.people)
    # A person is cited by the evidence that names them: their tenures' citations, unless the
    # source gave the person citations of their own.
    for person in merged.people:
        if not person.citations:
            person.citations = [c for t in merged.tenures if t.person_id == person.id for c in t.citations]
    return merged


def _unique_sources(sources: list[SourceRecord], problems: list[Problem]) -> list[SourceRecord]:
    by_id: dict[str, SourceRecord] = {}
    for source in sources:
        seen = by_id.setdefault(source.id, source)
        if seen != source:
            problems.append(
                Problem(
                    source.file or source.id, None, "source", f"two different sources share id {source.id}"
                )
            )
    return list(by_id.values())


def _unique_organisations(
    organisations: list[OrganisationRecord], problems: list[Problem]
) -> list[OrganisationRecord]:
    by_id: dict[str, OrganisationRecord] = {}
    for org in organisations:
        if org.id in by_id and by_id[org.id].name != org.name:
            problems.append(Problem("organisations", None, org.id, f"two organisations share id {org.id}"))
            continue
        if org.id in by_id:
            by_id[org.id].citations.extend(org.citations)
        else:
            by_id[org.id] = replace(org, citations=list(org.citations))
    return list(by_id.values())


def _merge_interventions(interventions: list[InterventionRecord]) -> list[InterventionRecord]:
    """Two files describing the same intervention (same council, kind and start) become one node."""
    by_id: dict[str, InterventionRecord] = {}
    for item in interventions:
        seen = by_id.get(item.id)
        if seen is None:
            by_id[item.id] = replace(item, citations=list(item.citations), people=list(item.people))
            continue
        seen.citations.extend(c for c in item.citations if c not in seen.citations)
        seen.people.extend(p for p in item.people if p not in seen.people)
        seen.name = seen.name or item.name
        seen.end = seen.end or item.end
    return list(by_id.values())


def _merge_people(people: list[PersonRecord]) -> list[PersonRecord]:
    by_id: dict[str, PersonRecord] = {}
    for person in people:
        if person.id in by_id:
            by_id[person.id].citations.extend(person.citations)
        else:
            by_id[person.id] = replace(person, citations=list(person.citations))
    return list(by_id.values())


def merge_tenures(tenures: list[TenureRecord]) -> list[TenureRecord]:
    """Join the tenures that are evidently one: same named person, role and organisation, interim
    status that does not disagree (unknown agrees with either), and no other holder of that post
    evidenced in between.

    This is how a DCS appointment announced in a news article meets the letters later addressed to
    that DCS. Tenures of unnamed holders are never joined: nothing shows they are one person. A
    holder who left and came back (A, then B, then A) keeps two tenures, so B's time is not covered.
    """
    merged: list[TenureRecord] = []
    for tenure in tenures:
        twin = next(
            (m for m in merged if _same_post(m, tenure) and not _other_between(m, tenure, tenures)), None
        )
        if twin is None:
            merged.append(replace(tenure, citations=list(tenure.citations)))
            continue
        twin.citations.extend(tenure.citations)
        twin.interim = twin.interim if twin.interim is not None else tenure.interim
        twin.title = twin.title or tenure.title
        twin.start = twin.start or tenure.start
        twin.end = twin.end or tenure.end
    return merged


def _same_post(a: TenureRecord, b: TenureRecord) -> bool:
    return (
        a.person_id is not None
        and a.person_id == b.person_id
        and a.role == b.role
        and a.organisation_id == b.organisation_id
        and (a.interim is None or b.interim is None or a.interim == b.interim)
    )


def _evidence_dates(tenure: TenureRecord) -> list[str]:
    dates = [c.date for c in tenure.citations if c.date and c.evidence != "previous_role"]
    dates += [d.date for d in (tenure.start, tenure.end) if d is not None]
    return sorted(dates)


def _other_between(a: TenureRecord, b: TenureRecord, tenures: list[TenureRecord]) -> bool:
    """True when someone else is evidenced in the same post between a's and b's evidence."""
    a_dates, b_dates = _evidence_dates(a), _evidence_dates(b)
    if not a_dates or not b_dates:
        return False
    # From the end of the earlier run to the start of the later; empty when the runs overlap.
    gap = (min(a_dates[-1], b_dates[-1]), max(a_dates[0], b_dates[0]))
    return any(
        other.person_id != a.person_id
        and other.role == a.role
        and other.organisation_id == a.organisation_id
        and any(gap[0] < d < gap[1] for d in _evidence_dates(other))
        for other in tenures
    )


def check_references(content: Content) -> list[Problem]:
    """Every citation names a loaded source, every tenure a loaded organisation and person."""
    bundle = content.bundle
    source_ids = {s.id for s in bundle.sources}
    org_ids = {o.id for o in bundle.organisations} | {f"council:{c.code}" for c in bundle.councils}
    org_ids |= {b.id for b in bundle.boards}
    person_ids = {p.id for p in bundle.people}
    problems: list[Problem] = []
    for owner, citation in _all_citations(content):
        if citation.source_id not in source_ids:
            problems.append(
                Problem(owner, citation.row, citation.field, f"cites unknown source {citation.source_id}")
            )
    for tenure in bundle.tenures:
        if tenure.organisation_id not in org_ids:
            problems.append(
                Problem(tenure.id, None, "organisation", f"unknown organisation {tenure.organisation_id}")
            )
        if tenure.person_id is not None and tenure.person_id not in person_ids:
            problems.append(Problem(tenure.id, None, "person", f"unknown person {tenure.person_id}"))
        if not tenure.citations:
            problems.append(Problem(tenure.id, None, None, "a tenure with no citation"))
    for item in bundle.interventions:
        problems += [
            Problem(item.id, None, "people", f"unknown person {person}")
            for person, _role in item.people
            if person not in person_ids
        ]
    return problems


def _all_citations(content: Content) -> list[tuple[str, Citation]]:
    return [(kind.owner(record), c) for kind in CITED_KINDS for record, c in kind.citations(content)]

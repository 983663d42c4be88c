"""The rows each write statement sends: a record's graph properties, None values left out."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from loaders.model import CouncilRecord, Inspection, PartialDate, TenureRecord


def source_props(source: Any) -> dict[str, Any]:
    return {k: v for k, v in asdict(source).items() if v is not None}


def council_props(council: CouncilRecord) -> dict[str, Any]:
    """A council's node properties (it is also an Organisation, id "council:<code>")."""
    return without_none(
        {
            "id": f"council:{council.code}",
            "code": council.code,
            "la_code": council.code,
            "name": council.name,
            "kind": "council",
            "gss_code": council.gss_code,
            "ofsted_urn": council.ofsted_urn,
            "region": council.region,
            "authority_type": council.authority_type,
            "start_date": council.start_date,
            "end_date": council.end_date,
            "current": council.end_date is None,
            "aliases": sorted(set(council.aliases)),
            # One string for the full-text index, which cannot index lists.
            "aliases_text": " | ".join(sorted(set(council.aliases))),
        }
    )


def successor_rows(councils: list[CouncilRecord]) -> list[dict[str, Any]]:
    """One row per (former council, successor) pair, dated by the former council's end."""
    return [
        {"from": c.code, "to": successor, "date": c.end_date}
        for c in councils
        for successor in c.successor_codes
    ]


def organisation_props(org: Any) -> dict[str, Any]:
    return {"id": org.id, "name": org.name, "kind": org.kind}


def inspection_row(inspection: Inspection) -> dict[str, Any]:
    props = without_none(
        {
            "id": inspection.id,
            "kind": inspection.kind,
            "framework": inspection.framework,
            "start_date": inspection.start_date,
            "end_date": inspection.end_date,
            "published_date": inspection.published_date,
            "lead_inspector": inspection.lead_inspector,
            "report_url": inspection.report_url,
            "theme": inspection.theme,
            "inspectors": inspection.inspectors or None,
            "overall": inspection.overall,
            # Sorting key: the day the event is known by (start where known, else publication).
            "date": inspection.start_date or inspection.published_date,
            "conflicts": inspection.conflicts,
        }
    )
    return {"council_code": inspection.council_code, "props": props}


def judgement_rows(inspection: Inspection) -> list[dict[str, Any]]:
    return [
        {
            "inspection_id": inspection.id,
            "props": {
                "id": j.id,
                "area": j.area,
                "grade": j.grade,
                "wording": j.wording,
                "conflict": j.conflict,
            },
        }
        for j in inspection.judgements
    ]


def board_row(board: Any) -> dict[str, Any]:
    props = without_none(
        {
            "id": board.id,
            "name": board.name,
            "kind": "improvement_board",
            **date_props("first_meeting", board.first_meeting),
        }
    )
    return {"council_code": board.council_code, "props": props}


def notice_row(notice: Any) -> dict[str, Any]:
    props = without_none(
        {
            "id": notice.id,
            "kind": notice.kind,
            "review_interval": notice.review_interval,
            "review_scope": notice.review_scope,
            **date_props("issued", notice.issued),
            **date_props("lifted", notice.lifted),
        }
    )
    return {"council_code": notice.council_code, "props": props}


def intervention_row(item: Any) -> dict[str, Any]:
    props = without_none(
        {
            "id": item.id,
            "kind": item.kind,
            "name": item.name,
            **date_props("start", item.start),
            **date_props("end", item.end),
        }
    )
    people = [{"person_id": person, "role": role} for person, role in item.people]
    return {"council_code": item.council_code, "people": people, "props": props}


def tenure_row(tenure: TenureRecord) -> dict[str, Any]:
    start, start_basis = tenure.start, "stated" if tenure.start else None
    since = [c for c in tenure.citations if c.evidence == "in_post_since" and c.date]
    if start is None and since:
        first = min(since, key=lambda c: c.date or "")
        # "Has been in post for 20 months" gives a start counted back, and says so.
        start = PartialDate(first.date or "", first.precision or "day", first.certainty or "stated")
        start_basis = "in_post_since"
    seen = sorted(
        c.date for c in tenure.citations if c.evidence in {"in_post_on", "in_post_since"} and c.date
    )
    props = without_none(
        {
            "id": tenure.id,
            "role": tenure.role,
            "title": tenure.title,
            "interim": tenure.interim,
            **date_props("start", start),
            "start_basis": start_basis,
            **date_props("end", tenure.end),
            "end_basis": "stated" if tenure.end else None,
            # The span over which sources show the holder in post; start/end stay unknown unless stated.
            "evidence_from": seen[0] if seen else None,
            "evidence_to": seen[-1] if seen else None,
            # The span the graph can vouch for: stated dates first, else the evidence span. Queries
            # compare dates on these at their own precision ("2017-06" covers 2017-06-13).
            "known_from": start.date if start else (seen[0] if seen else None),
            "known_to": tenure.end.date if tenure.end else (seen[-1] if seen else None),
        }
    )
    return {
        "organisation_id": tenure.organisation_id,
        "person_id": tenure.person_id,
        "serves_council": tenure.serves_council,
        "props": props,
    }


def date_props(prefix: str, value: PartialDate | None) -> dict[str, Any]:
    if value is None:
        return {}
    return {
        prefix + "_date": value.date,
        prefix + "_precision": value.precision,
        prefix + "_certainty": value.certainty,
    }


def without_none(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None}

"""Checks across the council files: unique URNs, one region per council, corrections that resolve."""

from __future__ import annotations

from collections.abc import Iterable

from graph.errors import Problem
from loaders.councils.build import latest, london, ons_region
from loaders.councils.evidence import CouncilEvidence
from loaders.councils.index import CouncilIndex
from loaders.model import CouncilRecord
from loaders.tables import Row


def check_unique_urns(evidence: Iterable[CouncilEvidence]) -> list[Problem]:
    """No two councils may share an Ofsted URN, or a URN could not name one council."""
    first: dict[str, str] = {}
    problems: list[Problem] = []
    for e in evidence:
        row = e.provider or e.scrape
        if row is None or not row["urn"]:
            continue
        other = first.setdefault(row["urn"], e.code)
        if other != e.code:
            problems.append(row.problem("urn", f"URN {row['urn']} also belongs to DfE code {other}"))
    return problems


def check_regions(councils: list[CouncilRecord], by_code: dict[str, CouncilEvidence]) -> list[Problem]:
    """Our region must agree with the workforce statistics' latest year for every council."""
    problems: list[Problem] = []
    for council in councils:
        row = latest(by_code[council.code].workforce)
        if row and council.region and ons_region(london(row["region_name"])) != council.region:
            problems.append(
                row.problem("region_name", f"the lookup puts DfE code {council.code} in {council.region}")
            )
    return problems


def check_region_corrections_resolve(corrections: list[Row], index: CouncilIndex) -> list[Problem]:
    """Every council in the DfE analysts' region table must resolve, to a council in the same region."""
    problems: list[Problem] = []
    for row in corrections:
        code = index.by_name(row["la_name"])
        council = index.by_code(code) if code else None
        if council is None:
            problems.append(row.problem("la_name", "no council of that name"))
        elif council.region != ons_region(london(row["region_name_correct"])):
            problems.append(
                row.problem("region_name_correct", f"the lookup puts {council.name} in {council.region}")
            )
    return problems

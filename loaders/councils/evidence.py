"""Joining the council files by DfE code: every row that speaks of one council."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from graph.errors import Problem
from loaders.councils.files import (
    COLUMNS,
    DFE_CODE,
    ISO_DATE,
    MYSOCIETY,
    MYSOCIETY_GSS,
    MYSOCIETY_NAMES,
    PROVIDER,
    PROVIDER_FORMATS,
    WEB_SCRAPE,
    WORKFORCE,
    Tables,
)
from loaders.tables import Row


@dataclass
class CouncilEvidence:
    """Every row that speaks of one council (one DfE LA code)."""

    code: str
    provider: Row | None = None
    scrape: Row | None = None
    workforce: list[Row] = field(default_factory=list)  # oldest year first
    entities: list[Row] = field(default_factory=list)  # mySociety rows, oldest first
    names: list[Row] = field(default_factory=list)  # mySociety name variants
    gss_codes: list[str] = field(default_factory=list)  # every GSS code, current or former


@dataclass
class Evidence:
    """The councils' evidence, and the mySociety joins that successors are worked out from."""

    by_code: dict[str, CouncilEvidence]
    entity_code: dict[str, str]  # mySociety 3-letter code -> DfE code
    entities: dict[str, Row]  # mySociety 3-letter code -> row
    districts: dict[str, list[Row]]  # mySociety county code -> its districts' rows

    def gss_index(self) -> dict[str, str]:
        """Every GSS code, current or former, -> DfE code."""
        return {gss: e.code for e in self.by_code.values() for gss in e.gss_codes}


def gather_evidence(tables: Tables, problems: list[Problem]) -> Evidence:
    """Join every file's rows to DfE codes: directly where a file has the code, else through GSS codes."""
    by_code: dict[str, CouncilEvidence] = {}
    for code, row in provider_rows(tables[PROVIDER], problems).items():
        by_code.setdefault(code, CouncilEvidence(code)).provider = row
    for code, row in scrape_rows(tables[WEB_SCRAPE], problems).items():
        by_code.setdefault(code, CouncilEvidence(code)).scrape = row
    for code, rows in workforce_rows(tables[WORKFORCE]).items():
        by_code.setdefault(code, CouncilEvidence(code)).workforce = rows
    problems += check_urns(by_code.values())
    gss_to_code = dfe_gss_codes(by_code.values(), problems)
    entities = {row["local-authority-code"]: row for row in tables[MYSOCIETY]}
    gss_of = entity_gss_codes(entities, tables[MYSOCIETY_GSS])
    entity_code = entity_dfe_codes(entities, gss_of, gss_to_code, problems)
    attach_entities(by_code, entities, entity_code, gss_of, problems)
    attach_name_variants(by_code, entity_code, tables[MYSOCIETY_NAMES])
    return Evidence(by_code, entity_code, entities, districts_by_county(tables[MYSOCIETY]))


def provider_rows(rows: list[Row], problems: list[Problem]) -> dict[str, Row]:
    """Provider_data_lookup rows by DfE code; a repeated code must repeat the same data."""
    by_code: dict[str, Row] = {}
    for row in rows:
        bad = [
            row.problem(column, f"expected a value like {example}, found {row[column]!r}")
            for column, (pattern, example) in PROVIDER_FORMATS.items()
            if not pattern.fullmatch(row[column])
        ]
        problems += bad
        if bad:
            continue
        first = by_code.setdefault(row["la_code"], row)
        differing = [c for c in COLUMNS[PROVIDER] if first[c] != row[c]]
        if differing:
            problems.append(
                row.problem(
                    "la_code",
                    f"DfE code {row['la_code']} is also on row {first.number} with a different "
                    f"{', '.join(differing)}",
                )
            )
    return by_code


def scrape_rows(rows: list[Row], problems: list[Problem]) -> dict[str, Row]:
    """The web-scrape lookup's rows by DfE code (its `id`, written as a float: "916.0")."""
    by_code: dict[str, Row] = {}
    for row in rows:
        # The Jersey row (X999999, SOURCES.md 4b) has no status: it is not an English council.
        if not row["active_depreciated_inactive"]:
            continue
        match = re.fullmatch(r"(\d{3})(?:\.0)?", row["id"], re.ASCII)
        if match is None or row["active_depreciated_inactive"] not in {"A", "D"}:
            problems.append(row.problem(None, "expected id like 916.0 and status A or D"))
            continue
        by_code[match.group(1)] = row
    return by_code


def workforce_rows(rows: list[Row]) -> dict[str, list[Row]]:
    """The workforce statistics' local-authority rows by DfE code, oldest year first."""
    by_code: dict[str, list[Row]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: r["time_period"]):
        # National and regional rows carry no council; joint returns such as "314 / 318" (Kingston and
        # Richmond, North and West Northamptonshire) speak for two councils at once, so they are skipped.
        if row["geographic_level"] == "Local authority" and DFE_CODE.fullmatch(row["old_la_code"]):
            by_code[row["old_la_code"]].append(row)
    return dict(by_code)


def check_urns(evidence: Iterable[CouncilEvidence]) -> list[Problem]:
    """The two URN lookups must agree where both name a council."""
    return [
        e.scrape.problem(
            "urn", f"Provider_data_lookup.csv gives DfE code {e.code} the URN {e.provider['urn']}"
        )
        for e in evidence
        if e.provider and e.scrape and e.provider["urn"] != e.scrape["urn"]
    ]


def dfe_gss_codes(evidence: Iterable[CouncilEvidence], problems: list[Problem]) -> dict[str, str]:
    """GSS code -> DfE code from the files that state both; records each council's GSS codes."""
    gss_to_code: dict[str, str] = {}
    for e in evidence:
        for gss, row, column in stated_gss_codes(e):
            known = gss_to_code.setdefault(gss, e.code)
            if known != e.code:
                problems.append(row.problem(column, f"GSS code {gss} also belongs to DfE code {known}"))
            e.gss_codes.append(gss)
    return gss_to_code


def stated_gss_codes(e: CouncilEvidence) -> Iterator[tuple[str, Row, str]]:
    """Each (GSS code, row, column) that a file states beside this council's DfE code."""
    if e.provider:
        yield e.provider["la_code_new"], e.provider, "la_code_new"
    # For a former council the scrape's `la_code` holds the DfE code, not a GSS code (SOURCES.md 4b).
    if e.scrape and e.scrape["active_depreciated_inactive"] == "A":
        yield e.scrape["la_code"], e.scrape, "la_code"
    for row in e.workforce:
        yield row["new_la_code"], row, "new_la_code"


def entity_dfe_codes(
    entities: dict[str, Row],
    gss_of: dict[str, list[str]],
    gss_to_code: dict[str, str],
    problems: list[Problem],
) -> dict[str, str]:
    """mySociety's 3-letter code -> DfE code, joined through any of the entity's GSS codes."""
    entity_code: dict[str, str] = {}
    for key, row in entities.items():
        codes = sorted({gss_to_code[g] for g in gss_of.get(key, []) if g in gss_to_code})
        if len(codes) > 1:
            problems.append(row.problem("gss-code", f"its GSS codes belong to DfE codes {', '.join(codes)}"))
        elif codes:
            entity_code[key] = codes[0]
    return entity_code


def entity_gss_codes(entities: dict[str, Row], gss_rows: list[Row]) -> dict[str, list[str]]:
    """Every GSS code mySociety gives each entity: its own, its former ones, and the GSS lookup's."""
    codes: dict[str, list[str]] = defaultdict(list)
    for key, row in entities.items():
        codes[key] += filter(
            None, [row["gss-code"], *(g.strip() for g in row["former-gss-codes"].split(","))]
        )
    for row in gss_rows:
        codes[row["local-authority-code"]].append(row["gss-code"])
    return dict(codes)


def attach_entities(
    by_code: dict[str, CouncilEvidence],
    entities: dict[str, Row],
    entity_code: dict[str, str],
    gss_of: dict[str, list[str]],
    problems: list[Problem],
) -> None:
    """Give each council its mySociety rows (oldest first) and their GSS codes."""
    for key, code in entity_code.items():
        row = entities[key]
        problems += [
            row.problem(column, f"expected a date like 2019-04-01, found {row[column]!r}")
            for column in ("start-date", "end-date")
            if row[column] and not ISO_DATE.fullmatch(row[column])
        ]
        by_code[code].entities.append(row)
        by_code[code].gss_codes += gss_of.get(key, [])
    for e in by_code.values():
        e.entities.sort(key=lambda r: (r["start-date"], r["end-date"] or "9999"))


def attach_name_variants(
    by_code: dict[str, CouncilEvidence], entity_code: dict[str, str], rows: list[Row]
) -> None:
    """Give each council mySociety's name variants of its bodies."""
    for row in rows:
        code = entity_code.get(row["local-authority-code"])
        if code:
            by_code[code].names.append(row)


def districts_by_county(rows: list[Row]) -> dict[str, list[Row]]:
    """mySociety's districts grouped by the county council they lay in (`county-la`)."""
    districts: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row["county-la"]:
            districts[row["county-la"]].append(row)
    return dict(districts)

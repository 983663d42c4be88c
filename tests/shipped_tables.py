"""The shipped tables read with nothing but the csv module, for answers computed apart from the graph.

No loader code is used: councils are joined to DfE codes through the lookups alone, and grades are
the tables' own words. Where a table must be read in a way the loaders also read it (a scrape row the
statistics name as a SIF re-inspection), the function says so.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GRADES = {
    "outstanding": "OUTSTANDING",
    "good": "GOOD",
    "requires improvement": "REQUIRES_IMPROVEMENT",
    "requires improvement to be good": "REQUIRES_IMPROVEMENT",
    "inadequate": "INADEQUATE",
}
ILACS_HISTORY = "ofsted_official_stats/csv/laio2025_ilacs_history_2018_2025.csv"
SCRAPE_HISTORY = "ilacs_scrape/ofsted_csc_ilacs_history.csv"
HISTORY_2009_2023 = (
    "ofsted_official_stats/csv/csc2023_la_inspection_history_2009_2023.csv",
    "ofsted_official_stats/csv/csc2023_la_inspection_history_2009_2023_former_las.csv",
)
SIF = "Single Inspection of LA Children's Services (SIF) "
SIF_COLUMNS = (
    (f"{SIF}First SIF publication date", "First SIF Overall Judgement (OE)"),
    (f"{SIF}SIF Re-inspection publication date", "SIF Re-inspection Overall Judgement (OE)"),
)


@dataclass(frozen=True)
class Rated:
    """One inspection as a table states it: council, publication date, overall grade (None: ungraded)."""

    code: str
    published: str
    grade: str | None
    current: bool
    table: str
    inspector: str | None = None


def read(data: Path, relative: str) -> list[dict[str, str]]:
    with (data / relative).open(newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


@dataclass(frozen=True)
class Codes:
    """DfE codes by Ofsted URN, by GSS code and by any name the lookups give a council."""

    by_urn: dict[str, str]
    by_gss: dict[str, str]
    by_name: dict[str, str]

    def of(self, name: str, gss: str | None = None) -> str:
        return self.by_gss.get(gss or "") or self.by_name[name.lower()]


def codes(data: Path) -> Codes:
    lookup = read(data, "la_lookup/Provider_data_lookup.csv")
    by_gss = {r["la_code_new"]: r["la_code"] for r in lookup}
    by_name = {r["local_authority_ons_name"].lower(): r["la_code"] for r in lookup}
    # Former councils (Bournemouth, Northamptonshire, ...) are only in the web lookup, by name.
    for r in read(data, "la_lookup/la_web_scrape_la_url_lookup_enriched.csv"):
        by_name.setdefault(r["la_name"].lower(), r["la_code"])
    # The statistics' spellings ("Bristol", "Herefordshire") through mySociety's names and codes.
    registry_gss = {
        r["local-authority-code"]: r["gss-code"]
        for r in read(data, "la_lookup/mysociety/uk_local_authorities_future.csv")
    }
    for r in read(data, "la_lookup/mysociety/lookup_name_to_registry.csv"):
        code = by_gss.get(registry_gss.get(r["local-authority-code"], ""))
        if code:
            by_name.setdefault(r["la-name"].lower(), code)
    return Codes({r["urn"]: r["la_code"] for r in lookup}, by_gss, by_name)


def scrape_day(value: str) -> str:
    """The scrape's dd/mm/yy (or dd/mm/yyyy) as YYYY-MM-DD."""
    day, month, year = value.split("/")
    return f"{2000 + int(year) if len(year) == 2 else int(year)}-{month}-{day}"


def inspector_name(value: str) -> str:
    """The scrape's inspector spelling without its stray spaces ("Paula Thomson -Jones")."""
    return re.sub(r"\s*-\s*", "-", " ".join(value.split()))


@cache
def ilacs_inspections(data: Path) -> tuple[Rated, ...]:
    """Every ILACS standard or short inspection: the statistics to March 2025, then the scrape.

    One inspection is one (council, publication date); the statistics' row wins where both hold it.
    Left out of the scrape, as the graph leaves them out of ILACS:
    - rows with no framework published before 2019: the scrape's SIF re-inspections of 2018;
    - rows the 2009-2023 statistics list as a SIF re-inspection on the same day (Doncaster's January
      2018 report, which the scrape's parser calls "standard"): the statistics name the framework.
    """
    c = codes(data)
    sif_reinspections = {
        (c.of(r["Local authority name"]), r[SIF_COLUMNS[1][0]])
        for name in HISTORY_2009_2023
        for r in read(data, name)
    }
    found: dict[tuple[str, str], Rated] = {}
    for r in read(data, ILACS_HISTORY):
        code = c.of(r["Local authority name"], r["Local authority area code"])
        found[(code, r["Publication date"])] = Rated(
            code,
            r["Publication date"],
            GRADES[r["Overall effectiveness"].lower()],
            r["Local authority status"] == "Current",
            ILACS_HISTORY,
        )
    for r in read(data, SCRAPE_HISTORY):
        code, published = c.by_urn[r["urn"]], scrape_day(r["publication_date"])
        key = (code, published)
        if key in found or key in sif_reinspections or (not r["inspection_framework"] and published < "2019"):
            continue
        # "not_reported_post_reform" (and blank) is no overall grade: the June 2026 reform's reports.
        grade = GRADES.get(r["overall_effectiveness_grade"])
        inspector = inspector_name(r["inspector_name"]) or None
        # The scrape lists the reports of today's 153 councils only.
        found[key] = Rated(code, published, grade, True, SCRAPE_HISTORY, inspector)
    return tuple(sorted(found.values(), key=lambda r: (r.code, r.published)))


def scrape_ilacs_inspectors(data: Path) -> dict[str, int]:
    """How many ILACS inspections each lead inspector led, by the scrape (the one table naming them)."""
    c = codes(data)
    ilacs = {(r.code, r.published) for r in ilacs_inspections(data)}
    counts: dict[str, int] = defaultdict(int)
    for r in read(data, SCRAPE_HISTORY):
        key = (c.by_urn[r["urn"]], scrape_day(r["publication_date"]))
        if key in ilacs and r["inspector_name"].strip():
            counts[inspector_name(r["inspector_name"])] += 1
    return dict(counts)


def sif_inspections(data: Path) -> list[Rated]:
    """The SIF inspections and re-inspections with their overall grades, by the 2009-2023 statistics."""
    c = codes(data)
    found: list[Rated] = []
    for name in HISTORY_2009_2023:
        for r in read(data, name):
            code = c.of(r["Local authority name"])
            for published, overall in SIF_COLUMNS:
                if r[published]:
                    current = name == HISTORY_2009_2023[0]
                    found.append(Rated(code, r[published], GRADES[r[overall].lower()], current, name))
    return found

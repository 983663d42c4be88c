"""Councils with children's services, current and former, and the index that turns any source's
reference to a council (a name, an Ofsted URN or an ONS GSS code) into its DfE LA code.

The DfE LA code is the council's key. Where reorganisation kept the DfE code (North Yorkshire 815,
Somerset 933, Buckinghamshire 825 became unitary) it is one council with a former GSS code; where the
code changed (Dorset County Council 835 -> Dorset Council 838) they are two councils.

Files read, all relative to data_dir (SOURCES.md sections 3 and 4):
- Provider_data_lookup.csv: URN, DfE code, GSS code, region and type of the 153 current councils plus
  Cumbria, Northamptonshire and Poole.
- la_web_scrape_la_url_lookup_enriched.csv: the only URN for Bournemouth (837).
- mySociety's register: names, start and end dates, `replaced-by`, former GSS codes, name variants.
- DfE workforce statistics (csww): a DfE code <-> GSS crosswalk by year, the only file that gives the
  DfE codes of Dorset County Council (835) and Bournemouth (837).
- ofsted_region_mapping_corrections.csv: the DfE analysts' regions, used to check ours.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import LoadError, Problem
from loaders.model import Bundle, Citation, CouncilRecord, SourceRecord
from loaders.tables import Row, located_rows

PROVIDER = "la_lookup/Provider_data_lookup.csv"
WEB_SCRAPE = "la_lookup/la_web_scrape_la_url_lookup_enriched.csv"
MYSOCIETY = "la_lookup/mysociety/uk_local_authorities_future.csv"
MYSOCIETY_NAMES = "la_lookup/mysociety/lookup_name_to_registry.csv"
MYSOCIETY_GSS = "la_lookup/mysociety/lookup_gss_to_registry.csv"
REGION_CORRECTIONS = "la_lookup/ofsted_region_mapping_corrections.csv"
WORKFORCE = "dfe_official/csww_indicators_2017_to_2025.csv"

_MYSOCIETY_BLOB = "https://github.com/mysociety/uk_local_authority_names_and_codes/blob/67ef8b118938678401a452f4f19f669a7221cc73"
_DFE_DASHBOARD_BLOB = "https://github.com/dfe-analytical-services/CSC_outcomes_and_enablers/blob"

# One SourceRecord per file; the URL is the file at the commit SOURCES.md names.
SOURCES: dict[str, SourceRecord] = {
    PROVIDER: SourceRecord(
        id=f"data:{PROVIDER}",
        kind="dataset",
        title="Provider_data_lookup.csv: Ofsted URN, DfE LA code and ONS codes of local authorities",
        publisher="Data to Insight",
        publisher_certainty="stated",
        url="https://github.com/JT-39/ofsted-ilacs-scrape-tool/blob/54af59bf7856a26530b1eeb45c1c1c146f34cb8a/import_data/la_lookup/Provider_data_lookup.csv",
        file=PROVIDER,
    ),
    WEB_SCRAPE: SourceRecord(
        id=f"data:{WEB_SCRAPE}",
        kind="dataset",
        title="la_web_scrape_la_url_lookup_enriched.csv: local authority URNs, codes and web addresses",
        publisher="Data to Insight",
        publisher_certainty="inferred",
        url="https://github.com/data-to-insight/csc-map-of-the-world/blob/e9c54df76cf646577448a0b35b86486f34a2c665/admin_scripts/dev/la_web_scrape_la_url_lookup_enriched.csv",
        file=WEB_SCRAPE,
    ),
    MYSOCIETY: SourceRecord(
        id=f"data:{MYSOCIETY}",
        kind="dataset",
        title="UK Local Authority Names and Codes: uk_local_authorities_future.csv",
        publisher="mySociety",
        publisher_certainty="stated",
        url=f"{_MYSOCIETY_BLOB}/data/packages/uk_la_future/uk_local_authorities_future.csv",
        file=MYSOCIETY,
    ),
    MYSOCIETY_NAMES: SourceRecord(
        id=f"data:{MYSOCIETY_NAMES}",
        kind="dataset",
        title="UK Local Authority Names and Codes: lookup_name_to_registry.csv",
        publisher="mySociety",
        publisher_certainty="stated",
        url=f"{_MYSOCIETY_BLOB}/data/packages/uk_la_future/lookup_name_to_registry.csv",
        file=MYSOCIETY_NAMES,
    ),
    MYSOCIETY_GSS: SourceRecord(
        id=f"data:{MYSOCIETY_GSS}",
        kind="dataset",
        title="UK Local Authority Names and Codes: lookup_gss_to_registry.csv",
        publisher="mySociety",
        publisher_certainty="stated",
        url=f"{_MYSOCIETY_BLOB}/data/packages/uk_la_past_current/lookup_gss_to_registry.csv",
        file=MYSOCIETY_GSS,
    ),
    REGION_CORRECTIONS: SourceRecord(
        id=f"data:{REGION_CORRECTIONS}",
        kind="dataset",
        title="ofsted_region_mapping_corrections.csv: Ofsted regions mapped to ONS regions",
        publisher="Department for Education",
        publisher_certainty="inferred",
        url=f"{_DFE_DASHBOARD_BLOB}/1329930840af1494de032849c2f07a5d58e08f61/data-raw/ofsted_region_mapping_corrections.csv",
        file=REGION_CORRECTIONS,
    ),
    WORKFORCE: SourceRecord(
        id=f"data:{WORKFORCE}",
        kind="official_statistics",
        title="Children's social work workforce: indicators by local authority, 2017 to 2025",
        publisher="Department for Education",
        publisher_certainty="stated",
        url=f"{_DFE_DASHBOARD_BLOB}/ed0ca5da49081a703be9309f10dc0ee0a6a2b240/data-raw/csww_indicators_2017_to_2025.csv",
        file=WORKFORCE,
    ),
}

# The columns each file must have; the same cells make up a citation's quote.
COLUMNS: dict[str, tuple[str, ...]] = {
    PROVIDER: (
        "urn",
        "la_code",
        "la_code_new",
        "local_authority_ons_name",
        "also_known_as",
        "utla23nm",
        "rgn22nm",
        "ons_la_type",
    ),
    WEB_SCRAPE: ("urn", "id", "active_depreciated_inactive", "la_code", "la_name", "region_name"),
    MYSOCIETY: (
        "local-authority-code",
        "official-name",
        "nice-name",
        "gss-code",
        "start-date",
        "end-date",
        "replaced-by",
        "region",
        "local-authority-type-name",
        "county-la",
        "former-gss-codes",
    ),
    MYSOCIETY_NAMES: ("la-name", "local-authority-code"),
    MYSOCIETY_GSS: ("gss-code", "local-authority-code"),
    REGION_CORRECTIONS: ("la_name", "region_name_correct"),
    WORKFORCE: ("time_period", "geographic_level", "old_la_code", "new_la_code", "la_name", "region_name"),
}

# ASCII: a plain \d also matches other scripts' digits (Arabic-Indic, fullwidth), which would make a
# second, unreachable council.
DFE_CODE = re.compile(r"\d{3}", re.ASCII)
GSS_CODE = re.compile(r"[EWSN]\d{8}", re.ASCII)
URN = re.compile(r"\d+", re.ASCII)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)

# Provider_data_lookup cells that must look like codes, with an example for the message.
PROVIDER_FORMATS = {
    "la_code": (DFE_CODE, "916"),
    "urn": (URN, "80470"),
    "la_code_new": (GSS_CODE, "E10000013"),
}


def cite(row: Row, column: str, value: str | None = None) -> Citation:
    """The row as evidence for the value in `column` (the cell itself unless told otherwise)."""
    return row.cite(SOURCES[row.file].id, COLUMNS[row.file], column, value)


# Every file's rows by file name; a file that could not be read has none (and a Problem says why).
Tables = dict[str, list[Row]]


def read_councils(data_dir: Path) -> tuple[Bundle, CouncilIndex]:
    """Read the council lookups under data_dir into one CouncilRecord per DfE LA code, and their index.

    Args:
        data_dir: the shared data folder; every file named in this module is read relative to it.

    Raises:
        LoadError: a file is missing or lacks a column, a code is malformed, a DfE code appears twice
            in Provider_data_lookup.csv with different data, or two files disagree on a council's URN,
            a GSS code's council, or a region. Nothing is returned.
    """
    problems: list[Problem] = []
    tables = read_tables(data_dir, problems)
    if problems:
        raise LoadError(problems)
    evidence = gather_evidence(tables, problems)
    successors = {code: successors_of(e, evidence) for code, e in evidence.by_code.items()}
    created = {code for s in successors.values() for code in s.codes}
    councils = [build_council(e, successors[code], code in created) for code, e in evidence.by_code.items()]
    problems += check_regions(councils, evidence.by_code)
    problems += check_unique_urns(evidence.by_code.values())
    index = CouncilIndex(councils, evidence.gss_index())
    problems += check_region_corrections_resolve(tables[REGION_CORRECTIONS], index)
    if problems:
        raise LoadError(problems)
    bundle = Bundle(sources=[SOURCES[file] for file in COLUMNS], councils=councils)
    return bundle, index


# ---- reading ------------------------------------------------------------------------------------


def read_tables(data_dir: Path, problems: list[Problem]) -> Tables:
    """Read every file, noting missing files and columns."""
    return {file: read_rows(data_dir, file, problems) for file in COLUMNS}


def read_rows(data_dir: Path, file: str, problems: list[Problem]) -> list[Row]:
    """One file's rows with their spreadsheet row numbers, or none if it is missing or lacks columns."""
    # Provider_data_lookup.csv starts with a byte-order mark (SOURCES.md 4a); read_table handles it.
    return located_rows(data_dir / file, file, COLUMNS[file], problems)


# ---- joining the files by DfE code --------------------------------------------------------------


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


# ---- building one council -----------------------------------------------------------------------


@dataclass
class Fact:
    """A value and the citations that state it."""

    value: str | None
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Successors:
    """The DfE codes of the councils that took over a former council's area, and the rows that say so."""

    codes: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


def build_council(e: CouncilEvidence, successors: Successors, created: bool) -> CouncilRecord:
    """One CouncilRecord from everything the files say about one DfE code.

    `created`: another council in the files was replaced by this one, so its start date is meaningful.
    """
    start = start_date_fact(e) if created else Fact(None)
    facts = {
        "code": code_fact(e),
        "name": name_fact(e),
        "gss_code": gss_fact(e),
        "ofsted_urn": urn_fact(e),
        "region": region_fact(e),
        "authority_type": authority_type_fact(e),
        "start_date": start,
        "end_date": end_date_fact(e),
    }
    name = facts["name"].value or e.code
    aliases, alias_citations = aliases_of(e, name)
    citations = [c for f in facts.values() for c in f.citations] + successors.citations + alias_citations
    return CouncilRecord(
        code=e.code,
        name=name,
        gss_code=facts["gss_code"].value,
        ofsted_urn=facts["ofsted_urn"].value,
        region=facts["region"].value,
        authority_type=facts["authority_type"].value,
        start_date=start.value,
        end_date=facts["end_date"].value,
        successor_codes=successors.codes,
        aliases=aliases,
        citations=distinct(citations),
    )


def distinct(citations: Iterable[Citation]) -> list[Citation]:
    """One citation per (file, column, value): the first row that states it.

    The workforce statistics repeat a council's name and GSS code for every year; one row is enough.
    """
    first: dict[tuple[str, str | None, str | None], Citation] = {}
    for citation in citations:
        first.setdefault((citation.source_id, citation.field, citation.value), citation)
    return list(first.values())


def first_fact(*candidates: tuple[Row | None, str]) -> Fact:
    """The first non-empty cell among (row, column) candidates, in order of trust."""
    for row, column in candidates:
        if row is not None and row[column]:
            return Fact(row[column], [cite(row, column)])
    return Fact(None)


def latest(rows: Sequence[Row]) -> Row | None:
    return rows[-1] if rows else None


def code_fact(e: CouncilEvidence) -> Fact:
    """The rows that state the DfE code itself."""
    rows = [(e.provider, "la_code"), (e.scrape, "id"), *((r, "old_la_code") for r in e.workforce[-1:])]
    return Fact(e.code, [cite(row, column, e.code) for row, column in rows if row is not None])


def name_fact(e: CouncilEvidence) -> Fact:
    """mySociety's `nice-name` (e.g. "Gloucestershire", "Dorset County" for the pre-2019 council);
    the ONS name where mySociety has no entry."""
    return first_fact(
        (latest(e.entities), "nice-name"),
        (e.provider, "local_authority_ons_name"),
        (e.scrape, "la_name"),
        (latest(e.workforce), "la_name"),
    )


def gss_fact(e: CouncilEvidence) -> Fact:
    """The current GSS code, or the last one of a former council.

    Provider_data_lookup and the newest workforce year come first: mySociety still gives Barnsley and
    Sheffield their pre-2024 codes (E08000016, E08000019), and so does the web scrape for Sheffield.
    """
    active_scrape = e.scrape if e.scrape and e.scrape["active_depreciated_inactive"] == "A" else None
    return first_fact(
        (e.provider, "la_code_new"),
        (latest(e.workforce), "new_la_code"),
        (latest(e.entities), "gss-code"),
        (active_scrape, "la_code"),
    )


def urn_fact(e: CouncilEvidence) -> Fact:
    """Ofsted's URN; only the web scrape has Bournemouth's (137452)."""
    return first_fact((e.provider, "urn"), (e.scrape, "urn"))


def ons_region(name: str) -> str:
    """ONS spells it "Yorkshire and The Humber"; Provider_data_lookup mixes in "the" (SOURCES.md 4a)."""
    return "Yorkshire and The Humber" if name.casefold() == "yorkshire and the humber" else name


def region_fact(e: CouncilEvidence) -> Fact:
    """The ONS region.

    Provider's `rgn22nm` first: its `rgn22cd` is wrong for Gloucestershire (E12000003) and
    Buckinghamshire (E12000004), and its `region_code` is "NotKnown" for Cumbria, so neither code column
    is used. Then the workforce statistics, which use Inner/Outer London, for the former councils that
    Provider lacks (Bournemouth, Dorset County Council). mySociety's regions are not used: it puts
    Derbyshire in the West Midlands and Lincolnshire in Yorkshire and The Humber.
    """
    fact = first_fact((e.provider, "rgn22nm"), (latest(e.workforce), "region_name"))
    return Fact(ons_region(london(fact.value)) if fact.value else None, fact.citations)


def london(region: str) -> str:
    """Inner and Outer London (DfE's and the scrape's split) are both the ONS region London."""
    return "London" if region in {"Inner London", "Outer London"} else region


def authority_type_fact(e: CouncilEvidence) -> Fact:
    """mySociety's type of the current (or last) body, e.g. "County", "Unitary authority".

    Provider's `ons_la_type` is only a fallback: it calls Cumberland, Westmorland and Furness and North
    Yorkshire "County" though all three are unitary since 2023, and is blank for Northamptonshire and Poole.
    """
    return first_fact((latest(e.entities), "local-authority-type-name"), (e.provider, "ons_la_type"))


def end_date_fact(e: CouncilEvidence) -> Fact:
    """mySociety's end date of the last body, as the file gives it.

    The file is not consistent: the 2019 Dorset councils end on 2019-03-31, the day before BCP began,
    while Northamptonshire and Cumbria end on 2021-04-01 and 2023-04-01, the day their successors began.
    """
    return first_fact((latest(e.entities), "end-date"))


def successors_of(e: CouncilEvidence, evidence: Evidence) -> Successors:
    """The DfE codes that took over a former council's area.

    From mySociety's `replaced-by`, joined to DfE codes through GSS. For a county council also from the
    districts that lay in it and ended with it: Dorset County Council's `replaced-by` names only Dorset
    Council, but its district Christchurch (county-la DOR) went to Bournemouth, Christchurch and Poole.
    """
    last = latest(e.entities)
    if last is None or not last["end-date"]:
        return Successors()
    districts = evidence.districts.get(last["local-authority-code"], [])
    found: dict[str, list[Citation]] = defaultdict(list)
    for row in [last, *(d for d in districts if d["end-date"] == last["end-date"])]:
        for key in filter(None, (k.strip() for k in row["replaced-by"].split(","))):
            code = evidence.entity_code.get(key)
            if code and code != e.code:
                found[code] += [cite(row, "replaced-by", key), *gss_citations(evidence.entities[key])]
    return Successors(sorted(found), [c for cs in found.values() for c in cs])


def gss_citations(entity: Row) -> list[Citation]:
    """The mySociety row of a successor, for its GSS code (the join to its DfE code)."""
    return [cite(entity, "gss-code")] if entity["gss-code"] else []


def start_date_fact(e: CouncilEvidence) -> Fact:
    """mySociety's start date of a council that a reorganisation in these files created.

    Only those: mySociety's other start dates are register entries (many in June 2005) or changes of
    status (Durham's unitary status in 2009), not the day the council took on children's services.
    """
    return first_fact((e.entities[0] if e.entities else None, "start-date"))


def aliases_of(e: CouncilEvidence, name: str) -> tuple[list[str], list[Citation]]:
    """Every spelling of the council's name in the files, and the rows that give them."""
    spelled: list[tuple[str, Citation]] = []
    for row in e.entities:
        spelled += [(row[c], cite(row, c)) for c in ("official-name", "nice-name") if row[c]]
    spelled += [(row["la-name"], cite(row, "la-name")) for row in e.names if row["la-name"]]
    for lookup, column in [
        (e.provider, "local_authority_ons_name"),
        (e.provider, "utla23nm"),
        (e.scrape, "la_name"),
    ]:
        if lookup is not None and lookup[column]:
            spelled.append((lookup[column], cite(lookup, column)))
    spelled += [(row["la_name"], cite(row, "la_name")) for row in e.workforce if row["la_name"]]
    if e.provider and e.provider["also_known_as"]:
        known = {name_key(n) for n, _ in spelled}
        spelled += [
            (alias, cite(e.provider, "also_known_as", alias))
            for alias in split_also_known_as(e.provider["also_known_as"], known)
        ]
    aliases = sorted({name, *(n for n, _ in spelled)})
    return aliases, [c for _, c in spelled]


def split_also_known_as(cell: str, known: set[str]) -> list[str]:
    """The names in Provider's `also_known_as`, a bracketed list joined with ", ".

    A name may itself contain ", " ("[BCP, Bournemouth, Christchurch & Poole]"), so a run of pieces is
    kept together when, joined, it spells a name the council is known by in another file; splitting
    blindly would make "Bournemouth" an alias of BCP.
    """
    pieces = [p.strip() for p in cell.strip().strip("[]").split(",")]
    names: list[str] = []
    start = 0
    while start < len(pieces):
        end = next(
            (j for j in range(len(pieces), start, -1) if name_key(", ".join(pieces[start:j])) in known),
            start + 1,
        )
        names.append(", ".join(pieces[start:end]))
        start = end
    return [n for n in names if n]


# ---- checks across files ------------------------------------------------------------------------


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


# ---- the index ----------------------------------------------------------------------------------


def name_key(name: str) -> str:
    """A council name reduced to what tells councils apart.

    Ignores case, punctuation ("St." = "St", "Stockton-on-Tees" = "Stockton on Tees"), "&" vs "and", and
    a leading "City of" / "County of" or trailing ", City of" / ", County of" (ONS's "Bristol, City of").
    """
    text = name.casefold().replace("&", " and ")
    text = " ".join(re.sub(r"[\W_]+", " ", text).split())
    text = re.sub(r"^(?:city|county) of ", "", text)
    return re.sub(r" (?:city|county) of$", "", text)


class CouncilIndex:
    """Resolves a source's reference to a council (name, Ofsted URN, GSS code) to its DfE LA code.

    Example:
        >>> index.by_name("Kingston Upon Hull")
        '810'
        >>> index.by_name("Dorset", on_date="2018-06-01"), index.by_name("Dorset")
        ('835', '838')
    """

    def __init__(self, councils: Sequence[CouncilRecord], gss_codes: dict[str, str]) -> None:
        self._councils = {c.code: c for c in councils}
        self._by_urn = {c.ofsted_urn: c.code for c in councils if c.ofsted_urn}
        self._by_gss = {**gss_codes, **{c.gss_code: c.code for c in councils if c.gss_code}}
        by_key: dict[str, set[str]] = defaultdict(set)
        for council in councils:
            for alias in (council.name, *council.aliases):
                by_key[name_key(alias)].add(council.code)
        self._by_key = {key: sorted(codes) for key, codes in by_key.items()}

    def by_name(self, name: str, on_date: str | None = None) -> str | None:
        """The DfE code of the council with this name; None if unknown or still ambiguous.

        Where councils share a name over time (Dorset: 835 until 2019-03-31, 838 from 2019-04-01) the
        one that existed on `on_date` (ISO date) wins; with no date, the current one.
        """
        codes = self._by_key.get(name_key(name), [])
        if len(codes) > 1:
            codes = [code for code in codes if self._existed(self._councils[code], on_date)]
        return codes[0] if len(codes) == 1 else None

    def by_urn(self, urn: str) -> str | None:
        """The DfE code of the council with this Ofsted URN."""
        return self._by_urn.get(urn.strip())

    def by_gss(self, gss: str) -> str | None:
        """The DfE code of the council with this ONS GSS code, current or former."""
        return self._by_gss.get(gss.strip().upper())

    def by_code(self, code: str) -> CouncilRecord | None:
        """The council with this DfE LA code."""
        return self._councils.get(code.strip())

    def councils(self) -> list[CouncilRecord]:
        """Every council, current and former, by DfE code."""
        return [self._councils[code] for code in sorted(self._councils)]

    @staticmethod
    def _existed(council: CouncilRecord, on_date: str | None) -> bool:
        if on_date is None:
            return council.end_date is None
        started = council.start_date is None or council.start_date <= on_date
        return started and (council.end_date is None or on_date <= council.end_date)

"""The council lookup files: where each lives, the Source it is, the columns read and the code formats."""

from __future__ import annotations

import re
from pathlib import Path

from graph.errors import Problem
from loaders.model import Citation, SourceRecord
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


def read_tables(data_dir: Path, problems: list[Problem]) -> Tables:
    """Read every file, noting missing files and columns."""
    return {file: read_rows(data_dir, file, problems) for file in COLUMNS}


def read_rows(data_dir: Path, file: str, problems: list[Problem]) -> list[Row]:
    """One file's rows with their spreadsheet row numbers, or none if it is missing or lacks columns."""
    # Provider_data_lookup.csv starts with a byte-order mark (SOURCES.md 4a); read_table handles it.
    return located_rows(data_dir / file, file, COLUMNS[file], problems)

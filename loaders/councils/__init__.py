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

from pathlib import Path

from graph.errors import LoadError, Problem
from loaders.councils.build import build_council, split_also_known_as, successors_of
from loaders.councils.checks import check_region_corrections_resolve, check_regions, check_unique_urns
from loaders.councils.evidence import gather_evidence
from loaders.councils.files import (
    COLUMNS,
    MYSOCIETY,
    MYSOCIETY_GSS,
    MYSOCIETY_NAMES,
    PROVIDER,
    REGION_CORRECTIONS,
    SOURCES,
    WEB_SCRAPE,
    WORKFORCE,
    read_tables,
)
from loaders.councils.index import CouncilIndex, name_key
from loaders.model import Bundle

__all__ = [
    "COLUMNS",
    "MYSOCIETY",
    "MYSOCIETY_GSS",
    "MYSOCIETY_NAMES",
    "PROVIDER",
    "REGION_CORRECTIONS",
    "WEB_SCRAPE",
    "WORKFORCE",
    "CouncilIndex",
    "name_key",
    "read_councils",
    "split_also_known_as",
]


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

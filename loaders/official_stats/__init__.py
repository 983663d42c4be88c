"""Ofsted's official statistics on local authority inspections: one statement per inspection or visit.

Reads the derived CSV extracts in `ofsted_official_stats/csv/` (SOURCES.md section 2a). Each CSV is a
sheet (or one table of a sheet) of an Ofsted ODS, with values unchanged and dates as ISO. The wide
files hold several inspections per row (SLAC, CPI, SIF, first and second ILACS ...); the long and
in-year files hold one inspection or visit per row; the latest-judgements files restate each council's
latest ILACS inspection (`loaders.reconcile` joins them to it by inspection date).

Ofsted writes older grades in today's words: a SIF "requires improvement", and apparently a 2009-12
"adequate", appear as "Requires improvement to be good". The statements keep that wording; they do
not convert it.
"""

from __future__ import annotations

from pathlib import Path

from graph.errors import LoadError, Problem
from loaders.corrections import read_statistics_date_slips
from loaders.model import Bundle, CouncilResolver
from loaders.official_stats.files import FILES, STATS_DIR
from loaders.official_stats.rows import CARE_LEAVERS_JUDGED_FROM, read_stats_file, source_record

__all__ = ["CARE_LEAVERS_JUDGED_FROM", "FILES", "STATS_DIR", "read_official_stats"]


def read_official_stats(data_dir: Path, councils: CouncilResolver) -> Bundle:
    """Read every CSV extract of Ofsted's LA inspection statistics into statements and sources.

    Args:
        data_dir: the shared data folder (`Settings.data_dir`).
        councils: resolves the councils' names (and, in the 2025 edition, GSS codes) to DfE codes.

    Raises:
        LoadError: listing every problem in every file (missing file or column, bad date, unknown
            grade, type or council, duplicate inspection); nothing is returned.
    """
    bundle = Bundle()
    problems: list[Problem] = []
    slips = read_statistics_date_slips(problems)
    for stats_file in FILES:
        bundle.sources.append(source_record(stats_file))
        bundle.inspections += read_stats_file(data_dir, stats_file, councils, slips, problems)
    if problems:
        raise LoadError(problems)
    return bundle

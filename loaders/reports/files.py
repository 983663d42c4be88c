"""Which PDFs a load reads: the bundled index, a researcher's folder, and the date in a file's name."""

# Councils' and trusts' names print curly apostrophes.

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graph.errors import Problem
from loaders.dates import parse_day
from loaders.model import (
    CouncilResolver,
)
from loaders.tables import read_table

REPORTS_DIR = "reports"
INDEX_CSV = f"{REPORTS_DIR}/reports_index_full.csv"
INDEX_COLUMNS = ("file", "urn", "doc_type", "publication_date_from_filename", "sha256")


@dataclass(frozen=True)
class PdfFile:
    """One PDF to read, and what a manifest says about it (nothing, for a researcher's folder)."""

    path: Path
    file: str  # as problems name it
    council_code: str | None = None  # from the manifest's Ofsted URN
    published: str | None = None  # from the manifest or the file name
    sha256: str | None = None  # the manifest's, checked against the bytes


def bundled_pdfs(data_dir: Path, councils: CouncilResolver, problems: list[Problem]) -> list[PdfFile]:
    """The shipped PDFs, as `reports_index.csv` lists them."""
    found: list[PdfFile] = []
    for number, row in read_table(data_dir / INDEX_CSV, INDEX_CSV, INDEX_COLUMNS, problems):
        file = row["file"].strip()
        code = councils.by_urn(row["urn"])
        if code is None:
            problems.append(Problem(INDEX_CSV, number, "urn", f"no council has Ofsted URN {row['urn']!r}"))
            continue
        published = row["publication_date_from_filename"].strip()
        try:
            date.fromisoformat(published)
        except ValueError:
            problems.append(
                Problem(INDEX_CSV, number, "publication_date_from_filename", f"not a date: {published!r}")
            )
            continue
        found.append(
            PdfFile(
                data_dir / REPORTS_DIR / file, f"{REPORTS_DIR}/{file}", code, published, row["sha256"].strip()
            )
        )
    return found


def folder_pdfs(folder: Path) -> list[PdfFile]:
    """Every PDF under a researcher's folder; the publication date from the file name where it has one."""
    return [
        PdfFile(path, str(path.relative_to(folder.parent)), published=date_in_name(path.name))
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix.lower() == ".pdf"
    ]


def date_in_name(name: str) -> str | None:
    """ "2017-06-13_inspection.pdf" or Ofsted's "children's services inspection - 13 june 2017.pdf"."""
    iso = re.search(r"(\d{4}-\d{2}-\d{2})", name)
    if iso:
        try:
            return date.fromisoformat(iso.group(1)).isoformat()
        except ValueError:
            return None
    long = re.search(r"(\d{1,2} [A-Za-z]+ \d{4})", name)
    day = parse_day(long.group(1)) if long else None
    return day.isoformat() if day else None

"""Reading a CSV table the way every loader needs it: numbered rows, required columns, ragged rows."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from graph.errors import Problem


def read_table(
    path: Path, file: str, columns: Iterable[str], problems: list[Problem]
) -> list[tuple[int, dict[str, str]]]:
    """Each data row as (spreadsheet row number, cells by column); header = row 1.

    A missing file, a required column missing from the header (reported at row 1), or a row whose
    cell count differs from the header's is added to `problems`. A file missing a column gives no rows;
    a ragged row is skipped. Empty cells are "".

    Args:
        path: the file to read.
        file: its name as reported in problems (relative to the data folder).
        columns: the columns the loader needs.
        problems: where problems are added.
    """
    if not path.is_file():
        problems.append(Problem(file, None, None, f"file not found: {path}"))
        return []
    # utf-8-sig: spreadsheets often save CSVs with a byte-order mark that would corrupt the first
    # column name. The csv module reads quoted cells holding commas as one cell.
    with path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        missing = [c for c in columns if c not in header]
        problems += [Problem(file, 1, c, "expected this column in the header") for c in missing]
        if missing:
            return []
        rows: list[tuple[int, dict[str, str]]] = []
        for number, raw in enumerate(reader, start=2):
            # DictReader pads a short row with None and files a long row's extra cells under None.
            extra = raw.pop(None, None)
            short = any(value is None for value in raw.values())
            if extra or short:
                count = sum(v is not None for v in raw.values()) + len(extra or [])
                problems.append(
                    Problem(file, number, None, f"has {count} cells; the header has {len(header)}")
                )
                continue
            rows.append((number, dict(raw)))
        return rows

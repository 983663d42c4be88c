"""Reading a CSV table the way every loader needs it: located rows, required columns, ragged rows.

Each row knows its file and spreadsheet row number, so it can cite itself and report a problem in
one of its cells.

Hostile or broken files are reported, never crashed on: text that is not UTF-8 (a UTF-16 or Latin-1
save), a header naming a column twice, broken quoting, control characters and over-long cells are
each a Problem naming the file, the row and, where one cell is to blame, its column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from graph.errors import Problem
from loaders.model import Citation

# The longest cell in the real sources has 259 characters. Cells become ids and indexed properties,
# and Neo4j refuses an index key over about 8 KB (up to 4 bytes a character), so a longer cell is a
# broken or hostile file, reported by its column rather than failing the write.
MAX_CELL_CHARS = 1000
# Raised from csv's default (131,072) so an over-long cell is read whole and reported by its column;
# past this the row itself is reported as unreadable.
csv.field_size_limit(16 * 1024 * 1024)

# C0/C1 controls other than tab and line breaks (NUL, ESC, BEL ...) and the bidirectional overrides
# that make text display in an order other than its stored one.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Bytes that are not UTF-8 survive decoding as lone surrogates (errors="surrogateescape").
UNDECODABLE = re.compile(r"[\udc80-\udcff]")

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# csv's own words for broken quoting, in words a researcher can act on.
CSV_ERRORS = {
    "unexpected end of data": 'the file ends inside a quoted cell: a closing " is missing (truncated file?)',
    "expected after": 'text follows a closing " in a cell; a " inside a quoted cell is written ""',
    "field larger than field limit": "a cell is too large to read",
}


@dataclass(frozen=True, eq=False)
class Row:
    """One data row of one file, with its spreadsheet row number (header = 1)."""

    file: str
    number: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def quote(self, *columns: str | None) -> str:
        """The named cells that hold something, as 'column=value; ...' (each column once)."""
        return "; ".join(f"{c}={self[c]}" for c in dict.fromkeys(columns) if c and self[c])

    def cite(self, source_id: str, quoted: Iterable[str], column: str, value: str | None = None) -> Citation:
        """This row as evidence for the value in `column` (the cell itself unless told otherwise)."""
        return Citation(
            source_id=source_id,
            quote=self.quote(*quoted),
            row=self.number,
            field=column,
            value=self[column] if value is None else value,
        )

    def problem(self, column: str | None, reason: str) -> Problem:
        """A problem in this row, in `column` (or the whole row when None)."""
        return Problem(self.file, self.number, column, reason)


def located_rows(path: Path, file: str, columns: Iterable[str], problems: list[Problem]) -> list[Row]:
    """read_table's rows, each located in its file (see read_table for what is reported)."""
    return [Row(file, number, cells) for number, cells in read_table(path, file, columns, problems)]


def read_table(
    path: Path, file: str, columns: Iterable[str], problems: list[Problem]
) -> list[tuple[int, dict[str, str]]]:
    """Each data row as (spreadsheet row number, cells by column); header = row 1.

    A missing, empty or non-UTF-8 file, a required column missing from the header or named twice
    (reported at row 1), and a row that is ragged, unreadable or holds a bad cell (bytes that are not
    UTF-8, a control character, more than MAX_CELL_CHARS characters) are added to `problems`. A file
    with a header problem gives no rows; a bad row is skipped. Empty cells are "".

    Args:
        path: the file to read.
        file: its name as reported in problems (relative to the data folder).
        columns: the columns the loader needs.
        problems: where problems are added.
    """
    if not path.is_file():
        problems.append(Problem(file, None, None, f"file not found: {path}"))
        return []
    text = decoded(path.read_bytes(), file, problems)
    if text is None:
        return []
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    header = read_header(reader, file, list(columns), problems)
    if header is None:
        return []
    rows: list[tuple[int, dict[str, str]]] = []
    for number, raw in numbered_rows(reader, file, problems):
        bad = row_problems(file, number, raw, len(header))
        problems += bad
        if not bad:
            rows.append((number, {str(column): str(value) for column, value in raw.items()}))
    return rows


def decoded(data: bytes, file: str, problems: list[Problem]) -> str | None:
    """The file as text; None (with a problem) when it is UTF-16, which no loader reads.

    utf-8-sig: spreadsheets often save CSVs with a byte-order mark that would corrupt the first
    column name. Other bytes that are not UTF-8 are kept as surrogates, so the cell holding them is
    reported with its row and column.
    """
    # Without a byte-order mark, UTF-16 text still shows itself: every other byte of ASCII is a NUL.
    if data.startswith(UTF16_BOMS) or data[:64].count(0) >= len(data[:64]) // 4 > 0:
        problems.append(
            Problem(file, 1, None, "the file is UTF-16 text; save it as UTF-8 (Excel: 'CSV UTF-8')")
        )
        return None
    return data.decode("utf-8-sig", errors="surrogateescape")


def read_header(
    reader: csv.DictReader[str], file: str, columns: list[str], problems: list[Problem]
) -> list[str] | None:
    """The header's column names, or None (with problems) when a needed column is missing or doubled."""
    try:
        header = list(reader.fieldnames or [])
    except csv.Error as exc:
        problems.append(Problem(file, 1, None, csv_reason(exc)))
        return None
    if not header:
        problems.append(Problem(file, 1, None, f"the file is empty: expected a header naming {columns[0]}"))
        return None
    found = [header_problem(file, header, c) for c in columns]
    found += [
        Problem(file, 1, name, f"named {header.count(name)} times in the header; a column is named once")
        for name in dict.fromkeys(h for h in header if header.count(h) > 1)
    ]
    found += [
        Problem(file, 1, None, f"header cell {i} {cell_reason(name)}")
        for i, name in enumerate(header, start=1)
        if cell_reason(name)
    ]
    problems += [p for p in found if p is not None]
    return header if not any(found) else None


def header_problem(file: str, header: list[str], column: str) -> Problem | None:
    """A missing column, with the near miss the header has instead (case, spaces, a stray BOM)."""
    if column in header:
        return None
    near = [h for h in header if plain(h) == plain(column)]
    if near:
        return Problem(file, 1, column, f"expected this column in the header; found {near[0]!r}")
    if len(header) == 1 and any(sep in header[0] for sep in ";\t|"):
        reason = "expected this column in the header, which is one cell: is the file not comma-separated?"
        return Problem(file, 1, column, reason)
    return Problem(file, 1, column, "expected this column in the header")


def plain(name: str) -> str:
    return name.replace("\ufeff", "").strip().casefold()


def numbered_rows(
    reader: csv.DictReader[str], file: str, problems: list[Problem]
) -> Iterator[tuple[int, dict[str | None, str | list[str] | None]]]:
    """Each raw row with its row number; broken quoting ends the file with a problem at its row."""
    number = 1
    while True:
        number += 1
        try:
            raw = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(Problem(file, number, None, csv_reason(exc)))
            return
        yield number, dict(raw)


def row_problems(
    file: str, number: int, raw: dict[str | None, str | list[str] | None], header_size: int
) -> list[Problem]:
    """What is wrong with one row: its cell count, else each bad cell."""
    # DictReader pads a short row with None and files a long row's extra cells under None.
    extra = raw.pop(None, None)
    short = any(value is None for value in raw.values())
    if extra or short:
        count = sum(v is not None for v in raw.values()) + len(extra or [])
        return [Problem(file, number, None, f"has {count} cells; the header has {header_size}")]
    return [
        Problem(file, number, column, reason)
        for column, value in raw.items()
        if column is not None and isinstance(value, str) and (reason := cell_reason(value))
    ]


def cell_reason(value: str) -> str:
    """Why a cell cannot be read as text, or "" when it can."""
    if bad := UNDECODABLE.search(value):
        byte = ord(bad.group()) - 0xDC00
        shown = value.encode("utf-8", "surrogateescape")[:80]
        return (
            f"holds byte 0x{byte:02X}, which is not UTF-8 (saved as Latin-1 or Windows-1252?): "
            f"{shown!r}; save the file as UTF-8"
        )
    if bad := CONTROL.search(value):
        return f"holds the control character U+{ord(bad.group()):04X}; expected plain text"
    if len(value) > MAX_CELL_CHARS:
        return f"holds {len(value):,} characters; expected at most {MAX_CELL_CHARS:,}"
    return ""


def csv_reason(exc: csv.Error) -> str:
    """A csv module error as a sentence about the file."""
    message = str(exc)
    reason = next((text for key, text in CSV_ERRORS.items() if key in message), None)
    return reason or f"not readable as CSV: {message}"

"""The one CSV reader every loader uses: numbered rows, required columns, ragged rows."""

from __future__ import annotations

from pathlib import Path

from graph.errors import Problem
from loaders.tables import read_table


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_are_numbered_from_2_and_a_byte_order_mark_is_not_part_of_a_column(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffcode,name\n916,Gloucestershire\n803,\n")
    problems: list[Problem] = []
    assert read_table(path, "table.csv", ["code", "name"], problems) == [
        (2, {"code": "916", "name": "Gloucestershire"}),
        (3, {"code": "803", "name": ""}),
    ]
    assert problems == []


def test_a_short_or_long_row_is_reported_with_its_row_and_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "code,name\n916\n916,Gloucestershire\n803,Bristol,extra\n")
    problems: list[Problem] = []
    rows = read_table(path, "table.csv", ["code"], problems)
    assert [number for number, _ in rows] == [3]
    assert [(p.row, p.field, p.reason) for p in problems] == [
        (2, None, "has 1 cells; the header has 2"),
        (4, None, "has 3 cells; the header has 2"),
    ]


def test_a_missing_column_is_reported_in_the_header_row_and_gives_no_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "code\n916\n")
    problems: list[Problem] = []
    assert read_table(path, "table.csv", ["code", "name"], problems) == []
    assert [(p.file, p.row, p.field) for p in problems] == [("table.csv", 1, "name")]


def test_a_missing_file_is_reported_by_its_name(tmp_path: Path) -> None:
    problems: list[Problem] = []
    assert read_table(tmp_path / "absent.csv", "absent.csv", ["code"], problems) == []
    assert [(p.file, p.row, p.field) for p in problems] == [("absent.csv", None, None)]

"""Curated corrections are data read and checked like any source: every row says why, problems located."""

from __future__ import annotations

import shutil
from pathlib import Path

from graph.errors import Problem
from loaders.corrections import (
    CORRECTIONS_DIR,
    read_letter_date_typos,
    read_letter_decisions,
    read_statistics_date_slips,
)


def test_the_bundled_corrections_have_no_problems() -> None:
    problems: list[Problem] = []
    decisions = read_letter_decisions(problems)
    typos = read_letter_date_typos(problems)
    slips = read_statistics_date_slips(problems)
    assert problems == []
    assert len(decisions) == 18
    assert decisions[("80549", "2024-11-29")].addressees[1].trust == "Sandwell Children’s Trust"  # noqa: RUF001
    assert decisions[("80545", "2022-06-23")].addressees == ()
    assert typos == {("80464", "21 January 2019"): "2020-01-21"}
    assert set(slips.values()) == {"2022-09-05"}


def test_a_correction_without_a_reason_or_with_a_bad_value_is_reported_by_row_and_column(
    tmp_path: Path,
) -> None:
    shutil.copytree(CORRECTIONS_DIR, tmp_path, dirs_exist_ok=True)
    with (tmp_path / "letter_decisions.csv").open("a", encoding="utf-8") as f:
        f.write("80001,2020-01-01,Pat Lee,Director,dcs,,a role that does not exist\n")
        f.write(
            "80002,2020-13-01,Pat Lee,Director,director_of_childrens_services,,a month that does not exist\n"
        )
        f.write("80003,2020-01-01,Pat Lee,Director,director_of_childrens_services,,\n")
    with (tmp_path / "letter_date_typos.csv").open("a", encoding="utf-8") as f:
        f.write("80464,21 January 2019,2020-01-22,the same printed date corrected twice\n")
    problems: list[Problem] = []
    read_letter_decisions(problems, tmp_path)
    read_letter_date_typos(problems, tmp_path)
    assert [(p.file, p.row, p.field) for p in problems] == [
        ("corrections/letter_decisions.csv", 29, "role"),
        ("corrections/letter_decisions.csv", 30, "file_date"),
        ("corrections/letter_decisions.csv", 31, "reason"),
        ("corrections/letter_date_typos.csv", 3, "printed"),
    ]

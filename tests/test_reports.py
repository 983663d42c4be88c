"""The bundled reports' manifest is checked against the bytes on disk, cache or no cache."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from graph.errors import LoadError, Problem
from graph.settings import Settings
from loaders.councils import read_councils
from loaders.model import Bundle
from loaders.reports import INDEX_CSV, bundled_pdfs, read_reports

LETTER = "gloucestershire/2020-11-20_focused_visit.pdf"
OTHER = "gloucestershire/2025-02-21_focused_visit.pdf"


def test_a_pdf_changed_since_the_manifest_is_refused_even_when_its_old_bytes_were_read_before(
    settings: Settings, tmp_path: Path
) -> None:
    real = settings.data_dir / "reports"
    with (real / "reports_index.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    row = next(r for r in rows if r["file"] == LETTER)
    # Read the real letter once, so the cache holds its extraction under its true digest.
    _, index = read_councils(settings.data_dir)
    problems: list[Problem] = []
    read_reports(
        [p for p in bundled_pdfs(settings.data_dir, index, problems) if p.file.endswith(LETTER)],
        index,
        Bundle(),
    )

    # The same manifest row, but the file on disk is now another letter.
    data = tmp_path / "data"
    for entry in settings.data_dir.iterdir():
        if entry.name != "reports":
            (data / entry.name).parent.mkdir(parents=True, exist_ok=True)
            (data / entry.name).symlink_to(entry)
    (data / "reports" / "gloucestershire").mkdir(parents=True)
    shutil.copy(real / OTHER, data / "reports" / LETTER)
    with (data / INDEX_CSV).open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)

    pdfs = bundled_pdfs(data, index, problems)
    assert problems == []
    with pytest.raises(LoadError) as caught:
        read_reports(pdfs, index, Bundle())
    assert [(p.file, p.field) for p in caught.value.problems] == [(f"reports/{LETTER}", "sha256")]

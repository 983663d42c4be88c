"""Pages per second of the PDF report reader over the bundled folder, cold (no cache).

Run: .venv/bin/python -m bench.reports

Reads every PDF twice in this one run: once page text only (pypdf's extraction, the floor any reader
pays) and once through `loaders.report_pdf.read_report` (extraction plus layout parsing), so the
ratio shows what the parsing adds. Both run in this process, one PDF at a time; the load itself
reads in parallel processes and keeps results in a cache by sha256, which this benchmark bypasses.
"""

from __future__ import annotations

import csv
import os
import platform
import time
from pathlib import Path

from graph.settings import Settings
from loaders import report_pdf


def main() -> None:
    folder = Settings().data_dir / "reports"
    with (folder / "reports_index.csv").open(encoding="utf-8") as index:
        files = [folder / row["file"] for row in csv.DictReader(index)]
    pages = 0
    started = time.perf_counter()
    for path in files:
        pages += len(report_pdf.read_text(path).pages)
    text_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for path in files:
        report_pdf.read_report(path, str(Path(path).relative_to(folder)))
    full_seconds = time.perf_counter() - started
    machine = platform.processor() or platform.machine()
    print(f"machine: {machine}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{len(files)} PDFs, {pages} pages")
    print(f"text extraction only : {text_seconds:6.1f} s  {pages / text_seconds:6.1f} pages/s")
    print(f"read_report (parsed) : {full_seconds:6.1f} s  {pages / full_seconds:6.1f} pages/s")
    print(f"ratio read_report / extraction: {full_seconds / text_seconds:.2f}")


if __name__ == "__main__":
    main()

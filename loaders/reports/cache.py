"""The report reader's results kept by the PDF's bytes and the reader's code, so a load re-reads only new PDFs."""

# Councils' and trusts' names print curly apostrophes.
# ruff: noqa: E501

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from graph.settings import PROJECT_ROOT
from loaders import dates, grades, report_pdf, report_read, roles
from loaders.report_pdf import LeaderStatement, Quoted, ReadJudgement, Report
from loaders.reports.files import PdfFile

# Extraction is a pure function of the PDF's bytes and this reader's code, so its result is kept
# by both; a load then re-reads only new or changed PDFs (tens of seconds saved on each full load).
CACHE_DIR = PROJECT_ROOT / ".cache" / "reports"
# The reader is report_read (PDFium text, layouts, leadership sentences), the report_pdf parts it
# uses, and the shared rules it reads dates, grades and roles with.
READER_FILES = (
    sorted(Path(report_pdf.__file__ or "").parent.glob("*.py"))
    + sorted(Path(report_read.__file__ or "").parent.glob("*.py"))
    + [Path(m.__file__ or "") for m in (dates, grades, roles)]
)
READER_VERSION = hashlib.sha256(b"".join(path.read_bytes() for path in READER_FILES)).hexdigest()[:16]


def _cache_path(sha256: str) -> Path:
    return CACHE_DIR / f"{sha256}-{READER_VERSION}.json"


def cached_report(pdf: PdfFile) -> Report | None:
    # Keyed by the bytes on disk, never by the manifest's digest, so that a file changed since the
    # manifest was made is read again and then refused for its mismatch.
    try:
        sha = hashlib.sha256(pdf.path.read_bytes()).hexdigest()
        report = _report_from(json.loads(_cache_path(sha).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return replace(report, file=pdf.file)


def store_report(report: Report) -> None:
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        target = _cache_path(report.sha256)
        partial = target.with_suffix(".tmp")
        partial.write_text(json.dumps(asdict(report)), encoding="utf-8")
        partial.replace(target)
    except OSError:
        pass  # a cache that cannot be written only costs time


def _report_from(data: dict[str, Any]) -> Report:
    def quoted(value: dict[str, Any] | None) -> Quoted | None:
        return Quoted(**value) if value else None

    council = quoted(data["council_name"])
    if council is None:
        raise ValueError("no council")
    return Report(
        file=data["file"],
        sha256=data["sha256"],
        page_count=data["page_count"],
        doc_type=data["doc_type"],
        council_name=council,
        start_date=quoted(data["start_date"]),
        end_date=quoted(data["end_date"]),
        published_date=quoted(data["published_date"]),
        lead_inspector=quoted(data["lead_inspector"]),
        team=quoted(data["team"]),
        judgements=[ReadJudgement(**j) for j in data["judgements"]],
        leaders=[LeaderStatement(**s) for s in data["leaders"]],
    )

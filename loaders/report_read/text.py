"""Page text of a PDF with PDFium (pypdfium2), and a cache of it keyed by the file's sha256.

PDFium reads the report corpus about 17 times faster than pypdf with the same words in the same
order (bench/pdf_text.py), which is what makes reading all 494 reports on every cold load affordable.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from graph.settings import PROJECT_ROOT
from loaders.report_pdf.model import PdfUnreadableError

# Text is a pure function of the PDF's bytes and the extraction, so it is kept by both.
CACHE_DIR = PROJECT_ROOT / ".cache" / "report_text"
# Bumped when the extraction changes, so cached text from an older extraction is never reused.
EXTRACTION = "pdfium-1"


@dataclass(frozen=True)
class PageText:
    """A PDF's text page by page (index 0 is page 1), as PDFium extracts it, line breaks kept."""

    sha256: str
    pages: tuple[str, ...]


def extract(data: bytes) -> tuple[str, ...]:
    """Each page's text.

    Raises:
        PdfUnreadableError: not a PDF, encrypted or damaged, or a first page without text (a scan).
    """
    if not data.startswith(b"%PDF-"):
        raise PdfUnreadableError(None, "not a PDF (the file does not start with %PDF-)")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PdfUnreadableError(None, f"the PDF cannot be opened: {exc}") from exc
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
                finally:
                    textpage.close()
            except pdfium.PdfiumError as exc:
                raise PdfUnreadableError(index + 1, f"the page's text cannot be extracted: {exc}") from exc
            finally:
                page.close()
    finally:
        document.close()
    if not pages or not pages[0].strip():
        raise PdfUnreadableError(1, "the first page has no text (a scanned image, or a damaged file)")
    return tuple(pages)


def read(path: Path, cache_dir: Path | None = None) -> PageText:
    """The text of the PDF at `path`, from the cache when its bytes were read before.

    Raises:
        PdfUnreadableError: see `extract`.
        OSError: the file cannot be read.
    """
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    cached = cache_dir / f"{sha256}.{EXTRACTION}.json" if cache_dir else None
    if cached is not None and cached.exists():
        return PageText(sha256, tuple(json.loads(cached.read_text(encoding="utf-8"))))
    pages = extract(data)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed, so a reader in another process never sees half a file.
        partial = cached.with_suffix(f".{os.getpid()}.part")
        partial.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
        partial.replace(cached)
    return PageText(sha256, pages)


def flat(page: str) -> str:
    """A page's text with line breaks and runs of spaces collapsed, as the parsers match it."""
    return " ".join(page.split())

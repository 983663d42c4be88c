"""pypdf against PDFium (pypdfium2) on the same report pages in one run, and the corpus read cold.

Run: .venv/bin/python -m bench.pdf_text            (every 10th report of the 494, and the whole corpus)
     .venv/bin/python -m bench.pdf_text --every 1  (pypdf on every report too: several minutes)

Prints, for the sample:
- pages per second of each library's text extraction alone, one PDF at a time in this process;
- whether the text serves the parsers: the words of each page (as multisets) and, per report, what
  `loaders.report_read.facts.read` finds in each library's text (layout, dates, lead inspector, every
  grade, every leadership fact), listing each report where they differ;
and for the whole corpus, PDFium extraction plus parsing cold (no cache) in a pool of one process per
core, as the load reads it.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import resource
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pypdf import PdfReader

from graph.settings import Settings
from loaders.report_read import facts, text


def pypdf_pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def pdfium_pages(path: Path) -> list[str]:
    return list(text.extract(path.read_bytes()))


def summary(read: facts.ReadReport | facts.Unplaced) -> tuple[object, ...]:
    """What the parsers take from a report, in a form two readings can be compared by."""
    if isinstance(read, facts.Unplaced):
        return ("unplaced", read.reason)
    return (
        read.layout,
        read.council.value,
        read.start_date.value if read.start_date else None,
        read.end_date.value if read.end_date else None,
        read.published_date.value if read.published_date else None,
        tuple(q.value for q in read.lead_inspectors),
        tuple(sorted((j.area, j.grade) for j in read.judgements)),
        tuple((f.role, f.kind, f.date, f.interim, f.name) for f in read.leaders),
    )


def words(page: str) -> Counter[str]:
    # Hyphenation at line ends and ligature splitting differ between extractors; words are compared
    # after joining "well-\nbeing" and dropping punctuation, which neither parser depends on.
    joined = page.replace("-\n", "-").replace("\ufffe", "-")
    return Counter(
        "".join(ch for ch in w if ch.isalnum()) for w in joined.split() if any(c.isalnum() for c in w)
    )


def read_one(path: Path) -> int:
    pages = list(text.extract(path.read_bytes()))
    facts.read(pages)
    return len(pages)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--every", type=int, default=10, help="compare every Nth report (default 10)")
    args = parser.parse_args()
    folder = Settings().data_dir / "reports"
    with (folder / "reports_index_full.csv").open(encoding="utf-8") as index:
        files = [folder / row["file"] for row in csv.DictReader(index)]
    sample = files[:: args.every]

    started = time.perf_counter()
    by_pypdf = {path: pypdf_pages(path) for path in sample}
    pypdf_seconds = time.perf_counter() - started
    started = time.perf_counter()
    by_pdfium = {path: pdfium_pages(path) for path in sample}
    pdfium_seconds = time.perf_counter() - started
    pages = sum(len(p) for p in by_pdfium.values())

    differing_pages = 0
    word_total = Counter[str]()
    word_missing = 0
    parse_differs: list[tuple[str, tuple[object, ...], tuple[object, ...]]] = []
    for path in sample:
        for a, b in zip(by_pypdf[path], by_pdfium[path], strict=True):
            wa, wb = words(a), words(b)
            word_total.update(wa)
            missing = sum((wa - wb).values()) + sum((wb - wa).values())
            word_missing += missing
            differing_pages += missing > 0
        one, other = summary(facts.read(by_pypdf[path])), summary(facts.read(by_pdfium[path]))
        if one != other:
            parse_differs.append((str(path.relative_to(folder)), one, other))

    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        corpus_pages = sum(pool.map(read_one, files, chunksize=4))
    corpus_seconds = time.perf_counter() - started
    # CPU seconds the pool's processes spent: on a busy machine the wall time is mostly waiting for a
    # core, so this (divided by the cores) is what the read costs the machine.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    corpus_cpu = children.ru_utime + children.ru_stime

    machine = platform.processor() or platform.machine()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {machine}, {os.cpu_count()} cores, Python {platform.python_version()}, load {load}")
    print(f"sample: {len(sample)} of {len(files)} reports (every {args.every}th), {pages} pages")
    print(f"pypdf  text extraction : {pypdf_seconds:7.1f} s {pages / pypdf_seconds:7.1f} pages/s")
    print(f"PDFium text extraction : {pdfium_seconds:7.1f} s {pages / pdfium_seconds:7.1f} pages/s")
    print(f"PDFium / pypdf speed   : {pypdf_seconds / pdfium_seconds:.1f}x")
    total = sum(word_total.values())
    print(
        f"words: {total} in pypdf's text; {word_missing} differ between the two "
        f"({100 * word_missing / max(total, 1):.2f} %), on {differing_pages} of {pages} pages"
    )
    print(f"reports whose parsed facts differ between the two texts: {len(parse_differs)} of {len(sample)}")
    for file, one, other in parse_differs:
        changed = [
            f"{i}: pypdf {a!r} / pdfium {b!r}"
            for i, (a, b) in enumerate(zip(one, other, strict=False))
            if a != b
        ]
        print(f"  {file}: " + "; ".join(changed)[:600])
    print(
        f"whole corpus, PDFium + parsing, cold, {os.cpu_count()} processes: {len(files)} reports, "
        f"{corpus_pages} pages in {corpus_seconds:.1f} s ({corpus_pages / corpus_seconds:.0f} pages/s), "
        f"{corpus_cpu:.1f} CPU seconds ({corpus_pages / corpus_cpu:.0f} pages per CPU second)"
    )


if __name__ == "__main__":
    main()

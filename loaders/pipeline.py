"""The whole load: read every source, reconcile, check references, then write once.

Every source is read and checked before anything is written; the problems of all sources are
reported together, and one bad row anywhere means nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from neo4j import Driver

from graph.errors import LoadError, Problem
from graph.settings import PROJECT_ROOT, Settings
from loaders.councils import read_councils
from loaders.facts import read_facts
from loaders.letters import read_letters
from loaders.merge import check_references, merge_duplicates
from loaders.model import Bundle, Content, CouncilResolver
from loaders.official_stats import read_official_stats
from loaders.published import read_all_published
from loaders.reconcile import reconcile
from loaders.report_scrape import read_report_scrape
from loaders.reports import PdfFile, bundled_pdfs, folder_pdfs, read_reports
from loaders.write import WriteResult, write_graph

FACTS_DIR = PROJECT_ROOT / "facts"

Progress = Callable[[str], None]

# A table source: its step name and its reader, given the data folder and the council index.
# Adding a source is one reader module and one line here; the steps and the progress bar follow.
TableReader = Callable[[Path, CouncilResolver], Bundle]
TABLE_SOURCES: tuple[tuple[str, TableReader], ...] = (
    ("official statistics", read_official_stats),
    ("report scrape", read_report_scrape),
    ("focused-visit letters", read_letters),
)


def load_steps(facts_dir: Path = FACTS_DIR) -> list[str]:
    """The steps a load reports through `on_step`, in order, so a progress bar knows its length."""
    facts = [f"facts {path.name}" for path in sorted(facts_dir.glob("*.yaml"))]
    return [
        "councils",
        *(name for name, _ in TABLE_SOURCES),
        *facts,
        "published evidence",
        "reports",
        "reconcile",
        "write",
    ]


def read_everything(
    data_dir: Path,
    seeds_dir: Path,
    facts_dir: Path = FACTS_DIR,
    on_step: Progress | None = None,
    report_folders: tuple[Path, ...] = (),
    on_pdf: Progress | None = None,
) -> Content:
    """Read, reconcile and check every source; raise one LoadError listing every problem.

    The report PDFs are read last: each is matched to the Source, inspection and tenures the other
    sources describe. `report_folders` adds a researcher's folders of PDFs to the bundled ones.

    Raises:
        LoadError: any source has problems; nothing has been written.
    """
    step = on_step or (lambda _name: None)
    step("councils")
    bundle, councils = read_councils(data_dir)
    problems: list[Problem] = []
    readers: dict[str, Callable[[], Bundle]] = {
        name: partial(read, data_dir, councils) for name, read in TABLE_SOURCES
    }
    known_councils = {c.code for c in bundle.councils}
    for path in sorted(facts_dir.glob("*.yaml")):
        readers[f"facts {path.name}"] = partial(read_facts, path, seeds_dir, known_councils)
    readers["published evidence"] = partial(read_all_published, facts_dir / "published", known_councils)
    for name, read in readers.items():
        step(name)
        try:
            bundle.extend(read())
        except LoadError as exc:
            problems.extend(exc.problems)
    step("reports")
    pdfs: list[PdfFile] = bundled_pdfs(data_dir, councils, problems)
    for folder in report_folders:
        if not folder.is_dir():
            problems.append(Problem(str(folder), None, None, "not a folder of PDFs"))
            continue
        pdfs += folder_pdfs(folder)
    try:
        reports, replaced = read_reports(pdfs, councils, bundle, on_pdf)
        bundle.sources = [s for s in bundle.sources if s.id not in replaced]
        bundle.extend(reports)
    except LoadError as exc:
        problems.extend(exc.problems)
    step("reconcile")
    inspections, reconcile_problems = reconcile(bundle.inspections)
    problems.extend(reconcile_problems)
    merged = merge_duplicates(bundle, problems)
    content = Content(merged, inspections, report_folders=tuple(str(f) for f in report_folders))
    problems.extend(check_references(content))
    if problems:
        raise LoadError(problems)
    return content


def load_everything(
    settings: Settings,
    driver: Driver,
    *,
    force: bool = False,
    on_step: Progress | None = None,
    report_folders: tuple[Path, ...] = (),
    on_pdf: Progress | None = None,
) -> WriteResult:
    """Read every bundled source (and any extra folders of PDFs); replace the graph in one transaction."""
    content = read_everything(
        settings.data_dir,
        settings.seeds_dir,
        on_step=on_step,
        report_folders=report_folders,
        on_pdf=on_pdf,
    )
    if on_step:
        on_step("write")
    return write_graph(driver, settings.neo4j_database, content, force=force)

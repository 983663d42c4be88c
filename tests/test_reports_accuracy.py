"""Every shipped report PDF, read and reconciled, compared with the tables that describe the same event.

The whole load, all 494 PDFs of `reports/reports_index_full.csv`, is read once (`read_everything`, no
Neo4j); each PDF must be one Source cited by one event. For each of the 90 PDFs of the first
collection (`reports/reports_index.csv`, whose manifest also records dates and lead inspectors), what
the PDF states is compared with the official statistics, the report scrape, the focused-visit letter
table and the manifest itself. Where they differ, the difference is either listed below with the page
and the reason, or the test fails naming the file and page. The same comparison over every report is
`ofsted-graph reports-accuracy`, kept under test on a sample of every layout in
`tests/test_report_read_corpus.py`.
"""

# Reports print curly apostrophes; the quoted sentences match them exactly.
# ruff: noqa: RUF001

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass

import pytest

from graph.settings import Settings
from loaders.dates import date_range
from loaders.model import Citation, Content, Inspection, SourceRecord
from loaders.pipeline import read_everything


@dataclass(frozen=True)
class Disagreement:
    """A place where a shipped PDF and a table differ, and why the PDF is right to."""

    file: str  # relative to the reports folder
    page: int
    field: str  # a judgement area, or the inspection field as `loaders.reconcile` names it
    pdf_value: str
    table_value: str
    why: str


# Field disagreements between a PDF and the tables for the same event. Each is checked against the
# PDF's own text (page 1 of both reports). No judgement grade of a shipped PDF disagrees with a table.
KNOWN_DISAGREEMENTS = (
    Disagreement(
        file="norfolk/2015-10-20_inspection.pdf",
        page=1,
        field="publication date",
        pdf_value="2015-10-19",
        table_value="2015-10-20",
        why="The report prints 'Report published: 19 October 2015', as the official statistics do; the "
        "report scrape (and the file name Ofsted gave the PDF) say 20 October, the day it was listed.",
    ),
    Disagreement(
        file="devon/2025-05-13_inspection.pdf",
        page=1,
        field="end date",
        pdf_value="2025-01-16",
        table_value="2024-10-11",
        why="The inspection was paused and resumed: 'Inspection dates: 30 September to 11 October 2024 and "
        "13 to 16 January 2025'. The scrape (and the manifest's inspection_dates_text) keep the first span.",
    ),
)

# Judgements only the 2013 looked-after-children report keeps: the statistics file its overall
# effectiveness (as looked_after_children) and nothing else of the "Record of main findings".
PDF_ONLY = {
    ("norfolk/2013-08-16_inspection.pdf", area)
    for area in (
        "capacity_to_improve",
        "outcomes_for_looked_after_children",
        "quality_of_provision",
        "leadership_and_management",
    )
}

# Manifest lead inspectors that its best-effort extraction could not read, where the PDF prints one:
# "Lead inspector: Neil Penswick HMI" (no comma) and the 2013 report's "Reporting inspector".
INDEX_MISSED_LEAD = {
    "bradford/2018-10-29_inspection.pdf": "Neil Penswick",
    "wakefield/2018-07-17_inspection.pdf": "Neil Penswick",
    "norfolk/2013-08-16_inspection.pdf": "Gary Lamb",
}
# Graded reports that print no lead inspector anywhere.
NO_LEAD_PRINTED = {"devon/2025-05-13_inspection.pdf"}
# A SIF report that prints no "Report published" line (page 1 has only the inspection dates).
SIF_WITHOUT_PUBLISHED = {"bradford/2014-05-23_inspection.pdf"}


# Areas each layout grades; a pre-2023 ILACS report judges children in care with care leavers.
ILACS_BEFORE_2023 = {
    "impact_of_leaders",
    "help_and_protection",
    "children_in_care_and_care_leavers",
    "overall_effectiveness",
}
ILACS_FROM_2023 = {"impact_of_leaders", "help_and_protection", "children_in_care", "care_leavers"}
SIF_REINSPECTION = {
    "overall_effectiveness",
    "help_and_protection",
    "looked_after_and_permanence",
    "adoption",
    "care_leavers",
    "leadership_management_governance",
}
SIF = SIF_REINSPECTION | {"lscb"}
TLAC = {"looked_after_children"} | {area for _, area in PDF_ONLY}


SCRAPE_CSV = "ilacs_scrape/ofsted_csc_ilacs_history.csv"


@dataclass(frozen=True)
class Shipped:
    """A row of reports_index.csv."""

    file: str
    doc_type: str
    published: str
    sha256: str
    dates_text: str
    lead_text: str


@dataclass(frozen=True)
class Read:
    """A shipped PDF as the load placed it: its Source and the one event that cites it."""

    shipped: Shipped
    source: SourceRecord
    inspection: Inspection

    def pdf_citations(self, field: str) -> list[Citation]:
        return [c for c in self.inspection.citations if c.source_id == self.source.id and c.field == field]


@pytest.fixture(scope="module")
def content(settings: Settings) -> Content:
    """The whole load, read and reconciled once (PDF extraction is cached by sha256)."""
    return read_everything(settings.data_dir, settings.seeds_dir)


@pytest.fixture(scope="module")
def shipped(settings: Settings) -> list[Shipped]:
    return read_manifest(settings, "reports_index.csv")


@pytest.fixture(scope="module")
def corpus(settings: Settings) -> list[Shipped]:
    """All 494 rows; the checks above pin the first collection's 90 by hand."""
    return read_manifest(settings, "reports_index_full.csv")


def read_manifest(settings: Settings, name: str) -> list[Shipped]:
    with (settings.data_dir / "reports" / name).open(newline="", encoding="utf-8") as f:
        return [
            Shipped(
                row["file"],
                row["doc_type"],
                row["publication_date_from_filename"],
                row["sha256"],
                row["inspection_dates_text"].strip(),
                row["lead_inspector_text"].strip(),
            )
            for row in csv.DictReader(f)
        ]


@pytest.fixture(scope="module")
def reads(content: Content, shipped: list[Shipped]) -> list[Read]:
    by_sha = {s.sha256: s for s in content.bundle.sources if s.sha256}
    citing: dict[str, list[Inspection]] = defaultdict(list)
    for inspection in content.inspections:
        for source_id in dict.fromkeys(c.source_id for c in inspection.citations):
            citing[source_id].append(inspection)
    found = []
    for row in shipped:
        source = by_sha[row.sha256]
        [inspection] = citing[source.id]
        found.append(Read(row, source, inspection))
    return found


def graded(reads: list[Read]) -> list[Read]:
    return [r for r in reads if r.shipped.doc_type != "ilacs_focused_visit_letter"]


def pdf_page(read: Read, area: str) -> int | None:
    return next(
        (
            c.page
            for j in read.inspection.judgements
            if j.area == area
            for c in j.citations
            if c.source_id == read.source.id
        ),
        None,
    )


# --- every PDF is one Source and one event --------------------------------------------------------


def test_the_whole_corpus_is_one_source_per_pdf_each_cited_by_one_event(
    content: Content, corpus: list[Shipped], settings: Settings
) -> None:
    assert len(corpus) == 494
    assert [s.file for s in corpus if not (settings.data_dir / "reports" / s.file).is_file()] == []
    pdf_sources = {s.sha256: s for s in content.bundle.sources if (s.file or "").startswith("reports/")}
    assert sorted((s.file, sha) for sha, s in pdf_sources.items()) == sorted(
        (f"reports/{row.file}", row.sha256) for row in corpus
    )
    citing: dict[str, int] = defaultdict(int)
    for inspection in content.inspections:
        for source_id in dict.fromkeys(c.source_id for c in inspection.citations):
            citing[source_id] += 1
    assert [row.file for row in corpus if citing[pdf_sources[row.sha256].id] != 1] == []


def test_the_manifest_lists_90_pdfs_that_all_exist(shipped: list[Shipped], settings: Settings) -> None:
    assert len(shipped) == 90
    assert [s.file for s in shipped if not (settings.data_dir / "reports" / s.file).is_file()] == []


def test_every_shipped_pdf_is_exactly_one_source_with_its_sha256(
    content: Content, shipped: list[Shipped]
) -> None:
    first = {f"reports/{row.file}" for row in shipped}
    pdf_sources = [s for s in content.bundle.sources if s.file in first]

    assert sorted((s.file, s.sha256) for s in pdf_sources) == sorted(
        (f"reports/{row.file}", row.sha256) for row in shipped
    )
    kinds = {s.file: s.kind for s in pdf_sources}
    for row in shipped:
        expected = "ofsted_letter" if row.doc_type == "ilacs_focused_visit_letter" else "ofsted_report"
        assert kinds[f"reports/{row.file}"] == expected, row.file


def test_every_shipped_pdf_is_cited_by_exactly_one_event_of_its_kind(reads: list[Read]) -> None:
    # The `reads` fixture already unpacks exactly one citing event per PDF.
    kinds = {
        "ilacs_focused_visit_letter": "focused_visit",
        "sif_reinspection_report": "reinspection",
    }
    wrong = [
        f"{r.shipped.file}: {r.inspection.id} is a {r.inspection.kind}"
        for r in reads
        if r.inspection.kind != kinds.get(r.shipped.doc_type, "inspection")
    ]
    assert wrong == []


def test_a_pdf_that_has_an_ofsted_url_keeps_it_as_its_source(reads: list[Read]) -> None:
    # The report scrape gives every inspection report's Ofsted URL; letters have none in any table.
    without_url = [r.shipped.file for r in graded(reads) if not (r.source.url or "").startswith("https://")]
    assert without_url == []
    assert {
        r.source.id.split(":")[0] for r in reads if r.shipped.doc_type == "ilacs_focused_visit_letter"
    } == {"letter"}


# --- judgements -----------------------------------------------------------------------------------


def test_every_pdf_judgement_cites_its_page_and_quote(reads: list[Read]) -> None:
    bad = [
        f"{r.shipped.file}: {j.area} cites page {c.page} with quote {c.quote!r}"
        for r in reads
        for j in r.inspection.judgements
        for c in j.citations
        if c.source_id == r.source.id and not (c.page and c.quote.strip())
    ]
    assert bad == []


def test_focused_visit_letters_state_no_judgements(reads: list[Read]) -> None:
    graded_letters = [
        r.shipped.file
        for r in reads
        if r.shipped.doc_type == "ilacs_focused_visit_letter" and r.inspection.judgements
    ]
    assert graded_letters == []


def test_pdf_grades_agree_with_the_statistics_and_the_scrape(reads: list[Read]) -> None:
    known = {(d.file, d.field) for d in KNOWN_DISAGREEMENTS}
    disagreements = [
        f"{r.shipped.file} page {pdf_page(r, j.area)}: {j.area} "
        + "; ".join(f"{c.source_id} row {c.row} says {c.value!r}" for c in j.citations)
        for r in graded(reads)
        for j in r.inspection.judgements
        if j.conflict and (r.shipped.file, j.area) not in known
    ]
    assert disagreements == []


def test_pdf_grades_are_compared_with_a_table_wherever_a_table_grades_the_area(reads: list[Read]) -> None:
    # Guards the comparison above against passing vacuously: a PDF judgement no table states is
    # never in conflict, so every such judgement must be one that no table keeps.
    unmatched = {
        (r.shipped.file, j.area)
        for r in graded(reads)
        for j in r.inspection.judgements
        if all(c.source_id == r.source.id for c in j.citations)
    }
    assert unmatched == PDF_ONLY


def test_every_graded_report_grades_the_areas_of_its_layout(reads: list[Read]) -> None:
    wrong = []
    for r in graded(reads):
        areas = {
            j.area for j in r.inspection.judgements if any(c.source_id == r.source.id for c in j.citations)
        }
        expected = expected_areas(r)
        if areas != expected:
            wrong.append(f"{r.shipped.file}: read {sorted(areas)}, the layout grades {sorted(expected)}")
    assert wrong == []


def expected_areas(read: Read) -> set[str]:
    doc_type, published = read.shipped.doc_type, read.shipped.published
    if doc_type == "sif_inspection_report":
        return SIF
    if doc_type == "sif_reinspection_report":
        return SIF_REINSPECTION
    if doc_type == "looked_after_children_inspection_report_2013":
        return TLAC
    start = read.inspection.start_date or published
    if start < "2023-01-01":
        return ILACS_BEFORE_2023
    # From mid-2026 there is no overall grade (the scrape's not_reported_post_reform).
    return ILACS_FROM_2023 if published >= "2026-06-17" else ILACS_FROM_2023 | {"overall_effectiveness"}


def test_sif_era_reports_the_scrape_could_not_read_have_every_judgement_from_the_pdf(
    reads: list[Read], settings: Settings
) -> None:
    with (settings.data_dir / SCRAPE_CSV).open(newline="", encoding="utf-8") as f:
        unreadable = {
            row["inspection_link"]
            for row in csv.DictReader(f)
            if row["help_and_protection_grade"] == "data_unreadable"
        }
    covered = [r for r in graded(reads) if r.source.url in unreadable]
    assert {r.shipped.doc_type for r in covered} == {
        "sif_inspection_report",
        "sif_reinspection_report",
        "looked_after_children_inspection_report_2013",
    }
    # Every SIF-era PDF shipped is one the scrape could not read.
    assert {r.shipped.file for r in covered} == {
        r.shipped.file for r in reads if not r.shipped.doc_type.startswith("ilacs")
    }
    missing = [
        f"{r.shipped.file}: {j.area} only from {sorted({c.source_id for c in j.citations})}"
        for r in covered
        for j in r.inspection.judgements
        if not any(c.source_id == r.source.id and c.page for c in j.citations)
    ]
    assert missing == []


# --- dates, inspectors, publication ---------------------------------------------------------------


def test_event_fields_agree_with_the_tables_or_the_disagreement_is_known(reads: list[Read]) -> None:
    known = {(d.file, d.field): d for d in KNOWN_DISAGREEMENTS}
    unexplained = []
    for r in reads:
        for sentence in r.inspection.conflicts:
            label = re.match(r"Sources disagree on the (.+?):", sentence)
            entry = known.get((r.shipped.file, label.group(1) if label else ""))
            if entry is None or entry.pdf_value not in sentence or entry.table_value not in sentence:
                unexplained.append(f"{r.shipped.file}: {sentence}")
    assert unexplained == []


def test_every_known_disagreement_still_happens(reads: list[Read]) -> None:
    # A listed disagreement that no longer occurs means the table or the reader changed: re-check it.
    by_file = {r.shipped.file: r for r in reads}
    for d in KNOWN_DISAGREEMENTS:
        sentences = [
            s
            for s in by_file[d.file].inspection.conflicts
            if s.startswith(f"Sources disagree on the {d.field}:")
        ]
        assert len(sentences) == 1, d
        assert d.pdf_value in sentences[0], (d, sentences)
        assert d.table_value in sentences[0], (d, sentences)


def test_the_report_wins_for_display_where_it_disagrees(reads: list[Read]) -> None:
    by_file = {r.shipped.file: r.inspection for r in reads}
    assert by_file["norfolk/2015-10-20_inspection.pdf"].published_date == "2015-10-19"
    assert by_file["devon/2025-05-13_inspection.pdf"].end_date == "2025-01-16"


def test_inspection_dates_agree_with_the_manifest(reads: list[Read]) -> None:
    known = {d.file for d in KNOWN_DISAGREEMENTS if d.field in ("start date", "end date")}
    wrong = []
    for r in reads:
        [dates] = r.pdf_citations("inspection dates")
        span = date_range(r.shipped.dates_text) if r.shipped.dates_text else None
        if span is None or r.shipped.file in known:
            continue
        if dates.value != f"{span[0].isoformat()}/{span[1].isoformat()}":
            wrong.append(
                f"{r.shipped.file} page {dates.page}: read {dates.value}, manifest {r.shipped.dates_text!r}"
            )
    assert wrong == []


def test_every_pdf_states_its_inspection_or_visit_dates(reads: list[Read]) -> None:
    missing = [r.shipped.file for r in reads if len(r.pdf_citations("inspection dates")) != 1]
    assert missing == []
    undated = [r.shipped.file for r in reads if not (r.inspection.start_date and r.inspection.end_date)]
    assert undated == []


def test_the_manifest_reads_dates_for_every_inspection_report(reads: list[Read]) -> None:
    # Keeps the date comparison above honest: only letters lack the manifest's dates text.
    without = [r.shipped.file for r in graded(reads) if date_range(r.shipped.dates_text) is None]
    assert without == []


def lead_from_manifest(text: str) -> str:
    return re.sub(r",?\s*(?:Senior )?HMI$", "", text).strip()


def test_lead_inspector_agrees_with_the_manifest(reads: list[Read]) -> None:
    wrong = []
    for r in graded(reads):
        stated = r.pdf_citations("lead inspector")
        read = stated[0].value if stated else None
        page = stated[0].page if stated else None
        expected = lead_from_manifest(r.shipped.lead_text) or INDEX_MISSED_LEAD.get(r.shipped.file)
        if read != expected:
            wrong.append(f"{r.shipped.file} page {page}: read {read!r}, manifest {r.shipped.lead_text!r}")
    assert wrong == []


def test_only_reports_that_print_no_lead_inspector_lack_one(reads: list[Read]) -> None:
    assert {r.shipped.file for r in graded(reads) if r.inspection.lead_inspector is None} == NO_LEAD_PRINTED
    assert {r.shipped.file for r in graded(reads) if not r.shipped.lead_text} == NO_LEAD_PRINTED | set(
        INDEX_MISSED_LEAD
    )


def test_printed_publication_dates_agree_with_the_manifest(reads: list[Read]) -> None:
    known = {d.file for d in KNOWN_DISAGREEMENTS if d.field == "publication date"}
    wrong = [
        f"{r.shipped.file} page {c.page}: prints {c.value}, manifest {r.shipped.published}"
        for r in reads
        for c in r.pdf_citations("published")
        if c.value != r.shipped.published and r.shipped.file not in known
    ]
    assert wrong == []


def test_sif_reports_and_letters_print_their_date_and_ilacs_reports_do_not(reads: list[Read]) -> None:
    printed = {r.shipped.file for r in reads if r.pdf_citations("published")}
    assert (
        printed
        == {r.shipped.file for r in reads if r.shipped.doc_type != "ilacs_inspection_report"}
        - SIF_WITHOUT_PUBLISHED
    )


def test_every_event_is_published_on_the_manifest_date_or_a_known_disagreement(reads: list[Read]) -> None:
    known = {d.file: d.pdf_value for d in KNOWN_DISAGREEMENTS if d.field == "publication date"}
    wrong = [
        f"{r.shipped.file}: {r.inspection.published_date}"
        for r in reads
        if r.inspection.published_date != known.get(r.shipped.file, r.shipped.published)
    ]
    assert wrong == []


# --- leadership sentences -------------------------------------------------------------------------


def tenure_citing(content: Content, quote: str) -> list[tuple[str, str | None, int | None]]:
    return [
        (t.id, t.person_id, c.page)
        for t in content.bundle.tenures
        for c in t.citations
        if c.quote == quote and c.evidence == "in_post_since"
    ]


def test_the_gloucestershire_2017_chief_executive_sentence_cites_peter_bungards_tenure(
    content: Content,
) -> None:
    assert tenure_citing(content, "The chief executive has been in post since May 2005.") == [
        ("gloucestershire-ceo-peter-bungard", "peter-bungard", 5)
    ]


def test_the_gloucestershire_2017_dcs_sentence_stays_on_a_tenure_with_no_holder(content: Content) -> None:
    # The only DCS the other sources show near 2017 was appointed in June 2017, after August 2011:
    # the sentence is about someone no source names, and the graph says so rather than guess.
    [(tenure_id, person_id, page)] = tenure_citing(
        content, "The director of children’s services (DCS) has been in post since August 2011."
    )
    assert (person_id, page) == (None, 5)
    [tenure] = [t for t in content.bundle.tenures if t.id == tenure_id]
    assert (tenure.role, tenure.organisation_id) == ("director_of_childrens_services", "council:916")
    [since] = [c for c in tenure.citations if c.evidence == "in_post_since"]
    assert (since.date, since.precision) == ("2011-08", "month")

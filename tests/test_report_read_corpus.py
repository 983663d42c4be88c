"""The corpus reader on real shipped reports: a fixed sample covering every layout checked against the
tables, and hand-checked answers for newly shipped reports (read from each PDF's own pages).

`ofsted-graph`'s accuracy figures for all 494 reports are in the README; this sample keeps every
layout and every kind of explained disagreement under test.
"""

# Reports print curly apostrophes; quoted sentences match them exactly.
# ruff: noqa: RUF001, E501

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import get_args

import pytest

from graph.settings import Settings
from loaders.report_read import accuracy, facts, text

DATA = Settings().data_dir
REPORTS = DATA / "reports"

SAMPLE = (
    "kent/2013-08-23_inspection.pdf",  # 2013 looked-after-children inspection
    "isle_of_wight/2014-11-19_inspection.pdf",  # SIF, "Require improvement", "The overall judgement is that ..."
    "oldham/2015-08-03_inspection.pdf",  # SIF, the grades run onto page 2
    "norfolk/2015-10-20_inspection.pdf",  # SIF, printed publication date differs from the listing
    "surrey/2015-08-03_inspection.pdf",  # standalone LSCB review
    "gateshead/2016-03-11_inspection.pdf",  # SIF, "The inspection team included ... Lead inspector"
    "redbridge/2016-11-25_inspection.pdf",  # SIF, dates printed 12/09/2016
    "wirral/2016-09-20_inspection.pdf",  # SIF, "1. Leadership, management and governance"
    "somerset/2018-01-29_inspection.pdf",  # SIF "Reinspection"
    "oxfordshire/2018-05-22_inspection.pdf",  # ILACS 2018, three areas, short
    "bury/2020-11-13_focused_visit.pdf",  # focused-visit letter
    "stoke_on_trent/2022-11-25_inspection.pdf",  # ILACS, two lead inspectors
    "st_helens/2023-09-04_inspection.pdf",  # ILACS, four areas
    "staffordshire/2024-01-12_inspection.pdf",  # ILACS short
    "devon/2025-05-13_inspection.pdf",  # ILACS, paused and resumed: two spans of dates
    "liverpool/2026-07-07_inspection.pdf",  # post-reform ILACS, no overall grade
)


@dataclass(frozen=True)
class Known:
    """A disagreement between a report and a table, with the reason the report stands."""

    file: str
    page: int
    field: str
    report: str
    table: str
    table_file: str
    why: str


SCRAPE = "data:ilacs_scrape/ofsted_csc_ilacs_history.csv"
KNOWN = (
    Known("norfolk/2015-10-20_inspection.pdf", 1, "published", "2015-10-19", "2015-10-20", SCRAPE,
          "page 1 prints 'Report published: 19 October 2015'; the scrape and the file name give the day Ofsted listed it"),
    Known("norfolk/2015-10-20_inspection.pdf", 1, "published", "2015-10-19", "2015-10-20", "url:https://files.ofsted.gov.uk/v1/file/50004306", "the same, as the scrape's link cites it"),
    Known("norfolk/2015-10-20_inspection.pdf", 1, "published (manifest withheld)", "2015-10-19", "2015-10-20", "manifest file name", "the same"),
    Known("devon/2025-05-13_inspection.pdf", 1, "end date", "2025-01-16", "2024-10-11", SCRAPE,
          "'Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025': the scrape keeps the first span"),
    Known("devon/2025-05-13_inspection.pdf", 1, "end date", "2025-01-16", "2024-10-11", "url:https://files.ofsted.gov.uk/v1/file/50276862", "the same"),
    Known("kent/2013-08-23_inspection.pdf", 21, "grade: looked_after_children", "ADEQUATE", "REQUIRES_IMPROVEMENT",
          "data:ofsted_official_stats/csv/csc2023_la_inspection_history_2009_2023.csv",
          "a relabelled grade: the 2013 inspection graded 'Adequate'; the statistics print the later scale's 'Requires improvement'"),
    Known("oxfordshire/2018-05-22_inspection.pdf", 1, "grade: children_in_care_and_care_leavers", "GOOD", "REQUIRES_IMPROVEMENT", SCRAPE,
          "a table misparse: page 1 prints 'children in care and care leavers Good'; the scrape repeats help and protection's grade"),
    Known("st_helens/2023-09-04_inspection.pdf", 1, "grade: help_and_protection", "REQUIRES_IMPROVEMENT", "GOOD", SCRAPE,
          "a table misparse: the scrape's row is shifted one column against page 1's table"),
    Known("st_helens/2023-09-04_inspection.pdf", 1, "grade: children_in_care", "GOOD", "REQUIRES_IMPROVEMENT", SCRAPE, "the same shift"),
    Known("st_helens/2023-09-04_inspection.pdf", 1, "grade: care_leavers", "OUTSTANDING", "GOOD", SCRAPE, "the same shift"),
    *(
        Known("staffordshire/2024-01-12_inspection.pdf", 1, "grade: care_leavers", "REQUIRES_IMPROVEMENT", "GOOD", f"data:ofsted_official_stats/csv/{name}",
              "the statistics' care-leavers grade is the report's children-in-care grade; page 1 and the scrape say 'Requires improvement to be good'")
        for name in ("laio2024_latest_judgements_at_31_march_2024.csv", "laio2024_in_year_activity_2023_24.csv", "laio2024_ilacs_history_2018_2024_wide.csv")
    ),
)  # fmt: skip


@pytest.fixture(scope="module")
def sample_accuracy() -> accuracy.Accuracy:
    rows = [row for row in accuracy.manifest(DATA) if row.file in SAMPLE]
    assert len(rows) == len(SAMPLE)
    return accuracy.accuracy(DATA, rows, None, accuracy.tables(DATA))


def test_the_sample_covers_every_layout_and_every_report_is_placed(
    sample_accuracy: accuracy.Accuracy,
) -> None:
    assert sample_accuracy.unplaced == []
    assert set(sample_accuracy.layouts) == set(get_args(facts.Layout))


def test_every_disagreement_with_the_tables_is_a_known_one(sample_accuracy: accuracy.Accuracy) -> None:
    found = {
        (d.file, d.page, d.field, d.report, d.table, d.source.split(" row ")[0])
        for d in sample_accuracy.disagreements
    }
    known = {(k.file, k.page, k.field, k.report, k.table, k.table_file) for k in KNOWN}
    assert found - known == set(), "new disagreements"
    assert known - found == set(), "known disagreements no longer found"
    assert sum(sample_accuracy.compared.values()) > 250
    # Everything else compared agrees: grades, dates, inspectors, the council from the document alone.
    assert sum(sample_accuracy.agreed.values()) == sum(sample_accuracy.compared.values()) - len(
        sample_accuracy.disagreements
    )
    assert sample_accuracy.compared["council (manifest withheld)"] == len(SAMPLE)


def read(file: str) -> facts.ReadReport:
    found = facts.read(list(text.read(REPORTS / file).pages))
    assert isinstance(found, facts.ReadReport), found
    return found


def grades(report: facts.ReadReport) -> dict[str, str]:
    return {j.area: j.grade for j in report.judgements}


def leaders(report: facts.ReadReport) -> list[tuple[int, str, str, str | None]]:
    return [(f.page, f.role, f.kind, f.date) for f in report.leaders]


RI, GOOD, INADEQUATE = "REQUIRES_IMPROVEMENT", "GOOD", "INADEQUATE"
DCS, CEO, CHAIR = "director_of_childrens_services", "chief_executive", "safeguarding_board_chair"


# Hand-checked against each PDF's pages (page numbers as printed by the PDF viewer).
HAND_CHECKED: dict[str, dict[str, object]] = {
    "north_tyneside/2017-06-13_inspection.pdf": {
        "layout": "sif_inspection", "council": "North Tyneside", "dates": ("2017-02-27", "2017-03-23"),
        "published": "2017-06-13", "lead": ["Neil Penswick"],
        "grades": {"overall_effectiveness": GOOD, "help_and_protection": GOOD, "care_leavers": "OUTSTANDING", "lscb": GOOD},
        "leaders": [(5, DCS, "in_post_since", "2015-07"), (5, DCS, "combined_role", None), (5, CEO, "in_post_since", "2013-11"), (5, CHAIR, "in_post_since", "2014-03")],
    },
    "darlington/2018-05-21_inspection.pdf": {
        "layout": "sif_inspection", "council": "Darlington", "dates": ("2018-02-27", "2018-03-22"),
        "published": "2018-05-21", "lead": ["Graham Reiter"],
        "grades": {"overall_effectiveness": RI, "adoption": GOOD, "leadership_management_governance": RI},
        "leaders": [(5, DCS, "in_post_since", "2015-12"), (5, DCS, "combined_role", None), (5, CEO, "in_post_since", "2005-08")],
    },
    "wirral/2016-09-20_inspection.pdf": {
        "layout": "sif_inspection", "council": "Wirral Metropolitan Borough Council", "dates": ("2016-07-04", "2016-07-28"),
        "published": "2016-09-20", "lead": ["Shirley Bailey"],
        "grades": {"overall_effectiveness": INADEQUATE, "leadership_management_governance": INADEQUATE, "adoption": RI, "lscb": INADEQUATE},
        "leaders": [(2, CEO, "appointed", "2015-04"), (5, DCS, "in_post_since", "2012-06"), (5, DCS, "in_post_since", "2013-04"), (5, CHAIR, "in_post_since", "2013-06")],
    },
    "redbridge/2016-11-25_inspection.pdf": {
        "layout": "sif_inspection", "council": "London Borough of Redbridge Council", "dates": ("2016-09-12", "2016-10-06"),
        "published": "2016-11-25", "lead": ["Louise Hocking"],
        "grades": {"overall_effectiveness": GOOD, "care_leavers": RI, "lscb": GOOD},
        "leaders": [(2, CEO, "in_post_since", "2016-02"), (5, DCS, "in_post_since", "2016-08"), (5, CHAIR, "in_post_since", "2014-08")],
    },
    "somerset/2018-01-29_inspection.pdf": {
        "layout": "sif_reinspection", "council": "Somerset County Council", "dates": ("2017-11-07", "2017-11-30"),
        "published": "2018-01-29", "lead": ["Caroline Walsh"],
        "grades": {"overall_effectiveness": RI, "adoption": GOOD},
        "leaders": [(6, DCS, "in_post_since", "2015-03"), (6, CEO, "in_post_since", "2014-05"), (6, CHAIR, "in_post_since", "2012-07")],
    },
    "surrey/2015-08-03_inspection.pdf": {
        "layout": "lscb_review", "council": "Surrey Safeguarding Children Board", "dates": ("2015-06-15", "2015-06-17"),
        "published": "2015-08-03", "lead": ["Dominic Stevens"], "grades": {"lscb": RI}, "leaders": None,
    },
    "kent/2013-08-23_inspection.pdf": {
        "layout": "tlac_2013", "council": "Kent County Council", "dates": ("2013-07-15", "2013-07-19"),
        "published": "2013-08-23", "lead": ["Helen Cawston"],
        "grades": {"looked_after_children": "ADEQUATE", "capacity_to_improve": GOOD}, "leaders": None,
    },
    "oxfordshire/2018-05-22_inspection.pdf": {
        "layout": "ilacs", "council": "Oxfordshire County Council", "dates": ("2018-04-16", "2018-04-20"),
        "published": None, "lead": ["Donna Marriott"], "ilacs_kind": "short",
        "grades": {"overall_effectiveness": GOOD, "help_and_protection": RI, "children_in_care_and_care_leavers": GOOD, "impact_of_leaders": GOOD},
        "leaders": None,
    },
    "kingston_upon_hull/2019-05-17_inspection.pdf": {
        "layout": "ilacs", "council": "Kingston Upon Hull City Council", "dates": ("2019-01-14", "2019-01-25"),
        "published": None, "lead": ["Jan Edwards"], "ilacs_kind": "standard",
        "grades": {"overall_effectiveness": INADEQUATE, "help_and_protection": INADEQUATE},
        "leaders": [(1, DCS, "appointed", "2017-05"), (10, DCS, "takes_up_post", "2017-05")],
    },
    "stoke_on_trent/2022-11-25_inspection.pdf": {
        "layout": "ilacs", "council": "Stoke-on-Trent", "dates": ("2022-10-03", "2022-10-14"),
        "published": None, "lead": ["Rebecca Quested", "Matthew Reed"], "ilacs_kind": "standard",
        "grades": {"overall_effectiveness": RI, "children_in_care_and_care_leavers": GOOD},
    },
    "st_helens/2023-09-04_inspection.pdf": {
        "layout": "ilacs", "council": "St Helens", "dates": ("2023-07-10", "2023-07-21"),
        "published": None, "lead": ["Russel Breyer"], "ilacs_kind": "standard",
        "grades": {"overall_effectiveness": GOOD, "impact_of_leaders": GOOD, "help_and_protection": RI, "children_in_care": GOOD, "care_leavers": "OUTSTANDING"},
    },
    "liverpool/2026-07-07_inspection.pdf": {
        "layout": "ilacs_ungraded", "council": "Liverpool", "dates": ("2026-05-11", "2026-05-22"),
        "published": None, "lead": ["Teresa Godfrey"], "ilacs_kind": "standard",
        "grades": {"impact_of_leaders": GOOD, "help_and_protection": GOOD, "children_in_care": GOOD, "care_leavers": RI},
    },
}  # fmt: skip


@pytest.mark.parametrize("file", sorted(HAND_CHECKED))
def test_hand_checked_report(file: str) -> None:
    expected = HAND_CHECKED[file]
    report = read(file)
    assert report.layout == expected["layout"]
    assert report.council.value == expected["council"]
    assert (
        report.start_date and report.start_date.value,
        report.end_date and report.end_date.value,
    ) == expected["dates"]
    assert (report.published_date.value if report.published_date else None) == expected["published"]
    assert [q.value for q in report.lead_inspectors] == expected["lead"]
    assert report.ilacs_kind == expected.get("ilacs_kind")
    found = grades(report)
    for area, grade in dict(expected["grades"]).items():  # type: ignore[call-overload]
        assert found.get(area) == grade, area
    if expected["layout"] == "ilacs_ungraded":
        assert "overall_effectiveness" not in found
    if expected.get("leaders") is not None:
        assert leaders(report) == expected["leaders"]


def test_leadership_sentences_are_quoted_exactly_with_their_page() -> None:
    report = read("wirral/2016-09-20_inspection.pdf")
    acting, permanent = (f for f in report.leaders if f.role == DCS)
    assert (
        acting.quote
        == permanent.quote
        == (
            "The director of children’s services was acting in the post from June 2012 and was permanently recruited in April 2013."
        )
    )
    assert (acting.interim, permanent.interim) == (True, False)
    page = " ".join(text.read(REPORTS / "wirral/2016-09-20_inspection.pdf").pages[acting.page - 1].split())
    assert acting.quote in page


def test_relative_dates_count_back_from_the_inspections_last_day() -> None:
    # gloucestershire/2025-08-04 p.1: "who took up post two years ago"; the inspection ended 20 June 2025.
    report = read("gloucestershire/2025-08-04_inspection.pdf")
    relative = [f for f in report.leaders if f.certainty == "approximate"]
    assert [(f.page, f.role, f.kind, f.date, f.precision) for f in relative] == [
        (1, DCS, "takes_up_post", "2023", "year")
    ]
    assert report.end_date is not None
    assert report.end_date.value == "2025-06-20"


def test_a_document_in_no_known_layout_is_unplaced_with_its_page() -> None:
    found = facts.read(["Minutes of the corporate parenting panel, 3 March 2020"])
    assert found == facts.Unplaced(1, "not an Ofsted children's services report or letter in a known layout")


def test_cached_text_is_the_extracted_text(tmp_path: Path) -> None:
    path = REPORTS / "surrey/2015-08-03_inspection.pdf"
    first = text.read(path, tmp_path)
    assert list(tmp_path.iterdir()), "the text was cached"
    assert text.read(path, tmp_path) == first == text.PageText(first.sha256, text.extract(path.read_bytes()))


# The eight SIF reports that give the director's time in post under a local title (issue 18),
# hand-checked against each PDF: (page, kind, date, title as printed, page of the sentence that
# makes the title the DCS where the quote does not). Knowsley and Slough never say their director
# is the DCS, so nothing is read there.
LOCAL_TITLES: dict[str, list[tuple[int, str, str, str, int | None]]] = {
    "bristol/2014-12-05_inspection.pdf": [(11, "in_post_since", "2014-01", "Strategic Director for People", 11)],
    "gateshead/2016-03-11_inspection.pdf": [(5, "in_post_since", "2014-10", "strategic director of care, wellbeing and learning", 29)],
    "southampton/2014-09-15_inspection.pdf": [
        (13, "in_post_since", "2013-04", "Director of People", None),
        (33, "appointed", "2013-04", "new Director of People", None),
    ],
    "staffordshire/2014-03-21_inspection.pdf": [(8, "in_post_since", "2010-11", "Director of People and Deputy Chief Executive", None)],
    "sunderland/2015-07-20_inspection.pdf": [(3, "takes_up_post", "2013-09", "Executive Director of People Services", None)],
    "west_berkshire/2015-05-18_inspection.pdf": [(10, "in_post_since", "2013-03", "Director of Children’s Services", None)],
    "knowsley/2014-06-30_inspection.pdf": [],
    "slough/2014-02-14_inspection.pdf": [],
}  # fmt: skip


@pytest.mark.parametrize("file", sorted(LOCAL_TITLES))
def test_the_directors_time_in_post_under_a_local_title(file: str) -> None:
    report = read(file)
    pages = [" ".join(p.split()) for p in text.read(REPORTS / file).pages]
    dated = [
        f
        for f in report.leaders
        if f.role == DCS and f.kind in ("in_post_since", "appointed", "takes_up_post")
    ]
    assert [(f.page, f.kind, f.date, f.title, f.basis_page) for f in dated] == LOCAL_TITLES[file]
    for fact in dated:
        assert fact.quote in pages[fact.page - 1]
        assert fact.basis is None or fact.basis in pages[(fact.basis_page or 0) - 1]

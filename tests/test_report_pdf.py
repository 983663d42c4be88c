"""Reading one Ofsted report or letter PDF: values checked by hand against each PDF's own text.

Every expected value below was read from the PDF's text (pypdf, page by page), not from the reader's
output: the page numbers are the PDF's 1-based pages.
"""

# The reports print curly apostrophes (’) and en dashes (–); the expectations quote them exactly.
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from graph.errors import LoadError
from graph.settings import Settings
from loaders.dates import date_range
from loaders.report_pdf import LeaderStatement, Report, read_report

GLOUCESTERSHIRE_2017 = "gloucestershire/2017-06-13_inspection.pdf"
OUT, GOOD, RI, INAD = "OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"


@pytest.fixture(scope="module")
def reports_dir(settings: Settings) -> Path:
    return settings.data_dir / "reports"


def read(reports_dir: Path, file: str) -> Report:
    return read_report(reports_dir / file, file)


def grades(report: Report) -> list[tuple[str, str, int]]:
    return [(j.area, j.grade, j.page) for j in report.judgements]


def tenure_sentences(report: Report) -> list[tuple[str, str | None, str | None, int, str]]:
    return [
        (s.role, s.date, s.precision, s.page, s.quote)
        for s in report.leaders
        if s.evidence == "in_post_since"
    ]


# --- Gloucestershire ------------------------------------------------------------------------------


def test_gloucestershire_2017_sif_dates_publication_and_lead_inspector(reports_dir: Path) -> None:
    report = read(reports_dir, GLOUCESTERSHIRE_2017)

    assert report.doc_type == "sif_inspection_report"
    assert report.council_name.value == "Gloucestershire"
    assert report.page_count == 41
    assert report.start_date is not None
    assert report.end_date is not None
    assert (report.start_date.value, report.end_date.value) == ("2017-02-27", "2017-03-23")
    assert report.start_date.quote == "Inspection date: 27 February to 23 March 2017"
    assert report.published_date is not None
    assert (report.published_date.value, report.published_date.page) == ("2017-06-13", 1)
    assert report.lead_inspector is not None
    assert (report.lead_inspector.value, report.lead_inspector.page) == ("Emmy Tomsett", 40)


def test_gloucestershire_2017_sif_lists_its_team_without_the_data_analyst(reports_dir: Path) -> None:
    report = read(reports_dir, GLOUCESTERSHIRE_2017)

    assert report.team is not None
    assert report.team.page == 40
    assert report.team.value.split("; ") == [
        "Emmy Tomsett",
        "Marcie Taylor",
        "Andy Whippey",
        "Brenda McInerney",
        "Sean Tarpey",
        "Nick Crombie",
        "Louise Hocking",
        "Matthew Reed",
        "Linda Bond",
    ]


def test_gloucestershire_2017_sif_reads_every_sub_judgement_and_the_lscb_grade(reports_dir: Path) -> None:
    report = read(reports_dir, GLOUCESTERSHIRE_2017)

    assert grades(report) == [
        ("overall_effectiveness", "INADEQUATE", 1),
        ("help_and_protection", "INADEQUATE", 1),
        ("looked_after_and_permanence", "REQUIRES_IMPROVEMENT", 1),
        ("adoption", "GOOD", 1),
        ("care_leavers", "REQUIRES_IMPROVEMENT", 1),
        ("leadership_management_governance", "INADEQUATE", 1),
        ("lscb", "REQUIRES_IMPROVEMENT", 34),
    ]
    quotes = {j.area: j.quote for j in report.judgements}
    assert quotes["overall_effectiveness"] == "Children’s services in Gloucestershire are inadequate"
    assert quotes["adoption"] == "2.1 Adoption performance Good"
    assert quotes["lscb"] == "The Local Safeguarding Children Board requires improvement"


def test_gloucestershire_2017_sif_reads_both_tenure_sentences_on_page_5(reports_dir: Path) -> None:
    sentences = tenure_sentences(read(reports_dir, GLOUCESTERSHIRE_2017))

    assert (
        "director_of_childrens_services",
        "2011-08",
        "month",
        5,
        "The director of children’s services (DCS) has been in post since August 2011.",
    ) in sentences
    assert (
        "chief_executive",
        "2005-05",
        "month",
        5,
        "The chief executive has been in post since May 2005.",
    ) in sentences


def test_report_sentences_never_name_the_holder(reports_dir: Path) -> None:
    report = read(reports_dir, GLOUCESTERSHIRE_2017)

    assert report.leaders
    assert all(s.name is None and s.interim is None for s in report.leaders)


def test_gloucestershire_2022_ilacs_grades_children_in_care_with_care_leavers(reports_dir: Path) -> None:
    report = read(reports_dir, "gloucestershire/2022-04-01_inspection.pdf")

    assert report.doc_type == "ilacs_inspection_report"
    assert report.start_date is not None
    assert report.end_date is not None
    assert (report.start_date.value, report.end_date.value) == ("2022-02-07", "2022-02-18")
    assert report.lead_inspector is not None
    assert (report.lead_inspector.value, report.lead_inspector.page) == ("Andrew Waugh", 1)
    # ILACS reports print no publication date; it comes from the manifest or the file name.
    assert report.published_date is None
    assert grades(report) == [
        ("impact_of_leaders", "REQUIRES_IMPROVEMENT", 1),
        ("help_and_protection", "REQUIRES_IMPROVEMENT", 1),
        ("children_in_care_and_care_leavers", "REQUIRES_IMPROVEMENT", 1),
        ("overall_effectiveness", "REQUIRES_IMPROVEMENT", 1),
    ]
    assert {j.wording for j in report.judgements} == {"Requires improvement to be good"}


def test_gloucestershire_2025_ilacs_reads_four_sub_judgements_and_the_overall(reports_dir: Path) -> None:
    report = read(reports_dir, "gloucestershire/2025-08-04_inspection.pdf")

    assert report.start_date is not None
    assert report.end_date is not None
    assert (report.start_date.value, report.end_date.value) == ("2025-06-09", "2025-06-20")
    assert report.start_date.quote == "Inspection dates: 9 to 20 June 2025"
    assert report.lead_inspector is not None
    assert report.lead_inspector.value == "Sophie Wales"
    assert grades(report) == [
        ("impact_of_leaders", "OUTSTANDING", 1),
        ("help_and_protection", "GOOD", 1),
        ("children_in_care", "OUTSTANDING", 1),
        ("care_leavers", "GOOD", 1),
        ("overall_effectiveness", "GOOD", 1),
    ]


def test_gloucestershire_2025_ilacs_reads_no_dated_sentence_from_took_up_post_two_years_ago(
    reports_dir: Path,
) -> None:
    # Page 1 says the DCS "took up post two years ago": no month, so no tenure date is made up.
    report = read(reports_dir, "gloucestershire/2025-08-04_inspection.pdf")

    assert report.leaders == []


LETTERS = [
    (
        "gloucestershire/2020-11-20_focused_visit.pdf",
        "2020-11-20",
        ("2020-10-06", "2020-10-08"),
        ("Chris Spencer", "Director of Children’s Services", "Gloucestershire County Council"),
        ["Nigel Parkes", "Rachel Griffiths", "Steve Lowe", "Diane Partridge", "Stephen Lee"],
    ),
    (
        "gloucestershire/2025-02-21_focused_visit.pdf",
        "2025-02-21",
        ("2025-01-22", "2025-01-23"),
        ("Ann James", "Director of Children’s Services", "Gloucestershire County Council"),
        ["Alison Smale", "John Roughton"],
    ),
]


@pytest.mark.parametrize(("file", "letter_date", "visit", "addressee", "team"), LETTERS)
def test_gloucestershire_focused_visit_letters_give_date_visit_addressee_and_no_grades(
    reports_dir: Path,
    file: str,
    letter_date: str,
    visit: tuple[str, str],
    addressee: tuple[str, str, str],
    team: list[str],
) -> None:
    report = read(reports_dir, file)

    assert report.doc_type == "ilacs_focused_visit_letter"
    assert report.judgements == []
    assert report.published_date is not None
    assert (report.published_date.value, report.published_date.page) == (letter_date, 1)
    assert report.start_date is not None
    assert report.end_date is not None
    assert (report.start_date.value, report.end_date.value) == visit
    assert report.team is not None
    assert report.team.value.split("; ") == team
    [statement] = report.leaders
    assert (statement.name, statement.title, statement.organisation) == addressee
    assert statement == LeaderStatement(
        role="director_of_childrens_services",
        title=addressee[1],
        evidence="in_post_on",
        date=letter_date,
        precision="day",
        interim=None,
        name=addressee[0],
        organisation=addressee[2],
        page=1,
        quote=" | ".join(addressee),
    )


# --- other layouts --------------------------------------------------------------------------------

SIF_AREAS = (
    "overall_effectiveness",
    "help_and_protection",
    "looked_after_and_permanence",
    "adoption",
    "care_leavers",
    "leadership_management_governance",
)


@pytest.mark.parametrize(
    ("file", "dates", "published", "lead", "lead_page", "expected"),
    [
        (
            "birmingham/2016-11-25_inspection.pdf",
            ("2016-09-12", "2016-10-06"),
            "2016-11-25",
            "Peter McEntee",
            39,
            (INAD, INAD, RI, RI, RI, INAD),
        ),
        (
            "norfolk/2018-01-19_inspection.pdf",
            ("2017-11-13", "2017-11-24"),
            "2018-01-19",
            "Donna Marriott",
            20,
            (RI, RI, RI, OUT, RI, RI),
        ),
    ],
)
def test_sif_reinspection_reads_its_grades_and_no_lscb_review(
    reports_dir: Path,
    file: str,
    dates: tuple[str, str],
    published: str,
    lead: str,
    lead_page: int,
    expected: tuple[str, ...],
) -> None:
    report = read(reports_dir, file)

    assert report.doc_type == "sif_reinspection_report"
    assert report.start_date is not None
    assert report.end_date is not None
    assert (report.start_date.value, report.end_date.value) == dates
    assert report.published_date is not None
    assert report.published_date.value == published
    assert report.lead_inspector is not None
    assert (report.lead_inspector.value, report.lead_inspector.page) == (lead, lead_page)
    # A re-inspection does not review the LSCB, so there is no LSCB grade to read.
    assert grades(report) == [(area, grade, 1) for area, grade in zip(SIF_AREAS, expected, strict=True)]


def test_norfolk_2018_reinspection_reads_the_singular_headline_requires_improvement_to_be_good(
    reports_dir: Path,
) -> None:
    report = read(reports_dir, "norfolk/2018-01-19_inspection.pdf")

    overall = report.judgements[0]
    assert (overall.area, overall.wording) == ("overall_effectiveness", "requires improvement to be good")
    assert overall.quote == "Children’s services in Norfolk requires improvement to be good"
    sentence = "The chief executive has been in post since August 2014."
    assert ("chief_executive", "2014-08", "month", 5, sentence) in tenure_sentences(report)


@pytest.mark.parametrize(
    ("file", "lead", "expected"),
    [
        (
            "blackpool/2026-07-28_inspection.pdf",
            "Margaret Burke",
            ("OUTSTANDING", "GOOD", "OUTSTANDING", "OUTSTANDING"),
        ),
        (
            "middlesbrough/2026-07-28_inspection.pdf",
            "Nabeel Hussain",
            ("REQUIRES_IMPROVEMENT",) * 4,
        ),
    ],
)
def test_a_2026_report_has_four_sub_judgements_and_no_overall_grade(
    reports_dir: Path, file: str, lead: str, expected: tuple[str, ...]
) -> None:
    report = read(reports_dir, file)

    assert report.start_date is not None
    assert report.end_date is not None
    assert (report.start_date.value, report.end_date.value) == ("2026-06-08", "2026-06-19")
    assert report.lead_inspector is not None
    assert report.lead_inspector.value == lead
    areas = ("impact_of_leaders", "help_and_protection", "children_in_care", "care_leavers")
    assert grades(report) == [(area, grade, 1) for area, grade in zip(areas, expected, strict=True)]
    assert "overall_effectiveness" not in {j.area for j in report.judgements}


def test_a_pre_2023_ilacs_report_never_invents_a_separate_care_leavers_grade(reports_dir: Path) -> None:
    # Leeds 2018 is the older ILACS layout: the council on its own line, "Lead inspector:" on two lines.
    report = read(reports_dir, "leeds/2018-12-18_inspection.pdf")

    assert report.council_name.value == "Leeds"
    assert report.start_date is not None
    assert report.end_date is not None
    assert (report.start_date.value, report.end_date.value) == ("2018-10-29", "2018-11-02")
    assert report.lead_inspector is not None
    assert report.lead_inspector.value == "Matt Reed"
    assert grades(report) == [
        ("impact_of_leaders", "OUTSTANDING", 1),
        ("help_and_protection", "OUTSTANDING", 1),
        ("children_in_care_and_care_leavers", "GOOD", 1),
        ("overall_effectiveness", "OUTSTANDING", 1),
    ]
    assert not {"care_leavers", "children_in_care"} & {j.area for j in report.judgements}


def test_the_2013_looked_after_children_report_reads_its_record_of_main_findings(reports_dir: Path) -> None:
    report = read(reports_dir, "norfolk/2013-08-16_inspection.pdf")

    assert report.doc_type == "looked_after_children_inspection_report_2013"
    assert report.council_name.value == "Norfolk County Council"
    assert report.start_date is not None
    assert report.end_date is not None
    assert (report.start_date.value, report.end_date.value) == ("2013-07-08", "2013-07-12")
    assert report.start_date.quote == "Inspection dates: 8 – 12 July 2013"
    assert report.published_date is not None
    assert report.published_date.value == "2013-08-16"
    assert report.lead_inspector is not None
    assert (report.lead_inspector.value, report.lead_inspector.page) == ("Gary Lamb", 1)
    # Its overall effectiveness is of services for looked-after children, as the statistics file it.
    assert grades(report) == [
        ("looked_after_children", "INADEQUATE", 23),
        ("capacity_to_improve", "INADEQUATE", 23),
        ("outcomes_for_looked_after_children", "INADEQUATE", 23),
        ("quality_of_provision", "INADEQUATE", 23),
        ("leadership_and_management", "INADEQUATE", 23),
    ]


# --- PDFs that cannot be read ---------------------------------------------------------------------


def write_pages(path: Path, source: Path, pages: list[int], password: str | None = None) -> Path:
    """A PDF of some pages of a real report (0-based), optionally encrypted."""
    writer = PdfWriter()
    for number in pages:
        writer.add_page(PdfReader(source).pages[number])
    if password:
        writer.encrypt(password)
    writer.write(path)
    return path


def problems_of(path: Path) -> list[tuple[str, int | None, str | None, str]]:
    with pytest.raises(LoadError) as exc:
        read_report(path, path.name)
    return [(p.file, p.row, p.field, p.reason) for p in exc.value.problems]


def test_a_file_that_is_not_a_pdf_is_reported_by_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("Minutes of the improvement board", encoding="utf-8")

    assert problems_of(path) == [("notes.pdf", None, None, "not a PDF (the file does not start with %PDF-)")]


def test_an_empty_file_is_reported_as_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")

    assert problems_of(path) == [("empty.pdf", None, None, "not a PDF (the file does not start with %PDF-)")]


def test_a_truncated_pdf_is_reported_as_unopenable(tmp_path: Path, reports_dir: Path) -> None:
    path = tmp_path / "truncated.pdf"
    path.write_bytes((reports_dir / GLOUCESTERSHIRE_2017).read_bytes()[:2048])

    [(file, row, field, reason)] = problems_of(path)

    assert (file, row, field) == ("truncated.pdf", None, None)
    assert reason.startswith("the PDF cannot be opened: ")


def test_a_pdf_whose_first_page_has_no_text_is_reported_with_page_1(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(path)

    assert problems_of(path) == [
        ("scan.pdf", None, "page 1", "the first page has no text (a scanned image, or a damaged file)")
    ]


def test_a_pdf_of_an_unknown_layout_is_reported_with_page_1(tmp_path: Path, reports_dir: Path) -> None:
    # The executive summary page of a real report: text, but not a first page Ofsted prints.
    path = write_pages(tmp_path / "summary.pdf", reports_dir / GLOUCESTERSHIRE_2017, [1])

    [(file, row, field, reason)] = problems_of(path)

    assert (file, row, field) == ("summary.pdf", None, "page 1")
    assert reason.startswith("not an Ofsted children's services report or focused-visit letter")


def test_an_encrypted_pdf_is_reported_as_encrypted(tmp_path: Path, reports_dir: Path) -> None:
    path = write_pages(tmp_path / "locked.pdf", reports_dir / GLOUCESTERSHIRE_2017, [0], password="secret")

    assert problems_of(path) == [("locked.pdf", None, None, "the PDF is encrypted")]


def test_a_missing_file_is_reported_by_file(tmp_path: Path) -> None:
    [(file, row, field, reason)] = problems_of(tmp_path / "gone.pdf")

    assert (file, row, field) == ("gone.pdf", None, None)
    assert reason.startswith("cannot read the file: ")


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("9 to 20 June 2025", date(2025, 6, 9), date(2025, 6, 20)),
        ("27 February to 23 March 2017", date(2017, 2, 27), date(2017, 3, 23)),
        ("18 Feb 2014 – 12 March 2014", date(2014, 2, 18), date(2014, 3, 12)),
        ("29 and 30 September, and 1 October 2020", date(2020, 9, 29), date(2020, 10, 1)),
        ("30 September to 11 October 2024 and 13 to 16 January 2025", date(2024, 9, 30), date(2025, 1, 16)),
        ("8 – 12 July 2013", date(2013, 7, 8), date(2013, 7, 12)),
        ("12 September 2016 to 6 October 2016", date(2016, 9, 12), date(2016, 10, 6)),
    ],
)
def test_date_range_reads_the_first_and_last_day(text: str, first: date, last: date) -> None:
    assert date_range(text) == (first, last)


@pytest.mark.parametrize(
    "text",
    [
        "to be confirmed",
        "9 to 20",  # no month or year to borrow
        "31 February 2017",
        "20 June to 9 June 2025",  # the end before the start
        "10:30 on 9 June 2025",
    ],
)
def test_date_range_refuses_what_is_not_a_span_of_days(text: str) -> None:
    assert date_range(text) is None


def test_newham_2014_sif_reads_the_singular_headline_children_s_service_requires_improvement(
    reports_dir: Path,
) -> None:
    report = read(reports_dir, "newham/2014-08-08_inspection.pdf")

    overall = [j for j in report.judgements if j.area == "overall_effectiveness"]
    assert [(j.grade, j.page) for j in overall] == [("REQUIRES_IMPROVEMENT", 1)]
    assert overall[0].quote.startswith("The overall judgement is that children’s service requires")

"""Reading the Ofsted report scrape table into inspection statements and report sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import LoadError
from graph.settings import Settings
from loaders.model import Bundle, InspectionStatement
from loaders.report_scrape import COLUMNS, SCRAPE, normalise_inspector, read_report_scrape
from tests.test_official_stats import FakeCouncils, write_csv

GLOUCESTERSHIRE_2022 = {
    "urn": "80470",
    "local_authority": "gloucestershire",
    "inspection_link": "https://files.ofsted.gov.uk/v1/file/50180552",
    "pdf_filename": "children's services inspection - 01 april 2022.pdf",
    "publication_date": "01/04/22",
    "inspection_framework": "standard",
    "inspector_name": "Andrew Waugh",
    "inspection_start_date": "07/02/2022",
    "inspection_end_date": "18/02/2022",
    "overall_effectiveness_grade": "requires improvement",
    "impact_of_leaders_grade": "requires improvement",
    "help_and_protection_grade": "requires improvement",
    "in_care_grade": "requires improvement",
    "care_leavers_grade": "inspection_pre_dates_judgement",
}

UNREADABLE = {
    "overall_effectiveness_grade": "",
    "impact_of_leaders_grade": "data_unreadable",
    "help_and_protection_grade": "data_unreadable",
    "in_care_grade": "data_unreadable",
    "care_leavers_grade": "data_unreadable",
}


def row(**cells: str) -> dict[str, str]:
    """Gloucestershire's 2022 row with some cells changed."""
    return GLOUCESTERSHIRE_2022 | cells


def sif_row(published: str, link: str, **cells: str) -> dict[str, str]:
    """An unreadable SIF-era row: no framework, inspector or dates."""
    day = published.split("/")
    return (
        row(
            inspection_link=link,
            pdf_filename=f"children's services inspection - {day[0]} june 20{day[2]}.pdf",
            publication_date=published,
            inspection_framework="",
            inspector_name="",
            inspection_start_date="",
            inspection_end_date="",
            **UNREADABLE,
        )
        | cells
    )


def read(tmp_path: Path, *rows: dict[str, str]) -> Bundle:
    write_csv(tmp_path / SCRAPE, [*COLUMNS, "parser_version"], list(rows))
    return read_report_scrape(tmp_path, FakeCouncils())


def statements_from_the_table(bundle: Bundle) -> list[InspectionStatement]:
    return [s for s in bundle.inspections if s.citation.source_id == f"data:{SCRAPE}"]


def problems(tmp_path: Path, *rows: dict[str, str]) -> list[tuple[int | None, str | None]]:
    with pytest.raises(LoadError) as exc:
        read(tmp_path, *rows)
    return [(p.row, p.field) for p in exc.value.problems]


def test_an_ilacs_row_gives_dates_inspector_framework_and_grades(tmp_path: Path) -> None:
    [statement] = statements_from_the_table(read(tmp_path, row()))
    assert (
        statement.council_code,
        statement.kind,
        statement.framework,
        statement.start_date,
        statement.end_date,
        statement.published_date,
        statement.lead_inspector,
        statement.report_url,
        statement.priority,
    ) == (
        "916",
        "inspection",
        "ILACS standard",
        "2022-02-07",
        "2022-02-18",
        "2022-04-01",
        "Andrew Waugh",
        "https://files.ofsted.gov.uk/v1/file/50180552",
        1,
    )
    # Before 2023 the in-care grade covers care leavers; no care-leavers grade is made up.
    assert [(j.area, j.grade, j.wording) for j in statement.judgements] == [
        ("overall_effectiveness", "REQUIRES_IMPROVEMENT", "requires improvement"),
        ("impact_of_leaders", "REQUIRES_IMPROVEMENT", "requires improvement"),
        ("help_and_protection", "REQUIRES_IMPROVEMENT", "requires improvement"),
        ("children_in_care_and_care_leavers", "REQUIRES_IMPROVEMENT", "requires improvement"),
    ]
    in_care = statement.judgements[3].citation
    assert (in_care.row, in_care.field, in_care.value) == (2, "in_care_grade", "requires improvement")
    assert in_care.quote == (
        "local_authority=gloucestershire; publication_date=01/04/22; in_care_grade=requires improvement; "
        "care_leavers_grade=inspection_pre_dates_judgement"
    )


def test_each_report_url_is_a_source_and_the_inspection_cites_it(tmp_path: Path) -> None:
    bundle = read(tmp_path, row())
    table, report = bundle.sources
    assert (table.id, table.kind, table.publisher) == (
        f"data:{SCRAPE}",
        "dataset",
        "Data to Insight (JT-39/ofsted-ilacs-scrape-tool)",
    )
    assert (report.id, report.kind, report.url, report.title, report.publisher, report.published_date) == (
        "url:https://files.ofsted.gov.uk/v1/file/50180552",
        "ofsted_report",
        "https://files.ofsted.gov.uk/v1/file/50180552",
        "children's services inspection - 01 april 2022",
        "Ofsted",
        "2022-04-01",
    )
    from_table, from_report = bundle.inspections
    assert from_report.citation.source_id == report.id
    assert (from_report.published_date, from_report.start_date, from_report.judgements) == (
        from_table.published_date,
        from_table.start_date,
        [],
    )


def test_an_unreadable_sif_report_still_gives_its_url_and_date_but_no_grades(tmp_path: Path) -> None:
    [statement] = statements_from_the_table(
        read(tmp_path, sif_row("13/06/17", "https://files.ofsted.gov.uk/v1/file/50004377"))
    )
    assert (statement.framework, statement.published_date, statement.report_url, statement.judgements) == (
        "SIF",
        "2017-06-13",
        "https://files.ofsted.gov.uk/v1/file/50004377",
        [],
    )
    assert statement.lead_inspector is None


def test_an_unreadable_report_is_not_ilacs_whatever_its_framework_cell_says(tmp_path: Path) -> None:
    # Doncaster 2018-01-19, a SIF re-inspection the parser labelled "standard".
    doncaster = sif_row(
        "19/01/18",
        "https://x/1",
        inspection_framework="standard",
        care_leavers_grade="inspection_pre_dates_judgement",
    )
    [statement] = statements_from_the_table(read(tmp_path, doncaster))
    assert statement.framework == "SIF"


def test_a_report_before_the_sif_is_a_full_inspection_and_its_comma_name_is_read(tmp_path: Path) -> None:
    norfolk = sif_row(
        "16/08/13",
        "https://files.ofsted.gov.uk/v1/file/50004248",
        pdf_filename="children's services inspection,  pdf - 16 august 2013.pdf",
    )
    bundle = read(tmp_path, norfolk)
    [statement] = statements_from_the_table(bundle)
    assert statement.framework == "full inspection"
    assert bundle.sources[1].title == "children's services inspection - 16 august 2013"


def test_a_post_reform_report_has_no_overall_grade_but_keeps_the_others(tmp_path: Path) -> None:
    reform = row(
        publication_date="07/07/26",
        inspection_start_date="11/05/2026",
        inspection_end_date="22/05/2026",
        overall_effectiveness_grade="not_reported_post_reform",
        care_leavers_grade="good",
    )
    [statement] = statements_from_the_table(read(tmp_path, reform))
    assert [j.area for j in statement.judgements] == [
        "impact_of_leaders",
        "help_and_protection",
        "children_in_care",
        "care_leavers",
    ]


def test_a_cut_help_and_protection_grade_is_not_guessed(tmp_path: Path) -> None:
    # Nottingham 2019-01-07 and Southend-on-Sea 2019-08-27.
    cut = row(overall_effectiveness_grade="", help_and_protection_grade="to requires improvement")
    [statement] = statements_from_the_table(read(tmp_path, cut))
    assert [j.area for j in statement.judgements] == [
        "impact_of_leaders",
        "children_in_care_and_care_leavers",
    ]


def test_wiltshires_longer_inspection_is_ilacs(tmp_path: Path) -> None:
    wiltshire = row(inspection_framework="inspection duration longer than standard framework")
    [statement] = statements_from_the_table(read(tmp_path, wiltshire))
    assert statement.framework == "ILACS"


def test_a_misread_2022_report_gets_no_care_leavers_grade(tmp_path: Path) -> None:
    # Nottingham 2022-09-05: no framework, no dates, and a care-leavers grade no 2022 report can hold.
    nottingham = row(
        urn="80533",
        publication_date="05/09/22",
        inspection_framework="",
        inspection_start_date="",
        inspection_end_date="",
        in_care_grade="requires improvement",
        care_leavers_grade="inadequate",
    )
    [statement] = statements_from_the_table(read(tmp_path, nottingham))
    assert (statement.framework, statement.start_date) == ("ILACS", None)
    assert [j.area for j in statement.judgements][-1] == "children_in_care_and_care_leavers"
    assert "care_leavers" not in [j.area for j in statement.judgements]


@pytest.mark.parametrize(
    ("printed", "normalised"),
    [
        ("Paula Thomson -Jones", "Paula Thomson-Jones"),
        ("Jenny -ellen Scotland", "Jenny-Ellen Scotland"),
        ("sophie wales", "Sophie Wales"),
        ("Brenda McInerney", "Brenda McInerney"),
        ("Máire  Atherton ", "Máire Atherton"),
        ("", None),
    ],
)
def test_inspector_names_are_mended_only_where_spacing_or_case_slipped(
    printed: str, normalised: str | None
) -> None:
    assert normalise_inspector(printed) == normalised


def test_each_bad_cell_is_reported_with_its_row_and_column(tmp_path: Path) -> None:
    assert problems(
        tmp_path,
        row(inspection_link="https://x/1", publication_date="2022-04-01"),
        row(inspection_link="https://x/2", inspection_start_date="07/02/22"),
        row(inspection_link="https://x/3", in_care_grade="adequate"),
        row(inspection_link="https://x/4", overall_effectiveness_grade="inspection_pre_dates_judgement"),
        row(inspection_link="https://x/5", inspection_framework="focused visit"),
        row(inspection_link="https://x/6", urn="99999"),
        row(inspection_link="https://x/7", publication_date=""),
        row(inspection_link="https://x/1"),
    ) == [
        (2, "publication_date"),
        (3, "inspection_start_date"),
        (4, "in_care_grade"),
        (5, "overall_effectiveness_grade"),
        (6, "inspection_framework"),
        (7, "urn"),
        (8, "publication_date"),
        (9, "inspection_link"),
    ]


def test_a_missing_file_or_column_is_reported(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as exc:
        read_report_scrape(tmp_path, FakeCouncils())
    assert [(p.file, p.row, p.field) for p in exc.value.problems] == [(SCRAPE, None, None)]
    write_csv(tmp_path / SCRAPE, [c for c in COLUMNS if c != "inspector_name"], [])
    with pytest.raises(LoadError) as exc:
        read_report_scrape(tmp_path, FakeCouncils())
    assert [(p.row, p.field) for p in exc.value.problems] == [(1, "inspector_name")]


# ---- the real file --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_bundle() -> Bundle:
    from loaders.councils import read_councils

    data_dir = Settings().data_dir
    _, councils = read_councils(data_dir)
    return read_report_scrape(data_dir, councils)


def test_the_real_table_gives_a_statement_and_a_source_per_report(real_bundle: Bundle) -> None:
    assert len(real_bundle.sources) == 1 + 497
    assert len(statements_from_the_table(real_bundle)) == 497
    assert len(real_bundle.inspections) == 2 * 497


def test_the_real_table_gives_gloucestershires_reports(real_bundle: Bundle) -> None:
    glos = {
        s.published_date or "": s for s in statements_from_the_table(real_bundle) if s.council_code == "916"
    }
    assert sorted(glos) == ["2017-06-13", "2022-04-01", "2025-08-04"]
    sif, ilacs_2022, ilacs_2025 = glos["2017-06-13"], glos["2022-04-01"], glos["2025-08-04"]
    # The parser could not read the SIF report: no grades, and no lead inspector (Emmy Tomsett is named
    # only in the PDF, read elsewhere).
    assert (sif.framework, sif.report_url, sif.lead_inspector, sif.judgements) == (
        "SIF",
        "https://files.ofsted.gov.uk/v1/file/50004377",
        None,
        [],
    )
    assert (ilacs_2022.lead_inspector, ilacs_2022.start_date) == ("Andrew Waugh", "2022-02-07")
    assert {j.grade for j in ilacs_2022.judgements} == {"REQUIRES_IMPROVEMENT"}
    assert ilacs_2025.lead_inspector == "Sophie Wales"
    assert {j.area: j.grade for j in ilacs_2025.judgements} == {
        "overall_effectiveness": "GOOD",
        "impact_of_leaders": "OUTSTANDING",
        "help_and_protection": "GOOD",
        "children_in_care": "OUTSTANDING",
        "care_leavers": "GOOD",
    }

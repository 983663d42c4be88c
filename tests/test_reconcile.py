"""Merging every source's inspection statements into one Inspection per real event."""

from __future__ import annotations

import random
from dataclasses import asdict

import pytest

from graph.settings import Settings
from loaders.model import (
    Area,
    Citation,
    Grade,
    Inspection,
    InspectionKind,
    InspectionStatement,
    JudgementStatement,
)
from loaders.official_stats import read_official_stats
from loaders.reconcile import reconcile
from loaders.report_scrape import read_report_scrape
from tests.known_answers import GLOUCESTERSHIRE_2017_SIF

SCRAPE = "data:ilacs_scrape/ofsted_csc_ilacs_history.csv"
HISTORY = "data:ofsted_official_stats/csv/csc2023_la_inspection_history_2009_2023.csv"
LATEST = "data:ofsted_official_stats/csv/laio2024_latest_judgements_at_31_march_2024.csv"
LONG = "data:ofsted_official_stats/csv/laio2025_ilacs_history_2018_2025.csv"


def statement(
    source: str,
    row: int,
    *,
    kind: InspectionKind = "inspection",
    framework: str = "ILACS standard",
    council: str = "916",
    start: str | None = None,
    published: str | None = None,
    priority: int = 1,
    grades: dict[Area, tuple[Grade, str]] | None = None,
    **fields: str,
) -> InspectionStatement:
    """A statement from `source` row `row`, with judgements given as {area: (grade, wording)}."""
    return InspectionStatement(
        council_code=council,
        kind=kind,
        framework=framework,
        citation=Citation(source_id=source, quote=f"row {row}", row=row),
        start_date=start,
        published_date=published,
        judgements=[
            JudgementStatement(
                area, grade, wording, Citation(source_id=source, quote=wording, row=row, value=wording)
            )
            for area, (grade, wording) in (grades or {}).items()
        ],
        priority=priority,
        **fields,
    )


def merged(*statements: InspectionStatement) -> list[Inspection]:
    inspections, problems = reconcile(list(statements))
    assert problems == []
    return inspections


def test_statements_of_one_inspection_from_several_sources_become_one() -> None:
    scrape = statement(
        SCRAPE,
        137,
        start="2022-02-07",
        published="2022-04-01",
        priority=2,
        lead_inspector="Andrew Waugh",
        report_url="https://files.ofsted.gov.uk/v1/file/50180552",
        end_date="2022-02-18",
        grades={"overall_effectiveness": ("REQUIRES_IMPROVEMENT", "requires improvement")},
    )
    history = statement(
        HISTORY,
        46,
        published="2022-04-01",
        grades={"overall_effectiveness": ("REQUIRES_IMPROVEMENT", "RI to be good")},
    )
    # The latest-judgements row gives only the start date; it joins through the scrape's start date.
    latest = statement(LATEST, 46, framework="ILACS", start="2022-02-07")
    [inspection] = merged(history, latest, scrape)
    assert (
        inspection.id,
        inspection.framework,
        inspection.start_date,
        inspection.end_date,
        inspection.published_date,
        inspection.lead_inspector,
        inspection.report_url,
        inspection.overall,
        inspection.conflicts,
    ) == (
        "916/inspection/2022-04-01",
        "ILACS standard",
        "2022-02-07",
        "2022-02-18",
        "2022-04-01",
        "Andrew Waugh",
        "https://files.ofsted.gov.uk/v1/file/50180552",
        "REQUIRES_IMPROVEMENT",
        [],
    )
    assert [(c.source_id, c.row) for c in inspection.citations] == [
        (SCRAPE, 137),
        (LATEST, 46),
        (HISTORY, 46),
    ]
    [overall] = inspection.judgements
    assert (overall.id, overall.grade, overall.wording, overall.conflict) == (
        "916/inspection/2022-04-01/overall_effectiveness",
        "REQUIRES_IMPROVEMENT",
        "requires improvement",
        False,
    )
    assert [c.value for c in overall.citations] == ["requires improvement", "RI to be good"]


def test_differing_grades_are_a_conflict_and_the_higher_priority_grade_stands() -> None:
    scrape = statement(
        SCRAPE, 417, published="2023-09-04", priority=2, grades={"care_leavers": ("GOOD", "good")}
    )
    long = statement(
        LONG, 215, published="2023-09-04", grades={"care_leavers": ("OUTSTANDING", "Outstanding")}
    )
    [inspection] = merged(long, scrape)
    [leavers] = inspection.judgements
    assert (leavers.grade, leavers.wording, leavers.conflict) == ("GOOD", "good", True)
    assert [(c.source_id, c.value) for c in leavers.citations] == [(SCRAPE, "good"), (LONG, "Outstanding")]


def test_among_equal_priorities_the_later_statistics_edition_stands() -> None:
    # The 2025 edition corrects Staffordshire's 2023 care-leavers grade as printed in 2024.
    old = statement(LATEST, 121, start="2023-11-06", grades={"care_leavers": ("GOOD", "Good")})
    new = statement(LONG, 217, start="2023-11-06", grades={"care_leavers": ("REQUIRES_IMPROVEMENT", "RI")})
    [inspection] = merged(old, new)
    assert inspection.judgements[0].grade == "REQUIRES_IMPROVEMENT"
    assert inspection.judgements[0].conflict


def test_dates_a_few_days_apart_join_and_the_disagreement_is_written_out() -> None:
    scrape = statement(SCRAPE, 162, framework="SIF", published="2015-02-10", priority=2)
    history = statement(HISTORY, 65, framework="SIF", published="2015-02-03")
    [inspection] = merged(scrape, history)
    assert inspection.published_date == "2015-02-10"
    assert inspection.conflicts == [
        "Sources disagree on the publication date: "
        "2015-02-10 (ilacs_scrape/ofsted_csc_ilacs_history.csv row 162); "
        "2015-02-03 (ofsted_official_stats/csv/csc2023_la_inspection_history_2009_2023.csv row 65)."
    ]


def test_a_more_specific_framework_refines_a_general_one() -> None:
    scrape = statement(SCRAPE, 115, framework="SIF", published="2018-01-19", priority=2)
    history = statement(
        HISTORY, 40, kind="reinspection", framework="SIF re-inspection", published="2018-01-19"
    )
    [inspection] = merged(scrape, history)
    assert (inspection.id, inspection.kind, inspection.framework, inspection.conflicts) == (
        "916/reinspection/2018-01-19",
        "reinspection",
        "SIF re-inspection",
        [],
    )
    generic = statement(SCRAPE, 16, framework="full inspection", published="2013-08-16", priority=2)
    cpi = statement(HISTORY, 85, framework="CPI", published="2013-08-16")
    assert merged(generic, cpi)[0].framework == "CPI"


def test_standard_and_short_disagree_and_the_higher_priority_name_stands() -> None:
    scrape = statement(SCRAPE, 257, framework="ILACS short", published="2022-05-09", priority=2)
    history = statement(HISTORY, 80, framework="ILACS standard", published="2022-05-09")
    [inspection] = merged(scrape, history)
    assert inspection.framework == "ILACS short"
    assert inspection.conflicts == [
        "Sources disagree on the framework: ILACS short (ilacs_scrape/ofsted_csc_ilacs_history.csv row 257); "
        "ILACS standard (ofsted_official_stats/csv/csc2023_la_inspection_history_2009_2023.csv row 80)."
    ]


def test_different_kinds_never_merge() -> None:
    inspection = statement(LONG, 2, start="2025-01-22", published="2025-02-21")
    visit = statement(LONG, 3, kind="focused_visit", framework="ILACS focused visit", start="2025-01-22")
    monitoring = statement(LONG, 4, kind="monitoring_visit", framework="monitoring visit", start="2025-01-22")
    assert [i.id for i in merged(inspection, visit, monitoring)] == [
        "916/focused_visit/2025-01-22",
        "916/monitoring_visit/2025-01-22",
        "916/inspection/2025-02-21",
    ]


def test_dates_more_than_a_week_apart_or_other_councils_never_merge() -> None:
    a = statement(HISTORY, 2, published="2022-04-01")
    b = statement(LONG, 2, published="2022-04-09")
    c = statement(LONG, 3, published="2022-04-01", council="917")
    assert [i.id for i in merged(a, b, c)] == [
        "916/inspection/2022-04-01",
        "916/inspection/2022-04-09",
        "917/inspection/2022-04-01",
    ]


def test_a_visit_is_known_by_its_start_date_and_has_no_overall_grade() -> None:
    letter = statement(
        "letter:80470:2025-02-21",
        101,
        kind="focused_visit",
        framework="ILACS focused visit",
        priority=2,
        start="2025-01-22",
        published="2025-02-21",
    )
    stats = statement(
        LONG,
        33,
        kind="focused_visit",
        framework="ILACS focused visit",
        start="2025-01-22",
        published="2025-02-21",
        theme="Care leavers",
    )
    [visit] = merged(letter, stats)
    assert (visit.id, visit.theme, visit.overall) == ("916/focused_visit/2025-01-22", "Care leavers", None)


def test_the_output_is_the_same_whatever_the_input_order() -> None:
    statements = [
        statement(SCRAPE, 3, published="2017-06-13", framework="SIF", priority=2),
        statement(HISTORY, 46, published="2017-06-13", framework="SIF"),
        statement(HISTORY, 46, published="2011-01-24", framework="SLAC"),
        statement(LONG, 85, start="2022-02-07", published="2022-04-01"),
        statement(LATEST, 46, start="2022-02-07", framework="ILACS"),
        statement(LONG, 9, start="2021-01-01", published="2021-03-01", council="801"),
    ]
    first, _ = reconcile(statements)
    shuffled = statements[:]
    random.Random(4).shuffle(shuffled)
    second, _ = reconcile(shuffled)
    assert [asdict(i) for i in first] == [asdict(i) for i in second]
    assert [i.id for i in first] == [
        "801/inspection/2021-03-01",
        "916/inspection/2011-01-24",
        "916/inspection/2017-06-13",
        "916/inspection/2022-04-01",
    ]


def test_a_statement_with_no_date_and_a_clash_of_ids_are_problems() -> None:
    undated = statement(HISTORY, 7)
    # Published 2020-01-01, started in November; the other gives only a start date of 2020-01-01.
    published = statement(LONG, 8, start="2019-11-01", published="2020-01-01")
    started = statement(LATEST, 9, start="2020-01-01")
    inspections, problems = reconcile([undated, published, started])
    assert [i.id for i in inspections] == ["916/inspection/2020-01-01", "916/inspection/2020-01-01"]
    assert [(p.file, p.row) for p in problems] == [
        ("ofsted_official_stats/csv/csc2023_la_inspection_history_2009_2023.csv", 7),
        ("ofsted_official_stats/csv/laio2024_latest_judgements_at_31_march_2024.csv", 9),
    ]


# ---- the real files -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_inspections() -> list[Inspection]:
    from loaders.councils import read_councils

    data_dir = Settings().data_dir
    _, councils = read_councils(data_dir)
    statements = read_official_stats(data_dir, councils).inspections
    statements += read_report_scrape(data_dir, councils).inspections
    inspections, problems = reconcile(statements)
    assert problems == []
    return inspections


def gloucestershire(inspections: list[Inspection]) -> dict[str, Inspection]:
    return {i.id: i for i in inspections if i.council_code == "916"}


def grades(inspection: Inspection) -> dict[str, str]:
    return {j.area: j.grade for j in inspection.judgements}


def test_the_real_sources_give_gloucestershires_inspections(real_inspections: list[Inspection]) -> None:
    assert list(gloucestershire(real_inspections)) == [
        "916/inspection/2011-01-24",
        "916/reinspection/2012-03-05",
        "916/inspection/2017-06-13",
        "916/inspection/2022-04-01",
        "916/focused_visit/2025-01-22",
        "916/inspection/2025-08-04",
    ]


def test_gloucestershires_2011_slac_and_2017_sif(real_inspections: list[Inspection]) -> None:
    glos = gloucestershire(real_inspections)
    slac = glos["916/inspection/2011-01-24"]
    assert (slac.framework, grades(slac)["safeguarding"]) == ("SLAC", "INADEQUATE")
    sif = glos["916/inspection/2017-06-13"]
    assert (sif.framework, sif.overall, sif.report_url) == (
        "SIF",
        "INADEQUATE",
        "https://files.ofsted.gov.uk/v1/file/50004377",
    )
    assert grades(sif) == GLOUCESTERSHIRE_2017_SIF
    # The scrape could not read the SIF report; the lead inspector (Emmy Tomsett) is only in the PDF.
    assert sif.lead_inspector is None
    assert "url:https://files.ofsted.gov.uk/v1/file/50004377" in {c.source_id for c in sif.citations}


def test_gloucestershires_2022_and_2025_ilacs(real_inspections: list[Inspection]) -> None:
    glos = gloucestershire(real_inspections)
    ilacs_2022 = glos["916/inspection/2022-04-01"]
    assert (ilacs_2022.framework, ilacs_2022.start_date, ilacs_2022.lead_inspector, ilacs_2022.conflicts) == (
        "ILACS standard",
        "2022-02-07",
        "Andrew Waugh",
        [],
    )
    assert grades(ilacs_2022) == {
        "overall_effectiveness": "REQUIRES_IMPROVEMENT",
        "impact_of_leaders": "REQUIRES_IMPROVEMENT",
        "help_and_protection": "REQUIRES_IMPROVEMENT",
        "children_in_care_and_care_leavers": "REQUIRES_IMPROVEMENT",
    }
    assert len(ilacs_2022.citations) == 8  # the report, the scrape row and six statistics tables
    ilacs_2025 = glos["916/inspection/2025-08-04"]
    assert (ilacs_2025.overall, ilacs_2025.lead_inspector) == ("GOOD", "Sophie Wales")
    assert grades(ilacs_2025)["impact_of_leaders"] == "OUTSTANDING"


def test_gloucestershires_2025_focused_visit(real_inspections: list[Inspection]) -> None:
    visit = gloucestershire(real_inspections)["916/focused_visit/2025-01-22"]
    assert (visit.published_date, visit.theme, visit.judgements) == ("2025-02-21", "Care leavers", [])

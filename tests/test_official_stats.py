"""Reading Ofsted's official statistics CSVs into inspection statements."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from graph.errors import LoadError
from graph.settings import Settings
from loaders.model import InspectionStatement
from loaders.official_stats import FILES, STATS_DIR, read_official_stats
from tests.known_answers import GLOUCESTERSHIRE_2017_SIF

HISTORY = "csc2023_la_inspection_history_2009_2023.csv"
HISTORY_FORMER = "csc2023_la_inspection_history_2009_2023_former_las.csv"
WIDE_2024 = "laio2024_ilacs_history_2018_2024_wide.csv"
LONG_2025 = "laio2025_ilacs_history_2018_2025.csv"
IN_YEAR_2025 = "laio2025_in_year_activity_2024_25.csv"
LATEST_2024 = "laio2024_latest_judgements_at_31_march_2024.csv"
RI = "Requires improvement to be good"


@dataclass
class FakeCouncils:
    """A resolver over a few names, URNs and GSS codes; Dorset is 835 before 2019-04-01, 838 after."""

    names: dict[str, str] = field(
        default_factory=lambda: {"Gloucestershire": "916", "Cornwall": "908", "Nottingham": "892"}
    )
    urns: dict[str, str] = field(default_factory=lambda: {"80470": "916", "80533": "892"})
    gss: dict[str, str] = field(default_factory=lambda: {"E10000013": "916"})

    def by_name(self, name: str, on_date: str | None = None) -> str | None:
        if name == "Dorset":
            return "835" if on_date and on_date < "2019-04-01" else "838"
        return self.names.get(name)

    def by_urn(self, urn: str) -> str | None:
        return self.urns.get(urn)

    def by_gss(self, gss: str) -> str | None:
        return self.gss.get(gss)


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Every statistics CSV with its header and no rows."""
    for stats_file in FILES:
        write_csv(tmp_path / STATS_DIR / stats_file.name, stats_file.columns(), [])
    return tmp_path


def put(data_dir: Path, name: str, *rows: dict[str, str]) -> None:
    """Write rows (cells by column; the rest blank) into one statistics CSV."""
    header = next(f for f in FILES if f.name == name).columns()
    write_csv(data_dir / STATS_DIR / name, header, [{c: row.get(c, "") for c in header} for row in rows])


def read(data_dir: Path) -> list[InspectionStatement]:
    return read_official_stats(data_dir, FakeCouncils()).inspections


def problems(data_dir: Path) -> list[tuple[str, int | None, str | None]]:
    with pytest.raises(LoadError) as exc:
        read_official_stats(data_dir, FakeCouncils())
    return [(p.file.removeprefix(STATS_DIR + "/"), p.row, p.field) for p in exc.value.problems]


GLOUCESTERSHIRE_HISTORY = {
    "Local authority name": "Gloucestershire",
    "Safeguarding & Looked After Children (SLAC) Inspection publication date": "2011-01-24",
    "SLAC Safeguarding Overall effectiveness (OE)": "Inadequate",
    "SLAC Looked After Children Overall Effectiveness (OE)": RI,
    "SLAC re-inspection of Safeguarding publication date": "2012-03-05",
    "SLAC re-inspection Safeguarding OE": RI,
    "Single Inspection of LA Children's Services (SIF) First SIF publication date": "2017-06-13",
    "First SIF Overall Judgement (OE)": "Inadequate",
    "First SIF children who need help and protection": "Inadequate",
    "First SIF children looked after and achieving permanence": RI,
    "First SIF CLA Sub: Adoption Performance": "Good",
    "First SIF CLA Sub: Experiences and progress of care leavers": RI,
    "First SIF leadership, management and governance": "Inadequate",
    "LSCB Overall Effectiveness": RI,
    "First ILACS framework inspection type": "ILACS Standard Inspection",
    "First ILACS framework publication date": "2022-04-01",
    "First ILACS framework overall effectiveness": RI,
    "First ILACS framework impact of leaders": RI,
    "First ILACS framework experiences and progress of children who need help and protection": RI,
    "First ILACS framework experiences and progress of children in care and care leavers": RI,
}


def test_a_wide_history_row_gives_one_statement_per_inspection(data_dir: Path) -> None:
    put(data_dir, HISTORY, GLOUCESTERSHIRE_HISTORY)
    statements = read(data_dir)
    assert [(s.council_code, s.kind, s.framework, s.published_date, s.start_date) for s in statements] == [
        ("916", "inspection", "SLAC", "2011-01-24", None),
        ("916", "reinspection", "SLAC safeguarding re-inspection", "2012-03-05", None),
        ("916", "inspection", "SIF", "2017-06-13", None),
        ("916", "inspection", "ILACS standard", "2022-04-01", None),
    ]
    assert all(s.priority == 2 for s in statements)


def test_sif_sub_judgements_keep_the_printed_wording(data_dir: Path) -> None:
    put(data_dir, HISTORY, GLOUCESTERSHIRE_HISTORY)
    sif = read(data_dir)[2]
    assert [(j.area, j.grade, j.wording) for j in sif.judgements] == [
        ("overall_effectiveness", "INADEQUATE", "Inadequate"),
        ("help_and_protection", "INADEQUATE", "Inadequate"),
        ("looked_after_and_permanence", "REQUIRES_IMPROVEMENT", RI),
        ("adoption", "GOOD", "Good"),
        ("care_leavers", "REQUIRES_IMPROVEMENT", RI),
        ("leadership_management_governance", "INADEQUATE", "Inadequate"),
        ("lscb", "REQUIRES_IMPROVEMENT", RI),
    ]
    adoption = sif.judgements[3].citation
    assert (adoption.source_id, adoption.row, adoption.field, adoption.value) == (
        f"data:{STATS_DIR}/{HISTORY}",
        2,
        "First SIF CLA Sub: Adoption Performance",
        "Good",
    )
    assert adoption.quote == (
        "Local authority name=Gloucestershire; "
        "Single Inspection of LA Children's Services (SIF) First SIF publication date=2017-06-13; "
        "First SIF CLA Sub: Adoption Performance=Good"
    )


def test_a_slac_grade_restated_as_requires_improvement_is_not_converted(data_dir: Path) -> None:
    put(data_dir, HISTORY, GLOUCESTERSHIRE_HISTORY)
    slac = read(data_dir)[0]
    assert [(j.area, j.grade, j.wording) for j in slac.judgements] == [
        ("safeguarding", "INADEQUATE", "Inadequate"),
        ("looked_after_children", "REQUIRES_IMPROVEMENT", RI),
    ]


def test_the_first_ilacs_column_for_children_in_care_and_care_leavers_is_one_judgement(
    data_dir: Path,
) -> None:
    put(data_dir, HISTORY, GLOUCESTERSHIRE_HISTORY)
    ilacs = read(data_dir)[3]
    assert [j.area for j in ilacs.judgements] == [
        "overall_effectiveness",
        "impact_of_leaders",
        "help_and_protection",
        "children_in_care_and_care_leavers",
    ]


def long_row(start: str, published: str, care_leavers: str = "") -> dict[str, str]:
    return {
        "Local authority area code": "E10000013",
        "Local authority name": "Gloucestershire",
        "Inspection date": start,
        "Publication date": published,
        "Inspection type": "ILACS Short Inspection",
        "Overall effectiveness": "Good",
        "The experiences and progress of children in care": "Outstanding",
        "The experiences and progress of care leavers": care_leavers,
    }


def test_an_in_care_grade_of_an_inspection_started_before_2023_covers_care_leavers(data_dir: Path) -> None:
    # Started in 2022, published in 2023: the start date decides.
    put(data_dir, LONG_2025, long_row("2022-11-21", "2023-01-31"))
    [statement] = read(data_dir)
    assert [(j.area, j.grade) for j in statement.judgements] == [
        ("overall_effectiveness", "GOOD"),
        ("children_in_care_and_care_leavers", "OUTSTANDING"),
    ]


def test_from_2023_children_in_care_and_care_leavers_are_separate(data_dir: Path) -> None:
    put(data_dir, LONG_2025, long_row("2023-07-10", "2023-09-04", care_leavers="Good"))
    [statement] = read(data_dir)
    assert [j.area for j in statement.judgements] == [
        "overall_effectiveness",
        "children_in_care",
        "care_leavers",
    ]


def test_a_2023_inspection_without_a_care_leavers_grade_gets_none_invented(data_dir: Path) -> None:
    put(data_dir, LONG_2025, long_row("2023-07-10", "2023-09-04"))
    [statement] = read(data_dir)
    assert [j.area for j in statement.judgements] == ["overall_effectiveness", "children_in_care"]


def test_a_2023_publication_with_no_care_leavers_grade_is_a_joint_judgement(data_dir: Path) -> None:
    # Only a publication date (2023-02-01) and a blank care-leavers cell: the inspection began in 2022.
    put(
        data_dir,
        WIDE_2024,
        {
            "Local authority name": "Gloucestershire",
            "First ILACS publication date": "2023-02-01",
            "First ILACS inspection type": "ILACS Standard Inspection",
            "First ILACS experiences and progress of children in care": "Good",
        },
    )
    [statement] = read(data_dir)
    assert [j.area for j in statement.judgements] == ["children_in_care_and_care_leavers"]


def test_visits_carry_their_kind_theme_and_both_dates(data_dir: Path) -> None:
    base = {"Local authority area code": "E10000013", "Local authority name": "Gloucestershire"}
    put(
        data_dir,
        IN_YEAR_2025,
        base
        | {
            "Inspection/Visit date": "2025-01-22",
            "Publication date": "2025-02-21",
            "Inspection/Visit type": "ILACS Focused Visit",
            "Visit Theme": "Care leavers",
        },
        base
        | {
            "Inspection/Visit date": "2024-05-01",
            "Publication date": "2024-06-01",
            "Inspection/Visit type": "LA Monitoring visit",
        },
    )
    visit, monitoring = read(data_dir)
    assert (visit.kind, visit.framework, visit.start_date, visit.published_date, visit.theme) == (
        "focused_visit",
        "ILACS focused visit",
        "2025-01-22",
        "2025-02-21",
        "Care leavers",
    )
    assert visit.judgements == []
    assert (monitoring.kind, monitoring.framework, monitoring.theme) == (
        "monitoring_visit",
        "monitoring visit",
        None,
    )
    assert visit.citation.field == "Inspection/Visit date"


def test_latest_judgements_restate_an_inspection_by_its_start_date(data_dir: Path) -> None:
    put(
        data_dir,
        LATEST_2024,
        {
            "Local authority name": "Gloucestershire",
            "Inspection date": "2022-02-07",
            "Overall effectiveness": RI,
        },
        # Cumberland and Westmorland and Furness, created 2023, had no inspection by March 2024.
        {"Local authority name": "Cumberland", "Inspection date": "Not yet inspected"},
    )
    [statement] = read(data_dir)
    assert (statement.kind, statement.framework, statement.start_date, statement.published_date) == (
        "inspection",
        "ILACS",
        "2022-02-07",
        None,
    )


def test_a_dash_means_not_judged_and_states_nothing(data_dir: Path) -> None:
    put(
        data_dir,
        HISTORY,
        {
            "Local authority name": "Gloucestershire",
            "Single Inspection of LA Children's Services (SIF) First SIF publication date": "2016-06-27",
            "First SIF Overall Judgement (OE)": "Good",
            "First SIF CLA Sub: Adoption Performance": "-",
        },
    )
    [statement] = read(data_dir)
    assert [j.area for j in statement.judgements] == ["overall_effectiveness"]


def test_dorset_is_the_council_that_existed_on_the_inspection_date(data_dir: Path) -> None:
    put(
        data_dir,
        HISTORY_FORMER,
        {
            "Local authority name": "Dorset",
            "Safeguarding & Looked After Children (SLAC) Inspection publication date": "2011-10-28",
            "SLAC Safeguarding Overall effectiveness (OE)": "Good",
        },
    )
    put(
        data_dir,
        HISTORY,
        {
            "Local authority name": "Dorset",
            "First ILACS framework inspection type": "ILACS Standard Inspection",
            "First ILACS framework publication date": "2021-11-19",
            "First ILACS framework overall effectiveness": "Good",
        },
    )
    assert sorted((s.published_date, s.council_code) for s in read(data_dir)) == [
        ("2011-10-28", "835"),
        ("2021-11-19", "838"),
    ]


def test_same_day_slac_reinspections_of_both_services_are_one_statement(data_dir: Path) -> None:
    put(
        data_dir,
        HISTORY,
        {
            "Local authority name": "Cornwall",
            "SLAC re-inspection of Safeguarding publication date": "2011-02-25",
            "SLAC re-inspection Safeguarding OE": "Inadequate",
            "SLAC re-inspection of services for Children Looked After publication date": "2011-02-25",
            "SLAC re-inspection of services Children Looked After OE": RI,
            "Child Protection Inspections (CPI) publication date": "2011-02-25",
            "CPI Overall Effectiveness (OE)": "Good",
        },
    )
    statement, cpi = read(data_dir)
    assert cpi.framework == "CPI"
    assert statement.framework == "SLAC safeguarding and looked after children re-inspection"
    assert [(j.area, j.citation.field) for j in statement.judgements] == [
        ("safeguarding", "SLAC re-inspection Safeguarding OE"),
        ("looked_after_children", "SLAC re-inspection of services Children Looked After OE"),
    ]


def test_nottinghams_misprinted_2022_publication_date_is_mended_and_still_cited(data_dir: Path) -> None:
    put(
        data_dir,
        WIDE_2024,
        {
            "Local authority name": "Nottingham",
            "Second ILACS publication date": "2022-11-05",
            "Second ILACS inspection type": "ILACS Standard Inspection",
            "Second ILACS overall effectiveness": "Inadequate",
        },
    )
    [statement] = read(data_dir)
    assert statement.published_date == "2022-09-05"
    assert statement.citation.value == "2022-11-05"


def test_the_2025_edition_falls_back_to_the_gss_code(data_dir: Path) -> None:
    row = long_row("2022-02-07", "2022-04-01") | {"Local authority name": "Glos"}
    put(data_dir, LONG_2025, row)
    assert [s.council_code for s in read(data_dir)] == ["916"]


def test_each_bad_cell_is_reported_with_its_row_and_column(data_dir: Path) -> None:
    glos = {"Local authority name": "Gloucestershire"}
    put(
        data_dir,
        LONG_2025,
        long_row("2019-01-07", "2019-03-01") | {"Overall effectiveness": "Adequate"},
        long_row("07/02/2022", "2022-04-01"),
        long_row("2022-02-07", "2022-04-01") | {"Inspection type": "JTAI"},
        long_row("2022-02-07", "2022-04-01")
        | {"Local authority name": "Atlantis", "Local authority area code": ""},
        long_row("2021-01-11", "2021-03-01", care_leavers="Good"),
        long_row("2022-02-07", "2022-04-01"),
        long_row("2022-02-07", "2022-04-01"),
    )
    put(
        data_dir,
        IN_YEAR_2025,
        glos
        | {
            "Inspection/Visit date": "2025-01-22",
            "Inspection/Visit type": "ILACS Focused Visit",
            "Overall effectiveness": "Good",
        },
    )
    put(data_dir, LATEST_2024, glos | {"Overall effectiveness": "Good"})
    assert problems(data_dir) == [
        (LATEST_2024, 2, "Overall effectiveness"),
        (IN_YEAR_2025, 2, "Overall effectiveness"),
        (LONG_2025, 2, "Overall effectiveness"),
        (LONG_2025, 3, "Inspection date"),
        (LONG_2025, 4, "Inspection type"),
        (LONG_2025, 5, "Local authority name"),
        (LONG_2025, 6, "The experiences and progress of care leavers"),
        (LONG_2025, 8, "Publication date"),
    ]


def test_the_reasons_say_what_was_expected(data_dir: Path) -> None:
    put(data_dir, LONG_2025, long_row("2022-02-07", "2022-04-01") | {"Overall effectiveness": "Adequate"})
    with pytest.raises(LoadError) as exc:
        read_official_stats(data_dir, FakeCouncils())
    assert exc.value.problems[0].reason == (
        "expected one of Outstanding, Good, Requires improvement to be good, Inadequate, got 'Adequate'"
    )


def test_a_missing_file_and_a_missing_column_are_reported(data_dir: Path) -> None:
    (data_dir / STATS_DIR / HISTORY).unlink()
    write_csv(data_dir / STATS_DIR / LATEST_2024, ["Local authority name", "Inspection date"], [])
    assert problems(data_dir) == [
        (HISTORY, None, None),
        (LATEST_2024, 1, "Overall effectiveness"),
        (LATEST_2024, 1, "Impact of leaders"),
        (LATEST_2024, 1, "Experiences and progress of children who need help and protection"),
        (LATEST_2024, 1, "Experiences and progress of children in care"),
        (LATEST_2024, 1, "Experiences and progress of care leavers"),
    ]


def test_each_csv_is_a_source_published_with_its_edition(data_dir: Path) -> None:
    sources = {s.file: s for s in read_official_stats(data_dir, FakeCouncils()).sources}
    assert len(sources) == len(FILES)
    history = sources[f"{STATS_DIR}/{HISTORY}"]
    assert (history.id, history.kind, history.publisher, history.published_date) == (
        f"data:{STATS_DIR}/{HISTORY}",
        "official_statistics",
        "Ofsted",
        "2023-07-06",
    )
    assert "Childrens_social_care_in_England_2023_underlying_data.ods" in (history.title or "")
    assert sources[f"{STATS_DIR}/{WIDE_2024}"].published_date == "2024-08-30"
    assert sources[f"{STATS_DIR}/{LONG_2025}"].published_date == "2025-09-25"


# ---- the real files -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_statements() -> list[InspectionStatement]:
    from loaders.councils import read_councils

    data_dir = Settings().data_dir
    _, councils = read_councils(data_dir)
    return read_official_stats(data_dir, councils).inspections


def test_the_real_files_give_a_statement_per_inspection_and_visit(
    real_statements: list[InspectionStatement],
) -> None:
    per_file: dict[str, int] = {}
    for s in real_statements:
        name = s.citation.source_id.rsplit("/", 1)[1]
        per_file[name] = per_file.get(name, 0) + 1
    assert per_file == {
        HISTORY: 555,
        HISTORY_FORMER: 12,
        "csc2023_la_latest_judgements_at_31_march_2023.csv": 152,
        "csc2023_la_in_year_activity_2022_23.csv": 111,
        LATEST_2024: 151,
        "laio2024_in_year_activity_2023_24.csv": 107,
        WIDE_2024: 216,
        "laio2024_ilacs_history_2018_2024_wide_former_las.csv": 3,
        "laio2025_latest_judgements_at_31_march_2025.csv": 153,
        IN_YEAR_2025: 112,
        LONG_2025: 271,
    }


def test_the_real_files_give_gloucestershires_known_grades(
    real_statements: list[InspectionStatement],
) -> None:
    glos = [s for s in real_statements if s.council_code == "916" and s.citation.source_id.endswith(HISTORY)]
    grades = {(s.framework, s.published_date): {j.area: j.grade for j in s.judgements} for s in glos}
    assert grades[("SLAC", "2011-01-24")]["safeguarding"] == "INADEQUATE"
    assert grades[("SIF", "2017-06-13")] == GLOUCESTERSHIRE_2017_SIF
    visit = next(s for s in real_statements if s.council_code == "916" and s.kind == "focused_visit")
    assert (visit.start_date, visit.published_date, visit.theme) == (
        "2025-01-22",
        "2025-02-21",
        "Care leavers",
    )

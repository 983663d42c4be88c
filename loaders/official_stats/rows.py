"""One statistics file read into inspection statements, row by row, each citing its row."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from graph.errors import Problem
from loaders.grades import STATISTICS_WORDS as GRADES
from loaders.model import (
    Citation,
    CouncilResolver,
    InspectionKind,
    InspectionStatement,
    JudgementStatement,
    SourceRecord,
)
from loaders.official_stats.files import NAME, Event, StatsFile
from loaders.tables import Row, located_rows

PRIORITY = 2  # official statistics: above the report scrape (1), below the reports themselves (3)

# "-" sits where a judgement was not made (City of London's SIF adoption; the Isles of Scilly's SLAC
# looked-after and SIF looked-after, adoption and care-leaver judgements): no statement.
NOT_JUDGED = "-"
# The 2024 latest-judgements file puts this in the date column for Cumberland and Westmorland and
# Furness, created 2023-04-01 and not inspected by 31 March 2024: no statement.
NOT_YET_INSPECTED = "Not yet inspected"

TYPES: dict[str, tuple[InspectionKind, str]] = {
    "ILACS Standard Inspection": ("inspection", "ILACS standard"),
    "ILACS Short Inspection": ("inspection", "ILACS short"),
    "ILACS Focused Visit": ("focused_visit", "ILACS focused visit"),
    "LA Monitoring visit": ("monitoring_visit", "monitoring visit"),
}

# ILACS judged children in care and care leavers together until the end of 2022.
CARE_LEAVERS_JUDGED_FROM = "2023-01-01"

# A known misprinted date -> the date used instead (corrections/statistics_date_slips.csv).
Slips = dict[tuple[str, str, str, str], str]


def source_record(stats_file: StatsFile) -> SourceRecord:
    """The CSV as a source: a derived extract of one sheet of a named ODS."""
    edition = stats_file.edition
    return SourceRecord(
        id=f"data:{stats_file.path}",
        kind="official_statistics",
        title=(
            f"{edition.title}: sheet {stats_file.sheet} "
            f"(CSV derived from {edition.ods}, values unchanged, dates as ISO)"
        ),
        publisher="Ofsted",
        publisher_certainty="stated",
        published_date=edition.published,
        published_precision="day",
        published_certainty="stated",
        file=stats_file.path,
    )


def read_stats_file(
    data_dir: Path, stats_file: StatsFile, councils: CouncilResolver, slips: Slips, problems: list[Problem]
) -> list[InspectionStatement]:
    """Every statement in one CSV; problems are added to `problems`."""
    rows = read_rows(data_dir, stats_file, problems)
    statements: list[InspectionStatement] = []
    seen: dict[tuple[str | None, ...], int] = {}
    for row in rows:
        for event in stats_file.events:
            s = read_event(row, event, stats_file, councils, slips, problems)
            if s is None:
                continue
            key = (s.council_code, s.kind, s.framework, s.start_date, s.published_date)
            if key in seen:
                problems.append(
                    row.problem(event.published or event.start, f"the same inspection as row {seen[key]}")
                )
                continue
            seen[key] = row.number
            statements.append(s)
    return merge_same_day_slac_reinspections(statements)


def read_rows(data_dir: Path, stats_file: StatsFile, problems: list[Problem]) -> list[Row]:
    """The file's rows; a missing file or column is a problem and gives no rows."""
    return located_rows(data_dir / stats_file.path, stats_file.path, stats_file.columns(), problems)


def read_event(
    row: Row,
    event: Event,
    stats_file: StatsFile,
    councils: CouncilResolver,
    slips: Slips,
    problems: list[Problem],
) -> InspectionStatement | None:
    """The statement one event of one row makes, or None when its cells are empty."""
    filled = filled_cells(row, event)
    if event.start and row[event.start] == NOT_YET_INSPECTED and not filled:
        return None
    start = iso_date(row, event.start, slips, problems)
    published = iso_date(row, event.published, slips, problems)
    date_columns = [c for c in (event.start, event.published) if c and row[c]]
    if not date_columns:
        problems += [row.problem(c, "a grade or type with no date") for c in filled]
        return None
    kind_and_framework = event_type(row, event, problems)
    council = resolve_council(row, stats_file, start or published, councils, problems)
    judgements = read_judgements(row, event, problems)
    if kind_and_framework is None or council is None or (start or published) is None:
        return None
    kind, framework = kind_and_framework
    if kind in ("focused_visit", "monitoring_visit") and judgements:
        problems.append(row.problem(judgements[0].citation.field, "a visit is not graded"))
    return InspectionStatement(
        council_code=council,
        kind=kind,
        framework=framework,
        citation=event_citation(row, event, date_columns[0]),
        start_date=start,
        published_date=published,
        theme=(row[event.theme] or None) if event.theme else None,
        judgements=care_areas(row, judgements, start, published, problems),
        priority=PRIORITY,
    )


def filled_cells(row: Row, event: Event) -> list[str]:
    """The event's grade and type columns that hold something."""
    columns = [c for c, _ in event.grades] + ([event.type_column] if event.type_column else [])
    return [c for c in columns if row[c]]


def event_citation(row: Row, event: Event, date_column: str) -> Citation:
    """The row as evidence that the event happened: its council, dates, type and theme."""
    return Citation(
        source_id=f"data:{row.file}",
        quote=row.quote(NAME, event.start, event.published, event.type_column, event.theme),
        row=row.number,
        field=date_column,
        value=row[date_column],
    )


def iso_date(row: Row, column: str | None, slips: Slips, problems: list[Problem]) -> str | None:
    """The ISO date in `column`, or None when blank; a bad date is a problem; a known slip is mended."""
    if column is None or not row[column]:
        return None
    try:
        printed = date.fromisoformat(row[column]).isoformat()
        return slips.get((row.file, row[NAME], column, printed), printed)
    except ValueError:
        problems.append(row.problem(column, f"expected a date like 2024-03-31, got {row[column]!r}"))
        return None


def event_type(row: Row, event: Event, problems: list[Problem]) -> tuple[InspectionKind, str] | None:
    """The kind and framework: fixed for the event, or named by the row's type column."""
    if event.type_column is None:
        return event.kind, event.framework
    value = row[event.type_column]
    if value not in TYPES:
        problems.append(row.problem(event.type_column, f"expected one of {', '.join(TYPES)}, got {value!r}"))
        return None
    return TYPES[value]


def resolve_council(
    row: Row, stats_file: StatsFile, on_date: str | None, councils: CouncilResolver, problems: list[Problem]
) -> str | None:
    """The DfE code of the row's council as it was on the event's date (Dorset 835 before 2019, 838 after)."""
    code = councils.by_name(row[NAME], on_date)
    if code is None and stats_file.gss and row[stats_file.gss]:
        code = councils.by_gss(row[stats_file.gss])
    if code is None:
        problems.append(row.problem(NAME, f"unknown council {row[NAME]!r}"))
    return code


def read_judgements(row: Row, event: Event, problems: list[Problem]) -> list[JudgementStatement]:
    """A statement per graded cell; blank and "-" cells state nothing."""
    judgements: list[JudgementStatement] = []
    for column, area in event.grades:
        wording = row[column]
        if wording in ("", NOT_JUDGED):
            continue
        if wording not in GRADES:
            problems.append(row.problem(column, f"expected one of {', '.join(GRADES)}, got {wording!r}"))
            continue
        citation = Citation(
            source_id=f"data:{row.file}",
            quote=row.quote(NAME, event.start, event.published, event.type_column, column),
            row=row.number,
            field=column,
            value=wording,
        )
        judgements.append(JudgementStatement(area, GRADES[wording], wording, citation))
    return judgements


def care_areas(
    row: Row,
    judgements: list[JudgementStatement],
    start: str | None,
    published: str | None,
    problems: list[Problem],
) -> list[JudgementStatement]:
    """File an ILACS in-care grade as "children in care and care leavers" for inspections before 2023.

    With a start date, that decides. With only a publication date, a blank care-leavers cell decides:
    inspections that started in late 2022 were published in early 2023 with no care-leavers grade
    (e.g. Blackpool's second ILACS, published 2023-02-01), while every inspection that started in 2023
    has one. A care-leavers grade is never invented.
    """
    leavers = [j for j in judgements if j.area == "care_leavers"]
    in_care = [j for j in judgements if j.area == "children_in_care"]
    started = start or published or ""
    if leavers and in_care and started < CARE_LEAVERS_JUDGED_FROM:
        problems.append(
            row.problem(
                leavers[0].citation.field, f"a care-leavers grade for an inspection of {started}, before 2023"
            )
        )
    if in_care and not leavers and (start is None or start < CARE_LEAVERS_JUDGED_FROM):
        return [
            JudgementStatement("children_in_care_and_care_leavers", j.grade, j.wording, j.citation)
            if j.area == "children_in_care"
            else j
            for j in judgements
        ]
    return judgements


SLAC_SAFEGUARDING = "SLAC safeguarding re-inspection"
SLAC_LOOKED_AFTER = "SLAC looked after children re-inspection"
SLAC_BOTH = "SLAC safeguarding and looked after children re-inspection"


def merge_same_day_slac_reinspections(statements: list[InspectionStatement]) -> list[InspectionStatement]:
    """Join a council's SLAC re-inspections of safeguarding and of looked-after children of one day.

    Cornwall and Warrington (2011-02-25) have both publication dates equal: one re-inspection of both
    services, so one statement with both judgements, under its own framework name. The looked-after
    judgement keeps its own citation, whose quote includes its publication date.
    """
    by_day = {(s.council_code, s.published_date, s.framework): s for s in statements}
    merged: list[InspectionStatement] = []
    for s in statements:
        safeguarding = by_day.get((s.council_code, s.published_date, SLAC_SAFEGUARDING))
        looked_after = by_day.get((s.council_code, s.published_date, SLAC_LOOKED_AFTER))
        if safeguarding is None or looked_after is None:
            merged.append(s)
        elif s is safeguarding:
            both = safeguarding.judgements + looked_after.judgements
            merged.append(replace(s, framework=SLAC_BOTH, judgements=both))
        elif s is not looked_after:
            merged.append(s)
    return merged

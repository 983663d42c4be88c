"""Ofsted's official statistics on local authority inspections: one statement per inspection or visit.

Reads the derived CSV extracts in `ofsted_official_stats/csv/` (SOURCES.md section 2a). Each CSV is a
sheet (or one table of a sheet) of an Ofsted ODS, with values unchanged and dates as ISO. The wide
files hold several inspections per row (SLAC, CPI, SIF, first and second ILACS ...); the long and
in-year files hold one inspection or visit per row; the latest-judgements files restate each council's
latest ILACS inspection (`loaders.reconcile` joins them to it by inspection date).

Ofsted writes older grades in today's words: a SIF "requires improvement", and apparently a 2009-12
"adequate", appear as "Requires improvement to be good". The statements keep that wording; they do
not convert it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from graph.errors import LoadError, Problem
from loaders.grades import STATISTICS_WORDS as GRADES
from loaders.model import (
    Area,
    Bundle,
    Citation,
    CouncilResolver,
    InspectionKind,
    InspectionStatement,
    JudgementStatement,
    SourceRecord,
)
from loaders.tables import Row, located_rows

STATS_DIR = "ofsted_official_stats/csv"
PRIORITY = 2  # official statistics: above the report scrape (1), below the reports themselves (3)

NAME = "Local authority name"

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

# Dates the statistics print wrongly, mended so the statement joins its inspection rather than
# making a second one; the citation keeps the printed date. Nottingham's second ILACS report came out
# on 2022-09-05 (the report's Ofsted file name, the report scrape and both 2025 tables that give
# publication dates agree); the 2023 and 2024 wide tables print 2022-11-05, a Saturday.
DATE_SLIPS = {
    (
        f"{STATS_DIR}/csc2023_la_inspection_history_2009_2023.csv",
        "Nottingham",
        "Second ILACS framework publication date",
        "2022-11-05",
    ): "2022-09-05",
    (
        f"{STATS_DIR}/laio2024_ilacs_history_2018_2024_wide.csv",
        "Nottingham",
        "Second ILACS publication date",
        "2022-11-05",
    ): "2022-09-05",
}

# ILACS judged children in care and care leavers together until the end of 2022.
CARE_LEAVERS_JUDGED_FROM = "2023-01-01"


@dataclass(frozen=True)
class Edition:
    """The ODS a CSV was extracted from."""

    ods: str
    title: str
    published: str


EDITIONS = {
    "csc2023": Edition(
        "Childrens_social_care_in_England_2023_underlying_data.ods",
        "Children's social care data in England 2023",
        "2023-07-06",
    ),
    "laio2024": Edition(
        "LA_Inspection_Outcomes_as_at_March_2024.ods",
        "Local authority inspection outcomes as at 31 March 2024",
        "2024-08-30",
    ),
    "laio2025": Edition(
        "LA_Inspection_Outcomes_as_at_31_March_2025.ods",
        "Local authority inspection outcomes as at 31 March 2025",
        "2025-09-25",
    ),
}


@dataclass(frozen=True)
class Event:
    """Where one inspection or visit sits in a row: its date columns, type and grade columns."""

    published: str | None = None
    start: str | None = None
    type_column: str | None = None  # the row names the type; else `kind` and `framework` are fixed
    kind: InspectionKind = "inspection"
    framework: str = ""
    theme: str | None = None
    grades: tuple[tuple[str, Area], ...] = ()


@dataclass(frozen=True)
class StatsFile:
    """One CSV: the sheet it came from and the events each row holds."""

    name: str
    sheet: str
    events: tuple[Event, ...]
    gss: str | None = None  # the GSS-code column, in the 2025 edition only

    @property
    def edition(self) -> Edition:
        return EDITIONS[self.name.split("_", 1)[0]]

    @property
    def path(self) -> str:
        return f"{STATS_DIR}/{self.name}"

    def columns(self) -> list[str]:
        """Every column this reader needs."""
        needed = [NAME] + ([self.gss] if self.gss else [])
        for event in self.events:
            needed += [c for c in (event.published, event.start, event.type_column, event.theme) if c]
            needed += [column for column, _ in event.grades]
        return list(dict.fromkeys(needed))


def _sif(prefix: str, *, lscb: bool) -> tuple[tuple[str, Area], ...]:
    grades: tuple[tuple[str, Area], ...] = (
        (f"{prefix} Overall Judgement (OE)", "overall_effectiveness"),
        (f"{prefix} children who need help and protection", "help_and_protection"),
        (f"{prefix} children looked after and achieving permanence", "looked_after_and_permanence"),
        (f"{prefix} CLA Sub: Adoption Performance", "adoption"),
        (f"{prefix} CLA Sub: Experiences and progress of care leavers", "care_leavers"),
        (f"{prefix} leadership, management and governance", "leadership_management_governance"),
    )
    # The table gives the LSCB review with the first SIF only; the re-inspection has no LSCB column.
    return (*grades, ("LSCB Overall Effectiveness", "lscb")) if lscb else grades


def _ilacs(prefix: str, *, published: str, type_column: str, separate_care_leavers: bool) -> Event:
    """An ILACS inspection in a wide row; older tables judge children in care and care leavers as one."""
    care: tuple[tuple[str, Area], ...] = (
        (
            (f"{prefix} experiences and progress of children in care", "children_in_care"),
            (f"{prefix} experiences and progress of care leavers", "care_leavers"),
        )
        if separate_care_leavers
        else (
            (
                f"{prefix} experiences and progress of children in care and care leavers",
                "children_in_care_and_care_leavers",
            ),
        )
    )
    return Event(
        published=published,
        type_column=type_column,
        grades=(
            (f"{prefix} overall effectiveness", "overall_effectiveness"),
            (f"{prefix} impact of leaders", "impact_of_leaders"),
            (
                f"{prefix} experiences and progress of children who need help and protection",
                "help_and_protection",
            ),
            *care,
        ),
    )


_SIF_TITLE = "Single Inspection of LA Children's Services (SIF)"

# The 2009-2012 SLAC inspections, the 2012-13 child protection and looked-after inspections and the SIF,
# as in both tables of the 2023 history sheet. CPI and TLAC gave one judgement: CPI's is about child
# protection, so it is filed under "safeguarding" (as SLAC's safeguarding judgement), TLAC's under
# "looked_after_children"; neither is an overall effectiveness of children's services.
_PRE_ILACS = (
    Event(
        published="Safeguarding & Looked After Children (SLAC) Inspection publication date",
        framework="SLAC",
        grades=(
            ("SLAC Safeguarding Overall effectiveness (OE)", "safeguarding"),
            ("SLAC Looked After Children Overall Effectiveness (OE)", "looked_after_children"),
        ),
    ),
    Event(
        published="SLAC re-inspection of Safeguarding publication date",
        kind="reinspection",
        framework="SLAC safeguarding re-inspection",
        grades=(("SLAC re-inspection Safeguarding OE", "safeguarding"),),
    ),
    Event(
        published="SLAC re-inspection of services for Children Looked After publication date",
        kind="reinspection",
        framework="SLAC looked after children re-inspection",
        grades=(("SLAC re-inspection of services Children Looked After OE", "looked_after_children"),),
    ),
    Event(
        published="Child Protection Inspections (CPI) publication date",
        framework="CPI",
        grades=(("CPI Overall Effectiveness (OE)", "safeguarding"),),
    ),
    Event(
        published="Child Protection Re-Inspection (CPRI) publication date",
        kind="reinspection",
        framework="CPRI",
        grades=(("CPRI Overall Effectiveness (OE)", "safeguarding"),),
    ),
    Event(
        published="Targeted Looked After Children (TLAC) inspection publication date",
        framework="TLAC",
        grades=(("TLAC Overall Effectiveness (OE)", "looked_after_children"),),
    ),
    Event(
        published=f"{_SIF_TITLE} First SIF publication date",
        framework="SIF",
        grades=_sif("First SIF", lscb=True),
    ),
    Event(
        published=f"{_SIF_TITLE} SIF Re-inspection publication date",
        kind="reinspection",
        framework="SIF re-inspection",
        grades=_sif("SIF Re-inspection", lscb=False),
    ),
)


def _single(*, start: str, published: str | None, type_column: str | None, edition: str) -> Event:
    """One inspection or visit per row: the long history, in-year activity and latest judgements.

    The 2025 edition words the judgements in full ("The impact of leaders on social work practice ...").
    """
    leaders, prefix = (
        ("The impact of leaders on social work practice with children and families", "The experiences")
        if edition == "laio2025"
        else ("Impact of leaders", "Experiences")
    )
    return Event(
        published=published,
        start=start,
        type_column=type_column,
        framework="" if type_column else "ILACS",  # latest judgements do not say standard or short
        theme="Visit Theme" if type_column == "Inspection/Visit type" else None,
        grades=(
            ("Overall effectiveness", "overall_effectiveness"),
            (leaders, "impact_of_leaders"),
            (
                f"{prefix} and progress of children who need help and protection",
                "help_and_protection",
            ),
            (f"{prefix} and progress of children in care", "children_in_care"),
            (f"{prefix} and progress of care leavers", "care_leavers"),
        ),
    )


FILES = (
    StatsFile(
        "csc2023_la_inspection_history_2009_2023.csv",
        "LA_inspections_2009-2023, table 1 (current local authorities)",
        (
            *_PRE_ILACS,
            _ilacs(
                "First ILACS framework",
                published="First ILACS framework publication date",
                type_column="First ILACS framework inspection type",
                separate_care_leavers=False,
            ),
            _ilacs(
                "Second ILACS framework",
                published="Second ILACS framework publication date",
                type_column="Second ILACS framework inspection type",
                separate_care_leavers=True,
            ),
        ),
    ),
    StatsFile(
        "csc2023_la_inspection_history_2009_2023_former_las.csv",
        "LA_inspections_2009-2023, table 2 (local authorities that no longer exist)",
        (
            *_PRE_ILACS,
            _ilacs(
                "ILACS framework",
                published="ILACS framework publication date",
                type_column="ILACS framework inspection type",
                separate_care_leavers=False,
            ),
        ),
    ),
    StatsFile(
        "csc2023_la_latest_judgements_at_31_march_2023.csv",
        "LA_level_at_31_Mar_2023",
        (_single(start="Inspection date", published=None, type_column=None, edition="csc2023"),),
    ),
    StatsFile(
        "csc2023_la_in_year_activity_2022_23.csv",
        "LA_level_in_year_2022-23",
        (
            _single(
                start="Inspection/Visit date",
                published=None,
                type_column="Inspection/Visit type",
                edition="csc2023",
            ),
        ),
    ),
    StatsFile(
        "laio2024_latest_judgements_at_31_march_2024.csv",
        "Inspections_31_March_2024",
        (_single(start="Inspection date", published=None, type_column=None, edition="laio2024"),),
    ),
    StatsFile(
        "laio2024_in_year_activity_2023_24.csv",
        "Inspections_in_year_2023-24",
        (
            _single(
                start="Inspection/Visit date",
                published=None,
                type_column="Inspection/Visit type",
                edition="laio2024",
            ),
        ),
    ),
    StatsFile(
        "laio2024_ilacs_history_2018_2024_wide.csv",
        "ILACS_inspections_2018-2024, table 1 (current local authorities)",
        tuple(
            _ilacs(
                f"{nth} ILACS",
                published=f"{nth} ILACS publication date",
                type_column=f"{nth} ILACS inspection type",
                separate_care_leavers=True,
            )
            for nth in ("First", "Second")
        ),
    ),
    StatsFile(
        "laio2024_ilacs_history_2018_2024_wide_former_las.csv",
        "ILACS_inspections_2018-2024, table 2 (local authorities that no longer exist)",
        (
            _ilacs(
                "ILACS framework",
                published="ILACS framework publication date",
                type_column="ILACS framework inspection type",
                separate_care_leavers=False,
            ),
        ),
    ),
    StatsFile(
        "laio2025_latest_judgements_at_31_march_2025.csv",
        "Inspections_as_at_31_March",
        (
            _single(
                start="Inspection date", published="Publication date", type_column=None, edition="laio2025"
            ),
        ),
        gss="Local authority area code",
    ),
    StatsFile(
        "laio2025_in_year_activity_2024_25.csv",
        "In-year_inspections",
        (
            _single(
                start="Inspection/Visit date",
                published="Publication date",
                type_column="Inspection/Visit type",
                edition="laio2025",
            ),
        ),
        gss="Local authority area code",
    ),
    StatsFile(
        "laio2025_ilacs_history_2018_2025.csv",
        "ILACS_inspection_history",
        (
            _single(
                start="Inspection date",
                published="Publication date",
                type_column="Inspection type",
                edition="laio2025",
            ),
        ),
        gss="Local authority area code",
    ),
)


def read_official_stats(data_dir: Path, councils: CouncilResolver) -> Bundle:
    """Read every CSV extract of Ofsted's LA inspection statistics into statements and sources.

    Args:
        data_dir: the shared data folder (`Settings.data_dir`).
        councils: resolves the councils' names (and, in the 2025 edition, GSS codes) to DfE codes.

    Raises:
        LoadError: listing every problem in every file (missing file or column, bad date, unknown
            grade, type or council, duplicate inspection); nothing is returned.
    """
    bundle = Bundle()
    problems: list[Problem] = []
    for stats_file in FILES:
        bundle.sources.append(source_record(stats_file))
        bundle.inspections += read_stats_file(data_dir, stats_file, councils, problems)
    if problems:
        raise LoadError(problems)
    return bundle


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
    data_dir: Path, stats_file: StatsFile, councils: CouncilResolver, problems: list[Problem]
) -> list[InspectionStatement]:
    """Every statement in one CSV; problems are added to `problems`."""
    rows = read_rows(data_dir, stats_file, problems)
    statements: list[InspectionStatement] = []
    seen: dict[tuple[str | None, ...], int] = {}
    for row in rows:
        for event in stats_file.events:
            s = read_event(row, event, stats_file, councils, problems)
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
    row: Row, event: Event, stats_file: StatsFile, councils: CouncilResolver, problems: list[Problem]
) -> InspectionStatement | None:
    """The statement one event of one row makes, or None when its cells are empty."""
    filled = filled_cells(row, event)
    if event.start and row[event.start] == NOT_YET_INSPECTED and not filled:
        return None
    start = iso_date(row, event.start, problems)
    published = iso_date(row, event.published, problems)
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


def iso_date(row: Row, column: str | None, problems: list[Problem]) -> str | None:
    """The ISO date in `column`, or None when blank; a bad date is a problem; a known slip is mended."""
    if column is None or not row[column]:
        return None
    try:
        printed = date.fromisoformat(row[column]).isoformat()
        return DATE_SLIPS.get((row.file, row[NAME], column, printed), printed)
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

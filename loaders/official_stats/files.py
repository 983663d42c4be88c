"""The statistics files a load reads, and what each column of each file holds."""

from __future__ import annotations

from dataclasses import dataclass

from loaders.model import (
    Area,
    InspectionKind,
)

STATS_DIR = "ofsted_official_stats/csv"
NAME = "Local authority name"


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

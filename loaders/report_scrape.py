"""The Ofsted report scrape: one statement per inspection report on a council's Ofsted page.

Reads `ilacs_scrape/ofsted_csc_ilacs_history.csv` (SOURCES.md section 1a), made by the Data to Insight
"Ofsted ILACS scrape tool" (JT-39 fork), which downloads each report PDF and parses its grades. A row
gives the report's Ofsted URL, its publication date and, for ILACS reports, the inspection dates, the
lead inspector and the grades. SIF-era reports were unreadable to the parser: their rows say only that
the report exists, where and when it was published.

Each row gives two statements of the same inspection, merged again by `loaders.reconcile`: one citing
the CSV row (dates, inspector, grades, as the tool parsed them) and one citing the report at its Ofsted
URL (a source of its own), so the inspection cites the report itself as well as the table.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from graph.errors import LoadError, Problem
from loaders.grades import SCRAPE_WORDS as GRADES
from loaders.model import (
    Area,
    Bundle,
    Citation,
    CouncilResolver,
    InspectionStatement,
    JudgementStatement,
    SourceRecord,
)
from loaders.official_stats import CARE_LEAVERS_JUDGED_FROM
from loaders.reconcile import GENERIC_FRAMEWORK
from loaders.tables import Row, located_rows

SCRAPE = "ilacs_scrape/ofsted_csc_ilacs_history.csv"
SOURCE_ID = f"data:{SCRAPE}"
# Parsed from the reports by software, with known parse errors (St Helens 2023, Rochdale and Oxfordshire
# 2018 disagree with every statistics edition): below the official statistics (2) and a report read here (3).
PRIORITY = 1

COLUMNS = (
    "urn",
    "local_authority",
    "inspection_link",
    "pdf_filename",
    "publication_date",
    "inspection_framework",
    "inspector_name",
    "inspection_start_date",
    "inspection_end_date",
    "overall_effectiveness_grade",
    "impact_of_leaders_grade",
    "help_and_protection_grade",
    "in_care_grade",
    "care_leavers_grade",
)

# Cells that state no grade, and the columns each may appear in.
UNREADABLE = "data_unreadable"  # the parser could not read the (SIF-era or older) report
PRE_DATES = "inspection_pre_dates_judgement"  # no separate care-leavers judgement before 2023
POST_REFORM = "not_reported_post_reform"  # reports from 2026-06-17 have no overall effectiveness
# A parse error in help and protection (Nottingham 2019-01-07, Southend-on-Sea 2019-08-27): the grade
# word is cut, so the grade is not guessed and the cell states nothing.
CUT_GRADE = "to requires improvement"
NO_GRADE: dict[str, set[str]] = {
    "overall_effectiveness_grade": {"", UNREADABLE, POST_REFORM},
    "impact_of_leaders_grade": {"", UNREADABLE},
    "help_and_protection_grade": {"", UNREADABLE, CUT_GRADE},
    "in_care_grade": {"", UNREADABLE},
    "care_leavers_grade": {"", UNREADABLE, PRE_DATES},
}

AREAS: dict[str, Area] = {
    "overall_effectiveness_grade": "overall_effectiveness",
    "impact_of_leaders_grade": "impact_of_leaders",
    "help_and_protection_grade": "help_and_protection",
    "in_care_grade": "children_in_care",
    "care_leavers_grade": "care_leavers",
}

FRAMEWORKS = {
    "standard": "ILACS standard",
    "short": "ILACS short",
    # Wiltshire 2019-07-22: the parser's words for a standard inspection that ran longer; the
    # statistics call it a standard inspection, and reconcile takes their more specific name.
    "inspection duration longer than standard framework": "ILACS",
}

# The single inspection framework ran from November 2013; its last reports (re-inspections) came out
# in 2018. The 2012-13 reports before it (SLAC, child protection, looked-after inspections) are only
# a "full inspection" here: the statistics name their framework.
SIF_FROM, SIF_UNTIL = "2013-11-01", "2018-12-31"

# ASCII: strptime would read other scripts' digits as a date.
SHORT_DATE = re.compile(r"\d{2}/\d{2}/\d{2}", re.ASCII)
LONG_DATE = re.compile(r"\d{2}/\d{2}/\d{4}", re.ASCII)
# The link becomes the report's citation URL and a link in widgets: an https address and nothing
# else (no "javascript:", no spaces or quotes).
REPORT_URL = re.compile(r"https://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~%/?=&+-]*)?")


def read_report_scrape(data_dir: Path, councils: CouncilResolver) -> Bundle:
    """Read the report scrape into inspection statements, one source per report URL, and its own source.

    Args:
        data_dir: the shared data folder (`Settings.data_dir`).
        councils: resolves the rows' Ofsted URNs to DfE codes.

    Raises:
        LoadError: listing every problem (missing file or column, bad date, unknown grade, framework
            or council, a report URL listed twice); nothing is returned.
    """
    problems: list[Problem] = []
    bundle = Bundle(sources=[scrape_source()])
    seen: dict[str, int] = {}
    for row in read_rows(data_dir, problems):
        link = row["inspection_link"]
        if link in seen:
            problems.append(row.problem("inspection_link", f"the same report as row {seen[link]}"))
            continue
        seen[link] = row.number
        statement = read_statement(row, councils, problems)
        if statement is not None and statement.published_date is not None:
            report = report_source(row, statement.published_date)
            bundle.sources.append(report)
            bundle.inspections += [statement, report_statement(statement, report, row)]
    if problems:
        raise LoadError(problems)
    return bundle


def scrape_source() -> SourceRecord:
    """The scrape table itself, at the commit SOURCES.md names."""
    return SourceRecord(
        id=SOURCE_ID,
        kind="dataset",
        title=(
            "ofsted_csc_ilacs_history.csv: grades, dates and lead inspectors parsed from Ofsted "
            "children's services inspection reports (commit 54af59bf, 2026-08-22)"
        ),
        publisher="Data to Insight (JT-39/ofsted-ilacs-scrape-tool)",
        publisher_certainty="stated",
        url=(
            "https://github.com/JT-39/ofsted-ilacs-scrape-tool/blob/"
            "54af59bf7856a26530b1eeb45c1c1c146f34cb8a/ofsted_csc_ilacs_history.csv"
        ),
        file=SCRAPE,
    )


def read_rows(data_dir: Path, problems: list[Problem]) -> list[Row]:
    """The table's rows; a missing file or column is a problem and gives no rows."""
    # The quoted 2013 file names holding a comma ("children's services inspection,  pdf - 16 august
    # 2013.pdf") are read as one cell.
    return located_rows(data_dir / SCRAPE, SCRAPE, COLUMNS, problems)


def read_statement(
    row: Row, councils: CouncilResolver, problems: list[Problem]
) -> InspectionStatement | None:
    """What one row says about its inspection, citing the row."""
    council = councils.by_urn(row["urn"])
    if council is None:
        problems.append(row.problem("urn", f"unknown council URN {row['urn']!r} ({row['local_authority']})"))
    published = day_month_year(row, "publication_date", SHORT_DATE, "%d/%m/%y", "13/06/17", problems)
    start = day_month_year(row, "inspection_start_date", LONG_DATE, "%d/%m/%Y", "07/02/2022", problems)
    end = day_month_year(row, "inspection_end_date", LONG_DATE, "%d/%m/%Y", "18/02/2022", problems)
    judgements = read_judgements(row, published, problems)
    framework = read_framework(row, published, judgements, problems)
    problems += [
        row.problem(c, "blank; every report has one")
        for c in ("inspection_link", "publication_date")
        if not row[c]
    ]
    link = link_problem(row)
    problems += [link] if link else []
    if council is None or published is None or framework is None or link:
        return None
    return InspectionStatement(
        council_code=council,
        # The table does not tell a SIF re-inspection from a first inspection; the statistics do.
        kind="inspection",
        framework=framework,
        citation=Citation(
            source_id=SOURCE_ID,
            quote=row.quote(
                "local_authority",
                "publication_date",
                "inspection_framework",
                "inspector_name",
                "inspection_start_date",
                "inspection_end_date",
                "inspection_link",
            ),
            row=row.number,
            field="publication_date",
            value=row["publication_date"],
        ),
        start_date=start,
        end_date=end,
        published_date=published,
        lead_inspector=normalise_inspector(row["inspector_name"]),
        report_url=row["inspection_link"],
        judgements=judgements,
        priority=PRIORITY,
    )


def link_problem(row: Row) -> Problem | None:
    """A report link that is not an https address; a blank one is reported with the other blanks."""
    link = row["inspection_link"]
    if not link or REPORT_URL.fullmatch(link):
        return None
    example = "https://files.ofsted.gov.uk/v1/file/50184811"
    return row.problem("inspection_link", f"expected an https address like {example}, got {link!r}")


def day_month_year(
    row: Row, column: str, pattern: re.Pattern[str], fmt: str, example: str, problems: list[Problem]
) -> str | None:
    """The ISO date of a dd/mm/yy or dd/mm/yyyy cell, or None when blank; a bad date is a problem."""
    value = row[column]
    if not value:
        return None
    try:
        if not pattern.fullmatch(value):
            raise ValueError(value)
        return datetime.strptime(value, fmt).date().isoformat()
    except ValueError:
        problems.append(row.problem(column, f"expected a date like {example}, got {value!r}"))
        return None


def read_judgements(row: Row, published: str | None, problems: list[Problem]) -> list[JudgementStatement]:
    """A statement per graded cell; status codes and the cut "to requires improvement" state nothing."""
    judgements: list[JudgementStatement] = []
    for column, area in AREAS.items():
        value = row[column]
        if value in NO_GRADE[column]:
            continue
        if value not in GRADES:
            problems.append(row.problem(column, f"expected one of {', '.join(GRADES)}, got {value!r}"))
            continue
        if area == "children_in_care" and joint_care_grade(row, published):
            area = "children_in_care_and_care_leavers"
        elif area == "care_leavers" and joint_care_grade(row, published):
            continue
        citation = Citation(
            source_id=SOURCE_ID,
            quote=row.quote("local_authority", "publication_date", column, *judgement_context(column)),
            row=row.number,
            field=column,
            value=value,
        )
        judgements.append(JudgementStatement(area, GRADES[value], value, citation))
    return judgements


def joint_care_grade(row: Row, published: str | None) -> bool:
    """Whether the in-care grade covers care leavers too: the inspection predates their own judgement.

    The table marks those rows with `inspection_pre_dates_judgement`. Nottingham's (2022-09-05) and
    Redcar and Cleveland's (2022-09-22) reports, whose layout the parser misread (no framework, no
    dates), have a care-leavers grade too, which no report published before 2023 can hold: it is not
    taken as one.
    """
    pre_dates = published is not None and published < CARE_LEAVERS_JUDGED_FROM
    return row["care_leavers_grade"] == PRE_DATES or pre_dates


def judgement_context(column: str) -> tuple[str, ...]:
    """The other cell a judgement's quote needs: the care-leavers code that makes in-care a joint grade."""
    return ("care_leavers_grade",) if column == "in_care_grade" else ()


def read_framework(
    row: Row, published: str | None, judgements: list[JudgementStatement], problems: list[Problem]
) -> str | None:
    """The framework the row names; for an unnamed one, what its date and grades show.

    Only an ILACS report has grades the parser can read, so an unreadable report's framework cell is
    not trusted: Doncaster's 2018-01-19 SIF re-inspection says "standard". A graded row with a blank
    framework (Nottingham and Redcar 2022, Brighton & Hove 2024) is ILACS, standard or short unknown.
    """
    value = row["inspection_framework"]
    if value and value not in FRAMEWORKS:
        problems.append(
            row.problem("inspection_framework", f"expected one of {', '.join(FRAMEWORKS)}, got {value!r}")
        )
        return None
    if judgements:
        return FRAMEWORKS.get(value, "ILACS")
    if published is not None and SIF_FROM <= published <= SIF_UNTIL:
        return "SIF"
    return GENERIC_FRAMEWORK


def normalise_inspector(raw: str) -> str | None:
    """The lead inspector's name with the scrape's spacing and case slips mended.

    "Paula Thomson -Jones" -> "Paula Thomson-Jones"; "Jenny -ellen Scotland" -> "Jenny-Ellen Scotland".
    Only a name part written all in lower case is capitalised ("McInerney" stays as it is). Different
    spellings of one person ("Andy"/"Andrew Waugh") are left as printed.
    """
    name = re.sub(r"\s*-\s*", "-", " ".join(raw.split()))
    if not name:
        return None
    parts = re.split(r"([ -])", name)
    return "".join(part[:1].upper() + part[1:] if part.islower() else part for part in parts)


def report_source(row: Row, published: str) -> SourceRecord:
    """The report PDF at its Ofsted URL, titled as the file is named on the council's Ofsted page."""
    return SourceRecord(
        id=f"url:{row['inspection_link']}",
        kind="ofsted_report",
        title=report_title(row["pdf_filename"]),
        publisher="Ofsted",
        publisher_certainty="stated",
        published_date=published,
        published_precision="day",
        published_certainty="stated",
        url=row["inspection_link"],
    )


def report_title(pdf_filename: str) -> str:
    """The file name without ".pdf", e.g. "children's services inspection - 13 june 2017".

    The ",  pdf" in some 2013 names ("children's services inspection,  pdf - 16 august 2013.pdf") is
    the scrape tool's naming slip, not part of the report's title, and is dropped.
    """
    title = re.sub(r",\s*pdf\s*-", " -", pdf_filename)
    return " ".join(re.sub(r"\.pdf$", "", title).split())


def report_statement(statement: InspectionStatement, report: SourceRecord, row: Row) -> InspectionStatement:
    """The same inspection, citing the report itself: its URL, title and publication date."""
    return InspectionStatement(
        council_code=statement.council_code,
        kind=statement.kind,
        framework=statement.framework,
        citation=Citation(source_id=report.id, quote=report.title or "", value=statement.published_date),
        start_date=statement.start_date,
        end_date=statement.end_date,
        published_date=statement.published_date,
        report_url=statement.report_url,
        priority=PRIORITY,
    )

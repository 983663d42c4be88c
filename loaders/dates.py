"""Dates as the sources print them: month names, "27 May 2011", "9 to 20 June 2025", "2017-06".

Every source reads its dates through here, so a month spelt "Sept" or a day written "1st" means the
same thing in a letter, a report and a fact file.
"""

# ruff: noqa: E501, RUF002

from __future__ import annotations

import re
from datetime import date, datetime

from loaders.model import Precision

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Whole month names only: the letters' visit sentences spell months out, and reading "Mar" there
# would accept phrases the table's own parse never produced.
FULL_MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
# The reports also abbreviate ("18 Feb 2014", "Sept").
MONTHS = FULL_MONTHS | {name[:3]: n for name, n in FULL_MONTHS.items()} | {"sept": 9}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
DAY_DATE = rf"\d{{1,2}}(?:st|nd|rd|th)? {MONTH} \d{{4}}"
MONTH_YEAR = rf"(?:\d{{1,2}} )?{MONTH} \d{{4}}"


def parse_printed_date(text: str) -> date | None:
    """'20 November 2020' -> 2020-11-20; None for anything else (the letters' printed form)."""
    try:
        return datetime.strptime(text.strip(), "%d %B %Y").date()
    except ValueError:
        return None


def long_date(day: date) -> str:
    """2020-11-05 -> '5 November 2020', as the letters print it."""
    return f"{day.day} {day:%B %Y}"


def parse_day(text: str) -> date | None:
    """'27 May 2011', '1st Sept 2014' -> the date; None if it is not one real day."""
    match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+) (\d{4})", text.strip())
    if match is None or match.group(2).lower() not in MONTHS:
        return None
    try:
        return date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
    except ValueError:
        return None


def month_or_day(text: str) -> tuple[str | None, Precision | None]:
    """ "August 2011" -> ("2011-08", "month"); "27 May 2011" -> ("2011-05-27", "day")."""
    day = parse_day(text)
    if day:
        return day.isoformat(), "day"
    match = re.fullmatch(r"([A-Za-z]+) (\d{4})", text.strip())
    if match and match.group(1).lower() in MONTHS:
        return f"{match.group(2)}-{MONTHS[match.group(1).lower()]:02d}", "month"
    return None, None


def date_range(text: str) -> tuple[date, date] | None:
    """The first and last day of "9 to 20 June 2025", "27 February to 23 March 2017",
    "18 Feb 2014 – 12 March 2014", "29 and 30 September, and 1 October 2020" or two spans joined by
    "and" ("30 September to 11 October 2024 and 13 to 16 January 2025").

    A day without a month or year takes them from the next date that has them, as the reports print.
    """
    tokens = re.findall(rf"(?<!\d)(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?: ({MONTH}))?(?: (\d{{4}}))?", text)
    if not tokens or re.search(r"\d{1,2}:\d{2}", text):
        return None
    days: list[date] = []
    month: int | None = None
    year: int | None = None
    for day_text, month_text, year_text in reversed(tokens):
        year = int(year_text) if year_text else year
        month = MONTHS[month_text.lower()] if month_text else month
        if month is None or year is None:
            return None
        try:
            days.append(date(year, month, int(day_text)))
        except ValueError:
            return None
    days.reverse()
    if days != sorted(days) or (days[-1] - days[0]).days > 200:
        return None
    return days[0], days[-1]


def is_partial_date(value: str, precision: Precision) -> bool:
    """Whether `value` is a real date written to `precision`: '2017-06-13', '2017-06' or '2017'."""
    padded = {"day": value, "month": f"{value}-01", "year": f"{value}-01-01"}[precision]
    shape = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}[precision]
    if not re.fullmatch(shape, value):
        return False
    try:
        date.fromisoformat(padded)
    except ValueError:
        return False
    return True


def is_timestamp(value: str) -> bool:
    """Whether `value` is a minute-precision time like '2017-08-15T23:11'."""
    try:
        datetime.strptime(value, "%Y-%m-%dT%H:%M")
    except ValueError:
        return False
    return True

"""The visit dates in a letter's first sentence: 'on 6 and 8 October 2020', '30 November to 2 December'."""

# The letters print curly apostrophes (’) and en dashes; names and titles here must match them exactly.
# ruff: noqa: RUF001, RUF002, RUF003

from __future__ import annotations

import re
from datetime import date

from loaders.dates import FULL_MONTHS

# Focused visits last two or three days on site; a longer parsed span means the sentence was misread.
MAX_VISIT_DAYS = 7


def visit_phrase(sentence: str) -> str | None:
    """The dates part of '... focused visit to X children’s services on 6 and 8 October 2020'."""
    match = re.search(r"\b(?:on|between)\s+((?:the\s+)?\d.*)$", sentence.strip())
    return match.group(1).strip() if match else None


def visit_dates(phrase: str) -> tuple[date, date] | None:
    """First and last day of a phrase like '30 November to 2 December 2021'; None if not clearly read.

    Days take the next month named after them, and months the next year, so '29 and 30 June 2021',
    'the 5 and 6 of March 2019' and '31 January and 1 February 2019' all read naturally.
    """
    tokens = re.findall(r"\d+(?:st|nd|rd|th)?|[A-Za-z]+|\S", phrase)
    days: list[date] = []
    month: int | None = None
    year: int | None = None
    for token in reversed(tokens):
        word = token.lower()
        if re.fullmatch(r"\d{4}", word):
            year, month = int(word), None
        elif word in FULL_MONTHS:
            month = FULL_MONTHS[word]
        elif re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", word):
            if month is None or year is None:
                return None
            try:
                days.append(date(year, month, int(re.sub(r"\D", "", word))))
            except ValueError:
                return None
        elif word not in {"and", "to", "of", "the", ",", "-", "–", "—"}:
            return None
    if not days:
        return None
    days.reverse()
    if days != sorted(days) or (days[-1] - days[0]).days > MAX_VISIT_DAYS:
        return None
    return days[0], days[-1]

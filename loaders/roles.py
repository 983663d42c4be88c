"""Roles from printed job titles: interim or acting, and the title -> role rule for addressees."""

from __future__ import annotations

import re

from loaders.model import Role

INTERIM_WORDS = re.compile(r"\b(interim|acting)\b", re.IGNORECASE)


def addressee_role(title: str | None) -> Role:
    """The DCS, unless the title says the letter went to the council's chief executive instead.

    Two letters are addressed to a "Chief Executive" (Cheshire East 2021-12-08, Hounslow 2020-02-07):
    recording those as DCS would contradict the title printed on the letter.
    """
    if title is not None and INTERIM_WORDS.sub("", title).strip() == "Chief Executive":
        return "chief_executive"
    return "director_of_childrens_services"

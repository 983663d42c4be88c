"""Grade words: how each source writes Ofsted's four (once five) grades, mapped to the graph's Grade.

Each source keeps its own wording (the statements cite it); only the mapping lives here.
"""

from __future__ import annotations

from loaders.model import Grade

# Ofsted's statistics write older grades in today's words ("Requires improvement to be good").
STATISTICS_WORDS: dict[str, Grade] = {
    "Outstanding": "OUTSTANDING",
    "Good": "GOOD",
    "Requires improvement to be good": "REQUIRES_IMPROVEMENT",
    "Inadequate": "INADEQUATE",
}

# The report scrape lower-cases its cells.
SCRAPE_WORDS: dict[str, Grade] = {
    "outstanding": "OUTSTANDING",
    "good": "GOOD",
    "requires improvement": "REQUIRES_IMPROVEMENT",
    "inadequate": "INADEQUATE",
}

# The reports' own words, lower-cased: SIF reports say "requires improvement", older ones "adequate".
REPORT_WORDS: dict[str, Grade] = {
    "outstanding": "OUTSTANDING",
    "good": "GOOD",
    "requires improvement to be good": "REQUIRES_IMPROVEMENT",
    "requires improvement": "REQUIRES_IMPROVEMENT",
    "require improvement": "REQUIRES_IMPROVEMENT",
    "require improvement to be good": "REQUIRES_IMPROVEMENT",
    "adequate": "ADEQUATE",
    "inadequate": "INADEQUATE",
}
# A grade as a report prints it, for the patterns that find one in a sentence or table.
REPORT_GRADE = (
    r"(?:Requires [Ii]mprovement to be [Gg]ood|Requires [Ii]mprovement|Outstanding|Inadequate|Adequate|Good)"
)

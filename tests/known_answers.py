"""Facts hand-checked against the sources, pinned by tests at each stage (statement, merge, graph)."""

from __future__ import annotations

# Gloucestershire's SIF report published 2017-06-13, as the 2009-2023 statistics and the report state it.
GLOUCESTERSHIRE_2017_SIF = {
    "overall_effectiveness": "INADEQUATE",
    "help_and_protection": "INADEQUATE",
    "looked_after_and_permanence": "REQUIRES_IMPROVEMENT",
    "adoption": "GOOD",
    "care_leavers": "REQUIRES_IMPROVEMENT",
    "leadership_management_governance": "INADEQUATE",
    "lscb": "REQUIRES_IMPROVEMENT",
}

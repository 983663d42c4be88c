"""An answer for every (inspection, role): who held the post, or why the graph cannot say.

Answers come from `queries/leadership_answers.cypher`, batched per request (`Context.answers`).
"""

from __future__ import annotations

from enum import Enum

import strawberry

from api.database import Row
from api.graphql_types import DateCertainty, Info, Role, Tenure, tenure_from
from api.wording import day_text


@strawberry.enum(description="What the graph can say about who held a post at an inspection.")
class AnswerStatus(Enum):
    NAMED = "NAMED"  # a named holder's evidence covers the inspection
    UNNAMED = "UNNAMED"  # a dated tenure without a name covers it
    BOUNDED = "BOUNDED"  # nothing covers it: see lastBefore and firstAfter
    NONE = "NONE"  # no evidence for the council and role at all


@strawberry.type(description="The nearest evidence of the post on one side of an inspection.")
class NearestEvidence:
    date: str = strawberry.field(
        description="Where the tenure's known span ends (before) or starts (after), at its own precision."
    )
    tenure: Tenure
    certainty: DateCertainty | None = strawberry.field(
        description="How the date is known where it is the tenure's stated start or end "
        "(APPROXIMATE: counted back from a report's 'two years ago'); null for evidence of being in post."
    )


@strawberry.type(
    description="For one role at one inspection, the answer and the nearest evidence either side."
)
class RoleAnswer:
    role: Role
    status: AnswerStatus
    last_before: NearestEvidence | None = strawberry.field(
        description="The tenure whose known span ends latest before the inspection's first day."
    )
    first_after: NearestEvidence | None = strawberry.field(
        description="The tenure whose known span starts earliest after the inspection's first day."
    )
    text: str = strawberry.field(
        description='The answer in words, e.g. "not known; last shown in post 12 March 2019: Jane Smith".'
    )


async def role_answers(info: Info, inspection_id: str) -> list[RoleAnswer]:
    """The DCS's and the chief executive's answers at one inspection (batched across the request)."""
    rows = await info.context.answers.load(inspection_id)
    return [answer_from(row) for row in rows]


def answer_from(row: Row) -> RoleAnswer:
    before, after = _nearest(row.get("last_before")), _nearest(row.get("first_after"))
    status = AnswerStatus(row["status"])
    return RoleAnswer(
        role=Role(row["role"]),
        status=status,
        last_before=before,
        first_after=after,
        text=answer_text(status, before, after),
    )


def _nearest(row: Row | None) -> NearestEvidence | None:
    if row is None:
        return None
    tenure = tenure_from(row)
    bound = next((d for d in (tenure.start, tenure.end) if d is not None and d.date == row["date"]), None)
    return NearestEvidence(date=row["date"], certainty=bound.certainty if bound else None, tenure=tenure)


def answer_text(status: AnswerStatus, before: NearestEvidence | None, after: NearestEvidence | None) -> str:
    """The widgets' words for an answer that names nobody; a NAMED answer's holder is in `leaders`."""
    if status is AnswerStatus.NAMED:
        return "named"
    if status is AnswerStatus.UNNAMED:
        return "in post, name not stated"
    if status is AnswerStatus.NONE:
        return "not known; no evidence for this post"
    parts = ["not known"]
    if before is not None:
        parts.append(f"last shown in post {_when(before)}: {_holder(before)}")
    if after is not None:
        parts.append(f"next shown in post {_when(after)}: {_holder(after)}")
    return "; ".join(parts)


def _when(evidence: NearestEvidence) -> str:
    """ "12 March 2019"; "about 2023" where the date was counted back from a relative phrase."""
    about = "about " if evidence.certainty in (DateCertainty.APPROXIMATE, DateCertainty.BETWEEN) else ""
    return about + day_text(evidence.date)


def _holder(evidence: NearestEvidence) -> str:
    return evidence.tenure.person.name if evidence.tenure.person is not None else "name not stated"

"""The published-fact file's shape: pages, leaders' posts and interventions, each event dated."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

from loaders.model import InterventionKind, Precision, Role

__all__ = ["InterventionKind"]

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=120)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=500)]
Note = Annotated[str, StringConstraints(min_length=1, max_length=300)]

# The roles a published page can give a leader, as the graph's roles.
ROLES: dict[str, Role] = {
    "director_of_childrens_services": "director_of_childrens_services",
    "chief_executive": "chief_executive",
    "lead_member": "lead_member",
    "trust_chief_executive": "trust_chief_executive",
    "trust_chair": "trust_chair",
    "commissioner": "commissioner",
    "improvement_board_chair": "improvement_board_chair",
    "dfe_adviser": "dfe_adviser",
    "improvement_director": "improvement_director",
    "lscb_chair": "safeguarding_board_chair",
}
# DfE appointees serve a council from the department, as the seed facts' adviser does.
DFE_ROLES = {"commissioner", "dfe_adviser"}

LeaderEvent = Literal[
    "appointed", "took_up_post", "in_post_on", "left", "announced_departure", "suspended", "acting"
]
InterventionEvent = Literal[
    "issued", "lifted", "revoked", "replaced", "appointed", "recommended", "set_up",
    "began_operating", "ended", "first_meeting", "announced", "report_published",
]  # fmt: skip
# Which events open and close an intervention; the rest are dated evidence along the way.
OPENS = {"issued", "appointed", "set_up", "began_operating", "first_meeting"}
CLOSES = {"lifted", "revoked", "replaced", "ended"}
Certainty = Literal["stated", "on_or_before", "planned", "approximate"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PageModel(_Strict):
    key: Key
    url: Text
    publisher: Text
    title: Text | None  # the headline as printed; null where the stored text shows none
    published: str
    published_precision: Precision
    published_basis: Literal["text", "url", "gov_uk"]
    read: str


class EventModel(_Strict):
    kind: str
    date: str
    precision: Precision
    certainty: Certainty
    source: str
    note: Note


class PreviousModel(_Strict):
    organisation: Text
    la_code: str | None = None
    title: str | None = None
    source: str


class TenureModel(_Strict):
    person: Text
    role: str
    title: str | None = None
    interim: bool | None = None
    events: list[EventModel]
    previous: list[PreviousModel] = []


class RoleInModel(_Strict):
    person: Text
    role: Literal["commissioner", "chair", "adviser", "trust_chief_executive", "trust_chair"]


class InterventionModel(_Strict):
    kind: str
    name: str | None = None
    events: list[EventModel]
    people: list[RoleInModel] = []


class PublishedFile(_Strict):
    council: str
    council_name: str | None = None
    sources: list[PageModel]
    tenures: list[TenureModel] = []
    interventions: list[InterventionModel] = []

"""Published-fact files as records: web-page sources, people, tenures and interventions."""

from __future__ import annotations

import hashlib

from loaders.model import (
    Bundle,
    Citation,
    DateCertainty,
    EvidenceKind,
    InterventionRecord,
    OrganisationRecord,
    PartialDate,
    PersonRecord,
    SourceRecord,
    TenureRecord,
)
from loaders.people import clean_name, person_slug
from loaders.published.models import (
    CLOSES,
    DFE_ROLES,
    OPENS,
    ROLES,
    EventModel,
    InterventionModel,
    PageModel,
    PreviousModel,
    PublishedFile,
    TenureModel,
)


def web_source_id(url: str) -> str:
    """A stable Source id for a page: the same URL cited by two files is one source."""
    return "web:" + hashlib.sha256(url.encode()).hexdigest()[:16]


DFE = OrganisationRecord("dfe", "Department for Education", "government_department")
# The file's event words where the graph already has a word for the same thing.
EVIDENCE: dict[str, EvidenceKind] = {"took_up_post": "takes_up_post"}


def bundle_of(facts: PublishedFile, stem: str) -> Bundle:
    """Records of one checked file; ids start with the file's name so files never collide."""
    pages = {p.key: p for p in facts.sources}
    bundle = Bundle(sources=[_source(p) for p in facts.sources])
    for i, tenure in enumerate(facts.tenures):
        person = _person(tenure.person)
        bundle.people.append(person)
        bundle.tenures.append(_tenure(f"published/{stem}/{i}", facts.council, person.id, tenure, pages))
        bundle.tenures += [
            _previous(f"published/{stem}/{i}/previous/{j}", person.id, p, pages)
            for j, p in enumerate(tenure.previous)
            if p.la_code
        ]
    for n, item in enumerate(facts.interventions):
        bundle.people += [_person(p.person) for p in item.people]
        bundle.interventions.append(_intervention(facts.council, n, item, pages))
    if any(t.organisation_id == DFE.id for t in bundle.tenures):
        bundle.organisations.append(DFE)
    return bundle


def _source(page: PageModel) -> SourceRecord:
    return SourceRecord(
        id=web_source_id(page.url),
        kind="web_page",
        title=page.title,
        publisher=page.publisher,
        publisher_certainty="stated",
        published_date=page.published,
        published_precision=page.published_precision,
        published_certainty="stated",
        url=page.url,
        read_date=page.read,
    )


def _citation(event: EventModel, pages: dict[str, PageModel]) -> Citation:
    certainty: DateCertainty | None = None if event.certainty == "stated" else event.certainty
    return Citation(
        source_id=web_source_id(pages[event.source].url),
        quote=None,
        note=event.note,
        evidence=EVIDENCE.get(event.kind, event.kind),  # type: ignore[arg-type]
        date=event.date,
        precision=event.precision,
        certainty=certainty,
    )


def _person(printed: str) -> PersonRecord:
    name = clean_name(printed)
    return PersonRecord(id=person_slug(name), name=name)


def _tenure(
    tenure_id: str, code: str, person_id: str, tenure: TenureModel, pages: dict[str, PageModel]
) -> TenureRecord:
    dfe = tenure.role in DFE_ROLES
    took_up = [e for e in tenure.events if e.kind == "took_up_post" and e.certainty in ("stated", "planned")]
    left = [e for e in tenure.events if e.kind == "left" and e.certainty == "stated"]
    return TenureRecord(
        id=tenure_id,
        person_id=person_id,
        role=ROLES[tenure.role],
        title=tenure.title,
        organisation_id=DFE.id if dfe else f"council:{code}",
        interim=tenure.interim,
        start=_partial(min(took_up, key=lambda e: e.date)) if took_up else None,
        end=_partial(max(left, key=lambda e: e.date)) if left else None,
        serves_council=code if dfe else None,
        citations=[_citation(e, pages) for e in tenure.events],
    )


def _previous(
    tenure_id: str, person_id: str, previous: PreviousModel, pages: dict[str, PageModel]
) -> TenureRecord:
    page = pages[previous.source]
    note = f"names this post of theirs at {previous.organisation}: {previous.title or 'title not stated'}"
    citation = Citation(source_id=web_source_id(page.url), quote=None, evidence="previous_role", note=note)
    return TenureRecord(
        id=tenure_id,
        person_id=person_id,
        role="other",
        title=previous.title,
        organisation_id=f"council:{previous.la_code}",
        interim=None,
        citations=[citation],
    )


def _partial(event: EventModel) -> PartialDate:
    return PartialDate(event.date, event.precision, event.certainty)


def _intervention(
    code: str, n: int, item: InterventionModel, pages: dict[str, PageModel]
) -> InterventionRecord:
    opens = sorted((e for e in item.events if e.kind in OPENS), key=lambda e: e.date)
    closes = sorted(
        (e for e in item.events if e.kind in CLOSES and e.certainty == "stated"), key=lambda e: e.date
    )
    start = _partial(opens[0]) if opens else None
    return InterventionRecord(
        id=f"{code}/{item.kind}/{start.date if start else n}",
        council_code=code,
        kind=item.kind,  # type: ignore[arg-type]
        name=item.name,
        start=start,
        end=_partial(closes[-1]) if closes else None,
        people=[(person_slug(clean_name(p.person)), p.role) for p in item.people],
        citations=[_citation(e, pages) for e in item.events],
    )

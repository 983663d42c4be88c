"""A checked fact file's records: sources, people, organisations, tenures, notices and boards."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from loaders.facts.models import (
    BoardModel,
    DateModel,
    EvidenceModel,
    FactFile,
    NoticeModel,
    OrganisationModel,
    PersonModel,
    PreviousRoleModel,
    QuoteModel,
    SourceModel,
    TenureModel,
)
from loaders.model import (
    BoardRecord,
    Bundle,
    Citation,
    EvidenceKind,
    NoticeRecord,
    OrganisationRecord,
    PartialDate,
    PersonRecord,
    SourceRecord,
    TenureRecord,
)


def bundle_of(facts: FactFile, seeds_dir: Path) -> Bundle:
    return Bundle(
        sources=list(_sources(facts.sources, seeds_dir)),
        people=[_person(p, f"people[{i}]") for i, p in enumerate(facts.people)],
        organisations=[_organisation(o) for o in facts.organisations if o.kind != "council"],
        tenures=[
            *(_tenure(t, f"tenures[{i}]") for i, t in enumerate(facts.tenures)),
            *(_previous_role(r, f"previous_roles[{i}]") for i, r in enumerate(facts.previous_roles)),
            *_board_tenures(facts.improvement_boards),
        ],
        notices=[_notice(n, f"improvement_notices[{i}]") for i, n in enumerate(facts.improvement_notices)],
        boards=[_board(b, f"improvement_boards[{i}]") for i, b in enumerate(facts.improvement_boards)],
    )


def _sources(sources: list[SourceModel], seeds_dir: Path) -> Iterator[SourceRecord]:
    for source in sources:
        sha256 = hashlib.sha256((seeds_dir / source.file).read_bytes()).hexdigest()
        yield SourceRecord(
            id=source.id,
            kind=source.kind,
            title=source.title,
            publisher=source.publisher,
            publisher_certainty=source.publisher_certainty,
            published_date=source.published_earliest or source.published,
            published_precision=source.published_precision,
            published_certainty=source.published_certainty,
            published_latest=source.published_latest,
            file=source.file,
            sha256=sha256,
            author=source.byline,
        )
        for comment in source.comments:
            posted = datetime.strptime(comment.posted, "%Y-%m-%dT%H:%M")
            yield SourceRecord(
                id=comment.id,
                kind="reader_comment",
                # The minute it was posted is kept in the title: published_date holds dates only.
                title=f"Reader comment by {comment.author}, {posted:%Y-%m-%d %H:%M}",
                published_date=posted.date().isoformat(),
                published_precision="day",
                published_certainty="stated",
                file=source.file,
                # No sha256: the digest names the whole file, which is the article's Source (one
                # Source per sha256); a comment is found through comment_on.
                author=comment.author,
                comment_on=source.id,
                reply_to=comment.reply_to,
            )


def _quote_citation(item: QuoteModel, key: str, evidence: EvidenceKind | None = None) -> Citation:
    return Citation(source_id=item.source, quote=item.quote, field=key, evidence=evidence)


def _evidence_citation(item: EvidenceModel, key: str) -> Citation:
    return Citation(
        source_id=item.source,
        quote=item.quote,
        field=key,
        evidence=item.kind,
        date=item.date,
        precision=item.precision,
        certainty=None if item.date is None or item.date_certainty == "stated" else item.date_certainty,
    )


def _partial(value: DateModel | None) -> PartialDate | None:
    return PartialDate(value.date, value.precision, value.certainty) if value else None


def _person(person: PersonModel, key: str) -> PersonRecord:
    citations = [_quote_citation(q, f"{key}.described_as[{j}]") for j, q in enumerate(person.described_as)]
    return PersonRecord(person.id, person.name, citations)


def _organisation(org: OrganisationModel) -> OrganisationRecord:
    return OrganisationRecord(org.id, org.name, org.kind)


def _tenure(tenure: TenureModel, key: str) -> TenureRecord:
    return TenureRecord(
        id=tenure.id,
        person_id=tenure.person,
        role=tenure.role,
        title=tenure.title,
        organisation_id=tenure.organisation,
        interim=tenure.interim,
        start=_partial(tenure.start),
        end=_partial(tenure.end),
        serves_council=tenure.serves_council,
        citations=[_evidence_citation(e, f"{key}.evidence[{j}]") for j, e in enumerate(tenure.evidence)],
    )


def _previous_role(role: PreviousRoleModel, key: str) -> TenureRecord:
    # A past employer: the texts give no dates and do not say whether the post was interim.
    return TenureRecord(
        id=role.id,
        person_id=role.person,
        role=role.role,
        title=role.title,
        organisation_id=role.organisation,
        interim=None,
        citations=[_evidence_citation(e, f"{key}.evidence[{j}]") for j, e in enumerate(role.evidence)],
    )


def board_id(board: BoardModel) -> str:
    """The graph id of a board; its members' tenures are at this organisation."""
    return f"board:{board.id}"


def _board(board: BoardModel, key: str) -> BoardRecord:
    return BoardRecord(
        id=board_id(board),
        council_code=board.council,
        # The seeds call it only "an improvement board"; the council it belongs to is on the record.
        name="improvement board",
        first_meeting=_partial(board.first_meeting),
        citations=[_quote_citation(q, f"{key}.evidence[{j}]") for j, q in enumerate(board.evidence)],
    )


def _board_tenures(boards: list[BoardModel]) -> Iterator[TenureRecord]:
    for i, board in enumerate(boards):
        key = f"improvement_boards[{i}]"
        for j, member in enumerate(board.members):
            yield TenureRecord(
                id=f"{board_id(board)}:{member.role}:{member.person}",
                person_id=member.person,
                role=member.role,
                title=None,
                organisation_id=board_id(board),
                interim=None,
                citations=[
                    _quote_citation(q, f"{key}.members[{j}].evidence[{k}]", "member_of")
                    for k, q in enumerate(member.evidence)
                ],
            )


def _notice(notice: NoticeModel, key: str) -> NoticeRecord:
    return NoticeRecord(
        id=notice.id,
        council_code=notice.council,
        kind="improvement_notice",
        issued=_partial(notice.issued),
        lifted=_partial(notice.lifted),
        review_interval=notice.review_interval,
        review_scope=list(notice.review_scope),
        citations=[_quote_citation(q, f"{key}.evidence[{j}]") for j, q in enumerate(notice.evidence)],
    )

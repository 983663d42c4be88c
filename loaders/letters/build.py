"""A letter's records: its source, the visit it reports, its addressees as people, trusts and tenures."""

# The letters print curly apostrophes (’) and en dashes; names and titles here must match them exactly.
# ruff: noqa: RUF003

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from loaders.dates import long_date
from loaders.letters.rows import DATASET_ID, LETTERS_CSV, Addressee, Letter
from loaders.model import (
    Bundle,
    Citation,
    InspectionStatement,
    OrganisationRecord,
    PersonRecord,
    SourceRecord,
    TenureRecord,
)
from loaders.people import person_slug


def bundle_of(path: Path, letters: list[Letter]) -> Bundle:
    bundle = Bundle(sources=[_dataset_source(path)])
    bundle.sources += [_letter_source(letter) for letter in letters]
    bundle.inspections = [_visit_statement(letter) for letter in letters]
    bundle.people = _people(letters)
    bundle.organisations = _trusts(letters)
    bundle.tenures = group_tenures(letters)
    return bundle


def _dataset_source(path: Path) -> SourceRecord:
    return SourceRecord(
        id=DATASET_ID,
        kind="dataset",
        title=(
            "Addressees and visit sentences of Ofsted ILACS focused-visit letters, 2018-2026 "
            "(DERIVED: pdftotext of the letters in data-to-insight/ofsted-focused-visit-scrape-tool "
            "at commit c91dee0a)"
        ),
        file=LETTERS_CSV,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
    )


def _letter_source(letter: Letter) -> SourceRecord:
    return SourceRecord(
        id=letter.source_id,
        kind="ofsted_letter",
        title=f"Focused visit to {letter.council_name}: letter of {long_date(letter.letter_date)}",
        publisher="Ofsted",
        publisher_certainty="stated",
        published_date=letter.letter_date.isoformat(),
        published_precision="day",
        published_certainty=letter.date_certainty,
        file=letter.file,
    )


def _visit_statement(letter: Letter) -> InspectionStatement:
    # The first sentence gives the visit dates but never the inspectors, so lead_inspector stays None.
    # Blank or unreadable sentences (4 blank in the real table) leave the dates None, not guessed.
    quote = letter.visit_sentence or f"letter_date={letter.printed_date}; visit_sentence="
    start, end = letter.visit if letter.visit else (None, None)
    return InspectionStatement(
        council_code=letter.council_code,
        kind="focused_visit",
        framework="ILACS focused visit",
        citation=Citation(
            source_id=letter.source_id,
            quote=quote,
            row=letter.row,
            field="visit_sentence",
            value=letter.visit_phrase,
        ),
        start_date=start.isoformat() if start else None,
        end_date=end.isoformat() if end else None,
        published_date=letter.letter_date.isoformat(),
        priority=2,
    )


def _evidence(letter: Letter, addressee: Addressee) -> Citation:
    return Citation(
        source_id=letter.source_id,
        quote=letter.block,
        row=letter.row,
        field="addressee_block",
        value=addressee.title,
        evidence="in_post_on",
        date=letter.letter_date.isoformat(),
        precision="day",
        certainty=None if letter.date_certainty == "stated" else letter.date_certainty,
    )


def _people(letters: Sequence[Letter]) -> list[PersonRecord]:
    people: dict[str, PersonRecord] = {}
    for letter in sorted(letters, key=lambda x: x.letter_date):
        for addressee in letter.addressees:
            person = people.setdefault(
                person_slug(addressee.name), PersonRecord(person_slug(addressee.name), addressee.name)
            )
            citation = Citation(
                source_id=letter.source_id,
                quote=letter.block,
                row=letter.row,
                field="addressee_block",
                value=addressee.printed,
            )
            if citation not in person.citations:
                person.citations.append(citation)
    return list(people.values())


def trust_id(name: str) -> str:
    """An Organisation id for a children's trust named in a letter."""
    return f"trust:{person_slug(name)}"


def _trusts(letters: Iterable[Letter]) -> list[OrganisationRecord]:
    trusts: dict[str, OrganisationRecord] = {}
    for letter in letters:
        for addressee in letter.addressees:
            if addressee.trust is None:
                continue
            trust = trusts.setdefault(
                trust_id(addressee.trust),
                OrganisationRecord(trust_id(addressee.trust), addressee.trust, "trust"),
            )
            trust.citations.append(
                Citation(letter.source_id, letter.block, row=letter.row, field="addressee_block")
            )
    return list(trusts.values())


def _organisation_of(letter: Letter, addressee: Addressee) -> str:
    return trust_id(addressee.trust) if addressee.trust else f"council:{letter.council_code}"


def group_tenures(letters: Sequence[Letter]) -> list[TenureRecord]:
    """One tenure per run of consecutive letters to one post with the same holder and interim status.

    The title kept is the latest letter's; each letter's own title stays on its citation.
    """
    open_runs: dict[tuple[str, str], dict[tuple[str, bool | None], TenureRecord]] = {}
    tenures: list[TenureRecord] = []
    for letter in sorted(letters, key=lambda x: (x.council_code, x.letter_date)):
        posts: dict[tuple[str, str], dict[tuple[str, bool | None], TenureRecord]] = {}
        if not letter.addressees:
            # A letter to a DCS whose name it does not print still ends the previous holder's run.
            posts[(f"council:{letter.council_code}", "director_of_childrens_services")] = {}
        for addressee in letter.addressees:
            post = (_organisation_of(letter, addressee), addressee.role)
            holder = (person_slug(addressee.name), addressee.interim)
            tenure = open_runs.get(post, {}).get(holder)
            if tenure is None:
                tenure = _new_tenure(letter, addressee)
                tenures.append(tenure)
            tenure.title = addressee.title
            tenure.citations.append(_evidence(letter, addressee))
            posts.setdefault(post, {})[holder] = tenure
        # A post's run ends at the next letter to that post; other posts' runs stay open.
        open_runs.update(posts)
    return tenures


def _new_tenure(letter: Letter, addressee: Addressee) -> TenureRecord:
    organisation = _organisation_of(letter, addressee)
    person = person_slug(addressee.name)
    return TenureRecord(
        id=f"letters:{organisation}:{addressee.role}:{person}:{letter.letter_date.isoformat()}",
        person_id=person,
        role=addressee.role,
        title=addressee.title,
        organisation_id=organisation,
        interim=addressee.interim,
        serves_council=letter.council_code if addressee.trust else None,
    )

"""Checking a parsed fact file: every quote in its seed's article body, every reference and date real."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from graph.errors import Problem
from loaders.dates import is_partial_date, is_timestamp
from loaders.facts.models import (
    BoardModel,
    DateModel,
    EvidenceModel,
    FactFile,
    MentionModel,
    NoticeModel,
    OrganisationModel,
    PartnerModel,
    PersonModel,
    QuoteModel,
    SeedText,
    SourceModel,
)
from loaders.model import (
    Precision,
)


class Checker:
    """Checks a parsed fact file against its seeds and itself, collecting every problem."""

    def __init__(self, file: str, seeds_dir: Path, councils_known: set[str]) -> None:
        self.file = file
        self.seeds_dir = seeds_dir
        self.councils = councils_known
        self.problems: list[Problem] = []
        self.seeds: dict[str, SeedText | None] = {}
        self.comment_ids: set[str] = set()
        self.people: set[str] = set()
        self.organisations: dict[str, OrganisationModel] = {}

    def report(self, key: str, reason: str) -> None:
        self.problems.append(Problem(self.file, None, key, reason))

    def check(self, facts: FactFile) -> None:
        self.check_council("council", facts.council)
        self.check_sources(facts.sources)
        self.check_people(facts.people)
        self.check_organisations(facts.organisations)
        self.check_tenures(facts)
        self.check_notices(facts.improvement_notices)
        self.check_boards(facts.improvement_boards)
        self.check_partners(facts.improvement_partners)
        self.check_mentions(facts.inspection_mentions)

    def check_council(self, key: str, code: str) -> None:
        if code not in self.councils:
            self.report(key, f"unknown council: no council has DfE code {code!r}")

    def check_unique(self, key: str, ids: list[str]) -> None:
        self.check_unique_keyed([(f"{key}[{i}].id", record_id) for i, record_id in enumerate(ids)])

    def check_unique_keyed(self, keyed_ids: list[tuple[str, str]]) -> None:
        seen: set[str] = set()
        for key, record_id in keyed_ids:
            if record_id in seen:
                self.report(key, f"duplicate id {record_id!r}")
            seen.add(record_id)

    def check_date(self, key: str, value: str | None, precision: Precision | None) -> None:
        if (value is None) != (precision is None):
            self.report(key, "a date and its precision come together, or neither is given")
        elif value is not None and precision is not None and not is_partial_date(value, precision):
            examples = {"day": "2017-06-13", "month": "2017-06", "year": "2017"}
            self.report(key, f"expected a {precision} date like {examples[precision]}, got {value!r}")

    def check_date_object(self, key: str, value: DateModel | None) -> None:
        if value is not None:
            self.check_date(f"{key}.date", value.date, value.precision)

    def check_sources(self, sources: list[SourceModel]) -> None:
        keyed_ids = [(f"sources[{i}].id", s.id) for i, s in enumerate(sources)]
        keyed_ids += [
            (f"sources[{i}].comments[{j}].id", c.id)
            for i, s in enumerate(sources)
            for j, c in enumerate(s.comments)
        ]
        self.check_unique_keyed(keyed_ids)
        for i, source in enumerate(sources):
            key = f"sources[{i}]"
            if source.published_earliest not in (None, source.published):
                self.report(f"{key}.published", "published repeats published_earliest when both are given")
            self.check_date(f"{key}.published", source.published, source.published_precision)
            for bound in ("published_earliest", "published_latest"):
                value = getattr(source, bound)
                if value is not None:
                    self.check_date(f"{key}.{bound}", value, source.published_precision)
            if source.published_certainty == "between" and source.published_latest is None:
                self.report(f"{key}.published_latest", "a 'between' date needs published_latest")
            seed = self.load_seed(key, source)
            self.seeds[source.id] = seed
            if seed is not None:
                self.check_source_text(key, source, seed)
        self.comment_ids = {c.id for s in sources for c in s.comments}
        for i, source in enumerate(sources):
            self.check_comments(f"sources[{i}]", source)

    def load_seed(self, key: str, source: SourceModel) -> SeedText | None:
        if Path(source.file).name != source.file or source.file in ("", ".", ".."):
            # A path would let a fact file quote, and hash, any file the loader can read.
            self.report(f"{key}.file", f"expected a file name in the seeds folder, got {source.file!r}")
            return None
        path = self.seeds_dir / source.file
        if not path.is_file():
            self.report(f"{key}.file", f"seed file not found: {path}")
            return None
        text = collapse(path.read_text(encoding="utf-8"))
        start, end, comments = 0, len(text), None
        for marker in ("body_starts_with", "article_ends_before", "body_ends_with"):
            value = getattr(source, marker)
            if value is None:
                continue
            at = text.find(collapse(value))
            if at < 0:
                self.report(f"{key}.{marker}", f"not found in {source.file}")
            elif marker == "body_starts_with":
                start = at
            elif marker == "article_ends_before":
                end = comments = at
            else:
                end = min(end, at + len(collapse(value)))
        return SeedText(text, start, end, comments if source.comments else None)

    def check_source_text(self, key: str, source: SourceModel, seed: SeedText) -> None:
        for name in ("title", "byline"):
            value = getattr(source, name)
            if value is not None and seed.where(collapse(value)) != "body":
                self.report(f"{key}.{name}", f"not found in the article text of {source.file}")
        if source.comments and source.article_ends_before is None:
            self.report(
                f"{key}.article_ends_before", "a source with comments must say where the article ends"
            )

    def check_comments(self, key: str, source: SourceModel) -> None:
        seed = self.seeds.get(source.id)
        for j, comment in enumerate(source.comments):
            ckey = f"{key}.comments[{j}]"
            if not is_timestamp(comment.posted):
                self.report(
                    f"{ckey}.posted", f"expected a time like 2017-08-15T23:11, got {comment.posted!r}"
                )
            if comment.reply_to is not None and comment.reply_to not in {c.id for c in source.comments}:
                self.report(f"{ckey}.reply_to", f"unknown comment {comment.reply_to!r} under {source.id}")
            where = seed.where(collapse(comment.starts_with)) if seed else "comments"
            if where != "comments":
                reason = f"not found in {source.file}" if where == "missing" else f"is in the {where}"
                self.report(f"{ckey}.starts_with", f"comment text {reason}, not among the reader comments")

    def check_quote(self, key: str, source_id: str, quote: str) -> None:
        """A quote cited as an article fact must lie in that article's body."""
        if source_id in self.comment_ids:
            self.report(
                f"{key}.source", f"{source_id!r} is a reader comment; comments are never cited as facts"
            )
            return
        if source_id not in self.seeds:
            self.report(f"{key}.source", f"unknown source {source_id!r}")
            return
        seed = self.seeds[source_id]
        if seed is None:
            return  # its missing file is already reported
        where = seed.where(collapse(quote))
        reasons = {
            "missing": "quote not found in the seed file",
            "comments": "quote is in a reader comment, not the article",
            "furniture": "quote is in the page's site furniture, not the article",
        }
        if where in reasons:
            self.report(f"{key}.quote", reasons[where])

    def check_quotes(self, key: str, items: Sequence[QuoteModel | EvidenceModel]) -> None:
        for j, item in enumerate(items):
            self.check_quote(f"{key}[{j}]", item.source, item.quote)

    def check_people(self, people: list[PersonModel]) -> None:
        self.check_unique("people", [p.id for p in people])
        self.people = {p.id for p in people}
        texts = [seed.text[seed.body_start : seed.body_end] for seed in self.seeds.values() if seed]
        for i, person in enumerate(people):
            if texts and not any(collapse(person.name_in_source) in text for text in texts):
                self.report(f"people[{i}].name_in_source", "not found in any cited article")
            self.check_quotes(f"people[{i}].described_as", person.described_as)

    def check_organisations(self, organisations: list[OrganisationModel]) -> None:
        self.check_unique("organisations", [o.id for o in organisations])
        self.organisations = {o.id: o for o in organisations}
        for i, org in enumerate(organisations):
            if org.kind == "council":
                if org.council_code is None:
                    self.report(f"organisations[{i}].council_code", "a council needs its DfE code")
                else:
                    self.check_council(f"organisations[{i}].council_code", org.council_code)
            elif org.council_code is not None:
                self.report(f"organisations[{i}].council_code", "only a council has a council_code")

    def check_person(self, key: str, person_id: str) -> None:
        if person_id not in self.people:
            self.report(key, f"unknown person {person_id!r}")

    def check_organisation(self, key: str, organisation_id: str) -> None:
        if organisation_id.startswith("council:"):
            self.check_council(key, organisation_id.removeprefix("council:"))
        elif organisation_id not in self.organisations:
            self.report(key, f"unknown organisation {organisation_id!r}")
        elif self.organisations[organisation_id].kind == "council":
            code = self.organisations[organisation_id].council_code
            self.report(key, f"refer to a council as 'council:{code}', not {organisation_id!r}")

    def check_tenures(self, facts: FactFile) -> None:
        self.check_unique_keyed(
            [(f"tenures[{i}].id", t.id) for i, t in enumerate(facts.tenures)]
            + [(f"previous_roles[{i}].id", r.id) for i, r in enumerate(facts.previous_roles)]
        )
        for i, tenure in enumerate(facts.tenures):
            key = f"tenures[{i}]"
            self.check_held(key, tenure.person, tenure.organisation, tenure.evidence)
            self.check_date_object(f"{key}.start", tenure.start)
            self.check_date_object(f"{key}.end", tenure.end)
            if tenure.serves_council is not None:
                self.check_council(f"{key}.serves_council", tenure.serves_council)
        for i, previous in enumerate(facts.previous_roles):
            self.check_held(f"previous_roles[{i}]", previous.person, previous.organisation, previous.evidence)

    def check_held(self, key: str, person: str, organisation: str, evidence: list[EvidenceModel]) -> None:
        self.check_person(f"{key}.person", person)
        self.check_organisation(f"{key}.organisation", organisation)
        self.check_quotes(f"{key}.evidence", evidence)
        for j, item in enumerate(evidence):
            self.check_date(f"{key}.evidence[{j}].date", item.date, item.precision)

    def check_notices(self, notices: list[NoticeModel]) -> None:
        self.check_unique("improvement_notices", [n.id for n in notices])
        for i, notice in enumerate(notices):
            key = f"improvement_notices[{i}]"
            self.check_council(f"{key}.council", notice.council)
            self.check_date_object(f"{key}.issued", notice.issued)
            self.check_date_object(f"{key}.lifted", notice.lifted)
            self.check_organisation(f"{key}.issuer", notice.issuer)
            self.check_quotes(f"{key}.evidence", notice.evidence)

    def check_boards(self, boards: list[BoardModel]) -> None:
        self.check_unique("improvement_boards", [b.id for b in boards])
        for i, board in enumerate(boards):
            key = f"improvement_boards[{i}]"
            self.check_council(f"{key}.council", board.council)
            self.check_date_object(f"{key}.first_meeting", board.first_meeting)
            if board.chair is not None:
                # A bare person id would put a chair in the graph with no quote saying so.
                self.report(
                    f"{key}.chair",
                    "list the chair under members, role improvement_board_chair, with evidence",
                )
            self.check_quotes(f"{key}.evidence", board.evidence)
            for j, member in enumerate(board.members):
                self.check_person(f"{key}.members[{j}].person", member.person)
                self.check_quotes(f"{key}.members[{j}].evidence", member.evidence)

    def check_partners(self, partners: list[PartnerModel]) -> None:
        for i, partner in enumerate(partners):
            key = f"improvement_partners[{i}]"
            self.check_council(f"{key}.council", partner.council)
            self.check_date_object(f"{key}.start", partner.start)
            if partner.partner is not None:
                self.check_organisation(f"{key}.partner", partner.partner)
            self.check_quotes(f"{key}.evidence", partner.evidence)

    def check_mentions(self, mentions: list[MentionModel]) -> None:
        for i, mention in enumerate(mentions):
            key = f"inspection_mentions[{i}]"
            self.check_council(f"{key}.council", mention.council)
            self.check_date(f"{key}.date", mention.date, mention.precision)
            if mention.date_end is not None:
                self.check_date(f"{key}.date_end", mention.date_end, mention.precision)
            self.check_quote(key, mention.source, mention.quote)


def collapse(text: str) -> str:
    """Whitespace runs as one space, so a quote matches across the seed's line breaks."""
    return re.sub(r"\s+", " ", text).strip()

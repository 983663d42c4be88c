"""Curated news facts: a YAML fact file checked word for word against the seed articles it cites.

A fact file (facts/*.yaml, see the header of facts/gloucestershire_2017_2018.yaml) lists its sources
(articles, each with its reader comments), people, organisations, tenures, previous roles, improvement
notices and boards; every fact carries evidence quoting a seed file. Nothing is believed on the
curator's word: each quote must appear in the cited file (whitespace runs collapsed to one space) and,
when cited as an article fact, inside the article body, never in a reader comment or site furniture.
Before anything is built the file must be UTF-8 YAML with no aliases, no key given twice and no
deeper nesting than MAX_DEPTH; those problems, and YAML syntax errors, carry the line as their row.

Kept out of the graph, though their quotes are still checked:
- `inspection_mentions`: an article's "rated inadequate in June 2017" or "visited in February and
  March" is month-level and second-hand, so it is not a reliable identifier of an inspection; the
  inspection loaders take dates and grades from Ofsted's own documents.
- `improvement_partners`: the graph has no node for a partnership whose partner the text does not name;
  the person the release names (Suzie Goodman) is kept through her own tenure.
- `people[].name_in_source` and `organisations` of kind `council`: they record spellings; councils are
  written from the council tables and referred to as `council:<code>`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from graph.errors import LoadError, Problem
from loaders.dates import is_partial_date, is_timestamp
from loaders.model import (
    BoardRecord,
    Bundle,
    Citation,
    DateCertainty,
    EvidenceKind,
    NoticeRecord,
    OrganisationRecord,
    PartialDate,
    PersonRecord,
    Precision,
    Role,
    SourceRecord,
    TenureRecord,
)

ArticleKind = Literal["news_article", "web_article", "council_press_release"]
OrganisationKind = Literal[
    "charity", "company", "government_department", "improvement_board", "trust", "unknown", "council"
]


# A fact file nests about five levels deep; far more is a broken or hostile file.
MAX_DEPTH = 20

# Ids and names become indexed properties, and Neo4j refuses an index key over about 8 KB.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=120)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class _Strict(BaseModel):
    # A misspelt key is a mistake to report, not a field to ignore.
    model_config = ConfigDict(extra="forbid", frozen=True)


class DateModel(_Strict):
    date: str
    precision: Precision
    certainty: DateCertainty = "stated"


class CommentModel(_Strict):
    id: Id
    author: str
    posted: str  # "2017-08-15T23:11"
    reply_to: str | None
    starts_with: str


class SourceModel(_Strict):
    id: Id
    file: str
    kind: ArticleKind
    title: str
    publisher: str | None
    publisher_certainty: Literal["stated", "inferred", "unverified"] | None
    published: str
    published_earliest: str | None = None
    published_latest: str | None = None
    published_precision: Precision
    published_certainty: DateCertainty
    byline: str | None
    article_ends_before: str | None
    body_starts_with: str | None
    body_ends_with: str | None
    comments: list[CommentModel] = []


class QuoteModel(_Strict):
    source: str
    quote: str


class PersonModel(_Strict):
    id: Id
    name: Name
    name_in_source: str
    described_as: list[QuoteModel] = []


class OrganisationModel(_Strict):
    id: Id
    name: Name
    kind: OrganisationKind
    council_code: str | None


class EvidenceModel(_Strict):
    source: str
    kind: EvidenceKind
    date: str | None
    precision: Precision | None
    date_certainty: DateCertainty = "stated"
    quote: str


class TenureModel(_Strict):
    id: Id
    person: str
    role: Role
    title: str | None
    organisation: str
    interim: bool | None
    start: DateModel | None
    end: DateModel | None
    serves_council: str | None = None
    evidence: list[EvidenceModel] = Field(min_length=1)


class PreviousRoleModel(_Strict):
    id: Id
    person: str
    organisation: str
    role: Role
    title: str | None
    evidence: list[EvidenceModel] = Field(min_length=1)


class NoticeModel(_Strict):
    id: Id
    council: str
    issued: DateModel | None
    lifted: DateModel | None = None
    issuer: str
    review_interval: str | None
    review_scope: list[str]
    evidence: list[QuoteModel] = Field(min_length=1)


class MemberModel(_Strict):
    person: str
    role: Role
    evidence: list[QuoteModel] = Field(min_length=1)


class BoardModel(_Strict):
    id: Id
    council: str
    first_meeting: DateModel | None
    chair: str | None
    evidence: list[QuoteModel] = Field(min_length=1)
    members: list[MemberModel] = []


class PartnerModel(_Strict):
    id: Id
    council: str
    partner: str | None
    start: DateModel | None
    planned_duration: str | None
    evidence: list[QuoteModel] = Field(min_length=1)


class MentionModel(_Strict):
    source: str
    council: str
    about: Literal[
        "judgement_published",
        "inspection_fieldwork",
        "previous_judgement",
        "sub_judgement",
        "monitoring_visit",
        "planned_visit",
    ]
    date: str
    date_end: str | None = None
    precision: Precision
    date_certainty: DateCertainty = "stated"
    quote: str


class FactFile(_Strict):
    council: str
    sources: list[SourceModel]
    people: list[PersonModel] = []
    organisations: list[OrganisationModel] = []
    tenures: list[TenureModel] = []
    previous_roles: list[PreviousRoleModel] = []
    improvement_notices: list[NoticeModel] = []
    improvement_boards: list[BoardModel] = []
    improvement_partners: list[PartnerModel] = []
    inspection_mentions: list[MentionModel] = []


@dataclass(frozen=True)
class SeedText:
    """A seed file's text with whitespace collapsed, and where its article body lies in it."""

    text: str
    body_start: int
    body_end: int
    comments_start: int | None  # where reader comments begin, if the source has any

    def where(self, quote: str) -> Literal["body", "comments", "furniture", "missing"]:
        """Where a quote lies: in the article body, in the reader comments, in site furniture, or nowhere."""
        # str.find, not a regex: compiling a pattern from a long quote costs seconds.
        starts = []
        at = self.text.find(quote)
        while at >= 0:
            starts.append(at)
            at = self.text.find(quote, at + 1)
        if not starts:
            return "missing"
        if any(self.body_start <= s and s + len(quote) <= self.body_end for s in starts):
            return "body"
        if self.comments_start is not None and any(s >= self.comments_start for s in starts):
            return "comments"
        return "furniture"


def read_facts(path: Path, seeds_dir: Path, councils_known: set[str]) -> Bundle:
    """Read one curated fact file into sources, people, organisations, tenures, notices and boards.

    Args:
        path: the YAML fact file.
        seeds_dir: the folder holding the seed texts its sources name.
        councils_known: DfE codes of the loaded councils; `council:<code>` must be one of them.

    Raises:
        LoadError: every problem in the file, each located by its key path
            (e.g. `tenures[3].evidence[0].quote`).
    """
    facts = _parse(path)
    checker = _Checker(path.name, seeds_dir, councils_known)
    checker.check(facts)
    if checker.problems:
        raise LoadError(checker.problems)
    return _bundle(facts, seeds_dir)


def _parse(path: Path) -> FactFile:
    text = _read_text(path)
    problems = _structure_problems(path.name, text)
    if problems:
        raise LoadError(problems)
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise LoadError([yaml_problem(path.name, text, exc)]) from exc
    if raw is None:
        raise LoadError([Problem(path.name, 1, None, "the file is empty: expected council and sources")])
    try:
        return FactFile.model_validate(raw)
    except ValidationError as exc:
        raise LoadError(
            [Problem(path.name, None, key_path(e["loc"]), e["msg"]) for e in exc.errors()]
        ) from exc


def _read_text(path: Path) -> str:
    """The file as UTF-8 text; a file in another encoding is reported at the line of its first bad byte."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError([Problem(path.name, None, None, f"file not found: {path}")]) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError([Problem(path.name, 1, None, "the file is UTF-16 text; save it as UTF-8")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        reason = (
            f"byte 0x{data[exc.start]:02X} is not UTF-8 (saved as Latin-1 or Windows-1252?); "
            "save the file as UTF-8"
        )
        raise LoadError([Problem(path.name, line, None, reason)]) from exc


def _structure_problems(file: str, text: str) -> list[Problem]:
    """Aliases, nesting deeper than MAX_DEPTH and repeated keys, found before anything is built.

    PyYAML shares an aliased value rather than copying it, but validating the result walks every
    share: a few lines of nested aliases (a "billion laughs") would take hours. A fact file has no
    use for aliases, so none is accepted. A repeated key would silently keep only its last value.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1 if event.start_mark else None
            if isinstance(event, yaml.AliasEvent):
                return [Problem(file, line, None, f"an alias (*{event.anchor}); write the value out instead")]
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return [Problem(file, line, None, f"nested deeper than {MAX_DEPTH} levels")]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return list(_repeated_keys(file, yaml.compose(text, Loader=yaml.SafeLoader), ()))
    except yaml.YAMLError as exc:
        return [yaml_problem(file, text, exc)]


def _repeated_keys(file: str, node: yaml.Node | None, loc: tuple[int | str, ...]) -> Iterator[Problem]:
    """Each key given twice in one mapping, at the line of its second use."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            name, line = str(key.value), key.start_mark.line + 1
            if name in seen:
                reason = f"key {name!r} is given twice (lines {seen[name]} and {line}); give it once"
                yield Problem(file, line, key_path((*loc, name)), reason)
            seen.setdefault(name, line)
            yield from _repeated_keys(file, value, (*loc, name))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _repeated_keys(file, item, (*loc, i))


def yaml_problem(file: str, text: str, exc: yaml.YAMLError) -> Problem:
    """A YAML error at its line, in YAML's own words without the echoed snippet."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = text[: exc.position].count("\n") + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return Problem(file, line, None, f"not valid YAML: the character U+{code:04X} is not allowed")
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    reason = f"not valid YAML: {problem}" + (f" ({context})" if context else "")
    return Problem(file, mark.line + 1 if mark else None, None, reason)


def key_path(loc: tuple[int | str, ...]) -> str | None:
    """Pydantic's location as the fact file's key path: ('tenures', 3, 'role') -> 'tenures[3].role'."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or None


class _Checker:
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


def _bundle(facts: FactFile, seeds_dir: Path) -> Bundle:
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

"""Leader evidence from Ofsted focused-visit letters: who each letter was addressed to, and the visit.

Reads `focused_visit_letters/ofsted_focused_visit_letter_addressees.csv` (SOURCES.md section 5), a
DERIVED table of the addressee block and first sentence of all 371 ILACS focused-visit letters. Ofsted
addresses these letters to the serving director of children's services (DCS) by name and title, so
each letter is evidence that its addressee was in post on the letter date, and nothing more: the
letters never say when a post began or ended, so tenures built from them have no start or end.

Letter citations carry the CSV row and column their text was read from, because the letters are read
only through this table; the quote is the letter's own text (`addressee_block`, lines joined by " | ").

Person identity: one Person per identical cleaned name (honorifics, post-nominals, case and punctuation
aside), across councils. A DCS is one of about 150 people in a small national profession who move
between councils, and the letters come from one regulator naming them in the same role, so an
identical full name is taken as the same person; this is also how the news fact files name people
("chris-spencer"), so letters and news meet on one Person. Spelling variants ("Mil"/"Milorad Vasic",
"Jayne Ludlam"/"Ludlum") are not joined: that would be a guess.
"""

# The letters print curly apostrophes (’) and en dashes; names and titles here must match them exactly.
# ruff: noqa: RUF001, RUF002, RUF003

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graph.errors import LoadError, Problem
from loaders.dates import FULL_MONTHS, long_date, parse_printed_date
from loaders.model import (
    Bundle,
    Citation,
    CouncilResolver,
    DateCertainty,
    InspectionStatement,
    OrganisationRecord,
    PersonRecord,
    Role,
    SourceRecord,
    TenureRecord,
)
from loaders.people import clean_name, looks_like_a_name, person_slug
from loaders.roles import INTERIM_WORDS, addressee_role
from loaders.tables import read_table

LETTERS_CSV = "focused_visit_letters/ofsted_focused_visit_letter_addressees.csv"
DATASET_ID = f"data:{LETTERS_CSV}"

COLUMNS = (
    "urn",
    "folder_la_name",
    "letter_date",
    "addressee_name",
    "addressee_title",
    "addressee_organisation",
    "parse_status",
    "salutation",
    "addressee_block",
    "visit_sentence",
    "source_repo",
    "source_path",
    "source_commit",
    "git_blob",
)
PARSE_STATUSES = {"ok", "no_title_line", "check"}

# Reports a problem in one column of the current row.
Report = Callable[[str, str], None]

# Focused visits last two or three days on site; a longer parsed span means the sentence was misread.
MAX_VISIT_DAYS = 7


@dataclass(frozen=True)
class Addressee:
    """One person a letter is addressed to, in one role."""

    name: str  # cleaned: no honorific, no post-nominals
    printed: str  # the name as the letter prints it
    title: str | None  # exactly as printed; None when the letter gives no title line
    role: Role
    trust: str | None = None  # a children's trust's name as printed; None means the council itself

    @property
    def interim(self) -> bool | None:
        """Interim status as the title shows it; unknown without a title."""
        if self.title is None:
            return None
        return bool(INTERIM_WORDS.search(self.title))


@dataclass(frozen=True)
class Decision:
    """A letter whose addressee block was read by hand, and why."""

    addressees: tuple[Addressee, ...]
    why: str


def _dcs(name: str, title: str) -> Addressee:
    return Addressee(name, name, title, "director_of_childrens_services")


def _trust_ceo(name: str, title: str, trust: str) -> Addressee:
    return Addressee(name, name, title, "trust_chief_executive", trust)


# Every `check` row, and the `ok`/`no_title_line` rows whose parsed name or title is wrong, decided by
# reading the addressee_block. Keyed by (urn, date in the PDF's file name). A `check` row missing here
# is reported as a problem rather than guessed.
DECISIONS: dict[tuple[str, str], Decision] = {
    ("80432", "2021-08-09"): Decision(
        (_dcs("Bernie Brown", "Director of Children’s Services"),),
        "check: name and title on one line, 'Ms Bernie Brown Director of Children’s Services'",
    ),
    ("80499", "2018-11-01"): Decision(
        (_dcs("Paul Hewitt", "Corporate Director People Services (Interim)"),),
        "check: two columns interleaved; the title reads 'Corporate' + 'Director People Services (Interim)'",
    ),
    ("80528", "2025-11-06"): Decision(
        (_dcs("Claire Shiels", "Director of Children’s Services"),),
        "check: the block starts with the letter date, misprinted '6 November 20205'",
    ),
    ("80549", "2024-11-29"): Decision(
        (
            _dcs("Sally Giles", "Director of Children’s Services"),
            _trust_ceo("Emma Taylor", "Chief Executive", "Sandwell Children’s Trust"),
        ),
        "check: two addressees, the council's DCS and the trust's chief executive",
    ),
    ("80549", "2025-05-20"): Decision(
        (
            _dcs("Sally Giles", "Director of Children’s Services"),
            _trust_ceo("Emma Taylor", "Chief Executive", "Sandwell Children’s Trust"),
        ),
        "check: two addressees, the council's DCS and the trust's chief executive",
    ),
    ("80562", "2019-03-11"): Decision(
        (_dcs("Chris McLoughlin", "Director of Children’s Services"),),
        "check: 'name, title' on one line",
    ),
    ("80563", "2022-10-26"): Decision(
        (_dcs("Martin Gray", "Director of Children’s Services"),),
        "check: columns interleaved; the name is split over 'Martin | Gray' (salutation 'Dear Martin')",
    ),
    ("80570", "2022-05-26"): Decision(
        (_dcs("Jo Britton", "Director of Children & Adult Services"),),
        "check: the council's name comes between the name and the title",
    ),
    ("2637548", "2023-11-22"): Decision(
        (_dcs("Rebecca Wilshire", "Director for Children’s Services"),),
        "check: 'name, title' on one line",
    ),
    ("80483", "2022-03-02"): Decision(
        (_dcs("Jane Moore", "Director of Children’s Services"),),
        "ok row, but the title is split over 'Director | of Children’s Services'",
    ),
    ("80545", "2022-06-23"): Decision(
        (),
        "no_title_line row whose block names no person ('Kingston upon Thames | KT1 1EU'); "
        "the salutation gives only a first name, so no tenure is recorded",
    ),
    ("80532", "2022-08-31"): Decision(
        (
            _dcs("Graham Reiter", "Interim Joint Directors of Children’s Services"),
            _dcs("Audrey Kingham", "Interim Joint Directors of Children’s Services"),
        ),
        "ok row with two people on the name line, joint interim directors",
    ),
    ("80462", "2021-04-09"): Decision(
        (
            _dcs("Riana Nelson", "Director of Learning Opportunities and Skills"),
            _trust_ceo("James Thomas", "CEO", "Doncaster Children’s Services Trust"),
        ),
        "ok row whose block ends 'Copy to: James Thomas, CEO, Doncaster Children’s Services Trust'",
    ),
    ("80553", "2020-11-27"): Decision(
        (
            _dcs("Eleni Ioannides", "Interim Director of Children, Learning and Skills"),
            _trust_ceo("Eleni Ioannides", "Interim Chief Executive", "Slough Children’s Trust"),
        ),
        "ok row with a second title line, 'Interim Chief Executive, Slough Children’s Trust'",
    ),
    ("80553", "2022-02-22"): Decision(
        (
            _dcs("Andrew Fraser", "Interim Chief Executive and Director of Children’s Services"),
            _trust_ceo(
                "Andrew Fraser",
                "Interim Chief Executive and Director of Children’s Services",
                "Slough Children First",
            ),
        ),
        "ok row: one title covering the trust (Slough Children First) and the council",
    ),
    ("80553", "2024-07-12"): Decision(
        (
            _dcs("Sue Butcher", "Chief Executive and Director of Children’s Services"),
            _trust_ceo(
                "Sue Butcher", "Chief Executive and Director of Children’s Services", "Slough Children First"
            ),
        ),
        "ok row: one title covering the trust (Slough Children First) and the council",
    ),
    ("80566", "2021-05-11"): Decision(
        (
            _dcs("Jill Colbert", "Director of Children’s Services and Chief Executive"),
            _trust_ceo(
                "Jill Colbert", "Director of Children’s Services and Chief Executive", "Together for Children"
            ),
        ),
        "ok row: the title runs on, 'Director of Children’s Services | and Chief Executive | "
        "Together for Children'",
    ),
    ("80566", "2023-11-29"): Decision(
        (
            _dcs(
                "Jill Colbert", "Director of Children’s Services and Chief Executive, Together for Children"
            ),
            _trust_ceo(
                "Jill Colbert",
                "Director of Children’s Services and Chief Executive, Together for Children",
                "Together for Children",
            ),
        ),
        "ok row: one title covering the council and its trust, Together for Children",
    ),
}

# Printed letter dates that cannot be right, each with the date used instead (the PDF's file date).
# Dudley's letter reports a visit on 18 and 19 December 2019 but prints "21 January 2019": the year is
# a typo; its file is dated 21 January 2020.
DATE_TYPOS: dict[tuple[str, str], str] = {("80464", "21 January 2019"): "2020-01-21"}


@dataclass
class Letter:
    """One parsed row: a letter, its date, its addressees and the visit it reports."""

    row: int
    urn: str
    council_code: str
    council_name: str
    letter_date: date
    date_certainty: DateCertainty  # "on_or_before" when taken from the file name
    addressees: tuple[Addressee, ...]
    block: str
    visit_sentence: str
    visit_phrase: str | None
    visit: tuple[date, date] | None
    file: str
    printed_date: str  # the letter_date cell as printed ("" for the two undated letters)

    @property
    def source_id(self) -> str:
        return f"letter:{self.urn}:{self.letter_date.isoformat()}"


def read_letters(data_dir: Path, councils: CouncilResolver) -> Bundle:
    """Read the focused-visit letters table into letter sources, visits, people and tenures.

    Args:
        data_dir: the shared data folder (Settings.data_dir).
        councils: resolves each letter's Ofsted URN to the council's DfE code.

    Raises:
        LoadError: listing every bad row (unknown council, bad date, undecided `check` row, ...).
    """
    path = data_dir / LETTERS_CSV
    problems: list[Problem] = []
    letters = _parse_rows(path, councils, problems)
    if problems:
        raise LoadError(problems)
    return _bundle(path, letters)


def _parse_rows(path: Path, councils: CouncilResolver, problems: list[Problem]) -> list[Letter]:
    letters: list[Letter] = []
    seen: dict[tuple[str, date], int] = {}
    for row_number, raw in read_table(path, LETTERS_CSV, COLUMNS, problems):
        letter = _parse_row(row_number, raw, councils, problems)
        if letter is None:
            continue
        key = (letter.urn, letter.letter_date)
        if key in seen:
            problems.append(
                Problem(LETTERS_CSV, row_number, "letter_date", f"same council and date as row {seen[key]}")
            )
            continue
        seen[key] = row_number
        letters.append(letter)
    return letters


def _parse_row(
    row: int, raw: dict[str, str], councils: CouncilResolver, problems: list[Problem]
) -> Letter | None:
    before = len(problems)

    def report(column: str, reason: str) -> None:
        problems.append(Problem(LETTERS_CSV, row, column, reason))

    urn = raw["urn"].strip()
    code = councils.by_urn(urn)
    if code is None:
        report("urn", f"unknown council: no council has Ofsted URN {urn!r}")
    file_date = _file_date(raw["source_path"])
    if file_date is None:
        report("source_path", "expected a file name ending 'focused visit - DD month YYYY.pdf'")
    letter_date, certainty = _letter_date(urn, raw["letter_date"], file_date, report)
    addressees = _addressees(urn, file_date, raw, report)
    phrase = _visit_phrase(raw["visit_sentence"])
    visit = _visit_dates(phrase) if phrase else None
    if letter_date is not None and visit is not None and visit[1] > letter_date:
        report("letter_date", f"letter dated {letter_date} is before the visit it reports ({visit[1]})")
    if len(problems) > before or code is None or letter_date is None:
        return None
    return Letter(
        row=row,
        urn=urn,
        council_code=code,
        council_name=_council_name(raw["folder_la_name"]),
        letter_date=letter_date,
        date_certainty=certainty,
        addressees=addressees,
        block=raw["addressee_block"],
        visit_sentence=raw["visit_sentence"].strip(),
        visit_phrase=phrase,
        visit=visit,
        file=f"{raw['source_repo']}@{raw['source_commit']}:{raw['source_path']}",
        printed_date=raw["letter_date"],
    )


def _file_date(source_path: str) -> date | None:
    """The date in the PDF's file name (Ofsted's publication date), e.g. '... - 06 november 2025.pdf'."""
    match = re.search(r" - (\d{1,2} [a-z]+ \d{4})\.pdf$", source_path, re.IGNORECASE)
    return parse_printed_date(match.group(1)) if match else None


def _letter_date(
    urn: str, printed: str, file_date: date | None, report: Report
) -> tuple[date | None, DateCertainty]:
    """The printed letter date; the file's date where none is printed or the print is a known typo.

    A date from the file name is the publication date: the letter was written on or before it.
    """
    printed = printed.strip()
    # Cambridgeshire 2025-08-29 and North Somerset 2025-11-06 print no usable date in the block
    # (North Somerset prints "6 November 20205"), so the table leaves letter_date blank.
    if not printed:
        return file_date, "on_or_before"
    if (urn, printed) in DATE_TYPOS:
        return date.fromisoformat(DATE_TYPOS[(urn, printed)]), "on_or_before"
    parsed = parse_printed_date(printed)
    if parsed is None:
        report("letter_date", f"expected a date like '20 November 2020', got {printed!r}")
    return parsed, "stated"


def _addressees(
    urn: str, file_date: date | None, raw: dict[str, str], report: Report
) -> tuple[Addressee, ...]:
    decision = DECISIONS.get((urn, file_date.isoformat() if file_date else ""))
    if decision is not None:
        return decision.addressees
    status = raw["parse_status"].strip()
    if status not in PARSE_STATUSES:
        report("parse_status", f"expected one of {sorted(PARSE_STATUSES)}, got {status!r}")
        return ()
    if status == "check":
        report("parse_status", "a 'check' row needs a decision in loaders.letters.DECISIONS")
        return ()
    printed = raw["addressee_name"].strip()
    name = clean_name(printed)
    if not looks_like_a_name(name):
        report("addressee_name", f"{printed!r} does not look like a person's name")
        return ()
    if not person_slug(name):
        # The Person id is the name's ASCII letters; a name with none would share the id "".
        report("addressee_name", f"{printed!r} has no Latin letters to make a person's id from")
        return ()
    title = _clean_title(raw["addressee_title"]) if status == "ok" else None
    if status == "ok" and title is None:
        report("addressee_title", "an 'ok' row needs a title")
    return (Addressee(name, printed, title, addressee_role(title)),)


def _clean_title(printed: str) -> str | None:
    # A line break inside a title can leave a trailing comma ("... Young People’s Service,").
    title = printed.strip().rstrip(",").strip()
    return title or None


def _council_name(folder_name: str) -> str:
    """A display name from the scrape's lower-case folder name: 'stockton-on-tees' -> 'Stockton-on-Tees'."""
    if folder_name.strip() == "london corporation":
        return "City of London"
    small = {"and", "upon", "on", "of", "with", "the"}

    def cap(word: str, first: bool) -> str:
        return word if word in small and not first else word[:1].upper() + word[1:]

    words = folder_name.strip().split()
    return " ".join(
        "-".join(cap(part, i == 0 and j == 0) for j, part in enumerate(word.split("-")))
        for i, word in enumerate(words)
    )


def _visit_phrase(sentence: str) -> str | None:
    """The dates part of '... focused visit to X children’s services on 6 and 8 October 2020'."""
    match = re.search(r"\b(?:on|between)\s+((?:the\s+)?\d.*)$", sentence.strip())
    return match.group(1).strip() if match else None


def _visit_dates(phrase: str) -> tuple[date, date] | None:
    """First and last day of a phrase like '30 November to 2 December 2021'; None if not clearly read.

    Days take the next month named after them, and months the next year, so '29 and 30 June 2021',
    'the 5 and 6 of March 2019' and '31 January and 1 February 2019' all read naturally.
    """
    tokens = re.findall(r"\d+(?:st|nd|rd|th)?|[A-Za-z]+|\S", phrase)
    days: list[date] = []
    month: int | None = None
    year: int | None = None
    for token in reversed(tokens):
        word = token.lower()
        if re.fullmatch(r"\d{4}", word):
            year, month = int(word), None
        elif word in FULL_MONTHS:
            month = FULL_MONTHS[word]
        elif re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", word):
            if month is None or year is None:
                return None
            try:
                days.append(date(year, month, int(re.sub(r"\D", "", word))))
            except ValueError:
                return None
        elif word not in {"and", "to", "of", "the", ",", "-", "–", "—"}:
            return None
    if not days:
        return None
    days.reverse()
    if days != sorted(days) or (days[-1] - days[0]).days > MAX_VISIT_DAYS:
        return None
    return days[0], days[-1]


def _bundle(path: Path, letters: list[Letter]) -> Bundle:
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

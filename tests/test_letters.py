"""Focused-visit letters: addressees become dated evidence of who held a post; the visit its dates."""

# The letters print curly apostrophes (’); the expected names and titles must match them exactly.
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from graph.errors import LoadError
from graph.settings import Settings
from loaders.corrections import read_letter_decisions
from loaders.letters import COLUMNS, LETTERS_CSV, read_letters
from loaders.model import Bundle, TenureRecord
from loaders.people import clean_name, person_slug


class UrnTable:
    """A council resolver backed by a plain dict of URN -> DfE code."""

    def __init__(self, codes: dict[str, str]) -> None:
        self.codes = codes

    def by_urn(self, urn: str) -> str | None:
        return self.codes.get(urn)


# The curated decisions as every load reads them (corrections/letter_decisions.csv).
DECISIONS = read_letter_decisions([])

COUNCILS = UrnTable({"80470": "916", "80549": "333", "80528": "802", "80445": "873", "80447": "895"})


def letter(
    urn: str = "80470",
    la: str = "gloucestershire",
    letter_date: str = "20 November 2020",
    name: str = "Chris Spencer",
    title: str = "Director of Children’s Services",
    status: str = "ok",
    block: str | None = None,
    visit: str = "6 and 8 March 2018",
    file_date: str | None = None,
) -> dict[str, str]:
    """One CSV row like the real table's; the block defaults to name | title | council."""
    file_date = file_date or letter_date.lower()
    if len(file_date.split()[0]) == 1:
        file_date = "0" + file_date
    return {
        "urn": urn,
        "folder_la_name": la,
        "letter_date": letter_date,
        "addressee_name": name,
        "addressee_title": title,
        "addressee_organisation": "",
        "parse_status": status,
        "salutation": f"Dear {name}",
        "addressee_block": block
        if block is not None
        else " | ".join(p for p in (name, title, "Shire Hall") if p),
        "visit_sentence": (
            f"This letter summarises the findings of the focused visit to {la} children’s services on {visit}"
            if visit
            else ""
        ),
        "source_repo": "data-to-insight/ofsted-focused-visit-scrape-tool",
        "source_path": (
            f"export_data/inspection_reports/{urn}_{la}/children's services focused visit - {file_date}.pdf"
        ),
        "source_commit": "c91dee0a148a59d1ed59222be7f201c13badb0b2",
        "git_blob": "0" * 40,
    }


def write_letters(data_dir: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = COLUMNS) -> Path:
    path = data_dir / LETTERS_CSV
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return data_dir


def load(tmp_path: Path, *rows: dict[str, str]) -> Bundle:
    return read_letters(write_letters(tmp_path, list(rows)), COUNCILS)


def problems(tmp_path: Path, *rows: dict[str, str]) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(LoadError) as exc:
        load(tmp_path, *rows)
    return [(p.row, p.field, p.reason) for p in exc.value.problems]


def tenures_of(bundle: Bundle, person: str) -> list[TenureRecord]:
    return [t for t in bundle.tenures if t.person_id == person]


def test_a_letter_is_evidence_its_addressee_was_in_post_on_the_letter_date(tmp_path: Path) -> None:
    bundle = load(tmp_path, letter())

    (tenure,) = bundle.tenures
    assert tenure.person_id == "chris-spencer"
    assert tenure.role == "director_of_childrens_services"
    assert tenure.organisation_id == "council:916"
    assert tenure.title == "Director of Children’s Services"
    assert tenure.interim is False
    assert (tenure.start, tenure.end) == (None, None)
    (citation,) = tenure.citations
    assert citation.source_id == "letter:80470:2020-11-20"
    assert citation.quote == "Chris Spencer | Director of Children’s Services | Shire Hall"
    assert (citation.evidence, citation.date, citation.precision) == ("in_post_on", "2020-11-20", "day")
    assert (citation.row, citation.field) == (2, "addressee_block")


def test_each_letter_and_the_table_are_sources(tmp_path: Path) -> None:
    bundle = load(tmp_path, letter())

    dataset, source = bundle.sources
    assert dataset.id == f"data:{LETTERS_CSV}"
    assert dataset.kind == "dataset"
    assert source.kind == "ofsted_letter"
    assert source.title == "Focused visit to Gloucestershire: letter of 20 November 2020"
    assert (source.publisher, source.published_date, source.url) == ("Ofsted", "2020-11-20", None)
    assert source.file == (
        "data-to-insight/ofsted-focused-visit-scrape-tool@c91dee0a148a59d1ed59222be7f201c13badb0b2:"
        "export_data/inspection_reports/80470_gloucestershire/"
        "children's services focused visit - 20 november 2020.pdf"
    )


def test_the_visit_is_a_focused_visit_statement_dated_from_its_sentence(tmp_path: Path) -> None:
    (visit,) = load(tmp_path, letter(visit="between 6 and 8 October 2020")).inspections

    assert (visit.council_code, visit.kind, visit.framework) == (
        "916",
        "focused_visit",
        "ILACS focused visit",
    )
    assert (visit.start_date, visit.end_date, visit.published_date) == (
        "2020-10-06",
        "2020-10-08",
        "2020-11-20",
    )
    assert visit.priority == 2
    assert visit.lead_inspector is None
    assert visit.citation.quote.endswith("children’s services on between 6 and 8 October 2020")


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("6 to 8 October 2020", "2020-10-06", "2020-10-08"),
        ("22 and 23 January 2025", "2025-01-22", "2025-01-23"),
        ("30 November to 2 December 2021", "2021-11-30", "2021-12-02"),
        ("30 December 2019 to 2 January 2020", "2019-12-30", "2020-01-02"),
        ("11 December 2018", "2018-12-11", "2018-12-11"),
        ("22–23 October 2019", "2019-10-22", "2019-10-23"),
        ("the 5 and 6 of March 2019", "2019-03-05", "2019-03-06"),
        ("15, 16 and 21 July 2025", "2025-07-15", "2025-07-21"),
    ],
)
def test_visit_dates_are_read_in_every_form_the_letters_use(
    tmp_path: Path, phrase: str, start: str, end: str
) -> None:
    (visit,) = load(tmp_path, letter(letter_date="20 February 2026", visit=phrase)).inspections

    assert (visit.start_date, visit.end_date) == (start, end)


@pytest.mark.parametrize(
    "phrase", ["", "a date to be confirmed", "the week of 6 October 2020", "6 to 30 October 2020"]
)
def test_unreadable_visit_dates_are_left_unknown(tmp_path: Path, phrase: str) -> None:
    (visit,) = load(tmp_path, letter(visit=phrase)).inspections

    assert (visit.start_date, visit.end_date) == (None, None)


def test_honorifics_and_post_nominals_are_dropped_from_the_name_not_the_quote(tmp_path: Path) -> None:
    row = letter(name="Dr Edwina Grant OBE", block="Dr Edwina Grant OBE | Director of Children’s Services")
    bundle = load(tmp_path, row)

    (person,) = bundle.people
    assert (person.id, person.name) == ("edwina-grant", "Edwina Grant")
    assert person.citations[0].value == "Dr Edwina Grant OBE"
    assert bundle.tenures[0].citations[0].quote == "Dr Edwina Grant OBE | Director of Children’s Services"


@pytest.mark.parametrize(
    ("printed", "clean"),
    [
        ("Mrs Anne Bristow", "Anne Bristow"),
        ("Professor Sarah O’Brien", "Sarah O’Brien"),
        ("Mick Gibbs,", "Mick Gibbs"),
        ("Chris McLoughlin OBE", "Chris McLoughlin"),
        ("Cllr Richard Boyles", "Richard Boyles"),
    ],
)
def test_names_are_cleaned_of_honorifics_and_post_nominals(printed: str, clean: str) -> None:
    assert clean_name(printed) == clean


def test_person_ids_are_slugs_of_the_cleaned_name() -> None:
    assert person_slug("Tim O’Neill") == "tim-oneill"
    assert person_slug("Sarah-Jane Smedmor") == "sarah-jane-smedmor"


def test_a_letter_without_a_title_line_leaves_interim_unknown(tmp_path: Path) -> None:
    row = letter(name="Mark Palethorpe", title="", status="no_title_line", urn="80447", la="cheshire east")
    (tenure,) = load(tmp_path, row).tenures

    assert (tenure.role, tenure.title, tenure.interim) == ("director_of_childrens_services", None, None)


@pytest.mark.parametrize(
    "title",
    [
        "Interim Director of Children’s Services",
        "Director of Children’s Services (Interim)",
        "Acting Director",
    ],
)
def test_an_interim_or_acting_title_marks_the_tenure_interim(tmp_path: Path, title: str) -> None:
    (tenure,) = load(tmp_path, letter(title=title)).tenures

    assert tenure.interim is True


def test_a_letter_to_the_chief_executive_is_not_recorded_as_the_dcs(tmp_path: Path) -> None:
    row = letter(urn="80447", la="cheshire east", name="Dr Lorraine O’Donnell", title="Chief Executive")
    (tenure,) = load(tmp_path, row).tenures

    assert (tenure.role, tenure.organisation_id) == ("chief_executive", "council:895")


def test_consecutive_letters_to_one_holder_make_one_tenure_with_a_citation_each(tmp_path: Path) -> None:
    bundle = load(
        tmp_path,
        letter(letter_date="20 November 2020", title="Director of Children’s Services"),
        letter(letter_date="1 April 2022", title="Executive Director of Children’s Services"),
    )

    (tenure,) = bundle.tenures
    assert [c.date for c in tenure.citations] == ["2020-11-20", "2022-04-01"]
    assert [c.value for c in tenure.citations] == [
        "Director of Children’s Services",
        "Executive Director of Children’s Services",
    ]
    assert tenure.title == "Executive Director of Children’s Services"


def test_another_holder_or_a_change_of_interim_status_starts_a_new_tenure(tmp_path: Path) -> None:
    bundle = load(
        tmp_path,
        letter(letter_date="1 March 2019", title="Interim Director of Children’s Services"),
        letter(letter_date="20 November 2020"),
        letter(letter_date="1 April 2022", name="Ann James"),
        letter(letter_date="1 April 2024"),
    )

    spencer = tenures_of(bundle, "chris-spencer")
    assert [(t.interim, [c.date for c in t.citations]) for t in spencer] == [
        (True, ["2019-03-01"]),
        (False, ["2020-11-20"]),
        (False, ["2024-04-01"]),
    ]
    assert len({t.id for t in bundle.tenures}) == 4


def test_the_same_name_at_two_councils_is_one_person(tmp_path: Path) -> None:
    bundle = load(
        tmp_path,
        letter(name="Ann James"),
        letter(urn="80445", la="cambridgeshire", name="Ann James", letter_date="1 April 2022"),
    )

    assert [p.id for p in bundle.people] == ["ann-james"]
    assert {t.organisation_id for t in bundle.tenures} == {"council:916", "council:873"}


def test_a_blank_letter_date_falls_back_to_the_file_date(tmp_path: Path) -> None:
    row = letter(
        urn="80445",
        la="cambridgeshire",
        letter_date="",
        file_date="29 august 2025",
        visit="29 and 30 July 2025",
    )
    bundle = load(tmp_path, row)

    source = bundle.sources[1]
    assert (source.id, source.published_date, source.published_certainty) == (
        "letter:80445:2025-08-29",
        "2025-08-29",
        "on_or_before",
    )
    assert bundle.tenures[0].citations[0].certainty == "on_or_before"


def test_north_somersets_misprinted_date_line_is_not_taken_for_a_name(tmp_path: Path) -> None:
    block = "6 November 20205 | Claire Shiels | Director of Children’s Services | North Somerset Council"
    row = letter(
        urn="80528",
        la="north somerset",
        letter_date="",
        name="6 November 20205",
        status="check",
        block=block,
        file_date="06 november 2025",
        visit="7 and 8 October 2025",
    )
    bundle = load(tmp_path, row)

    (tenure,) = bundle.tenures
    assert (tenure.person_id, tenure.title, tenure.interim) == (
        "claire-shiels",
        "Director of Children’s Services",
        False,
    )
    assert tenure.citations[0].date == "2025-11-06"
    assert tenure.citations[0].quote == block


def test_a_sandwell_letter_names_the_dcs_and_the_trusts_chief_executive(tmp_path: Path) -> None:
    block = (
        "Sally Giles, Director of Children’s Services"
        " | Emma Taylor, Chief Executive, Sandwell Children’s Trust"
        " | Sandwell Metropolitan Borough Council"
    )
    row = letter(urn="80549", la="sandwell", letter_date="20 May 2025", status="check", block=block)
    bundle = load(tmp_path, row)

    (dcs,) = tenures_of(bundle, "sally-giles")
    (ceo,) = tenures_of(bundle, "emma-taylor")
    assert (dcs.role, dcs.organisation_id) == ("director_of_childrens_services", "council:333")
    assert (ceo.role, ceo.organisation_id, ceo.serves_council) == (
        "trust_chief_executive",
        "trust:sandwell-childrens-trust",
        "333",
    )
    assert [(o.id, o.name, o.kind) for o in bundle.organisations] == [
        ("trust:sandwell-childrens-trust", "Sandwell Children’s Trust", "trust")
    ]


def test_a_check_row_without_a_decision_is_reported(tmp_path: Path) -> None:
    row = letter(status="check", name="Chris Spencer Director of Children’s Services")

    assert problems(tmp_path, row) == [
        (2, "parse_status", "a 'check' row needs a decision in corrections/letter_decisions.csv")
    ]


def test_a_bad_letter_date_is_reported_with_its_row_and_column(tmp_path: Path) -> None:
    rows = (letter(), letter(letter_date="31 Novembre 2021", file_date="01 december 2021"))

    assert problems(tmp_path, *rows) == [
        (3, "letter_date", "expected a date like '20 November 2020', got '31 Novembre 2021'")
    ]


def test_a_letter_dated_before_its_visit_is_reported(tmp_path: Path) -> None:
    row = letter(letter_date="21 January 2019", visit="18 and 19 December 2019", file_date="21 january 2020")

    assert problems(tmp_path, row) == [
        (2, "letter_date", "letter dated 2019-01-21 is before the visit it reports (2019-12-19)")
    ]


def test_an_unknown_council_is_reported_with_its_row(tmp_path: Path) -> None:
    rows = (letter(), letter(urn="99999", la="atlantis"))

    assert problems(tmp_path, *rows) == [(3, "urn", "unknown council: no council has Ofsted URN '99999'")]


def test_every_problem_in_the_file_is_reported_at_once(tmp_path: Path) -> None:
    rows = (
        letter(urn="99999"),
        letter(letter_date="soon", file_date="01 june 2021"),
        letter(name="PO Box 20"),
    )

    assert [(row, column) for row, column, _ in problems(tmp_path, *rows)] == [
        (2, "urn"),
        (3, "letter_date"),
        (4, "addressee_name"),
    ]


def test_two_letters_to_one_council_on_one_date_are_reported(tmp_path: Path) -> None:
    assert problems(tmp_path, letter(), letter()) == [(3, "letter_date", "same council and date as row 2")]


def test_a_missing_column_is_reported_in_the_header_row(tmp_path: Path) -> None:
    columns = tuple(c for c in COLUMNS if c != "addressee_block")
    write_letters(tmp_path, [letter()], columns)

    with pytest.raises(LoadError) as exc:
        read_letters(tmp_path, COUNCILS)
    assert [(p.row, p.field) for p in exc.value.problems] == [(1, "addressee_block")]


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as exc:
        read_letters(tmp_path, COUNCILS)
    assert [(p.file, p.row) for p in exc.value.problems] == [(LETTERS_CSV, None)]


# Real data, read in place.


@pytest.fixture(scope="module")
def real() -> Bundle:
    data_dir = Settings().data_dir
    with (data_dir / "la_lookup/Provider_data_lookup.csv").open(newline="", encoding="utf-8-sig") as f:
        codes = {row["urn"]: row["la_code"] for row in csv.DictReader(f)}
    return read_letters(data_dir, UrnTable(codes))


def test_the_real_table_has_371_letters(real: Bundle) -> None:
    assert len(real.inspections) == 371
    assert len([s for s in real.sources if s.kind == "ofsted_letter"]) == 371


def test_gloucestershire_2020_letter_is_to_chris_spencer(real: Bundle) -> None:
    (tenure,) = [
        t for t in real.tenures if t.organisation_id == "council:916" and t.person_id == "chris-spencer"
    ]
    assert (tenure.title, tenure.interim) == ("Director of Children’s Services", False)
    assert [c.date for c in tenure.citations] == ["2020-11-20"]
    (visit,) = [i for i in real.inspections if i.citation.source_id == "letter:80470:2020-11-20"]
    assert (visit.council_code, visit.start_date, visit.end_date) == ("916", "2020-10-06", "2020-10-08")


def test_gloucestershire_2025_letter_is_to_ann_james(real: Bundle) -> None:
    (tenure,) = [t for t in real.tenures if t.organisation_id == "council:916" and t.person_id == "ann-james"]
    assert tenure.title == "Director of Children’s Services"
    assert [c.date for c in tenure.citations] == ["2025-02-21"]
    (visit,) = [i for i in real.inspections if i.citation.source_id == "letter:80470:2025-02-21"]
    assert (visit.start_date, visit.end_date) == ("2025-01-22", "2025-01-23")


def test_dudleys_misprinted_year_is_corrected_from_the_file_date(real: Bundle) -> None:
    (knowles,) = [
        t for t in real.tenures if t.organisation_id == "council:332" and t.person_id == "catherine-knowles"
    ]
    assert [(c.date, c.certainty) for c in knowles.citations] == [("2020-01-21", "on_or_before")]


def test_the_real_trusts_have_their_chief_executives(real: Bundle) -> None:
    ceos = sorted((t.person_id, t.organisation_id) for t in real.tenures if t.role == "trust_chief_executive")
    assert ceos == [
        ("andrew-fraser", "trust:slough-children-first"),
        ("eleni-ioannides", "trust:slough-childrens-trust"),
        ("emma-taylor", "trust:sandwell-childrens-trust"),
        ("james-thomas", "trust:doncaster-childrens-services-trust"),
        ("jill-colbert", "trust:together-for-children"),
        ("sue-butcher", "trust:slough-children-first"),
    ]


def test_only_the_blank_real_visit_sentences_leave_dates_unknown(real: Bundle) -> None:
    undated = [i for i in real.inspections if i.start_date is None]
    assert len(undated) == 4
    assert all(i.citation.quote.endswith("visit_sentence=") for i in undated)


def test_every_real_check_row_is_decided_and_every_decision_matches_a_real_letter() -> None:
    path = Settings().data_dir / LETTERS_CSV
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    keys = {(r["urn"], _file_date(r["source_path"])) for r in rows}
    checks = {(r["urn"], _file_date(r["source_path"])) for r in rows if r["parse_status"] == "check"}
    assert len(checks) == 9
    assert checks <= set(DECISIONS)
    assert set(DECISIONS) <= keys


def _file_date(source_path: str) -> str:
    printed = source_path.rsplit(" - ", 1)[1].removesuffix(".pdf")
    return datetime.strptime(printed, "%d %B %Y").date().isoformat()

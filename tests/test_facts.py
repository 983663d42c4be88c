"""Curated fact files: every quote checked against its seed article, then read into records."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.errors import LoadError
from graph.settings import PROJECT_ROOT, Settings
from loaders.facts import key_path, read_facts
from loaders.model import Bundle, PartialDate, TenureRecord

ARTICLE = """Council appoints new director

By Jo Reporter

The council has appointed Pat Example as director of children's services.
Pat Example will take up the role on 5 March.

Lee Sample, chief executive of the council, welcomed the appointment.

More from the site

2 Responses to Council appoints new director

  1. Reader A March 1, 2018 at 9:00 am #

    Pat Example is a great director and was chief executive of Elsewhere.

    • Reader B March 2, 2018 at 10:15 pm #

      Agreed.
"""

RELEASE = """Cookie notice: we use cookies.

Board meets

The improvement board met for the first time on 21st July.

Help us improve this site
"""


def fact_file() -> dict[str, Any]:
    """A small, valid fact file over the two seeds above."""
    return {
        "council": "916",
        "sources": [
            {
                "id": "art",
                "file": "article.txt",
                "kind": "news_article",
                "title": "Council appoints new director",
                "publisher": None,
                "publisher_certainty": None,
                "published": "2018-02-09",
                "published_precision": "day",
                "published_certainty": "stated",
                "byline": "Jo Reporter",
                "article_ends_before": "2 Responses to Council appoints new director",
                "body_starts_with": None,
                "body_ends_with": None,
                "comments": [
                    {
                        "id": "art-c1",
                        "author": "Reader A",
                        "posted": "2018-03-01T09:00",
                        "reply_to": None,
                        "starts_with": "Pat Example is a great director",
                    },
                    {
                        "id": "art-c2",
                        "author": "Reader B",
                        "posted": "2018-03-02T22:15",
                        "reply_to": "art-c1",
                        "starts_with": "Agreed.",
                    },
                ],
            },
            {
                "id": "rel",
                "file": "release.txt",
                "kind": "council_press_release",
                "title": "Board meets",
                "publisher": "Example Council",
                "publisher_certainty": "stated",
                "published": "2017-09-12",
                "published_precision": "day",
                "published_certainty": "stated",
                "byline": None,
                "article_ends_before": None,
                "body_starts_with": "Board meets",
                "body_ends_with": "met for the first time on 21st July.",
                "comments": [],
            },
        ],
        "people": [
            {"id": "pat-example", "name": "Pat Example", "name_in_source": "Pat Example"},
            {"id": "lee-sample", "name": "Lee Sample", "name_in_source": "Lee Sample"},
        ],
        "organisations": [
            {
                "id": "dfe",
                "name": "Department for Education",
                "kind": "government_department",
                "council_code": None,
            }
        ],
        "tenures": [
            {
                "id": "dcs-pat",
                "person": "pat-example",
                "role": "director_of_childrens_services",
                "title": "director of children's services",
                "organisation": "council:916",
                "interim": None,
                "start": {"date": "2018-03-05", "precision": "day", "certainty": "planned"},
                "end": None,
                "evidence": [
                    {
                        "source": "art",
                        "kind": "takes_up_post",
                        "date": "2018-03-05",
                        "precision": "day",
                        "date_certainty": "planned",
                        "quote": "Pat Example will take up the role on 5 March.",
                    }
                ],
            },
            {
                "id": "ceo-lee",
                "person": "lee-sample",
                "role": "chief_executive",
                "title": "chief executive",
                "organisation": "council:916",
                "interim": None,
                "start": None,
                "end": None,
                "evidence": [
                    {
                        "source": "art",
                        "kind": "in_post_on",
                        "date": "2018-02-09",
                        "precision": "day",
                        "quote": "Lee Sample, chief executive of the council,",
                    }
                ],
            },
        ],
        "previous_roles": [],
        "improvement_notices": [],
        "improvement_boards": [
            {
                "id": "board-1",
                "council": "916",
                "first_meeting": {"date": "2017-07-21", "precision": "day"},
                "chair": None,
                "evidence": [
                    {"source": "rel", "quote": "The improvement board met for the first time on 21st July."}
                ],
                "members": [],
            }
        ],
    }


def write(tmp_path: Path, facts: dict[str, Any]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "release.txt").write_text(RELEASE, encoding="utf-8")
    path = tmp_path / "facts.yaml"
    path.write_text(yaml.safe_dump(facts, allow_unicode=True), encoding="utf-8")
    return path


def load(tmp_path: Path, facts: dict[str, Any], councils: set[str] | None = None) -> Bundle:
    return read_facts(write(tmp_path, facts), tmp_path / "seeds", councils or {"916"})


def problems(
    tmp_path: Path, facts: dict[str, Any], councils: set[str] | None = None
) -> list[tuple[str | None, str]]:
    with pytest.raises(LoadError) as exc:
        load(tmp_path, facts, councils)
    assert {(p.file, p.row) for p in exc.value.problems} == {("facts.yaml", None)}
    return [(p.field, p.reason) for p in exc.value.problems]


def test_a_good_file_gives_sources_comments_people_tenures_and_boards(tmp_path: Path) -> None:
    bundle = load(tmp_path, fact_file())

    assert [(s.id, s.kind, s.comment_on, s.reply_to) for s in bundle.sources] == [
        ("art", "news_article", None, None),
        ("art-c1", "reader_comment", "art", None),
        ("art-c2", "reader_comment", "art", "art-c1"),
        ("rel", "council_press_release", None, None),
    ]
    assert bundle.sources[0].author == "Jo Reporter"
    assert (bundle.sources[2].author, bundle.sources[2].published_date) == ("Reader B", "2018-03-02")
    assert [p.id for p in bundle.people] == ["pat-example", "lee-sample"]
    pat = bundle.tenures[0]
    assert pat.start == PartialDate("2018-03-05", "day", "planned")
    (citation,) = pat.citations
    assert (citation.source_id, citation.evidence, citation.date, citation.certainty) == (
        "art",
        "takes_up_post",
        "2018-03-05",
        "planned",
    )
    assert citation.field == "tenures[0].evidence[0]"
    (board,) = bundle.boards
    assert (board.id, board.council_code, board.first_meeting) == (
        "board:board-1",
        "916",
        PartialDate("2017-07-21", "day"),
    )
    assert [(o.id, o.kind) for o in bundle.organisations] == [("dfe", "government_department")]


def test_a_quote_not_in_the_seed_is_reported_at_its_key_path(tmp_path: Path) -> None:
    facts = fact_file()
    facts["tenures"][1]["evidence"][0]["quote"] = "Lee Sample, chief executive since 2005,"

    assert problems(tmp_path, facts) == [("tenures[1].evidence[0].quote", "quote not found in the seed file")]


def test_a_quote_found_only_in_a_reader_comment_is_refused(tmp_path: Path) -> None:
    facts = fact_file()
    facts["previous_roles"] = [
        {
            "id": "pat-elsewhere",
            "person": "pat-example",
            "organisation": "dfe",
            "role": "chief_executive",
            "title": None,
            "evidence": [
                {
                    "source": "art",
                    "kind": "previous_role",
                    "date": None,
                    "precision": None,
                    "quote": "was chief executive of Elsewhere.",
                }
            ],
        }
    ]

    assert problems(tmp_path, facts) == [
        ("previous_roles[0].evidence[0].quote", "quote is in a reader comment, not the article")
    ]


def test_a_quote_in_site_furniture_is_refused(tmp_path: Path) -> None:
    facts = fact_file()
    facts["improvement_boards"][0]["evidence"].append({"source": "rel", "quote": "Help us improve this site"})

    assert problems(tmp_path, facts) == [
        ("improvement_boards[0].evidence[1].quote", "quote is in the page's site furniture, not the article")
    ]


def test_a_reader_comment_cannot_be_cited_as_a_source_of_facts(tmp_path: Path) -> None:
    facts = fact_file()
    facts["tenures"][0]["evidence"][0]["source"] = "art-c1"

    assert problems(tmp_path, facts) == [
        ("tenures[0].evidence[0].source", "'art-c1' is a reader comment; comments are never cited as facts")
    ]


def test_quotes_match_across_line_breaks_and_repeated_spaces(tmp_path: Path) -> None:
    facts = fact_file()
    facts["tenures"][0]["evidence"][0]["quote"] = (
        "director of children's services. Pat   Example will take up"
    )

    assert load(tmp_path, facts).tenures[0].citations[0].quote.startswith("director of children's services.")


def test_an_unknown_council_is_reported(tmp_path: Path) -> None:
    facts = fact_file()
    facts["tenures"][1]["organisation"] = "council:999"

    assert problems(tmp_path, facts) == [
        ("tenures[1].organisation", "unknown council: no council has DfE code '999'")
    ]


def test_an_unknown_person_is_reported(tmp_path: Path) -> None:
    facts = fact_file()
    facts["tenures"][1]["person"] = "lee-sampel"

    assert problems(tmp_path, facts) == [("tenures[1].person", "unknown person 'lee-sampel'")]


def test_every_problem_in_the_file_is_reported_at_once(tmp_path: Path) -> None:
    facts = fact_file()
    facts["council"] = "999"
    facts["tenures"][0]["organisation"] = "nobody"
    facts["tenures"][1]["evidence"][0]["date"] = "2018-02-30"
    facts["people"].append({"id": "pat-example", "name": "Pat Example", "name_in_source": "Pat Example"})
    facts["sources"][1]["file"] = "missing.txt"

    assert [field for field, _ in problems(tmp_path, facts)] == [
        "council",
        "sources[1].file",
        "people[2].id",
        "tenures[0].organisation",
        "tenures[1].evidence[0].date",
    ]


def test_a_bad_role_is_reported_at_its_key_path(tmp_path: Path) -> None:
    facts = fact_file()
    facts["tenures"][1]["role"] = "supreme_leader"

    ((field, reason),) = problems(tmp_path, facts)
    assert field == "tenures[1].role"
    assert reason.startswith("Input should be")


def test_a_misspelt_key_is_reported_not_ignored(tmp_path: Path) -> None:
    facts = fact_file()
    facts["tenures"][1]["intrim"] = True

    assert problems(tmp_path, facts) == [("tenures[1].intrim", "Extra inputs are not permitted")]


def test_a_comment_that_is_really_article_text_is_reported(tmp_path: Path) -> None:
    facts = fact_file()
    facts["sources"][0]["comments"][1]["starts_with"] = "Lee Sample, chief executive"

    assert problems(tmp_path, facts) == [
        ("sources[0].comments[1].starts_with", "comment text is in the body, not among the reader comments")
    ]


def test_key_paths_read_like_the_file() -> None:
    assert key_path(("tenures", 3, "evidence", 0, "quote")) == "tenures[3].evidence[0].quote"
    assert key_path(()) is None


# The real curated file, read in place against the real seeds.


@pytest.fixture(scope="module")
def real() -> Bundle:
    settings = Settings()
    with (settings.data_dir / "la_lookup/Provider_data_lookup.csv").open(
        newline="", encoding="utf-8-sig"
    ) as f:
        codes = {row["la_code"] for row in csv.DictReader(f)}
    return read_facts(PROJECT_ROOT / "facts/gloucestershire_2017_2018.yaml", settings.seeds_dir, codes)


def tenure(bundle: Bundle, person: str, organisation: str) -> TenureRecord:
    (found,) = [t for t in bundle.tenures if t.person_id == person and t.organisation_id == organisation]
    return found


def test_chris_spencer_is_the_permanent_dcs_from_5_march_2018_planned(real: Bundle) -> None:
    dcs = tenure(real, "chris-spencer", "council:916")
    assert (dcs.role, dcs.interim) == ("director_of_childrens_services", False)
    assert dcs.start == PartialDate("2018-03-05", "day", "planned")
    previous = {t.organisation_id: t for t in real.tenures if t.person_id == "chris-spencer" and t is not dcs}
    assert set(previous) == {"council:317", "council:312", "council:871"}
    for role in previous.values():
        assert [(c.source_id, c.evidence) for c in role.citations] == [("seed-002", "previous_role")]


def test_peter_bungard_is_the_chief_executive(real: Bundle) -> None:
    ceo = tenure(real, "peter-bungard", "council:916")
    assert (ceo.role, ceo.title) == ("chief_executive", "chief executive")
    assert [c.source_id for c in ceo.citations] == ["seed-001"]


def test_john_goldup_is_the_dfe_adviser_and_a_board_member(real: Bundle) -> None:
    adviser = tenure(real, "john-goldup", "dfe")
    assert (adviser.role, adviser.serves_council) == ("dfe_adviser", "916")
    member = tenure(real, "john-goldup", "board:gloucestershire-improvement-board-2017")
    assert member.role == "improvement_board_member"
    assert [c.evidence for c in member.citations] == ["member_of"]
    assert [o.kind for o in real.organisations if o.id == "dfe"] == ["government_department"]


def test_alison_williams_was_interim_dcs_after_prospects(real: Bundle) -> None:
    dcs = tenure(real, "alison-williams", "council:916")
    assert (dcs.role, dcs.interim) == ("director_of_childrens_services", True)
    before = tenure(real, "alison-williams", "prospects")
    assert before.title == "director of young people and families"


def test_the_notice_and_the_board(real: Bundle) -> None:
    (notice,) = real.notices
    assert (notice.council_code, notice.kind) == ("916", "improvement_notice")
    assert notice.issued == PartialDate("2017-08-14", "day", "on_or_before")
    assert notice.review_interval == "at least every six months"
    (board,) = real.boards
    assert board.first_meeting == PartialDate("2017-07-21", "day")
    assert board.council_code == "916"


def test_no_reader_comment_is_cited_as_an_article_fact(real: Bundle) -> None:
    comments = {s.id for s in real.sources if s.kind == "reader_comment"}
    cited = [c.source_id for t in real.tenures for c in t.citations]
    cited += [c.source_id for p in real.people for c in p.citations]
    cited += [c.source_id for n in real.notices for c in n.citations]
    cited += [c.source_id for b in real.boards for c in b.citations]
    assert len(comments) == 7
    assert cited
    assert not comments & set(cited)

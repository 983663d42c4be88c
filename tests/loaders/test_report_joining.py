"""A report's unnamed "in post since" sentence joins a named holder only by a stated rule."""

from __future__ import annotations

from dataclasses import replace

from loaders.model import Citation, PartialDate, TenureRecord
from loaders.reports.leadership import attach_unnamed

DCS = "director_of_childrens_services"
COUNCIL = "council:999"


def sentence(since: str, as_of: str = "2017-03-10", interim: bool | None = None) -> TenureRecord:
    """A report's unnamed tenure: "The DCS has been in post since <since>", read at as_of."""
    return TenureRecord(
        id=f"report-dcs-{since}",
        person_id=None,
        role=DCS,
        title="director of children's services",
        organisation_id=COUNCIL,
        interim=interim,
        citations=[
            Citation("pdf:abc", "The DCS has been in post since ...", page=5, evidence="in_post_since",
                     date=since, precision="month"),
            Citation("pdf:abc", "The DCS has been in post since ...", page=5, evidence="in_post_on",
                     date=as_of, precision="day"),
        ],
    )  # fmt: skip


def holder(person: str, *evidence: tuple[str, str, str | None], start: str | None = None) -> TenureRecord:
    """A named tenure from a published page: (evidence kind, date, certainty) per citation."""
    return TenureRecord(
        id=f"web-{person}",
        person_id=person,
        role=DCS,
        title=None,
        organisation_id=COUNCIL,
        interim=None,
        start=PartialDate(start, "month") if start else None,
        citations=[
            Citation("web:x", None, evidence=kind, date=day, precision="month" if len(day) == 7 else "day",
                     certainty=certainty, note="page states it")  # type: ignore[arg-type]
            for kind, day, certainty in evidence
        ],
    )  # fmt: skip


def holders_of(joined: list[TenureRecord]) -> list[str | None]:
    return [t.person_id for t in joined]


def test_a_named_start_in_the_sentences_month_joins_even_years_before_the_report() -> None:
    # The only published evidence is the start, 2016-10; the report, months later, says "since October 2016".
    named = holder("ann-lee", ("takes_up_post", "2016-10", None), start="2016-10")
    assert holders_of(attach_unnamed([sentence("2016-10")], [named])) == ["ann-lee"]


def test_a_start_in_another_month_or_only_a_year_joins_nothing() -> None:
    other_month = holder("ann-lee", ("takes_up_post", "2016-09", None), start="2016-09")
    assert holders_of(attach_unnamed([sentence("2016-10")], [other_month])) == [None]
    year_only = TenureRecord(
        id="web-bo", person_id="bo-ray", role=DCS, title=None, organisation_id=COUNCIL, interim=None,
        start=PartialDate("2016", "year"),
        citations=[Citation("web:x", None, evidence="takes_up_post", date="2016", precision="year")],
    )  # fmt: skip
    assert holders_of(attach_unnamed([sentence("2016")], [year_only])) == [None]


def test_an_appointment_or_a_start_known_only_as_had_happened_by_is_not_a_start() -> None:
    appointed = holder("ann-lee", ("appointed", "2016-10", None))
    by_then = holder("cy-moss", ("takes_up_post", "2016-10-20", "on_or_before"))
    assert holders_of(attach_unnamed([sentence("2016-10")], [appointed])) == [None]
    assert holders_of(attach_unnamed([sentence("2016-10")], [by_then])) == [None]


def test_two_holders_starting_in_that_month_leave_the_holder_unknown() -> None:
    first = holder("ann-lee", ("takes_up_post", "2016-10", None), start="2016-10")
    second = holder("bo-ray", ("takes_up_post", "2016-10", None), start="2016-10")
    assert holders_of(attach_unnamed([sentence("2016-10")], [first, second])) == [None]


def test_an_interim_sentence_does_not_join_a_permanent_holder() -> None:
    permanent = holder("ann-lee", ("takes_up_post", "2016-10", None), start="2016-10")
    permanent.interim = False
    assert holders_of(attach_unnamed([sentence("2016-10", interim=True)], [permanent])) == [None]


def test_a_month_counted_back_from_a_relative_phrase_joins_no_start_issue_18() -> None:
    # "The director of children's services has been in post for 20 months" (rotherham/2022-08-12 p.9):
    # October 2020 is counted back, not stated, so a start in October 2020 does not name the holder,
    # and two such sentences are not taken for one holder.
    counted = sentence("2020-10", as_of="2022-06-10")
    counted.citations[0] = replace(counted.citations[0], certainty="approximate")
    started = holder("pat-lee", ("takes_up_post", "2020-10", None))
    assert holders_of(attach_unnamed([counted], [started])) == [None]
    assert holders_of(attach_unnamed([sentence("2020-10", as_of="2022-06-10")], [started])) == ["pat-lee"]
    again = replace(counted, id="again", citations=list(counted.citations))
    assert len(attach_unnamed([counted, again], [])) == 2

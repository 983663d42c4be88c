"""How a report's leadership statements become tenures (issue 18): approximate dates, a previous
holder's start and end, "left", "has changed", and a combined role, each from real report sentences."""

# Reports print curly apostrophes.
# ruff: noqa: RUF001, E501

from __future__ import annotations

from datetime import date

from loaders.model import Bundle, PartialDate, SourceRecord
from loaders.report_pdf import Report
from loaders.report_read.adapter import statement
from loaders.report_read.leaders import leader_facts
from loaders.reports.leadership import read_leadership
from loaders.reports.place import Placed
from loaders.write.rows import tenure_row

SOURCE = SourceRecord("pdf:test", "ofsted_report")
DCS = "director_of_childrens_services"


def tenures_of(pages: list[str], last_day: str) -> Bundle:
    report = Report("test.pdf", "ab" * 32, len(pages), "sif_inspection_report", None)  # type: ignore[arg-type]
    facts = leader_facts(pages, date.fromisoformat(last_day))
    report.leaders = [s for f in facts if (s := statement(f)) is not None]
    bundle = Bundle()
    read_leadership(report, "916", Placed(None, None, "2022-05-30", last_day), SOURCE, bundle)
    return bundle


def test_a_start_counted_back_from_a_relative_phrase_is_marked_approximate() -> None:
    # rotherham/2022-08-12 p.9: the inspection's last day was 10 June 2022.
    (tenure,) = tenures_of(
        ["The director of children’s services has been in post for 20 months."], "2022-06-10"
    ).tenures
    row = tenure_row(tenure)["props"]
    assert (row["start_date"], row["start_precision"], row["start_certainty"]) == (
        "2020-10",
        "month",
        "approximate",
    )
    assert (row["known_from"], row["known_to"]) == ("2020-10", "2022-06-10")
    # gloucestershire/2025-08-04 p.1: a start, approximate, from "took up post two years ago".
    (took,) = tenures_of(
        [
            "Under the current director of children’s services, who took up post two years ago, the pace of improvement has accelerated."
        ],
        "2025-06-20",
    ).tenures
    assert took.start == PartialDate("2023", "year", "approximate")
    assert [c.certainty for c in took.citations] == ["approximate"]


def test_a_previous_holders_start_and_end_make_one_tenure_never_in_post_at_the_report() -> None:
    # manchester/2014-09-03 p.12.
    (chair,) = tenures_of(
        [
            "The Chair of the Local Safeguarding Children Board (LSCB), who had been in post since January 2009, left in June 2014."
        ],
        "2014-07-25",
    ).tenures
    assert chair.role == "safeguarding_board_chair"
    assert chair.person_id is None
    assert chair.end == PartialDate("2014-06", "month")
    assert sorted(c.evidence or "" for c in chair.citations) == ["in_post_since", "left"]
    row = tenure_row(chair)["props"]
    assert (row["known_from"], row["known_to"]) == ("2009-01", "2014-06")
    # leicester/2015-03-20 p.7: an end, and nothing else.
    (left,) = tenures_of(["The previous permanent DCS left the authority in May 2013."], "2015-02-06").tenures
    assert (left.role, left.start, left.end) == (DCS, None, PartialDate("2013-05", "month"))


def test_has_changed_in_recent_weeks_is_the_new_holders_approximate_start() -> None:
    (ceo,) = tenures_of(["The chief executive has changed in recent weeks."], "2024-07-12").tenures
    assert ceo.start == PartialDate("2024-07", "month", "approximate")


def test_a_combined_role_is_cited_on_the_reports_tenure_of_the_post() -> None:
    # darlington/2018-05-21 p.5.
    bundle = tenures_of(
        [
            "The director of children’s services (DCS) has been in post since December 2015. "
            "The DCS is also responsible for education services, adult services and public health services. "
            "The chief executive has been in post since August 2005."
        ],
        "2018-03-22",
    )
    dcs, ceo = bundle.tenures
    combined = [c for c in dcs.citations if c.field == "combined_role"]
    assert [(c.value, c.evidence, c.page) for c in combined] == [
        ("education services, adult services and public health services", None, 1)
    ]
    assert not [c for c in ceo.citations if c.field == "combined_role"]


def test_facts_with_no_date_and_unnamed_lead_members_are_not_placed() -> None:
    bundle = tenures_of(
        [
            "Recently, a director of children’s services (DCS) was appointed and she has started to recruit a new management team. "
            "The lead member for children’s services has been in post since May 2013."
        ],
        "2018-06-29",
    )
    assert bundle.tenures == []

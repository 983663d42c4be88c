"""The leadership-sentence reader on sentences as Ofsted reports print them (file and page noted)."""

# ruff: noqa: RUF001, E501

from __future__ import annotations

from datetime import date

from loaders.report_read.leaders import LeaderFact, join_names, leader_facts, sentence_facts, sentences


def facts(sentence: str, reference: date | None = None) -> list[tuple[object, ...]]:
    return [
        (f.role, f.kind, f.date, f.precision, f.certainty, f.interim, f.previous, f.name, f.also)
        for f in sentence_facts(sentence, 5, reference)
    ]


DCS = "director_of_childrens_services"
CHAIR = "safeguarding_board_chair"


def test_sif_local_leadership_block_gives_each_post_its_since_date() -> None:
    # darlington/2018-05-21, page 5: the bullets of "Local leadership", as PDFium extracts them.
    page = (
        "Local leadership\n\uf06e The director of children’s services (DCS) has been in post since December 2015.\n"
        "\uf06e The DCS is also responsible for education services, adult services and public health services.\n"
        "\uf06e The chief executive has been in post since August 2005.\n"
    )
    found = leader_facts([page, page], None)
    assert [(f.page, f.role, f.kind, f.date, f.also) for f in found] == [
        (1, DCS, "in_post_since", "2015-12", None),
        (1, DCS, "combined_role", None, "education services, adult services and public health services"),
        (1, "chief_executive", "in_post_since", "2005-08", None),
        (2, DCS, "in_post_since", "2015-12", None),
        (2, DCS, "combined_role", None, "education services, adult services and public health services"),
        (2, "chief_executive", "in_post_since", "2005-08", None),
    ]
    assert found[0].quote == "The director of children’s services (DCS) has been in post since December 2015."
    assert found[0].title == "director of children’s services (DCS)"


def test_interim_then_substantive_gives_two_facts() -> None:
    # The issue's form, and birmingham/2014-05-23 p.11's own wording of it.
    assert facts(
        "The DCS has been in post since October 2011 in an interim capacity and April 2012 as substantive."
    ) == [
        (DCS, "in_post_since", "2011-10", "month", "stated", True, False, None, None),
        (DCS, "in_post_since", "2012-04", "month", "stated", False, False, None, None),
    ]
    birmingham = facts(
        "The Director of Children’s Services has been in post since July 2013, initially in an interim capacity "
        "and, since December 2013, as the Director for People, which includes children’s services."
    )
    assert [(f[2], f[5]) for f in birmingham] == [("2013-07", True), ("2013-12", False)]


def test_acting_then_permanently_recruited() -> None:
    # wirral/2016-09-20, page 5.
    assert [
        (f[2], f[5])
        for f in facts(
            "The director of children’s services was acting in the post from June 2012 and was permanently recruited in April 2013."
        )
    ] == [("2012-06", True), ("2013-04", False)]


def test_a_name_printed_beside_the_post_is_the_holder() -> None:
    found = facts(
        "The director of children’s services (DCS), Jane Smith, has been in post since October 2016."
    )
    assert found == [(DCS, "in_post_since", "2016-10", "month", "stated", None, False, "Jane Smith", None)]


def test_words_that_are_not_a_name_are_not_taken_for_one() -> None:
    # bexley/2014-05-23 p.11: the appositive is a post, not a person.
    found = facts(
        "The Director of Children’s Services, Education and Social Care, has been in post since April 2011."
    )
    assert [f[7] for f in found] == [None]


def test_appointed_in_a_month_is_a_start_date() -> None:
    # st_helens/2019 (the example) and kingston_upon_hull/2019-05-17 p.1.
    assert facts("A new DCS was appointed in June 2018.") == [
        (DCS, "appointed", "2018-06", "month", "stated", None, False, None, None)
    ]
    assert facts("A new director of children’s services (DCS) was appointed in May 2017.")[0][2] == "2017-05"
    # reading/2016-08-05 p.4: the appointment in passing.
    assert facts(
        "The current director of children’s services, appointed in February 2016, has very recently completed appointments."
    )[0][1:3] == ("appointed", "2016-02")


def test_leading_date_dates_an_appointment() -> None:
    # tameside/2024-02-13 p.10.
    found = facts(
        "In August 2023, a new director of children’s services (DCS), with experience of improving services for "
        "children, was appointed, along with a new experienced senior leadership team."
    )
    assert found[0][:3] == (DCS, "appointed", "2023-08")


def test_took_up_post_and_came_into_post() -> None:
    # kirklees/2016-11-25 p.27; knowsley/2025-01-20 p.12; tower_hamlets/2017-04-07 p.2.
    assert facts("The director of children and young people’s services took up post in April 2016.")[0][
        :3
    ] == (
        DCS,
        "takes_up_post",
        "2016-04",
    )
    assert (
        facts("The current DCS came into post in January 2024, bringing enthusiasm to the role.")[0][2]
        == "2024-01"
    )
    interim = facts(
        "The DCS took up an interim position in July 2015 before her permanent appointment in March 2016."
    )
    assert interim[0][:3] == (DCS, "takes_up_post", "2015-07")
    assert interim[0][5] is True


def test_relative_dates_count_back_from_the_reference_and_are_approximate() -> None:
    # gloucestershire/2025-08-04 p.1 (last day 16 May 2025); gateshead/2019-06-11 p.9; rotherham/2022 p.9.
    last_day = date(2025, 5, 16)
    assert facts(
        "Under the current director of children’s services, who took up post two years ago, the pace of improvement has accelerated.",
        last_day,
    ) == [(DCS, "takes_up_post", "2023", "year", "approximate", None, False, None, None)]
    assert facts(
        "Since the DCS came into post 18 months ago, she quickly identified the key weaknesses.",
        date(2019, 4, 12),
    )[0][2:5] == (
        "2017-10",
        "month",
        "approximate",
    )
    assert facts("The director of children’s services has been in post for 20 months.", date(2022, 6, 10))[0][
        1:5
    ] == (
        "in_post_since",
        "2020-10",
        "month",
        "approximate",
    )
    # Without a reference date the phrase gives the fact but no date.
    assert facts("The director of children’s services has been in post for 20 months.")[0][2] is None
    # "several years" counts nothing.
    assert facts("The DCS has been in post for several years.", last_day)[0][2] is None


def test_appointment_of_the_post_some_months_ago() -> None:
    # leicestershire/2019-11-04 p.10; medway/2013-08-23 p.6.
    assert facts(
        "There has been a noticeable increase in the pace of improvement activity since the appointment of the "
        "current director of children’s services 12 months ago.",
        date(2019, 9, 20),
    )[0][1:5] == ("appointed", "2018-09", "month", "approximate")
    assert facts(
        "Since the appointment of the Director of Children’s Services (DCS) in September 2012, an increasing clarity of service priorities has been developed."
    )[0][1:3] == ("appointed", "2012-09")


def test_changed_in_recent_weeks_and_this_year() -> None:
    # suffolk/2024-08-21 p.10 (last day 12 July 2024).
    assert facts("The lead member for children has also changed this year.", date(2024, 7, 12)) == [
        ("lead_member", "changed", "2024", "year", "stated", None, False, None, None)
    ]
    assert facts("The chief executive has changed in recent weeks.", date(2024, 7, 12))[0][1:5] == (
        "changed",
        "2024-07",
        "month",
        "approximate",
    )


def test_previous_holder_left_and_served() -> None:
    # leicester/2015-03-20 p.7; manchester/2014-09-03 p.12.
    assert facts("The previous permanent DCS left the authority in May 2013.") == [
        (DCS, "left", "2013-05", "month", "stated", False, True, None, None)
    ]
    assert [
        (f[0], f[1], f[2], f[6])
        for f in facts(
            "The Chair of the Local Safeguarding Children Board (LSCB), who had been in post since January 2009, left in June 2014."
        )
    ] == [(CHAIR, "in_post_since", "2009-01", True), (CHAIR, "left", "2014-06", True)]
    # doncaster/2018-01-19 p.4: "The previous chair" alone does not say of what; nothing is read.
    assert facts("The previous chair served from January 2014 to October 2017.") == []


def test_trust_chief_executive_and_board_chairs() -> None:
    # doncaster/2018-01-19 p.4; sunderland/2018-07-25 p.5; barnsley/2014-08-08 p.34.
    assert facts("The chief executive of the trust has been in post since July 2014.")[0][:3] == (
        "trust_chief_executive",
        "in_post_since",
        "2014-07",
    )
    assert facts(
        "The chair of the Sunderland Safeguarding Children Board (SSCB) has been in post since May 2017."
    )[0][:3] == (CHAIR, "in_post_since", "2017-05")
    assert facts("The chair of the LSCB has been in post since 2009.")[0][2:4] == ("2009", "year")


def test_combined_dcs_and_adults_role_in_a_who_clause() -> None:
    # devon/2015-05-12 p.11.
    found = facts(
        "The Director of Children’s Services, who is also the Director of Adults Social Services, has been in post since 27 May 2011."
    )
    assert [(f[1], f[2], f[3], f[8]) for f in found] == [
        ("combined_role", None, None, "Director of Adults Social Services"),
        ("in_post_since", "2011-05-27", "day", None),
    ]


def test_a_post_the_sentence_does_not_identify_gives_nothing() -> None:
    # gateshead/2016-03-11 p.5 and knowsley/2014-06-30 p.12: a director, but not said to be the DCS.
    assert (
        facts("The strategic director of care, wellbeing and learning has been in post since October 2014.")
        == []
    )
    assert facts("The Director of People’s Services took up post on 1 October 2013.") == []
    # The assistant director is not a post this reader knows; the head of service is not either.
    assert facts("The head of service has been in post for a year and has filled a vacuum.") == []


def test_sentences_undo_bullets_headings_and_paragraph_numbers() -> None:
    page = "12 Other information about this area \uf0b7 The Director of Children’s Services has been in post since August 2012. 45.The chair of the LSCB retired."
    assert sentences(page) == [
        "The Director of Children’s Services has been in post since August 2012.",
        "The chair of the LSCB retired.",
    ]


def test_join_names_only_when_the_report_names_one_holder() -> None:
    named = LeaderFact(
        DCS, "DCS", "in_post_since", "2016-10", "month", "stated", None, False, "Jane Smith", None, 5, "q"
    )
    unnamed = LeaderFact(
        DCS, "DCS", "combined_role", None, None, "stated", None, False, None, "adult services", 5, "q"
    )
    previous = LeaderFact(DCS, "DCS", "left", "2013-05", "month", "stated", None, True, None, None, 7, "q")
    assert [f.name for f in join_names([named, unnamed, previous])] == ["Jane Smith", "Jane Smith", None]
    other = LeaderFact(
        DCS, "DCS", "appointed", "2017-01", "month", "stated", None, False, "John Brown", None, 9, "q"
    )
    assert [f.name for f in join_names([named, unnamed, other])] == ["Jane Smith", None, "John Brown"]
    assert [f.name for f in join_names([unnamed])] == [None]


def test_other_titles_naming_a_director_post_and_childrens_services_are_the_dcs() -> None:
    # enfield/2015-03-27 p.11; the others as printed in focused-visit letters and reports of the corpus.
    assert facts("The Director of Schools and Children’s Services has been in post since January 2009.") == [
        (DCS, "in_post_since", "2009-01", "month", "stated", None, False, None, None)
    ]
    for title in (
        "Corporate Director, Children’s Services",
        "Strategic Director, Children and Families",
        "Director of Children and Young People",
        "Corporate Director of Children and Adults Services",
        "Executive Director for Children, Families and Education",
        "Corporate Director for Children and Culture",
    ):
        assert facts(f"The {title} has been in post since May 2015.")[0][:3] == (
            DCS,
            "in_post_since",
            "2015-05",
        ), title


def test_an_assistant_or_deputy_is_not_the_post_their_title_names() -> None:
    assert facts("The Assistant Director for Children’s Services has been in post since May 2015.") == []
    assert facts("The deputy chief executive has been in post since May 2015.") == []
    assert facts("The service director, children and families, has been in post since May 2015.") == []


def test_a_title_in_other_words_is_not_the_dcs_where_the_sentence_names_the_dcs_otherwise() -> None:
    # southwark/2017-06-13 p.29: the director of children and families' services is not the statutory DCS.
    found = facts(
        "The strategic director of children’s and adult services, the statutory DCS, was appointed in October 2014, "
        "and a director of children and families’ services was appointed in June 2016."
    )
    # (The post and "the statutory DCS" set off after it both say it.)
    assert {(f[0], f[1], f[2]) for f in found} == {(DCS, "appointed", "2014-10")}
    # lancashire/2018-08-17 p.5: the executive director took the statutory role from the DCS later.
    assert (
        facts(
            "The interim executive director of education and children’s services has been in post since January "
            "2018 and took responsibility for the statutory role of DCS from the director of children’s services in March 2018."
        )
        == []
    )


def local(pages: list[str]) -> list[tuple[object, ...]]:
    return [
        (f.page, f.role, f.kind, f.date, f.title, f.also, f.quote, f.basis_page, f.basis)
        for f in leader_facts(pages)
    ]


def test_a_local_title_the_report_calls_the_dcs_elsewhere_is_read_as_the_dcs_with_that_basis() -> None:
    # gateshead/2016-03-11 pp.5 and 29.
    in_post = "The strategic director of care, wellbeing and learning has been in post since October 2014."
    called = "The Strategic Director of Care, Wellbeing and Learning (DCS) has approached challenges in a sustained way."
    assert local([f"Local leadership {in_post}", "Other matters.", called]) == [
        (
            1,
            DCS,
            "in_post_since",
            "2014-10",
            "strategic director of care, wellbeing and learning",
            None,
            in_post,
            3,
            called,
        )
    ]
    # Without the page that says so, the title is no post this reader knows.
    assert local([in_post]) == []


def test_the_post_includes_the_dcs_after_a_sentence_about_the_post() -> None:
    # bristol/2014-12-05 p.11.
    in_post = "The Strategic Director for People has been in post since January 2014."
    includes = "The post includes the roles and responsibilities of the Director of Children’s Services."
    assert local([f"{in_post} {includes}"]) == [
        (1, DCS, "in_post_since", "2014-01", "Strategic Director for People", None, in_post, 1, includes)
    ]


def test_the_statutory_function_and_the_current_post_holder() -> None:
    # southampton/2014-09-15 p.13.
    statutory = "The Director of People provides the statutory function of Director of Children’s Services."
    holder = "The current post holder has been in post since April 2013."
    assert local([f"{statutory} {holder}"]) == [
        (1, DCS, "in_post_since", "2013-04", "Director of People", None, f"{statutory} {holder}", None, None)
    ]


def test_a_director_responsible_for_childrens_services_in_the_sentence_itself() -> None:
    # sunderland/2015-07-20 p.3; staffordshire/2014-03-21 p.8 (a combined post).
    took = "The Executive Director of People Services in Sunderland took responsibility for children’s services in September 2013."
    assert local([took]) == [
        (1, DCS, "takes_up_post", "2013-09", "Executive Director of People Services", None, took, None, None)
    ]
    both = (
        "The Director of People and Deputy Chief Executive is responsible for both adult and children’s social care "
        "and has been in post since November 2010."
    )
    title = "Director of People and Deputy Chief Executive"
    assert local([both]) == [
        (1, DCS, "combined_role", None, title, "both adult and children’s social care", both, None, None),
        (1, DCS, "in_post_since", "2010-11", title, None, both, None, None),
    ]


def test_a_director_the_report_never_calls_the_dcs_gives_nothing() -> None:
    # knowsley/2014-06-30 p.12 and p.27; slough/2014-02-14 p.10: the reports never say the post is the DCS.
    assert (
        local(
            [
                "The Director of People’s Services took up post on 1 October 2013.",
                "A test of assurance in relation to the dual nature of the responsibilities of the Director of People’s post has not yet been undertaken.",
                "The Strategic Director Wellbeing has been in post since July 2012",
            ]
        )
        == []
    )


def test_she_continues_the_sentence_before_when_it_opens_with_one_post() -> None:
    # west_berkshire/2015-05-18 p.10.
    also = "The Director of Children’s Services also has responsibility for adult services."
    she = "She has been in post since March 2013."
    assert local([f"{also} {she}"]) == [
        (
            1,
            DCS,
            "combined_role",
            None,
            "Director of Children’s Services",
            "responsibility for adult services",
            also,
            None,
            None,
        ),
        (
            1,
            DCS,
            "in_post_since",
            "2013-03",
            "Director of Children’s Services",
            None,
            f"{also} {she}",
            None,
            None,
        ),
    ]
    # Two posts before it: "she" could be either, so nothing is read.
    assert (
        local(["The DCS and the chief executive meet monthly. She has been in post since March 2013."]) == []
    )
    # A sentence that does not open with the post: nothing either.
    assert local(["Inspectors met the DCS. She has been in post since March 2013."]) == []

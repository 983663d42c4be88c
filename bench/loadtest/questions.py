"""The GraphQL documents the benchmarks send: the council widget's page and the three questions.

Plain strings, so the scale benchmark can share them without importing locust (which patches the
standard library with gevent as it is imported).
"""

from __future__ import annotations

# What an embedded council widget asks for: every inspection with its grades, the leaders over
# time, and the DfE interventions.
COUNCIL_PAGE = """
query CouncilPage($code: String!) {
  council(code: $code) {
    code name region current
    inspections {
      id kind framework startDate publishedDate overall reportUrl
      judgements { area grade conflict }
    }
    tenures {
      id role interim evidenceFrom evidenceTo
      start { date precision } end { date precision }
      person { id name }
      organisation { name }
    }
    improvementNotices { id kind issued { date } lifted { date } }
    improvementBoards { id name firstMeeting { date } }
  }
}
"""

LEADERS_WHEN_RATED = """
query LeadersWhenRated($code: String!) {
  leadersWhenRated(councilCode: $code, grade: INADEQUATE) {
    inspection { id publishedDate overall }
    leaders { role interim person { name } citations { quote source { id kind } } }
  }
}
"""

LEADERSHIP_CHANGES = """
query LeadershipChanges($code: String!, $from: ID!, $to: ID!) {
  leadershipChanges(councilCode: $code, fromInspection: $from, toInspection: $to) {
    from { id overall } to { id overall }
    roles { role changed before { person { name } } after { person { name } } }
  }
}
"""

PERSON_CAREER = """
query PersonCareer($name: String!) {
  person(name: $name) {
    id name
    tenures { role title interim start { date } end { date } organisation { name kind } }
  }
}
"""

# Gloucestershire (DfE 916): inadequate in 2017, requires improvement in 2022; Chris Spencer was its
# director of children's services in between (tests/test_load.py pins these in the real data).
GLOUCESTERSHIRE = "916"
GLOUCESTERSHIRE_SIF_2017 = "916/inspection/2017-06-13"
GLOUCESTERSHIRE_ILACS_2022 = "916/inspection/2022-04-01"
CAREER_PERSON = "Chris Spencer"

# The first page of councils, to spread the widget's load over real council codes.
COUNCIL_CODES = """
query CouncilCodes { councils(first: 100) { edges { node { code } } } }
"""

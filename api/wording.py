"""The words both embeds use (grades, kinds of inspection, roles, sources, dates), defined once: the
iframe page and the timeline picture use them here, and the component's script receives them as JSON."""

from __future__ import annotations

import re
from typing import Any

GRADES = {
    "OUTSTANDING": "Outstanding",
    "GOOD": "Good",
    "REQUIRES_IMPROVEMENT": "Requires improvement",
    "ADEQUATE": "Adequate",
    "INADEQUATE": "Inadequate",
}
KINDS = {
    "INSPECTION": "Inspection",
    "REINSPECTION": "Re-inspection",
    "FOCUSED_VISIT": "Focused visit",
    "MONITORING_VISIT": "Monitoring visit",
}
# In the order the timeline shows them.
ROLES = {
    "DIRECTOR_OF_CHILDRENS_SERVICES": "Directors of children's services",
    "CHIEF_EXECUTIVE": "Chief executives",
    "LEAD_MEMBER": "Lead members for children's services",
    "DFE_ADVISER": "DfE advisers",
    "IMPROVEMENT_DIRECTOR": "Improvement directors",
    "OPERATIONS_DIRECTOR": "Operations directors",
    "IMPROVEMENT_BOARD_CHAIR": "Improvement board chairs",
    "IMPROVEMENT_BOARD_MEMBER": "Improvement board members",
    "TRUST_CHIEF_EXECUTIVE": "Children's trust chief executives",
    # In the loaders' roles (SIF reports name the LSCB chair); shown once the GraphQL Role enum has it.
    "SAFEGUARDING_BOARD_CHAIR": "Local Safeguarding Children Board chairs",
    "OTHER": "Other roles",
}
AREAS = {
    "overall_effectiveness": "Overall effectiveness",
    "impact_of_leaders": "Impact of leaders",
    "help_and_protection": "Help and protection",
    "children_in_care": "Children in care",
    "children_in_care_and_care_leavers": "Children in care and care leavers",
    "care_leavers": "Care leavers",
    "looked_after_and_permanence": "Looked after children and permanence",
    "adoption": "Adoption",
    "leadership_management_governance": "Leadership, management and governance",
    "lscb": "Local Safeguarding Children Board",
    "safeguarding": "Safeguarding",
    "looked_after_children": "Looked after children",
}
# Each kind of source: as one citation, and in the list of where the facts come from (in this order).
SOURCE_KINDS = {
    "OFSTED_REPORT": ("Ofsted report", "Ofsted reports"),
    "OFSTED_LETTER": ("Ofsted letter", "Ofsted letters"),
    "OFFICIAL_STATISTICS": ("Ofsted official statistics", "Ofsted official statistics"),
    "DATASET": ("Data set", "data sets"),
    "COUNCIL_PRESS_RELEASE": ("Council press release", "council press releases"),
    "NEWS_ARTICLE": ("News article", "news articles"),
    "WEB_ARTICLE": ("Web article", "web articles"),
    "READER_COMMENT": ("Reader comment", "reader comments"),
}
NOTICE_KINDS = {"improvement_notice": "DfE improvement notice", "statutory_direction": "Statutory direction"}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MESSAGES = {
    "unknown": 'No council has the code "{code}". Widgets take a council\'s DfE local authority code, '
    "such as 916 for Gloucestershire.",
    "down": "Ofsted ratings can't be shown just now: the data service is not answering. "
    "Please try again later.",
    "failed": "Ofsted ratings can't be shown just now: the data service answered with an error.",
    "missing": 'No council code was given: add one, as in code="916".',
    "loading": "Loading Ofsted ratings…",
}


def day_text(date: str) -> str:
    """ "2017-06-13" as "13 June 2017", "2017-06" as "June 2017", "2017" as itself."""
    parts = date[:10].split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


# Certainties that make a date uncertain whatever its precision ("APPROXIMATE": counted back from
# a report's "two years ago").
DOUBTFUL = ("ON_OR_BEFORE", "PLANNED", "BETWEEN", "APPROXIMATE")


def partial_date(value: dict[str, Any]) -> dict[str, Any]:
    """A PartialDate as {datetime, text, uncertain}: the text says in words how it is uncertain."""
    text = day_text(value["date"])
    precision, certainty = value["precision"], value.get("certainty")
    if precision == "MONTH":
        text += " (day unknown)"
    elif precision == "YEAR":
        text += " (month unknown)"
    if certainty == "ON_OR_BEFORE":
        text = "by " + text
    elif certainty == "PLANNED":
        text += " (planned)"
    elif certainty in {"BETWEEN", "APPROXIMATE"}:
        text = "about " + text
    uncertain = precision != "DAY" or certainty in DOUBTFUL
    return {"datetime": value["date"], "text": text, "uncertain": uncertain}


def area_label(area: str) -> str:
    return AREAS.get(area, area.replace("_", " ").capitalize())


def safe_url(url: str | None) -> str | None:
    """Only web links reach an href, whatever a source record holds."""
    return url if url and re.match(r"^https?://", url, re.IGNORECASE) else None


def sources_of(*citation_lists: list[dict[str, Any]]) -> list[dict[str, str | None]]:
    """The distinct sources of some citations as {label, url}, oldest first, then by label.

    Sources that would read and link the same (sheets of one statistics release) are shown once.
    """
    seen: dict[str, dict[str, Any]] = {}
    for citations in citation_lists:
        for citation in citations:
            seen.setdefault(citation["source"]["id"], citation["source"])
    # Neo4j returns a fact's citations in no set order; the component sorts the same way.
    ordered = sorted(seen.values(), key=lambda s: f"{s.get('publishedDate') or '9999'}\0{source_label(s)}")
    shown: list[dict[str, str | None]] = []
    for source in ordered:
        item = {"label": source_label(source), "url": safe_url(source.get("url"))}
        if item not in shown:
            shown.append(item)
    return shown


def source_label(source: dict[str, Any]) -> str:
    """ "News article, Community Care, 15 August 2017": the kind, a publisher other than Ofsted, the date."""
    parts = [SOURCE_KINDS.get(source["kind"], ("Source", ""))[0]]
    if source.get("publisher") and source["publisher"] != "Ofsted":
        parts.append(source["publisher"])
    if source.get("publishedDate"):
        parts.append(day_text(source["publishedDate"]))
    return ", ".join(parts)


# Before the answer a rating's director has when no named holder covers it (`Inspection.leadership`).
RATED_DIRECTOR = "Director of children's services then:"


def unnamed_director(inspection: dict[str, Any]) -> str | None:
    """The DCS answer in words ("not known; last shown in post 12 March 2019: ...") where no named
    director covers the rating; None where one does, or for a visit."""
    answers = inspection.get("leadership") or []
    answer = next((a for a in answers if a["role"] == "DIRECTOR_OF_CHILDRENS_SERVICES"), None)
    return None if answer is None or answer["status"] == "NAMED" else str(answer["text"])

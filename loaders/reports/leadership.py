"""A report's tenure sentences as tenure evidence, joined to the named holder other sources show."""

# Councils' and trusts' names print curly apostrophes.

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from loaders.model import (
    Bundle,
    Citation,
    PartialDate,
    PersonRecord,
    SourceRecord,
    TenureRecord,
)
from loaders.people import clean_name, person_slug
from loaders.report_pdf import LeaderStatement, Report
from loaders.reports.place import SAME_TIME_DAYS, Placed


def read_leadership(report: Report, code: str, placed: Placed, source: SourceRecord, bundle: Bundle) -> None:
    """A report's leadership statements as tenures: one per statement of the holder the inspectors
    found, one per sentence about a previous holder (its start and its end), and a combined role as a
    citation on the report's tenures of that post."""
    # A report describes the area as the inspectors found it: "has been in post" holds at the end of
    # the inspection.
    as_of = placed.end_date or placed.published_date
    read: list[TenureRecord] = []
    former: dict[tuple[str, int, str], TenureRecord] = {}
    for statement in report.leaders:
        if statement.evidence == "combined_role":
            continue
        citation = _citation(statement, source)
        if statement.previous:
            key = (statement.role, statement.page, statement.quote)
            if key in former:
                _add(former[key], statement, citation)
                continue
        tenure = _tenure(statement, code, f"pdf:{report.sha256[:16]}", len(bundle.tenures) + len(read))
        _add(tenure, statement, citation)
        if statement.evidence == "in_post_since" and as_of and not statement.previous:
            tenure.citations.append(replace(citation, evidence="in_post_on", date=as_of, precision="day"))
        if statement.basis:
            # The sentence names a local title; this one, elsewhere in the report, makes it the DCS.
            basis = Citation(
                source.id, statement.basis, statement.basis_page, field="dcs_title", value=statement.title
            )
            tenure.citations.append(basis)
        if statement.name:
            name = clean_name(statement.name)
            bundle.people.append(
                PersonRecord(person_slug(name), name, [replace(citation, evidence=None, date=None)])
            )
        if statement.previous:
            former[(statement.role, statement.page, statement.quote)] = tenure
        read.append(tenure)
    _place_combined(report, read, source)
    bundle.tenures += read


def _citation(statement: LeaderStatement, source: SourceRecord) -> Citation:
    dated = statement.evidence != "combined_role"
    return Citation(
        source_id=source.id,
        quote=statement.quote,
        page=statement.page,
        field="leadership" if statement.name is None else "addressee",
        value=statement.title or statement.name,
        evidence=statement.evidence if dated else None,  # type: ignore[arg-type]
        date=statement.date,
        precision=statement.precision,
        certainty="approximate" if statement.certainty == "approximate" else None,
    )


def _tenure(statement: LeaderStatement, code: str, prefix: str, n: int) -> TenureRecord:
    return TenureRecord(
        id=f"{prefix}:{statement.role}:{statement.page}:{n}",
        person_id=person_slug(clean_name(statement.name)) if statement.name else None,
        role=statement.role,
        title=statement.title or None,
        organisation_id=f"council:{code}",
        interim=_interim(statement),
    )


def _add(tenure: TenureRecord, statement: LeaderStatement, citation: Citation) -> None:
    """The statement's citation on the tenure, and the start or end it states."""
    tenure.citations.append(citation)
    if not (statement.date and statement.precision):
        return
    # "Was appointed in June 2018" and "took up post in May 2017" state when the tenure began, "left in
    # May 2013" when it ended; a date counted back from "two years ago" keeps its approximate mark.
    when = PartialDate(statement.date, statement.precision, statement.certainty)
    if statement.evidence in ("appointed", "takes_up_post") and tenure.start is None:
        tenure.start = when
    elif statement.evidence == "left":
        tenure.end = when


def _place_combined(report: Report, read: list[TenureRecord], source: SourceRecord) -> None:
    """ "The DCS is also responsible for adult services" on the report's tenures of that post held at
    the time of the report (by the rule that a report's "the DCS" is one person throughout)."""
    for statement in report.leaders:
        if statement.evidence != "combined_role" or statement.previous:
            continue
        citation = replace(_citation(statement, source), field="combined_role", value=statement.also)
        for tenure in read:
            if tenure.role == statement.role and any(c.evidence == "in_post_on" for c in tenure.citations):
                tenure.citations.append(citation)


def _interim(statement: LeaderStatement) -> bool | None:
    if statement.interim:
        return True
    # A letter's title shows interim status either way; a report sentence only when it says "interim".
    return False if statement.name and statement.title else None


def attach_unnamed(read: list[TenureRecord], tables: list[TenureRecord]) -> list[TenureRecord]:
    """Give a report's unnamed tenure sentence to the one named holder shown in post at that time.

    A sentence joins a named tenure of the same post (role and organisation) when that tenure is the
    only one that either
    - started in the very month the sentence gives ("in post since October 2016" and a source stating
      that X took up the post in October 2016), or
    - has evidence within SAME_TIME_DAYS of the report, and nothing about it (a stated start, an
      appointment or taking up post) is later than the month the sentence gives.
    Otherwise the sentence keeps a tenure of its own with no holder: the graph then says "unknown",
    not a guess.
    The named tenure is returned with the sentence's citations, under the table tenure's id, so
    `loaders.merge.merge_tenures` pools it with the table's record.
    """
    result: list[TenureRecord] = []
    # The same post "in post since" the same month, in two reports, is one holder seen twice.
    unnamed: dict[tuple[str, str, str], TenureRecord] = {}
    for tenure in read:
        stated = next((c for c in tenure.citations if c.evidence == "in_post_since"), None)
        since = stated.date if stated else None
        as_of = next((c.date for c in tenure.citations if c.evidence == "in_post_on"), None)
        if tenure.person_id is not None or since is None:
            result.append(tenure)
            continue
        # A month counted back from "in post for 20 months" is no month to match a start against,
        # nor to take two reports' sentences for one holder.
        approximate = stated is not None and stated.certainty == "approximate"
        matches = [t for t in tables if _could_be(t, tenure, since, as_of, approximate)]
        if len(matches) == 1:
            holder = matches[0]
            result.append(
                replace(holder, citations=list(tenure.citations), title=holder.title or tenure.title)
            )
            continue
        seen = None if approximate else unnamed.get((tenure.organisation_id, tenure.role, since))
        if seen is not None and (
            seen.interim is None or tenure.interim is None or seen.interim == tenure.interim
        ):
            seen.citations.extend(tenure.citations)
            seen.interim = seen.interim if seen.interim is not None else tenure.interim
            continue
        if not approximate:
            unnamed[(tenure.organisation_id, tenure.role, since)] = tenure
        result.append(tenure)
    return result


def _could_be(
    named: TenureRecord, unnamed: TenureRecord, since: str, as_of: str | None, approximate: bool = False
) -> bool:
    if (
        named.person_id is None
        or named.role != unnamed.role
        or named.organisation_id != unnamed.organisation_id
        or (unnamed.interim is not None and named.interim is not None and named.interim != unnamed.interim)
    ):
        return False
    if not approximate and _started_in(named, since):
        return True
    if as_of is None:
        return False
    later_start = [
        c.date
        for c in named.citations
        if c.evidence in ("appointed", "takes_up_post") and c.date and c.date[: len(since)] > since
    ]
    if named.start is not None and named.start.date[: len(since)] > since[: len(named.start.date)]:
        return False
    if later_start:
        return False
    window = timedelta(days=SAME_TIME_DAYS)
    report_day = date.fromisoformat(as_of)
    for citation in named.citations:
        if citation.evidence != "in_post_on" or not citation.date:
            continue
        first, last = _span(citation.date)
        if first - window <= report_day <= last + window:
            return True
    return False


def _started_in(named: TenureRecord, since: str) -> bool:
    """True when a source states the named holder took up the post in the month the sentence gives.

    Only a month or a day counts: two holders can start in one year, so a year alone joins nothing.
    An appointment date is not a start (it is often announced months ahead); a start announced ahead
    (planned) counts, since the report's own month then confirms it.
    """
    month = since[: len("2016-10")]
    if len(month) < len("2016-10"):
        return False
    # "had taken up the post by" (on_or_before) or "about two years ago" (approximate) gives no month.
    unsure = ("on_or_before", "approximate")
    starts = [
        c.date
        for c in named.citations
        if c.evidence == "takes_up_post" and c.date and c.certainty not in unsure
    ]
    if named.start is not None and named.start.certainty not in unsure:
        starts.append(named.start.date)
    return any(start[: len(month)] == month for start in starts)


def _span(partial: str) -> tuple[date, date]:
    """The first and last day a partial date ("2017", "2017-06", "2017-06-13") covers."""
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 3:
        day = date(parts[0], parts[1], parts[2])
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        following = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, following - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)

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
    # A report describes the area as the inspectors found it: "has been in post" holds at the end of
    # the inspection.
    as_of = placed.end_date or placed.published_date
    for statement in report.leaders:
        citation = Citation(
            source_id=source.id,
            quote=statement.quote,
            page=statement.page,
            field="leadership" if statement.name is None else "addressee",
            value=statement.title or statement.name,
            evidence=statement.evidence,
            date=statement.date,
            precision=statement.precision,
        )
        citations = [citation]
        if statement.evidence == "in_post_since" and as_of:
            citations.append(replace(citation, evidence="in_post_on", date=as_of, precision="day"))
        if statement.basis:
            # The sentence names a local title; this one, elsewhere in the report, makes it the DCS.
            basis = Citation(
                source.id, statement.basis, statement.basis_page, field="dcs_title", value=statement.title
            )
            citations.append(basis)
        person_id = None
        if statement.name:
            name = clean_name(statement.name)
            person_id = person_slug(name)
            bundle.people.append(PersonRecord(person_id, name, [replace(citation, evidence=None, date=None)]))
        # "Was appointed in June 2018" and "took up post in May 2017" state when the tenure began.
        start = (
            PartialDate(statement.date, statement.precision)
            if statement.evidence in ("appointed", "takes_up_post") and statement.date and statement.precision
            else None
        )
        bundle.tenures.append(
            TenureRecord(
                start=start,
                id=f"pdf:{report.sha256[:16]}:{statement.role}:{statement.page}:{len(bundle.tenures)}",
                person_id=person_id,
                role=statement.role,
                title=statement.title or None,
                organisation_id=f"council:{code}",
                interim=_interim(statement),
                citations=citations,
            )
        )


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
        since = next((c.date for c in tenure.citations if c.evidence == "in_post_since"), None)
        as_of = next((c.date for c in tenure.citations if c.evidence == "in_post_on"), None)
        if tenure.person_id is not None or since is None:
            result.append(tenure)
            continue
        matches = [t for t in tables if _could_be(t, tenure, since, as_of)]
        if len(matches) == 1:
            holder = matches[0]
            result.append(
                replace(holder, citations=list(tenure.citations), title=holder.title or tenure.title)
            )
            continue
        seen = unnamed.get((tenure.organisation_id, tenure.role, since))
        if seen is not None and (
            seen.interim is None or tenure.interim is None or seen.interim == tenure.interim
        ):
            seen.citations.extend(tenure.citations)
            seen.interim = seen.interim if seen.interim is not None else tenure.interim
            continue
        unnamed[(tenure.organisation_id, tenure.role, since)] = tenure
        result.append(tenure)
    return result


def _could_be(named: TenureRecord, unnamed: TenureRecord, since: str, as_of: str | None) -> bool:
    if (
        named.person_id is None
        or named.role != unnamed.role
        or named.organisation_id != unnamed.organisation_id
        or (unnamed.interim is not None and named.interim is not None and named.interim != unnamed.interim)
    ):
        return False
    if _started_in(named, since):
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
    if len(since) < len("2016-10"):
        return False
    # "had taken up the post by" (on_or_before) or "about two years ago" (approximate) gives no month.
    starts = [
        c.date
        for c in named.citations
        if c.evidence == "takes_up_post" and c.date and c.certainty not in ("on_or_before", "approximate")
    ]
    if named.start is not None and named.start.certainty not in ("on_or_before", "approximate"):
        starts.append(named.start.date)
    return any(len(start) >= len(since[:7]) and start[:7] == since[:7] for start in starts)


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

"""Building one council from its evidence: each fact with the rows that state it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from loaders.councils.evidence import CouncilEvidence, Evidence
from loaders.councils.files import cite
from loaders.councils.index import name_key
from loaders.model import Citation, CouncilRecord
from loaders.tables import Row


@dataclass
class Fact:
    """A value and the citations that state it."""

    value: str | None
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Successors:
    """The DfE codes of the councils that took over a former council's area, and the rows that say so."""

    codes: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


def build_council(e: CouncilEvidence, successors: Successors, created: bool) -> CouncilRecord:
    """One CouncilRecord from everything the files say about one DfE code.

    `created`: another council in the files was replaced by this one, so its start date is meaningful.
    """
    start = start_date_fact(e) if created else Fact(None)
    facts = {
        "code": code_fact(e),
        "name": name_fact(e),
        "gss_code": gss_fact(e),
        "ofsted_urn": urn_fact(e),
        "region": region_fact(e),
        "authority_type": authority_type_fact(e),
        "start_date": start,
        "end_date": end_date_fact(e),
    }
    name = facts["name"].value or e.code
    aliases, alias_citations = aliases_of(e, name)
    citations = [c for f in facts.values() for c in f.citations] + successors.citations + alias_citations
    return CouncilRecord(
        code=e.code,
        name=name,
        gss_code=facts["gss_code"].value,
        ofsted_urn=facts["ofsted_urn"].value,
        region=facts["region"].value,
        authority_type=facts["authority_type"].value,
        start_date=start.value,
        end_date=facts["end_date"].value,
        successor_codes=successors.codes,
        aliases=aliases,
        citations=distinct(citations),
    )


def distinct(citations: Iterable[Citation]) -> list[Citation]:
    """One citation per (file, column, value): the first row that states it.

    The workforce statistics repeat a council's name and GSS code for every year; one row is enough.
    """
    first: dict[tuple[str, str | None, str | None], Citation] = {}
    for citation in citations:
        first.setdefault((citation.source_id, citation.field, citation.value), citation)
    return list(first.values())


def first_fact(*candidates: tuple[Row | None, str]) -> Fact:
    """The first non-empty cell among (row, column) candidates, in order of trust."""
    for row, column in candidates:
        if row is not None and row[column]:
            return Fact(row[column], [cite(row, column)])
    return Fact(None)


def latest(rows: Sequence[Row]) -> Row | None:
    return rows[-1] if rows else None


def code_fact(e: CouncilEvidence) -> Fact:
    """The rows that state the DfE code itself."""
    rows = [(e.provider, "la_code"), (e.scrape, "id"), *((r, "old_la_code") for r in e.workforce[-1:])]
    return Fact(e.code, [cite(row, column, e.code) for row, column in rows if row is not None])


def name_fact(e: CouncilEvidence) -> Fact:
    """mySociety's `nice-name` (e.g. "Gloucestershire", "Dorset County" for the pre-2019 council);
    the ONS name where mySociety has no entry."""
    return first_fact(
        (latest(e.entities), "nice-name"),
        (e.provider, "local_authority_ons_name"),
        (e.scrape, "la_name"),
        (latest(e.workforce), "la_name"),
    )


def gss_fact(e: CouncilEvidence) -> Fact:
    """The current GSS code, or the last one of a former council.

    Provider_data_lookup and the newest workforce year come first: mySociety still gives Barnsley and
    Sheffield their pre-2024 codes (E08000016, E08000019), and so does the web scrape for Sheffield.
    """
    active_scrape = e.scrape if e.scrape and e.scrape["active_depreciated_inactive"] == "A" else None
    return first_fact(
        (e.provider, "la_code_new"),
        (latest(e.workforce), "new_la_code"),
        (latest(e.entities), "gss-code"),
        (active_scrape, "la_code"),
    )


def urn_fact(e: CouncilEvidence) -> Fact:
    """Ofsted's URN; only the web scrape has Bournemouth's (137452)."""
    return first_fact((e.provider, "urn"), (e.scrape, "urn"))


def ons_region(name: str) -> str:
    """ONS spells it "Yorkshire and The Humber"; Provider_data_lookup mixes in "the" (SOURCES.md 4a)."""
    return "Yorkshire and The Humber" if name.casefold() == "yorkshire and the humber" else name


def region_fact(e: CouncilEvidence) -> Fact:
    """The ONS region.

    Provider's `rgn22nm` first: its `rgn22cd` is wrong for Gloucestershire (E12000003) and
    Buckinghamshire (E12000004), and its `region_code` is "NotKnown" for Cumbria, so neither code column
    is used. Then the workforce statistics, which use Inner/Outer London, for the former councils that
    Provider lacks (Bournemouth, Dorset County Council). mySociety's regions are not used: it puts
    Derbyshire in the West Midlands and Lincolnshire in Yorkshire and The Humber.
    """
    fact = first_fact((e.provider, "rgn22nm"), (latest(e.workforce), "region_name"))
    return Fact(ons_region(london(fact.value)) if fact.value else None, fact.citations)


def london(region: str) -> str:
    """Inner and Outer London (DfE's and the scrape's split) are both the ONS region London."""
    return "London" if region in {"Inner London", "Outer London"} else region


def authority_type_fact(e: CouncilEvidence) -> Fact:
    """mySociety's type of the current (or last) body, e.g. "County", "Unitary authority".

    Provider's `ons_la_type` is only a fallback: it calls Cumberland, Westmorland and Furness and North
    Yorkshire "County" though all three are unitary since 2023, and is blank for Northamptonshire and Poole.
    """
    return first_fact((latest(e.entities), "local-authority-type-name"), (e.provider, "ons_la_type"))


def end_date_fact(e: CouncilEvidence) -> Fact:
    """mySociety's end date of the last body, as the file gives it.

    The file is not consistent: the 2019 Dorset councils end on 2019-03-31, the day before BCP began,
    while Northamptonshire and Cumbria end on 2021-04-01 and 2023-04-01, the day their successors began.
    """
    return first_fact((latest(e.entities), "end-date"))


def successors_of(e: CouncilEvidence, evidence: Evidence) -> Successors:
    """The DfE codes that took over a former council's area.

    From mySociety's `replaced-by`, joined to DfE codes through GSS. For a county council also from the
    districts that lay in it and ended with it: Dorset County Council's `replaced-by` names only Dorset
    Council, but its district Christchurch (county-la DOR) went to Bournemouth, Christchurch and Poole.
    """
    last = latest(e.entities)
    if last is None or not last["end-date"]:
        return Successors()
    districts = evidence.districts.get(last["local-authority-code"], [])
    found: dict[str, list[Citation]] = defaultdict(list)
    for row in [last, *(d for d in districts if d["end-date"] == last["end-date"])]:
        for key in filter(None, (k.strip() for k in row["replaced-by"].split(","))):
            code = evidence.entity_code.get(key)
            if code and code != e.code:
                found[code] += [cite(row, "replaced-by", key), *gss_citations(evidence.entities[key])]
    return Successors(sorted(found), [c for cs in found.values() for c in cs])


def gss_citations(entity: Row) -> list[Citation]:
    """The mySociety row of a successor, for its GSS code (the join to its DfE code)."""
    return [cite(entity, "gss-code")] if entity["gss-code"] else []


def start_date_fact(e: CouncilEvidence) -> Fact:
    """mySociety's start date of a council that a reorganisation in these files created.

    Only those: mySociety's other start dates are register entries (many in June 2005) or changes of
    status (Durham's unitary status in 2009), not the day the council took on children's services.
    """
    return first_fact((e.entities[0] if e.entities else None, "start-date"))


def aliases_of(e: CouncilEvidence, name: str) -> tuple[list[str], list[Citation]]:
    """Every spelling of the council's name in the files, and the rows that give them."""
    spelled: list[tuple[str, Citation]] = []
    for row in e.entities:
        spelled += [(row[c], cite(row, c)) for c in ("official-name", "nice-name") if row[c]]
    spelled += [(row["la-name"], cite(row, "la-name")) for row in e.names if row["la-name"]]
    for lookup, column in [
        (e.provider, "local_authority_ons_name"),
        (e.provider, "utla23nm"),
        (e.scrape, "la_name"),
    ]:
        if lookup is not None and lookup[column]:
            spelled.append((lookup[column], cite(lookup, column)))
    spelled += [(row["la_name"], cite(row, "la_name")) for row in e.workforce if row["la_name"]]
    if e.provider and e.provider["also_known_as"]:
        known = {name_key(n) for n, _ in spelled}
        spelled += [
            (alias, cite(e.provider, "also_known_as", alias))
            for alias in split_also_known_as(e.provider["also_known_as"], known)
        ]
    aliases = sorted({name, *(n for n, _ in spelled)})
    return aliases, [c for _, c in spelled]


def split_also_known_as(cell: str, known: set[str]) -> list[str]:
    """The names in Provider's `also_known_as`, a bracketed list joined with ", ".

    A name may itself contain ", " ("[BCP, Bournemouth, Christchurch & Poole]"), so a run of pieces is
    kept together when, joined, it spells a name the council is known by in another file; splitting
    blindly would make "Bournemouth" an alias of BCP.
    """
    pieces = [p.strip() for p in cell.strip().strip("[]").split(",")]
    names: list[str] = []
    start = 0
    while start < len(pieces):
        end = next(
            (j for j in range(len(pieces), start, -1) if name_key(", ".join(pieces[start:j])) in known),
            start + 1,
        )
        names.append(", ".join(pieces[start:end]))
        start = end
    return [n for n in names if n]

"""Councils and their index: tiny lookups written in tmp_path, and known answers on the real files."""

from __future__ import annotations

import csv
import glob
from pathlib import Path

import pytest

from graph.errors import LoadError
from graph.settings import Settings
from loaders.councils import (
    COLUMNS,
    MYSOCIETY,
    MYSOCIETY_GSS,
    MYSOCIETY_NAMES,
    PROVIDER,
    REGION_CORRECTIONS,
    WEB_SCRAPE,
    WORKFORCE,
    CouncilIndex,
    name_key,
    read_councils,
    split_also_known_as,
)
from loaders.model import Bundle

Rows = list[dict[str, str]]


def provider(
    urn: str, code: str, gss: str, name: str, region: str, kind: str, aka: str = ""
) -> dict[str, str]:
    return {
        "urn": urn,
        "la_code": code,
        "la_code_new": gss,
        "local_authority_ons_name": name,
        "also_known_as": aka,
        "utla23nm": name,
        "rgn22nm": region,
        "ons_la_type": kind,
    }


def scrape(urn: str, dfe_id: str, status: str, la_code: str, name: str, region: str) -> dict[str, str]:
    return {
        "urn": urn,
        "id": dfe_id,
        "active_depreciated_inactive": status,
        "la_code": la_code,
        "la_name": name,
        "region_name": region,
    }


def entity(
    key: str,
    official: str,
    nice: str,
    gss: str,
    start: str,
    end: str,
    replaced_by: str,
    kind: str,
    county: str = "",
) -> dict[str, str]:
    return {
        "local-authority-code": key,
        "official-name": official,
        "nice-name": nice,
        "gss-code": gss,
        "start-date": start,
        "end-date": end,
        "replaced-by": replaced_by,
        "region": "",
        "local-authority-type-name": kind,
        "county-la": county,
        "former-gss-codes": "",
    }


def workforce(
    year: str, code: str, gss: str, name: str, region: str, level: str = "Local authority"
) -> dict[str, str]:
    return {
        "time_period": year,
        "geographic_level": level,
        "old_la_code": code,
        "new_la_code": gss,
        "la_name": name,
        "region_name": region,
    }


def tiny_tables() -> dict[str, Rows]:
    """Gloucestershire, Barnsley and the 2019 Dorset reorganisation, as each file states them."""
    return {
        PROVIDER: [
            provider("80470", "916", "E10000013", "Gloucestershire", "South West", "County"),
            provider(
                "80426", "370", "E08000038", "Barnsley", "Yorkshire and the Humber", "Metropolitan District"
            ),
            provider(
                "2532287",
                "839",
                "E06000058",
                "Bournemouth, Christchurch and Poole",
                "South West",
                "Unitary Authority",
                aka="[BCP, Bournemouth, Christchurch & Poole]",
            ),
            provider("2532283", "838", "E06000059", "Dorset", "South West", "Unitary Authority"),
        ],
        WEB_SCRAPE: [
            scrape("80470", "916.0", "A", "E10000013", "Gloucestershire", "South West"),
            scrape("137452", "837.0", "D", "837", "Bournemouth", "South West"),
            scrape("X999999", "707.0", "", "", "Jersey", ""),
        ],
        MYSOCIETY: [
            entity(
                "GLS", "Gloucestershire County Council", "Gloucestershire", "E10000013", "", "", "", "County"
            ),
            entity(
                "BNS",
                "Barnsley Metropolitan Borough Council",
                "Barnsley",
                "E08000016",
                "1974-04-01",
                "",
                "",
                "Metropolitan district",
            ),
            entity(
                "BMH",
                "Bournemouth Borough Council",
                "Bournemouth",
                "E06000028",
                "2005-06-19",
                "2019-03-31",
                "BPC",
                "Unitary authority",
            ),
            entity(
                "BPC",
                "Bournemouth, Christchurch and Poole Council",
                "Bournemouth, Christchurch and Poole",
                "E06000058",
                "2019-04-01",
                "",
                "",
                "Unitary authority",
            ),
            entity(
                "DOR",
                "Dorset County Council",
                "Dorset County",
                "E10000009",
                "",
                "2019-03-31",
                "DST",
                "County",
            ),
            entity(
                "DST",
                "Dorset Council",
                "Dorset Council",
                "E06000059",
                "2019-04-01",
                "",
                "",
                "Unitary authority",
            ),
            entity(
                "CHC",
                "Christchurch Borough Council",
                "Christchurch",
                "E07000048",
                "",
                "2019-03-31",
                "BPC",
                "Non-metropolitan district",
                county="DOR",
            ),
        ],
        MYSOCIETY_NAMES: [
            {"la-name": "Dorset County Council", "local-authority-code": "DOR"},
            {"la-name": "Dorset", "local-authority-code": "DST"},
            {"la-name": "St. Helens", "local-authority-code": "SHN"},
        ],
        MYSOCIETY_GSS: [{"gss-code": "E08000016", "local-authority-code": "BNS"}],
        REGION_CORRECTIONS: [{"la_name": "Barnsley", "region_name_correct": "Yorkshire and The Humber"}],
        WORKFORCE: [
            workforce("2018", "835", "E10000009", "Dorset", "South West"),
            workforce("2018", "837", "E06000028", "Bournemouth", "South West"),
            workforce("2024", "370", "E08000016", "Barnsley", "Yorkshire and The Humber"),
            workforce("2025", "370", "E08000038", "Barnsley", "Yorkshire and The Humber"),
            workforce("2025", "314 / 318", "E09000021 / E09000027", "Kingston / Richmond", "Outer London"),
            workforce("2025", "", "", "", "", level="National"),
        ],
    }


def write_tables(data_dir: Path, tables: dict[str, Rows]) -> Path:
    """Write each table as the CSV file of that name under data_dir."""
    for file, rows in tables.items():
        path = data_dir / file
        path.parent.mkdir(parents=True, exist_ok=True)
        columns = list(rows[0]) if rows else list(COLUMNS[file])
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
    return data_dir


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[Bundle, CouncilIndex]:
    return read_councils(write_tables(tmp_path, tiny_tables()))


def problems_of(tmp_path: Path, tables: dict[str, Rows]) -> list[tuple[str, int | None, str | None]]:
    with pytest.raises(LoadError) as exc:
        read_councils(write_tables(tmp_path, tables))
    return [(p.file, p.row, p.field) for p in exc.value.problems]


# ---- tiny inputs: what is built ----------------------------------------------------------------


def test_each_dfe_code_in_any_file_is_one_council(tiny: tuple[Bundle, CouncilIndex]) -> None:
    bundle, _ = tiny
    assert sorted(c.code for c in bundle.councils) == ["370", "835", "837", "838", "839", "916"]


def test_one_source_record_per_file_read(tiny: tuple[Bundle, CouncilIndex]) -> None:
    bundle, _ = tiny
    assert sorted(s.file or "" for s in bundle.sources) == sorted(COLUMNS)
    assert all(s.id == f"data:{s.file}" for s in bundle.sources)


def test_the_jersey_row_of_the_web_scrape_is_not_a_council(tiny: tuple[Bundle, CouncilIndex]) -> None:
    _, index = tiny
    assert index.by_urn("X999999") is None
    assert index.by_code("707") is None


def test_a_former_council_gets_its_urn_from_the_web_scrape_and_its_gss_from_the_workforce_statistics(
    tiny: tuple[Bundle, CouncilIndex],
) -> None:
    _, index = tiny
    bournemouth = index.by_code("837")
    assert bournemouth is not None
    assert (bournemouth.ofsted_urn, bournemouth.gss_code, bournemouth.end_date) == (
        "137452",
        "E06000028",
        "2019-03-31",
    )
    assert bournemouth.successor_codes == ["839"]


def test_a_county_is_succeeded_by_the_councils_that_replaced_it_and_its_districts(
    tiny: tuple[Bundle, CouncilIndex],
) -> None:
    _, index = tiny
    old_dorset = index.by_code("835")
    assert old_dorset is not None
    # DOR's own replaced-by names only DST; its district Christchurch went to BCP.
    assert old_dorset.successor_codes == ["838", "839"]
    sources = {(c.source_id, c.row, c.value) for c in old_dorset.citations if c.field == "replaced-by"}
    assert sources == {(f"data:{MYSOCIETY}", 6, "DST"), (f"data:{MYSOCIETY}", 8, "BPC")}


def test_only_a_council_created_by_a_reorganisation_gets_a_start_date(
    tiny: tuple[Bundle, CouncilIndex],
) -> None:
    bundle, _ = tiny
    starts = {c.code: c.start_date for c in bundle.councils}
    # Barnsley's 1974 and Bournemouth's 2005 register dates are not the start of their children's services.
    assert starts == {
        "916": None,
        "370": None,
        "837": None,
        "835": None,
        "838": "2019-04-01",
        "839": "2019-04-01",
    }


def test_the_newest_gss_code_wins_and_former_ones_still_resolve(tiny: tuple[Bundle, CouncilIndex]) -> None:
    _, index = tiny
    barnsley = index.by_code("370")
    assert barnsley is not None
    assert barnsley.gss_code == "E08000038"
    assert index.by_gss("E08000016") == index.by_gss("E08000038") == "370"


def test_yorkshire_is_spelled_as_ons_spells_it(tiny: tuple[Bundle, CouncilIndex]) -> None:
    _, index = tiny
    barnsley = index.by_code("370")
    assert barnsley is not None
    assert barnsley.region == "Yorkshire and The Humber"


def test_also_known_as_keeps_a_name_with_a_comma_together() -> None:
    known = {name_key("Bournemouth, Christchurch and Poole")}
    assert split_also_known_as("[BCP, Bournemouth, Christchurch & Poole]", known) == [
        "BCP",
        "Bournemouth, Christchurch & Poole",
    ]
    assert split_also_known_as("[Kingston Upon Hull, Hull]", {name_key("Kingston upon Hull")}) == [
        "Kingston Upon Hull",
        "Hull",
    ]


def test_bcp_is_not_known_as_bournemouth(tiny: tuple[Bundle, CouncilIndex]) -> None:
    _, index = tiny
    bcp = index.by_code("839")
    assert bcp is not None
    assert "BCP" in bcp.aliases
    assert "Bournemouth" not in bcp.aliases
    assert index.by_name("Bournemouth") == "837"


def test_every_fact_of_a_council_cites_the_row_that_states_it(tiny: tuple[Bundle, CouncilIndex]) -> None:
    _, index = tiny
    glos = index.by_code("916")
    assert glos is not None
    cited = {(c.source_id, c.row, c.field, c.value) for c in glos.citations}
    provider_id = f"data:{PROVIDER}"
    assert {
        (provider_id, 2, "la_code", "916"),
        (provider_id, 2, "urn", "80470"),
        (provider_id, 2, "la_code_new", "E10000013"),
        (provider_id, 2, "rgn22nm", "South West"),
        (f"data:{MYSOCIETY}", 2, "nice-name", "Gloucestershire"),
        (f"data:{MYSOCIETY}", 2, "local-authority-type-name", "County"),
    } <= cited
    quote = next(c.quote for c in glos.citations if c.field == "urn")
    assert quote.startswith(
        "urn=80470; la_code=916; la_code_new=E10000013; local_authority_ons_name=Gloucestershire"
    )


# ---- tiny inputs: the index ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        "Bournemouth, Christchurch & Poole",
        "bournemouth, christchurch and poole",
        "BCP",
        "BOURNEMOUTH CHRISTCHURCH AND POOLE",
    ],
)
def test_names_match_whatever_their_case_punctuation_or_ampersand(
    tiny: tuple[Bundle, CouncilIndex], spelling: str
) -> None:
    _, index = tiny
    assert index.by_name(spelling) == "839"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("St. Helens", "St Helens"),
        ("Kingston upon Hull, City of", "Kingston Upon Hull"),
        ("City of Bristol", "Bristol, City of"),
        ("Herefordshire, County of", "Herefordshire"),
        ("Southend-on-Sea", "Southend on Sea"),
        ("Telford & Wrekin", "telford and wrekin"),
        ("City of London Corporation", "london corporation"),
    ],
)
def test_name_keys_ignore_the_differences_between_sources(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_a_name_shared_over_time_resolves_to_the_council_of_that_date(
    tiny: tuple[Bundle, CouncilIndex],
) -> None:
    _, index = tiny
    assert index.by_name("Dorset", on_date="2018-06-01") == "835"
    assert index.by_name("Dorset", on_date="2019-03-31") == "835"
    assert index.by_name("Dorset", on_date="2019-04-01") == "838"
    assert index.by_name("Dorset") == "838"
    assert index.by_name("Dorset County Council") == "835"


def test_unknown_references_resolve_to_none(tiny: tuple[Bundle, CouncilIndex]) -> None:
    _, index = tiny
    assert index.by_name("Atlantis") is None
    assert index.by_urn("1") is None
    assert index.by_gss("E99999999") is None
    assert index.by_code("999") is None
    assert index.by_name("St Helens") is None  # a mySociety name of a body no DfE code joins


# ---- tiny inputs: problems -----------------------------------------------------------------------


def test_a_missing_file_is_reported_by_name(tmp_path: Path) -> None:
    tables = tiny_tables()
    del tables[MYSOCIETY_NAMES]
    assert problems_of(tmp_path, tables) == [(MYSOCIETY_NAMES, None, None)]


def test_a_missing_column_is_reported_in_the_header_row(tmp_path: Path) -> None:
    tables = tiny_tables()
    tables[PROVIDER] = [{k: v for k, v in row.items() if k != "la_code_new"} for row in tables[PROVIDER]]
    assert problems_of(tmp_path, tables) == [(PROVIDER, 1, "la_code_new")]


def test_a_dfe_code_repeated_with_different_data_is_reported_at_the_repeat(tmp_path: Path) -> None:
    tables = tiny_tables()
    tables[PROVIDER].append(provider("80999", "916", "E10000013", "Gloucestershire", "South West", "County"))
    with pytest.raises(LoadError) as exc:
        read_councils(write_tables(tmp_path, tables))
    [problem] = exc.value.problems
    assert (problem.file, problem.row, problem.field) == (PROVIDER, 6, "la_code")
    assert "row 2" in problem.reason
    assert "urn" in problem.reason


def test_a_dfe_code_repeated_with_the_same_data_is_accepted(tmp_path: Path) -> None:
    tables = tiny_tables()
    tables[PROVIDER].append(tables[PROVIDER][0])
    bundle, _ = read_councils(write_tables(tmp_path, tables))
    assert [c.code for c in bundle.councils].count("916") == 1


def test_a_malformed_code_is_reported_with_its_row_and_column(tmp_path: Path) -> None:
    tables = tiny_tables()
    tables[PROVIDER][1]["la_code"] = "37"
    tables[PROVIDER][1]["la_code_new"] = "Barnsley"
    assert problems_of(tmp_path, tables) == [(PROVIDER, 3, "la_code"), (PROVIDER, 3, "la_code_new")]


def test_a_bad_mysociety_date_is_reported(tmp_path: Path) -> None:
    tables = tiny_tables()
    tables[MYSOCIETY][4]["end-date"] = "31/03/2019"
    assert problems_of(tmp_path, tables) == [(MYSOCIETY, 6, "end-date")]


def test_lookups_that_disagree_on_a_urn_are_reported(tmp_path: Path) -> None:
    tables = tiny_tables()
    tables[WEB_SCRAPE][0]["urn"] = "80471"
    assert problems_of(tmp_path, tables) == [(WEB_SCRAPE, 2, "urn")]


def test_a_gss_code_given_to_two_councils_is_reported(tmp_path: Path) -> None:
    tables = tiny_tables()
    tables[WORKFORCE][0]["new_la_code"] = "E10000013"
    assert (WORKFORCE, 2, "new_la_code") in problems_of(tmp_path, tables)


def test_regions_that_disagree_between_files_are_reported(tmp_path: Path) -> None:
    tables = tiny_tables()
    tables[REGION_CORRECTIONS][0]["region_name_correct"] = "North East"
    tables[WORKFORCE][2]["region_name"] = "North East"  # an older year: not checked
    assert problems_of(tmp_path, tables) == [(REGION_CORRECTIONS, 2, "region_name_correct")]


def test_a_region_correction_naming_no_council_is_reported(tmp_path: Path) -> None:
    tables = tiny_tables()
    tables[REGION_CORRECTIONS].append({"la_name": "Atlantis", "region_name_correct": "London"})
    assert problems_of(tmp_path, tables) == [(REGION_CORRECTIONS, 3, "la_name")]


# ---- the real files ------------------------------------------------------------------------------

DATA_DIR = Settings().data_dir


@pytest.fixture(scope="module")
def real() -> tuple[Bundle, CouncilIndex]:
    return read_councils(DATA_DIR)


def read_csv(path: Path | str) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def test_every_council_named_in_the_inspection_data_resolves(real: tuple[Bundle, CouncilIndex]) -> None:
    _, index = real
    names: set[tuple[str, str]] = set()
    for path in glob.glob(str(DATA_DIR / "ofsted_official_stats" / "csv" / "*.csv")):
        names |= {(Path(path).name, row["Local authority name"]) for row in read_csv(path)}
    scrape = read_csv(DATA_DIR / "ilacs_scrape" / "ofsted_csc_ilacs_history.csv")
    letters = read_csv(DATA_DIR / "focused_visit_letters" / "ofsted_focused_visit_letter_addressees.csv")
    names |= {("ilacs history", row["local_authority"]) for row in scrape}
    names |= {("letters", row["folder_la_name"]) for row in letters}
    assert len(names) > 300
    assert sorted(n for n in names if index.by_name(n[1]) is None) == []


def test_every_urn_in_the_inspection_data_resolves_to_the_council_of_that_name(
    real: tuple[Bundle, CouncilIndex],
) -> None:
    _, index = real
    scrape = read_csv(DATA_DIR / "ilacs_scrape" / "ofsted_csc_ilacs_history.csv")
    letters = read_csv(DATA_DIR / "focused_visit_letters" / "ofsted_focused_visit_letter_addressees.csv")
    pairs = {(r["urn"], r["local_authority"]) for r in scrape} | {
        (r["urn"], r["folder_la_name"]) for r in letters
    }
    assert len({urn for urn, _ in pairs}) == 153
    assert (
        sorted(p for p in pairs if index.by_urn(p[0]) is None or index.by_urn(p[0]) != index.by_name(p[1]))
        == []
    )


def test_every_gss_code_in_the_2025_statistics_resolves_to_the_council_of_that_name(
    real: tuple[Bundle, CouncilIndex],
) -> None:
    _, index = real
    mismatched = []
    for path in glob.glob(str(DATA_DIR / "ofsted_official_stats" / "csv" / "laio2025_*.csv")):
        for row in read_csv(path):
            gss, name = row["Local authority area code"], row["Local authority name"]
            if index.by_gss(gss) is None or index.by_gss(gss) != index.by_name(
                name, row.get("Publication date")
            ):
                mismatched.append((Path(path).name, gss, name))
    assert mismatched == []


def test_there_are_153_current_councils_and_five_former_ones(real: tuple[Bundle, CouncilIndex]) -> None:
    bundle, _ = real
    assert sum(c.end_date is None for c in bundle.councils) == 153
    assert sorted(c.code for c in bundle.councils if c.end_date) == ["835", "836", "837", "909", "928"]


def test_gloucestershire(real: tuple[Bundle, CouncilIndex]) -> None:
    _, index = real
    glos = index.by_code("916")
    assert glos is not None
    assert (glos.name, glos.gss_code, glos.ofsted_urn, glos.region, glos.authority_type) == (
        "Gloucestershire",
        "E10000013",
        "80470",
        "South West",  # not the Yorkshire region of Provider_data_lookup's rgn22cd
        "County",
    )
    assert index.by_name("Gloucestershire") == index.by_urn("80470") == index.by_gss("E10000013") == "916"


def test_bcp_began_in_2019_succeeding_bournemouth_poole_and_dorset_county_council(
    real: tuple[Bundle, CouncilIndex],
) -> None:
    bundle, index = real
    bcp = index.by_code("839")
    assert bcp is not None
    assert (bcp.start_date, bcp.ofsted_urn, bcp.gss_code) == ("2019-04-01", "2532287", "E06000058")
    predecessors = sorted(c.code for c in bundle.councils if "839" in c.successor_codes)
    assert predecessors == ["835", "836", "837"]
    for code, urn in [("837", "137452"), ("836", "137316")]:
        former = index.by_code(code)
        assert former is not None
        assert (former.ofsted_urn, former.end_date) == (urn, "2019-03-31")
    assert index.by_name("bournemouth, christchurch & poole") == "839"


def test_dorset_county_council_became_dorset_council_and_part_of_bcp(
    real: tuple[Bundle, CouncilIndex],
) -> None:
    _, index = real
    old, new = index.by_code("835"), index.by_code("838")
    assert old is not None
    assert new is not None
    assert (old.gss_code, old.end_date, old.successor_codes) == ("E10000009", "2019-03-31", ["838", "839"])
    assert (new.gss_code, new.ofsted_urn, new.start_date) == ("E06000059", "2532283", "2019-04-01")
    assert index.by_name("Dorset", on_date="2017-05-01") == "835"
    assert index.by_name("Dorset") == "838"


def test_northamptonshire_was_succeeded_by_north_and_west_northamptonshire(
    real: tuple[Bundle, CouncilIndex],
) -> None:
    _, index = real
    old = index.by_code("928")
    assert old is not None
    assert (old.ofsted_urn, old.end_date, old.successor_codes) == ("121939", "2021-04-01", ["940", "941"])
    for code in ("940", "941"):
        successor = index.by_code(code)
        assert successor is not None
        assert successor.start_date == "2021-04-01"


def test_cumbria_was_succeeded_by_cumberland_and_westmorland_and_furness(
    real: tuple[Bundle, CouncilIndex],
) -> None:
    _, index = real
    old = index.by_code("909")
    assert old is not None
    assert (old.ofsted_urn, old.region, old.end_date, old.successor_codes) == (
        "135513",
        "North West",  # Provider's region_code is "NotKnown"
        "2023-04-01",
        ["942", "943"],
    )
    assert [index.by_name(n) for n in ("Cumberland", "Westmorland and Furness")] == ["942", "943"]


def test_barnsley_resolves_from_both_its_gss_codes(real: tuple[Bundle, CouncilIndex]) -> None:
    _, index = real
    assert index.by_gss("E08000016") == index.by_gss("E08000038") == "370"
    barnsley = index.by_code("370")
    assert barnsley is not None
    assert barnsley.gss_code == "E08000038"


def test_a_council_that_became_unitary_keeps_its_dfe_code(real: tuple[Bundle, CouncilIndex]) -> None:
    _, index = real
    assert index.by_gss("E10000023") == index.by_gss("E06000065") == "815"  # North Yorkshire
    assert index.by_name("North Yorkshire County Council") == "815"
    north_yorkshire = index.by_code("815")
    assert north_yorkshire is not None
    assert (north_yorkshire.start_date, north_yorkshire.end_date) == (None, None)


def test_every_real_council_is_cited_for_its_code_and_name(real: tuple[Bundle, CouncilIndex]) -> None:
    bundle, _ = real
    source_ids = {s.id for s in bundle.sources}
    for council in bundle.councils:
        assert {c.source_id for c in council.citations} <= source_ids
        assert any(c.value == council.code for c in council.citations), council.code
        assert any(c.value == council.name for c in council.citations), council.code

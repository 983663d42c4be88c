"""England's 153 children's services councils as small SVG paths, built from the ONS boundaries in
../shared/data/la_lookup (issue 15).

The boundaries are district (lower-tier) shapes; children's services are run by upper-tier councils,
so districts are dissolved by the LTLA→UTLA lookup, matched to DfE codes through Provider_data_lookup,
simplified once as a coverage (shared borders stay shared, so no slivers open between neighbours),
projected and written as integer SVG path data. London's 33 councils are too small to point at on a
phone, so they are drawn again, larger, in an inset.

The result is committed as api/static/england-map.json (the API reads it and never needs ../shared or
shapely); `python -m geo.england_map` rebuilds it, and a test holds the committed file to a fresh build.

Contains public sector information licensed under the Open Government Licence v3.0 (ONS boundaries,
Ordnance Survey data © Crown copyright and database right).
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from graph.settings import PROJECT_ROOT, Settings

OUTPUT = PROJECT_ROOT / "api" / "static" / "england-map.json"
GEOJSON = Path("la_lookup/geo/local_authority_districts_boundaries.json")
LOOKUP = Path("la_lookup/LTLA-UTLA_Apr23_Lookup_England-Wales.csv")
PROVIDERS = Path("la_lookup/Provider_data_lookup.csv")
CURRENT_COUNCILS = 153

# The picture is this many units tall; integer coordinates then lose under a unit, well below what
# the simplification already drops.
HEIGHT = 1000
PAD = 6
# In projected units (the map is HEIGHT tall): about 500 m on the ground.
TOLERANCE = 0.5
# An equirectangular projection true at England's middle latitude: simple, and over 50-56°N it
# stretches east-west by under 5% at the edges, which a ratings map does not notice.
MID_LATITUDE = 53.0
INSET_SCALE = 3.4
INSET_MARGIN = 8


def read_csv(path: Path) -> list[dict[str, str]]:
    # utf-8-sig: both lookups start with a byte-order mark (SOURCES.md 4a, 4e).
    with path.open(newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def upper_tier_of(data_dir: Path) -> dict[str, tuple[str, str]]:
    """English district code -> (UTLA code, UTLA name)."""
    return {
        row["LTLA23CD"]: (row["UTLA23CD"], row["UTLA23NM"])
        for row in read_csv(data_dir / LOOKUP)
        if row["LTLA23CD"].startswith("E")
    }


def councils_by_upper_tier(data_dir: Path, upper: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    """UTLA code -> {code, name, region} of the current council it is.

    By GSS code, else by name: ONS recoded Barnsley and Sheffield in 2024 (E08000016 -> E08000038,
    E08000019 -> E08000039), after the April 2023 lookup.
    """
    rows = read_csv(data_dir / PROVIDERS)
    by_gss = {r["la_code_new"]: r for r in rows}
    by_name = {r["local_authority_ons_name"].casefold(): r for r in rows}
    matched: dict[str, dict[str, str]] = {}
    for utla, name in set(upper.values()):
        row = by_gss.get(utla) or by_name.get(name.casefold())
        if row is None:
            raise ValueError(f"{LOOKUP.name}: upper-tier authority {utla} {name} matches no council")
        region = row["rgn22nm"]
        # Provider_data_lookup mixes "The" and "the" (SOURCES.md 4a); the graph says "The".
        region = "Yorkshire and The Humber" if region.casefold() == "yorkshire and the humber" else region
        matched[utla] = {"code": row["la_code"], "name": row["local_authority_ons_name"], "region": region}
    return matched


def dissolve(data_dir: Path, upper: dict[str, tuple[str, str]]) -> dict[str, BaseGeometry]:
    """UTLA code -> the union of its districts' shapes (lon/lat)."""
    features = json.loads((data_dir / GEOJSON).read_text(encoding="utf-8"))["features"]
    parts: dict[str, list[BaseGeometry]] = defaultdict(list)
    for feature in features:
        district = feature["properties"]["LAD23CD"]
        if district in upper:
            parts[upper[district][0]].append(shapely.make_valid(shape(feature["geometry"])))
    missing = sorted(set(d for d in upper) - {f["properties"]["LAD23CD"] for f in features})
    if missing:
        raise ValueError(f"{GEOJSON.name}: no boundary for districts {', '.join(missing)}")
    return {utla: shapely.union_all(shapes) for utla, shapes in sorted(parts.items())}


def project(geom: BaseGeometry, box: tuple[float, float, float, float], scale: float) -> BaseGeometry:
    """lon/lat -> map units: x east, y down from the top of England's box."""
    west, _, _, north = box
    stretch = math.cos(math.radians(MID_LATITUDE))
    return shapely.transform(
        geom, lambda xy: [(PAD + (x - west) * stretch * scale, PAD + (north - y) * scale) for x, y in xy]
    )


def path_data(geom: BaseGeometry, offset: tuple[float, float] = (0, 0), factor: float = 1.0) -> str:
    """SVG path data with integer relative moves ("M12 30l3-1 0 4z"), rings too small to see dropped."""
    out: list[str] = []
    polygons = getattr(geom, "geoms", [geom])
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            points = [(round(offset[0] + x * factor), round(offset[1] + y * factor)) for x, y in ring.coords]
            points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(points) < 4:
                continue
            (x0, y0), steps = points[0], []
            # The last point repeats the first, and "z" draws that side.
            for (ax, ay), (bx, by) in itertools.pairwise(points[:-1]):
                steps.append(f"{bx - ax} {by - ay}")
            out.append(f"M{x0} {y0}l" + " ".join(steps).replace(" -", "-") + "z")
    return "".join(out)


def build_map(data_dir: Path) -> dict[str, Any]:
    """The map file's content: viewBox, London inset frame, and each council's code, name, region, path."""
    upper = upper_tier_of(data_dir)
    councils = councils_by_upper_tier(data_dir, upper)
    codes = sorted(c["code"] for c in councils.values())
    if len(set(codes)) != CURRENT_COUNCILS:
        raise ValueError(
            f"expected {CURRENT_COUNCILS} current councils, the boundaries give {len(set(codes))}"
        )
    shapes = dissolve(data_dir, upper)
    utlas = list(shapes)
    west, south, east, north = shapely.total_bounds(list(shapes.values()))
    scale = (HEIGHT - 2 * PAD) / (north - south)
    box = (west, south, east, north)
    projected = [project(shapes[u], box, scale) for u in utlas]
    simple = shapely.coverage_simplify(projected, TOLERANCE)
    width = math.ceil(shapely.total_bounds(projected)[2] + PAD)
    london = [i for i, u in enumerate(utlas) if councils[u]["region"] == "London"]
    inset = inset_frame(projected, london, width)
    fine = shapely.coverage_simplify([projected[i] for i in london], TOLERANCE / INSET_SCALE)
    fine_by_index = dict(zip(london, fine, strict=True))
    items = []
    for i, utla in enumerate(utlas):
        item: dict[str, Any] = dict(councils[utla])
        item["d"] = path_data(simple[i])
        item["box"] = [round(v) for v in simple[i].bounds]
        if i in fine_by_index:
            item["inset"] = path_data(fine_by_index[i], inset["offset"], INSET_SCALE)
        if not item["d"]:
            raise ValueError(f"{utla} {item['name']} vanished when simplified")
        items.append(item)
    items.sort(key=lambda c: c["code"])
    return {
        "licence": "Contains public sector information licensed under the Open Government Licence v3.0; "
        "contains Ordnance Survey data © Crown copyright and database right.",
        "viewBox": [0, 0, width, HEIGHT],
        "inset": inset["frame"],
        "councils": items,
    }


def inset_frame(projected: list[BaseGeometry], london: list[int], width: int) -> dict[str, Any]:
    """Where London's enlarged copy goes: the top left corner, over the Irish Sea (Wales is not drawn)."""
    lw, ls, le, ln = shapely.total_bounds([projected[i] for i in london])
    w, h = (le - lw) * INSET_SCALE, (ln - ls) * INSET_SCALE
    left, top = INSET_MARGIN, INSET_MARGIN
    frame = [round(left - 4), round(top - 4), round(w + 8), round(h + 8)]
    return {"frame": frame, "offset": (left - lw * INSET_SCALE, top - ls * INSET_SCALE)}


def map_json(data_dir: Path) -> str:
    """The file's text, deterministic for the same boundaries (sorted, fixed separators)."""
    return json.dumps(build_map(data_dir), ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    data_dir = Settings.model_fields["data_dir"].default
    OUTPUT.write_text(map_json(Path(sys.argv[1]) if len(sys.argv) > 1 else data_dir), encoding="utf-8")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()

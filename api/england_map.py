"""The map of England's councils coloured by their latest Ofsted grade (issue 15): the data both the
<ofsted-map> component and the /embed/map page draw, in one answer.

Shapes come from static/england-map.json (built from the ONS boundaries by geo/england_map.py); the
grades from the named query map_grades. The words (each council's detail, the legend) are made here
once, so the component only draws what it is given.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from api.database import Database, Row
from api.wording import GRADES, area_label, day_text, safe_url

SHAPES = Path(__file__).parent / "static" / "england-map.json"
FILLS = ("outstanding", "good", "requires_improvement", "inadequate", "post_reform", "none")
LEGEND = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement",
    "inadequate": "Inadequate",
    "post_reform": "No overall grade: reports published from mid-2026 give none (the four judgements are "
    "in each council's detail)",
    "none": "No inspection recorded",
}
MAP_LABEL = "Map of England's councils, each coloured by its latest Ofsted grade and linked to its widget"
HATCH = (
    '<defs><pattern id="map-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-ground"/>'
    '<rect width="2" height="6" class="hatch-line"/></pattern></defs>'
)


@cache
def shapes() -> dict[str, Any]:
    """The committed map file: viewBox, London inset frame, and each council's code, name, region, path."""
    return dict(json.loads(SHAPES.read_text(encoding="utf-8")))


async def map_data(db: Database, widget_url: str) -> dict[str, Any]:
    """Everything a map view draws: shapes with each council's fill, detail and link; legend; regions.

    `widget_url` is the council widget's address with "{code}" where the code goes.
    """
    rows = {r["code"]: r for r in await db.named("map_grades")}
    base = shapes()
    councils = [council_entry(shape, rows.get(shape["code"]), widget_url) for shape in base["councils"]]
    counts = {fill: sum(c["fill"] == fill for c in councils) for fill in FILLS}
    return {
        "label": MAP_LABEL,
        "viewBox": base["viewBox"],
        "inset": base["inset"],
        "defs": HATCH,
        "councils": councils,
        "legend": [{"fill": f, "label": LEGEND[f], "count": counts[f]} for f in FILLS if counts[f]],
        "regions": sorted({c["region"] for c in councils}),
        "licence": base["licence"],
    }


def council_entry(shape: dict[str, Any], row: Row | None, widget_url: str) -> dict[str, Any]:
    """One council: its shape, where it links, its fill and its detail in words."""
    name = row["name"] if row else shape["name"]
    region = (row or {}).get("region") or shape["region"]
    latest, graded = (row or {}).get("latest"), (row or {}).get("graded")
    fill, detail, judgements = describe(latest, graded)
    return {
        **{k: shape[k] for k in ("code", "d", "box") if k in shape},
        **({"inset": shape["inset"]} if "inset" in shape else {}),
        "name": name,
        "region": region,
        "fill": fill,
        "grade": detail,
        "judgements": judgements,
        "report": safe_url((latest or {}).get("report_url")),
        "href": widget_url.replace("{code}", shape["code"]),
    }


def describe(latest: Row | None, graded: Row | None) -> tuple[str, str, list[str]]:
    """(fill, the grade in words with its date, the latest inspection's judgements when it has no overall)."""
    if latest is None:
        return "none", "no inspection recorded", []
    when = _when(latest)
    if latest.get("overall"):
        return latest["overall"].lower(), f"{GRADES[latest['overall']]} ({when})", []
    judgements = [
        f"{area_label(j['area'])}: {GRADES[j['grade']]}"
        for j in sorted(latest.get("judgements") or [], key=lambda j: str(j["area"]))
    ]
    earlier = f"; last overall grade {GRADES[graded['overall']]} ({_when(graded)})" if graded else ""
    return "post_reform", f"no overall grade ({when}){earlier}", judgements


def _when(inspection: Row) -> str:
    day = inspection.get("start_date") or inspection.get("date") or inspection.get("published_date")
    return f"inspection of {day_text(day)}" if day else "inspection, date not stated"


def region_box(data: dict[str, Any], region: str | None) -> list[int]:
    """The viewBox that frames one region's councils (London's inset for London), or all England."""
    if not region:
        return list(data["viewBox"])
    if region == "London":
        return list(data["inset"])
    boxes = [c["box"] for c in data["councils"] if c["region"] == region]
    if not boxes:
        return list(data["viewBox"])
    x0, y0 = min(b[0] for b in boxes) - 8, min(b[1] for b in boxes) - 8
    x1, y1 = max(b[2] for b in boxes) + 8, max(b[3] for b in boxes) + 8
    return [x0, y0, x1 - x0, y1 - y0]

"""The timeline picture (an SVG) and the compact card's facts, from the widget query's answer (issue 15).

static/ofsted.js draws the same picture with the same arithmetic, function for function, so the
component and the iframe page show the same marks; a browser test holds their SVG markup equal.
Numbers are rounded to one decimal the same way in both (half up), and text widths are estimated,
not measured, so the layout never depends on the fonts a browser has.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape
from typing import Any

from api.wording import GRADES, KINDS, ROLES, day_text, partial_date, safe_url, sources_of

W = 320
LEFT = RIGHT = 10
FONT_WIDTH = 0.56  # a typical sans-serif character's width, in ems
FADE = 8
LEADER_ROLES = ("DIRECTOR_OF_CHILDRENS_SERVICES", "CHIEF_EXECUTIVE", "LEAD_MEMBER")
ROLE_NAMES = {
    "DIRECTOR_OF_CHILDRENS_SERVICES": "director of children's services",
    "CHIEF_EXECUTIVE": "chief executive",
    "LEAD_MEMBER": "lead member for children's services",
}
FULL = ("INSPECTION", "REINSPECTION")
INTERVENTION_KINDS = {
    "IMPROVEMENT_NOTICE": "DfE improvement notice",
    "STATUTORY_DIRECTION": "Statutory direction",
    "COMMISSIONER": "DfE commissioner",
    "CHILDRENS_TRUST": "Children's trust",
    "ALTERNATIVE_DELIVERY": "Alternative delivery model",
    "IMPROVEMENT_BOARD": "Improvement board",
    "DFE_ADVISER": "DfE adviser",
}
UNVERIFIED = "published source, not checked against a stored copy"
PROMPT = "Point at or tab to a mark for its details."
CAPTION = (
    "The picture shows the facts below: grades are written under each inspection, interim leaders are "
    "hatched, faded ends mean a date is uncertain, and gaps mean no one is known."
)
DEFS = (
    '<defs><pattern id="tl-hatch" width="4" height="4" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="4" height="4" class="hatch-ground"/>'
    '<rect width="1.6" height="4" class="hatch-line"/></pattern>'
    '<linearGradient id="tl-ramp-in"><stop offset="0" stop-color="#fff" stop-opacity="0"/>'
    '<stop offset="1" stop-color="#fff"/></linearGradient>'
    '<linearGradient id="tl-ramp-out"><stop offset="0" stop-color="#fff"/>'
    '<stop offset="1" stop-color="#fff" stop-opacity="0"/></linearGradient>'
    '<mask id="tl-fade-in" maskContentUnits="objectBoundingBox">'
    '<rect width="1" height="1" fill="url(#tl-ramp-in)"/></mask>'
    '<mask id="tl-fade-out" maskContentUnits="objectBoundingBox">'
    '<rect width="1" height="1" fill="url(#tl-ramp-out)"/></mask></defs>'
)


def num(value: float) -> str:
    """One decimal, half up, no trailing zero: what JavaScript's String(Math.round(v * 10) / 10) gives."""
    text = f"{math.floor(value * 10 + 0.5) / 10:.1f}"
    return text[:-2] if text.endswith(".0") else text


def years(date: str) -> float:
    """ "2017-06-13" as a fractional year; a month or a year alone as its first day."""
    parts = [int(p) for p in date[:10].split("-")]
    month = parts[1] if len(parts) > 1 else 1
    day = parts[2] if len(parts) > 2 else 1
    return parts[0] + (month - 1) / 12 + (day - 1) / 372


def period_end(date: str) -> float:
    """Where the period a partial date names ends: its month's or its year's end."""
    size = len(date[:10].split("-"))
    return years(date) + (1 / 12 if size == 2 else 1 if size == 1 else 0)


def text_width(text: str, size: float) -> float:
    return len(text) * size * FONT_WIDTH


def interventions_of(council: dict[str, Any]) -> list[dict[str, Any]]:
    """The council's DfE interventions (`Council.interventions`: the seed notice and board stand in
    there only where no published evidence describes one of their kind)."""
    return list(council["interventions"])


def intervention_bands(interventions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One band per intervention that has a start: kind, label in words, start, end (None: open), link,
    and whether the linked citation was checked against a stored copy (the contract's `verified`)."""
    bands = []
    for item in interventions:
        if not item.get("start"):
            continue
        link = first_link(item["citations"])
        unchecked = {c["source"].get("url") for c in item["citations"] if c.get("verified") is False}
        bands.append(
            {
                "kind": item["kind"],
                "label": INTERVENTION_KINDS.get(item["kind"], item["kind"].replace("_", " ").capitalize()),
                "name": item.get("name"),
                "start": item["start"],
                "end": item.get("end"),
                "link": link,
                "verified": link not in unchecked,
            }
        )
    return bands


def first_link(citations: list[dict[str, Any]]) -> str | None:
    """The first linked source, in the order the lists show sources."""
    return next((s["url"] for s in sources_of(citations) if s["url"]), None)


def inspection_day(i: dict[str, Any]) -> str | None:
    return i.get("startDate") or i.get("publishedDate")


@dataclass
class Mark:
    """One focusable mark: its shapes, where it links, and its detail in words (two lines)."""

    shapes: str
    link: str | None
    lines: tuple[str, str]


@dataclass
class Picture:
    """The picture being laid out: layers of markup, the marks, and how far down it has reached."""

    t0: float
    t1: float
    y: float = 0
    back: list[str] = field(default_factory=list)
    front: list[str] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)

    def x(self, t: float) -> float:
        return LEFT + (t - self.t0) / (self.t1 - self.t0) * (W - LEFT - RIGHT)

    def clip(self, x: float) -> float:
        return min(max(x, LEFT), W - RIGHT)

    def title(self, text: str) -> None:
        self.front.append(f'<text class="lane" x="{LEFT}" y="{num(self.y + 11)}">{escape(text)}</text>')
        self.y += 16


def span(council: dict[str, Any], today: str) -> tuple[float, float]:
    """First inspection's year to today (or, with no inspections, the first leader's evidence)."""
    days = [d for d in map(inspection_day, council["inspections"]) if d]
    days += [t["evidenceFrom"] for t in council["tenures"] if not days and t.get("evidenceFrom")]
    t0 = math.floor(years(min(days))) if days else math.floor(years(today)) - 1
    return t0, max(years(today), t0 + 1)


def timeline_svg(council: dict[str, Any], today: str) -> str:
    """The picture, as SVG markup, for an answer of static/council.graphql and today's date (UTC)."""
    t0, t1 = span(council, today)
    picture = Picture(t0, t1, y=4)
    top = picture.y
    draw_inspections(picture, council["inspections"])
    draw_bands(picture, intervention_bands(interventions_of(council)))
    for role in LEADER_ROLES:
        held = [t for t in council["tenures"] if t["role"] == role]
        if held:
            draw_leaders(picture, role, held)
    draw_axis(picture, top)
    draw_legend(picture)
    return render(picture, council["name"])


def draw_inspections(p: Picture, inspections: list[dict[str, Any]]) -> None:
    p.title("Ofsted inspections")
    cy = p.y + 8
    rows: list[float] = []
    for i in inspections:
        day = inspection_day(i)
        if not day:
            continue
        x = p.x(years(day))
        kind = KINDS[i["kind"]]
        when = f"{kind} of {day_text(day)}" if i.get("startDate") else f"{kind} published {day_text(day)}"
        link = safe_url(i.get("reportUrl")) or first_link([*i["citations"]])
        if i["kind"] not in FULL:
            shape = f'<circle class="visit" cx="{num(x)}" cy="{num(cy)}" r="3.5"/>'
            p.marks.append(Mark(shape, link, (when, "Visits are not graded")))
            continue
        word = GRADES[i["overall"]] if i.get("overall") else "No overall grade"
        fill = "fill-" + (i["overall"] or "none").lower()
        shape = f'<circle class="{fill}" cx="{num(x)}" cy="{num(cy)}" r="7"/>'
        p.marks.append(Mark(shape, link, (when, f"Overall effectiveness: {word}")))
        place_label(p, rows, x, cy, word)
    p.y = cy + 10 + 12 * max(len(rows), 1) + 4


def place_label(p: Picture, rows: list[float], x: float, cy: float, word: str) -> None:
    """The grade in words under its mark, on the first row where it overlaps no other label."""
    half = text_width(word, 10) / 2
    centre = min(max(x, half + 1), W - half - 1)
    row = next((r for r, end in enumerate(rows) if end + 4 <= centre - half), len(rows))
    if row == len(rows):
        rows.append(0)
    rows[row] = centre + half
    base = cy + 19 + 12 * row
    p.front.append(
        f'<line class="leader" x1="{num(x)}" y1="{num(cy + 7)}" x2="{num(x)}" y2="{num(base - 9)}"/>'
    )
    p.front.append(f'<text class="label" x="{num(centre)}" y="{num(base)}">{escape(word)}</text>')


def draw_bands(p: Picture, bands: list[dict[str, Any]]) -> None:
    if not bands:
        return
    p.title("DfE intervention")
    for band in bands:
        start = p.clip(p.x(years(band["start"]["date"])))
        end = p.clip(p.x(years(band["end"]["date"])) if band["end"] else W - RIGHT)
        kind = "band-board" if band["kind"] == "IMPROVEMENT_BOARD" else "band-notice"
        solid_end = end if band["end"] else max(start, end - 2 * FADE)
        shapes = rect(kind, start, p.y, solid_end - start)
        if not band["end"]:
            shapes += rect(kind, solid_end, p.y, end - solid_end, 'mask="url(#tl-fade-out)"')
        label = band["label"]
        lx = min(start + 3, W - RIGHT - text_width(label, 9))
        p.front.append(f'<text class="on-bar" x="{num(lx)}" y="{num(p.y + 10)}">{escape(label)}</text>')
        until = partial_date(band["end"])["text"] if band["end"] else "not known (no end stated)"
        second = f"From {partial_date(band['start'])['text']} to {until}"
        if not band["verified"]:
            second += f"; {UNVERIFIED}"
        first = band["label"] + (f": {band['name']}" if band["name"] else "")
        p.marks.append(Mark(shapes, band["link"], (first, second)))
        p.y += 18


def rect(cls: str, x: float, y: float, width: float, extra: str = "") -> str:
    if width <= 0:
        return ""
    more = f" {extra}" if extra else ""
    return f'<rect class="{cls}" x="{num(x)}" y="{num(y)}" width="{num(width)}" height="14"{more}/>'


def draw_leaders(p: Picture, role: str, held: list[dict[str, Any]]) -> None:
    p.title(ROLES[role])
    mid = p.y + 7
    p.back.append(f'<line class="gap" x1="{LEFT}" y1="{num(mid)}" x2="{W - RIGHT}" y2="{num(mid)}"/>')
    for index, t in enumerate(held):
        extent = tenure_extent(p, t)
        if extent is None:
            continue
        draw_tenure(p, role, index, t, extent)
    p.y += 20


def tenure_extent(p: Picture, t: dict[str, Any]) -> tuple[float, float, float, float] | None:
    """(fade starts, solid starts, solid ends, fade ends) in picture units, or None with no dates."""
    start, end = t.get("start"), t.get("end")
    if start:
        a = p.x(years(start["date"]))
        if start.get("certainty") in ("ON_OR_BEFORE", "BETWEEN", "PLANNED", "APPROXIMATE"):
            fade_in = (a - FADE, a)
        elif start["precision"] != "DAY":
            fade_in = (a, max(p.x(period_end(start["date"])), a + FADE))
        else:
            fade_in = (a, a)
    elif t.get("evidenceFrom"):
        a = p.x(years(t["evidenceFrom"]))
        fade_in = (a - FADE, a)
    else:
        return None
    if end:
        b = p.x(years(end["date"]))
        if end.get("certainty") == "ON_OR_BEFORE":
            fade_out = (b - FADE, b)
        elif end["precision"] != "DAY" or end.get("certainty") in ("BETWEEN", "PLANNED", "APPROXIMATE"):
            fade_out = (b, max(p.x(period_end(end["date"])), b + FADE))
        else:
            fade_out = (b, b)
    else:
        b = p.x(years(t["evidenceTo"])) if t.get("evidenceTo") else fade_in[1]
        fade_out = (b, b + FADE)
    solid_end = max(fade_out[0], fade_in[1])
    return p.clip(fade_in[0]), p.clip(fade_in[1]), p.clip(solid_end), p.clip(fade_out[1])


def draw_tenure(
    p: Picture, role: str, index: int, t: dict[str, Any], extent: tuple[float, float, float, float]
) -> None:
    fade_start, solid_start, solid_end, fade_end = extent
    fill = ' fill="url(#tl-hatch)"' if t.get("interim") else ""
    cls = f"bar bar-{index % 2}" + (" interim" if t.get("interim") else "")
    shapes = rect(cls, fade_start, p.y, solid_start - fade_start, f'mask="url(#tl-fade-in)"{fill}'.strip())
    shapes += rect(cls, solid_start, p.y, solid_end - solid_start, fill.strip())
    shapes += rect(cls, solid_end, p.y, fade_end - solid_end, f'mask="url(#tl-fade-out)"{fill}'.strip())
    name = t["person"]["name"] if t.get("person") else "Name not stated"
    if text_width(name, 9) + 4 <= solid_end - solid_start:
        p.front.append(
            f'<text class="on-bar" x="{num(solid_start + 2)}" y="{num(p.y + 10)}">{escape(name)}</text>'
        )
    who = f"{name}, {'interim ' if t.get('interim') else ''}{ROLE_NAMES[role]}"
    p.marks.append(Mark(shapes, first_link(t["citations"]), (who, f"From {held_from(t)} to {held_to(t)}")))


def held_from(t: dict[str, Any]) -> str:
    if t.get("start"):
        return str(partial_date(t["start"])["text"])
    return f"not stated (in post by {day_text(t['evidenceFrom'])})" if t.get("evidenceFrom") else "not stated"


def held_to(t: dict[str, Any]) -> str:
    if t.get("end"):
        return str(partial_date(t["end"])["text"])
    return (
        f"not stated (last shown in post {day_text(t['evidenceTo'])})"
        if t.get("evidenceTo")
        else "not stated"
    )


def draw_axis(p: Picture, top: float) -> None:
    first, last = math.ceil(p.t0), math.floor(p.t1)
    step = 1 if last - first <= 8 else 2 if last - first <= 16 else 5
    p.y += 2
    p.front.append(f'<line class="axis" x1="{LEFT}" y1="{num(p.y)}" x2="{W - RIGHT}" y2="{num(p.y)}"/>')
    for year in range(first, last + 1):
        if (year - first) % step:
            continue
        x = p.x(year)
        p.back.append(f'<line class="grid" x1="{num(x)}" y1="{num(top)}" x2="{num(x)}" y2="{num(p.y + 3)}"/>')
        centre = min(max(x, 12), W - 12)
        p.front.append(f'<text class="year" x="{num(centre)}" y="{num(p.y + 14)}">{year}</text>')
    p.y += 22


def draw_legend(p: Picture) -> None:
    y = p.y
    p.front.append(
        f'<rect class="bar interim" x="{LEFT}" y="{num(y)}" width="16" height="10" fill="url(#tl-hatch)"/>'
        f'<text class="key" x="{LEFT + 20}" y="{num(y + 9)}">interim</text>'
        f'<rect class="bar bar-0" x="{LEFT + 66}" y="{num(y)}" width="16" height="10" '
        'mask="url(#tl-fade-out)"/>'
        f'<text class="key" x="{LEFT + 86}" y="{num(y + 9)}">date uncertain</text>'
        f'<line class="gap" x1="{LEFT + 164}" y1="{num(y + 5)}" x2="{LEFT + 180}" y2="{num(y + 5)}"/>'
        f'<text class="key" x="{LEFT + 184}" y="{num(y + 9)}">not known</text>'
    )
    p.y += 18


def render(p: Picture, name: str) -> str:
    """The SVG: background, marks (links in time order within each lane), labels, and the detail line
    each mark shows on hover or focus, in space kept free for it so it never covers the picture."""
    detail_y = p.y + 10
    height = detail_y + 22
    marks = "".join(render_mark(mark, detail_y) for mark in p.marks)
    prompt = f'<text class="prompt" x="{LEFT}" y="{num(detail_y)}">{PROMPT}</text>'
    label = f"Timeline of {name}'s Ofsted inspections, DfE intervention and leaders"
    return (
        f'<svg class="tl" viewBox="0 0 {W} {num(height)}" role="group" aria-label="{escape(label)}">'
        f'{DEFS}<g aria-hidden="true">{"".join(p.back)}</g>{marks}'
        f'<g aria-hidden="true">{"".join(p.front)}{prompt}</g></svg>'
    )


def render_mark(mark: Mark, detail_y: float) -> str:
    first, second = (escape(line) for line in mark.lines)
    words = escape(f"{mark.lines[0]}: {mark.lines[1]}")
    detail = (
        f'<g class="detail"><rect class="detail-ground" x="0" y="{num(detail_y - 11)}" width="{W}" '
        f'height="30"/><text x="{LEFT}" y="{num(detail_y)}">{first}</text>'
        f'<text x="{LEFT}" y="{num(detail_y + 13)}">{second}</text></g>'
    )
    if mark.link:
        return (
            f'<a class="mark" href="{escape(mark.link)}" target="_blank" aria-label="{words}">'
            f"{mark.shapes}{detail}</a>"
        )
    return f'<g class="mark" tabindex="0" role="img" aria-label="{words}">{mark.shapes}{detail}</g>'

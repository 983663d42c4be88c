"""The timeline picture, the compact card and the map (issue 15) in headless Chromium: what they show
for Gloucestershire, that the component and the iframe page draw the same picture, keyboard reach,
a 320-pixel screen, and axe-core. Screenshots go to test-artefacts/."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.test_widgets_browser import (  # noqa: F401  (fixtures)
    Chromium,
    Page,
    api,
    chromium,
    site,
)

# Every <ofsted-council> and <ofsted-map> on the page has finished loading; their states.
SETTLED = """new Promise((resolve, reject) => {
  const started = Date.now();
  const check = () => {
    const states = [...document.querySelectorAll("ofsted-council, ofsted-map")].map((el) => el.dataset.state);
    if (states.length && states.every((s) => s && s !== "loading")) resolve(states);
    else if (Date.now() - started > 20000) reject(new Error("widgets still loading: " + states));
    else setTimeout(check, 50);
  };
  check();
})"""

# The element that has focus, looking into shadow roots.
FOCUSED = """(() => { let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el ? (el.getAttribute("aria-label") || el.textContent.trim()) : null; })()"""

MARKS = """[...ROOT.querySelectorAll("svg.tl .mark")].map((m) => ({
  label: m.getAttribute("aria-label"), href: m.getAttribute("href"),
  x: m.querySelector("circle, rect").getBBox().x,
  fills: [...m.querySelectorAll("rect:not(.detail-ground)")].map((r) => r.getAttribute("fill")),
  classes: m.querySelector("circle, rect").getAttribute("class")}))"""

DIRECTORS = ["Ann Early", "Ian Terim", "Nell Later"]
GOOD_FILL = "rgb(147, 201, 139)"  # --ofsted-map-good's default, #93c98b


@contextmanager
def sized(page: Page, width: int, height: int = 900) -> Iterator[Page]:
    page.send(
        "Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=True
    )
    yield page


def component_root(index: int = 0) -> str:
    return f'document.querySelectorAll("ofsted-council")[{index}].shadowRoot'


def tab_through(page: Page, presses: int) -> list[str]:
    seen = []
    for _ in range(presses):
        for kind in ("keyDown", "keyUp"):
            page.send("Input.dispatchKeyEvent", type=kind, key="Tab", code="Tab", windowsVirtualKeyCode=9)
        seen.append(page.evaluate(FOCUSED))
    return seen


def test_the_timeline_shows_the_grades_the_directors_in_order_and_the_notice_band(
    chromium: Chromium, site: str
) -> None:
    with chromium.page() as page:
        page.open(f"{site}/embed/council/916")
        marks = page.evaluate(MARKS.replace("ROOT", "document"))
        labels = page.evaluate(
            '[...document.querySelectorAll("svg.tl text.label")].map((t) => t.textContent)'
        )
        page.screenshot("widget-timeline-916.png")
    by_label = {m["label"]: m for m in marks}
    inadequate = by_label["Inspection of 27 February 2017: Overall effectiveness: Inadequate"]
    good = by_label["Inspection of 20 January 2025: Overall effectiveness: Good"]
    assert (inadequate["classes"], good["classes"]) == ("fill-inadequate", "fill-good")
    assert inadequate["href"].endswith("/2687510") and good["href"].endswith("/50269734")
    assert labels == ["Inadequate", "Good"]
    assert "Monitoring visit of 9 January 2018: Visits are not graded" in by_label
    directors = [m for m in marks if "director of children's services" in m["label"]]
    assert [m["label"].split(",")[0] for m in directors] == DIRECTORS
    assert [m["x"] for m in directors] == sorted(m["x"] for m in directors)
    interim = [m for m in directors if "interim" in m["label"]]
    assert [m["label"].split(",")[0] for m in interim] == ["Ian Terim"]
    assert set(interim[0]["fills"]) == {"url(#tl-hatch)"}
    assert all(set(m["fills"]) == {None} for m in directors if m not in interim)
    (notice,) = [m for m in marks if m["label"].startswith("DfE improvement notice")]
    assert (
        notice["label"]
        == "DfE improvement notice: From August 2017 (day unknown) to not known (no end stated)"
    )
    assert inadequate["x"] < notice["x"] < good["x"]


def test_the_component_draws_the_same_picture_as_the_iframe_page(chromium: Chromium, site: str) -> None:
    with chromium.page() as page:
        page.open(f"{site}/widgets/demo?codes=916")
        page.evaluate(SETTLED)
        drawn = page.evaluate(f'{component_root()}.querySelector("svg.tl").outerHTML')
        page.open(f"{site}/embed/council/916")
        served = page.evaluate('document.querySelector("svg.tl").outerHTML')
    assert drawn.count('class="mark"') >= 9
    assert drawn == served


def test_the_card_names_the_latest_grade_and_fits_320_by_180(chromium: Chromium, site: str) -> None:
    box = "(({width, height}) => [width, height])(EL.getBoundingClientRect())"
    with chromium.page() as page:
        page.open(f"{site}/widgets/demo?codes=916")
        page.evaluate(SETTLED)
        drawn = page.evaluate(f'{component_root(1)}.querySelector(".ofsted").innerText')
        drawn_box = page.evaluate(box.replace("EL", f'{component_root(1)}.querySelector(".ofsted")'))
    with chromium.page() as page, sized(page, 320, 180):
        page.open(f"{site}/embed/council/916?view=card")
        served = page.evaluate('document.querySelector("main").innerText')
        served_box = page.evaluate(box.replace("EL", 'document.querySelector("main")'))
        page.screenshot("widget-card-916.png")
    words = " ".join(served.split())
    assert "Latest grade: Good, 20 January 2025" in words
    assert "DCS: Nell Later (last shown in post 7 March 2025)" in words
    assert " ".join(drawn.split()) == words
    for width, height in (served_box, drawn_box):
        assert width <= 320 and height <= 180, (width, height)


def test_the_map_has_153_council_shapes_and_gloucestershire_is_good(chromium: Chromium, site: str) -> None:
    check = """((root) => { const links = [...root.querySelectorAll("svg.map a")];
      const glos = links.find((a) => a.getAttribute("aria-label").startsWith("Gloucestershire"));
      const path = glos.querySelector("path");
      return [links.length, glos.getAttribute("aria-label"), path.getAttribute("class"), getComputedStyle(path).fill,
              glos.getAttribute("href")]; })"""
    with chromium.page() as page:
        page.open(f"{site}/embed/map")
        served = page.evaluate(f"{check}(document)")
        page.screenshot("widget-map.png")
        page.open(f"{site}/widgets/demo?codes=916")
        page.evaluate(SETTLED)
        drawn = page.evaluate(f'{check}(document.querySelector("ofsted-map").shadowRoot)')
        requests = page.requests_to(f"{site}/widgets/map.json")
    for count, label, fill, colour, href in (served, drawn):
        assert count == 153
        assert label == "Gloucestershire: Good (inspection of 20 January 2025)"
        assert (fill, colour) == ("fill-good", GOOD_FILL)
        assert href.endswith("/embed/council/916")
    assert len(requests) == 1


def test_the_region_filter_keeps_one_region_on_the_map_and_in_the_table(
    chromium: Chromium, site: str
) -> None:
    visible = """((root) => [[...root.querySelectorAll("svg.map a")].filter((a) => a.getClientRects().length).length,
                           root.querySelectorAll("tbody tr").length])"""
    with chromium.page() as page:
        page.open(f"{site}/embed/map?region=South%20West")
        served = page.evaluate(f"{visible}(document)")
        page.open(f"{site}/widgets/demo?codes=916")
        page.evaluate(SETTLED)
        page.evaluate("""(() => { const root = document.querySelector("ofsted-map").shadowRoot;
                         root.querySelector('button[data-region="South West"]').click(); })()""")
        drawn = page.evaluate(f'{visible}(document.querySelector("ofsted-map").shadowRoot)')
    assert served == drawn == [15, 15]


@pytest.mark.parametrize(
    ("path", "presses"), [("/embed/council/916", 40), ("/embed/map", 175), ("/widgets/demo?codes=916", 80)]
)
def test_every_mark_and_council_is_reachable_by_keyboard(
    chromium: Chromium, site: str, path: str, presses: int
) -> None:
    with chromium.page() as page:
        page.open(site + path)
        if "demo" in path:
            page.evaluate(SETTLED)
            wanted = page.evaluate(
                f"""[...{component_root()}.querySelectorAll("svg.tl .mark")].map((m) => m.getAttribute("aria-label"))"""
            )
        else:
            wanted = page.evaluate(
                """[...document.querySelectorAll("svg.tl .mark, svg.map a")].map((m) => m.getAttribute("aria-label"))"""
            )
        reached = set(tab_through(page, presses))
    assert len(wanted) >= 9
    assert [w for w in wanted if w not in reached] == []


@pytest.mark.parametrize(
    "path", ["/embed/council/916", "/embed/council/916?view=card", "/embed/map", "/widgets/demo?codes=916"]
)
def test_each_view_fits_a_320_pixel_screen(chromium: Chromium, site: str, path: str) -> None:
    with chromium.page() as page, sized(page, 320):
        page.open(site + path)
        if "demo" in path:
            page.evaluate(SETTLED)
        width = page.evaluate("document.documentElement.scrollWidth")
        name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-")
        page.screenshot(f"widget-320-{name}.png")
    assert width <= 320


@pytest.mark.parametrize("path", ["/embed/council/916?view=card", "/embed/map", "/embed/map?region=London"])
def test_axe_finds_no_serious_or_critical_violations_in_the_new_views(
    chromium: Chromium, site: str, path: str
) -> None:
    with chromium.page() as page:
        page.open(site + path)
        violations = page.audit()
    serious = [v for v in violations if v["impact"] in {"serious", "critical"}]
    assert serious == [], json.dumps(serious, indent=1)

"""The widgets in headless Chromium against the running app (uvicorn on a free port): what the
component renders, the iframe page with JavaScript off, the messages, one GraphQL GET per widget,
and an axe-core audit; then the timeline picture, the compact card and the map (issue 15): what they
show for Gloucestershire, that the component and the iframe page draw the same picture, keyboard
reach, a 320-pixel screen, and axe-core. Screenshots go to test-artefacts/.

Chromium is driven over its DevTools protocol with websocket-client, so the tests need no browser
download: Chromium comes from Debian and axe-core from npm (scripts/system-deps.sh, `make install`).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
import websocket
from fastapi import FastAPI
from neo4j import Driver

from api.app import create_app
from api.limits import Limits
from graph.settings import PROJECT_ROOT, Settings
from loaders.write import write_graph
from tests.conftest import make_test_settings
from tests.test_widgets import DIRECTORS, _inspection, _Page, gloucestershire_content

AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTEFACTS = PROJECT_ROOT / "test-artefacts"
WAIT_SECONDS = 30.0

# Resolves once every widget on the page has finished loading, with the state of each.
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

SHADOW_TEXT = 'document.querySelector("ofsted-council").shadowRoot.querySelector(".ofsted").innerText'

AUDIT = """axe.run(document, {iframes: false, resultTypes: ["violations"]}).then((r) =>
  r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
                            targets: v.nodes.map((n) => n.target)})))"""


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:
        """The test process keeps its own signal handlers; the fixture stops the server."""


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """Serve the app with uvicorn in a thread on a free port; its base URL, until the block ends."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = _Server(uvicorn.Config(app, log_level="warning", ws="none", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT_SECONDS
    while not server.started:
        assert thread.is_alive(), "uvicorn stopped on start"
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(WAIT_SECONDS)
        sock.close()


class Chromium:
    """A headless Chromium with its DevTools endpoint on a free port."""

    def __init__(self, profile: Path) -> None:
        binary = shutil.which("chromium")
        assert binary, "Chromium is missing: `make install` installs it (scripts/system-deps.sh)"
        flags = [
            "--headless",
            # Chromium refuses to run as root (as CI does) inside its own sandbox.
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "about:blank",
        ]
        self.process = subprocess.Popen(
            [binary, *flags], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        self.port = self._port(profile / "DevToolsActivePort")

    def _port(self, announced: Path) -> int:
        deadline = time.monotonic() + WAIT_SECONDS
        while not (announced.exists() and announced.read_text().strip()):
            assert self.process.poll() is None, "Chromium exited on start"
            assert time.monotonic() < deadline, "Chromium did not open its DevTools port"
            time.sleep(0.1)
        return int(announced.read_text().splitlines()[0])

    def _http(self, path: str, method: str = "GET") -> Any:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method)
        with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
            return json.loads(response.read() or b"null")

    @contextmanager
    def page(self, *, javascript: bool = True) -> Iterator[Page]:
        target = self._http("/json/new?about:blank", method="PUT")
        page = Page(target["webSocketDebuggerUrl"], javascript=javascript)
        try:
            yield page
        finally:
            page.close()
            urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/close/{target['id']}").close()

    def stop(self) -> None:
        # The browser and its renderers share the session started for it.
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(WAIT_SECONDS)


class Page:
    """One tab, spoken to over the DevTools protocol: navigate, evaluate, read the DOM, screenshot."""

    def __init__(self, url: str, *, javascript: bool) -> None:
        self.ws = websocket.create_connection(url, timeout=WAIT_SECONDS, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        for method in ("Page.enable", "Network.enable"):
            self.send(method)
        self.send(
            "Emulation.setDeviceMetricsOverride", width=1000, height=900, deviceScaleFactor=1, mobile=False
        )
        self.send("Emulation.setScriptExecutionDisabled", value=not javascript)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") != self.next_id:
                self.events.append(message)
            elif "error" in message:
                raise AssertionError(f"{method}: {message['error']}")
            else:
                return dict(message["result"])

    def open(self, url: str) -> None:
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + WAIT_SECONDS
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            assert time.monotonic() < deadline, f"{url} did not load"
            self.events.append(json.loads(self.ws.recv()))

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise AssertionError(result["exceptionDetails"])
        return result["result"].get("value")

    def html(self) -> str:
        """The page's markup as the browser holds it, read without running any script in it."""
        root = self.send("DOM.getDocument", depth=-1)["root"]
        return str(self.send("DOM.getOuterHTML", nodeId=root["nodeId"])["outerHTML"])

    def requests_to(self, url_prefix: str) -> list[dict[str, Any]]:
        return [
            e["params"]["request"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent"
            and e["params"]["request"]["url"].startswith(url_prefix)
        ]

    def responses_from(self, url_prefix: str) -> list[dict[str, Any]]:
        return [
            e["params"]["response"]
            for e in self.events
            if e.get("method") == "Network.responseReceived"
            and e["params"]["response"]["url"].startswith(url_prefix)
        ]

    def screenshot(self, name: str) -> Path:
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        ARTEFACTS.mkdir(exist_ok=True)
        path = ARTEFACTS / name
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def audit(self) -> list[dict[str, Any]]:
        """axe-core's violations on this page (shadow roots included)."""
        assert AXE.exists(), "axe-core is missing: `make install` runs npm ci"
        self.evaluate(AXE.read_text(encoding="utf-8"))
        return list(self.evaluate(AUDIT))

    def close(self) -> None:
        self.ws.close()


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    browser = Chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield browser
    finally:
        browser.stop()


@pytest.fixture(scope="module")
def api(neo4j: Driver, settings: Settings) -> Iterator[str]:
    with serving(create_app(settings)) as base:
        yield base


@pytest.fixture
def site(api: str, graph: Driver, settings: Settings) -> str:
    """The running API's base URL, with the synthetic Gloucestershire loaded."""
    write_graph(graph, settings.neo4j_database, gloucestershire_content())
    return api


def test_the_component_renders_the_2017_and_2025_ratings_and_the_directors_in_order(
    chromium: Chromium, site: str
) -> None:
    with chromium.page() as page:
        page.open(f"{site}/widgets/demo?codes=916")
        assert page.evaluate(SETTLED) == ["ready", "ready", "ready"]  # the full widget, the card, the map
        rows = page.evaluate(
            """[...document.querySelector("ofsted-council").shadowRoot.querySelectorAll("tbody tr")]
               .map((tr) => [...tr.cells].map((cell) => cell.innerText.trim()))"""
        )
        directors = page.evaluate(
            """[...document.querySelector("ofsted-council").shadowRoot.querySelector(".timeline")
               .querySelectorAll("li")].map((li) => li.innerText)"""
        )
        page.screenshot("widget-component-916.png")
    assert [(r[0], r[2]) for r in rows] == [
        ("27 February 2017", "Inadequate"),
        ("9 January 2018", "Not graded"),
        ("20 January 2025", "Good"),
    ]
    assert [d.split(".")[0] for d in directors] == [DIRECTORS[0], f"{DIRECTORS[1]} interim", DIRECTORS[2]]
    assert "by August 2017 (day unknown)" in directors[1]


def test_one_cacheable_graphql_get_per_widget(chromium: Chromium, site: str) -> None:
    with chromium.page() as page:
        page.open(f"{site}/widgets/demo?codes=916,999")
        # Each council's full widget and card, then the map.
        assert page.evaluate(SETTLED) == ["ready", "ready", "unknown", "unknown", "ready"]
        requests = page.requests_to(f"{site}/graphql")
        responses = page.responses_from(f"{site}/graphql")
    # The full widget and the card ask the same cacheable GET, so a cache may answer the second.
    assert {r["method"] for r in requests} == {"GET"}
    assert len({r["url"] for r in requests}) == 2
    assert {r["headers"].get("cache-control") for r in responses if r["status"] == 200} == {
        "public, max-age=300"
    }


def test_the_component_keeps_its_styles_to_itself(chromium: Chromium, site: str) -> None:
    with chromium.page() as page:
        page.open(f"{site}/widgets/demo?codes=916")
        page.evaluate(SETTLED)
        leaked = page.evaluate(
            """[...document.styleSheets].flatMap((s) => [...s.cssRules])
               .filter((r) => r.cssText.includes(".ofsted")).length"""
        )
        themed = page.evaluate(
            """(() => { const el = document.querySelector("ofsted-council");
               el.style.setProperty("--ofsted-link", "rgb(1, 2, 3)");
               return getComputedStyle(el.shadowRoot.querySelector("td a")).color; })()"""
        )
    assert leaked == 0
    assert themed == "rgb(1, 2, 3)"


def test_the_component_and_the_iframe_page_show_the_same_text(chromium: Chromium, site: str) -> None:
    with chromium.page() as page:
        page.open(f"{site}/widgets/demo?codes=916")
        page.evaluate(SETTLED)
        component = page.evaluate(SHADOW_TEXT)
        page.open(f"{site}/embed/council/916")
        embedded = page.evaluate('document.querySelector("main").innerText')
    assert _words(component) == _words(embedded)


def test_the_iframe_page_renders_with_javascript_disabled(chromium: Chromium, site: str) -> None:
    with chromium.page(javascript=False) as page:
        page.open(f"{site}/widgets/demo?codes=916")
        demo = page.html()
        page.open(f"{site}/embed/council/916")
        embed = page.html()
        page.screenshot("widget-embed-916-no-javascript.png")
    # The component stayed an empty element, so no script ran ...
    assert '<ofsted-council code="916" heading-level="4"></ofsted-council>' in demo
    # ... and the iframe page still shows everything.
    text = _Page(embed).text
    assert "27 February 2017 Inspection (SIF) Inadequate" in text
    assert "20 January 2025 Inspection (ILACS standard) Good" in text
    assert [text.index(name) for name in DIRECTORS] == sorted(text.index(name) for name in DIRECTORS)


def test_show_and_heading_level_choose_the_parts_and_the_outline(chromium: Chromium, site: str) -> None:
    with chromium.page() as page:
        page.open(f"{site}/widgets/demo?codes=916")
        page.evaluate(SETTLED)
        drawn = page.evaluate(
            """new Promise((resolve) => {
              const el = document.querySelector("ofsted-council");
              el.setAttribute("show", "leaders");
              el.setAttribute("heading-level", "2");
              const check = () => {
                const root = el.shadowRoot;
                if (el.dataset.state === "ready" && !root.querySelector("table")) {
                  resolve([...root.querySelectorAll("h2, h3, h4")].map((h) => h.tagName + " " + h.innerText));
                } else setTimeout(check, 50);
              };
              check();
            })"""
        )
    assert drawn[:3] == [
        "H2 Gloucestershire: Ofsted ratings and leadership",
        "H3 Leadership timeline",
        "H4 Directors of children's services",
    ]
    assert not any("rating history" in h or "intervention" in h for h in drawn)


def test_an_unknown_code_shows_a_message(chromium: Chromium, site: str) -> None:
    with chromium.page() as page:
        page.open(f"{site}/widgets/demo?codes=999")
        assert page.evaluate(SETTLED) == ["unknown", "unknown", "ready"]
        message = page.evaluate(SHADOW_TEXT)
    assert message.startswith('No council has the code "999".')


def test_with_neo4j_down_the_component_says_so(chromium: Chromium) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    down = make_test_settings(neo4j_uri=f"bolt://127.0.0.1:{port}")
    with serving(create_app(down, Limits(query_timeout_seconds=1.0))) as base, chromium.page() as page:
        page.open(f"{base}/widgets/demo?codes=916")
        assert page.evaluate(SETTLED) == ["down", "down", "down"]
        message = page.evaluate(SHADOW_TEXT)
    assert message.startswith("Ofsted ratings can't be shown just now: the data service is not answering.")


@pytest.mark.parametrize("path", ["/widgets/demo?codes=916", "/embed/council/916", "/embed/council/999"])
def test_axe_finds_no_serious_or_critical_violations(chromium: Chromium, site: str, path: str) -> None:
    with chromium.page() as page:
        page.open(site + path)
        if "demo" in path:
            page.evaluate(SETTLED)
        violations = page.audit()
    serious = [v for v in violations if v["impact"] in {"serious", "critical"}]
    assert serious == [], json.dumps(serious, indent=1)


# The element that has focus, looking into shadow roots.
FOCUSED = """(() => { let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el ? (el.getAttribute("aria-label") || el.textContent.trim()) : null; })()"""

MARKS = """[...ROOT.querySelectorAll("svg.tl .mark")].map((m) => ({
  label: m.getAttribute("aria-label"), href: m.getAttribute("href"),
  x: m.querySelector("circle, rect").getBBox().x,
  fills: [...m.querySelectorAll("rect:not(.detail-ground)")].map((r) => r.getAttribute("fill")),
  classes: m.querySelector("circle, rect").getAttribute("class")}))"""

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
    assert inadequate["href"].endswith("/2687510")
    assert good["href"].endswith("/50269734")
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
        assert width <= 320, width
        assert height <= 180, height


def test_the_map_has_153_council_shapes_and_gloucestershire_is_good(chromium: Chromium, site: str) -> None:
    check = """((root) => { const links = [...root.querySelectorAll("svg.map a")];
      const glos = links.find((a) => a.getAttribute("aria-label").startsWith("Gloucestershire"));
      const path = glos.querySelector("path");
      return [links.length, glos.getAttribute("aria-label"), path.getAttribute("class"),
              getComputedStyle(path).fill, glos.getAttribute("href")]; })"""
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
    visible = """((root) => [
      [...root.querySelectorAll("svg.map a")].filter((a) => a.getClientRects().length).length,
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
            root, marks = component_root(), "svg.tl .mark"
        else:
            root, marks = "document", "svg.tl .mark, svg.map a"
        wanted = page.evaluate(
            f'[...{root}.querySelectorAll("{marks}")].map((m) => m.getAttribute("aria-label"))'
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


def test_a_rating_with_no_named_director_shows_the_answer_in_words_issue_18(
    api: str, graph: Driver, settings: Settings, tmp_path: Path
) -> None:
    # Two ratings no director's evidence covers: one before Ann Early's start, one after Nell Later's
    # last evidence (the latest, so the card shows it too).
    content = gloucestershire_content()
    for iid, start, published, grade in (
        ("916/inspection/2012-10-01", "2012-10-01", "2012-11-20", "REQUIRES_IMPROVEMENT"),
        ("916/inspection/2026-05-11", "2026-05-11", "2026-07-03", "GOOD"),
    ):
        framework = "SIF" if start < "2018" else "ILACS standard"
        grades = {"overall_effectiveness": grade}
        content.inspections.append(
            _inspection(
                iid, "inspection", start, published, "report:2017", framework=framework, grades=grades
            )
        )
    content.inspections.sort(key=lambda i: i.start_date or "")
    write_graph(graph, settings.neo4j_database, content)
    before = "Director of children's services then: not known; next shown in post January 2013: Ann Early"
    after = "Director of children's services then: not known; last shown in post 7 March 2025: Nell Later"
    # A browser of its own: the module's browser keeps the earlier tests' answers for this same URL
    # in its HTTP cache (Cache-Control lets it), and this test changed the graph under them.
    chromium = Chromium(tmp_path / "chromium-profile")
    try:
        drawn, card, served, served_card = _answers_in_words(chromium, api)
    finally:
        chromium.stop()
    graded = [_words(c) for c in drawn if not c.startswith("Not graded")]
    assert graded == [
        f"Requires improvement {before}",
        "Inadequate",  # Ann Early covers it
        "Good",  # Nell Later covers it
        f"Good {after}",
    ]
    assert [_words(c) for c in served] == [_words(c) for c in drawn]
    assert after in _words(card)
    assert _words(card) == _words(served_card)


def _answers_in_words(chromium: Chromium, api: str) -> tuple[list[str], str, list[str], str]:
    cells = """[...ROOT.querySelectorAll("tbody tr")].map((tr) => tr.cells[2].innerText.trim())"""
    with chromium.page() as page:
        page.open(f"{api}/widgets/demo?codes=916")
        assert page.evaluate(SETTLED) == ["ready", "ready", "ready"]
        drawn = page.evaluate(cells.replace("ROOT", component_root(0)))
        card = page.evaluate(f'{component_root(1)}.querySelector(".ofsted").innerText')
    with chromium.page(javascript=False) as page:
        page.open(f"{api}/embed/council/916")
        served = page.evaluate(cells.replace("ROOT", "document"))
        page.open(f"{api}/embed/council/916?view=card")
        served_card = page.evaluate('document.querySelector("main").innerText')
    return drawn, card, served, served_card

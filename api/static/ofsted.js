// <ofsted-council code="916"></ofsted-council>: a council's Ofsted ratings, leadership timeline and
// DfE intervention, from one cacheable GraphQL GET to the API that served this script.
// Attributes: code (a DfE local authority code), show (any of "interventions ratings leaders"),
// heading-level (of the title, 1 to 4; default 2). The host gets data-state="loading", "ready",
// "unknown", "down" or "failed". Markup and wording match the iframe page
// (api/templates/council.html); a browser test holds the two to the same text.

// The server fills these three in when it serves this file (api/widgets.py), so the query, the
// styles and the wording are the iframe page's own.
const QUERY = /*QUERY*/"";
const STYLE = /*STYLE*/"";
const LABELS = /*LABELS*/{};

const API = new URL("/graphql", import.meta.url);
const PARTS = ["interventions", "ratings", "leaders"];
const CODE = /^[A-Za-z0-9]{1,12}$/;
const DOUBTFUL = ["ON_OR_BEFORE", "PLANNED", "BETWEEN"];

// Markup from template literals: every value is escaped unless it is markup built here.
class Html {
  constructor(text) { this.text = text; }
}
const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const piece = (value) =>
  value instanceof Html ? value.text
  : Array.isArray(value) ? value.map(piece).join("")
  : value === null || value === undefined || value === false ? ""
  : String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
const html = (strings, ...values) =>
  new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? piece(values[i]) : ""), ""));

function dayText(date) {
  const [year, month, day] = date.slice(0, 10).split("-");
  const name = month && LABELS.months[Number(month) - 1];
  return day ? `${Number(day)} ${name} ${year}` : month ? `${name} ${year}` : year;
}

function partial(value) {
  let text = dayText(value.date);
  if (value.precision === "MONTH") text += " (day unknown)";
  else if (value.precision === "YEAR") text += " (month unknown)";
  if (value.certainty === "ON_OR_BEFORE") text = "by " + text;
  else if (value.certainty === "PLANNED") text += " (planned)";
  else if (value.certainty === "BETWEEN") text = "about " + text;
  const uncertain = value.precision !== "DAY" || DOUBTFUL.includes(value.certainty);
  return { datetime: value.date, text, uncertain };
}

const when = (v) => html`<time datetime="${v.datetime}"${v.uncertain ? html` class="uncertain"` : ""}>${v.text}</time>`;
const onDay = (date) => html`<time datetime="${date}">${dayText(date)}</time>`;
const unsure = (text) => html`<span class="uncertain">${text}</span>`;
const pdate = (value, missing) => (value ? when(partial(value)) : unsure(missing));
const safeUrl = (url) => (url && /^https?:\/\//i.test(url) ? url : null);
const areaLabel = (area) => LABELS.areas[area] || area.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

// "News article, Community Care, 15 August 2017": the kind, a publisher other than Ofsted, the date.
function sourceLabel(source) {
  const parts = [(LABELS.sourceKinds[source.kind] || ["Source"])[0]];
  if (source.publisher && source.publisher !== "Ofsted") parts.push(source.publisher);
  if (source.publishedDate) parts.push(dayText(source.publishedDate));
  return parts.join(", ");
}

// Oldest first, then by label, as the iframe page sorts them (Neo4j returns them in no set order);
// sources that would read and link the same are shown once.
function sourcesOf(...lists) {
  const seen = new Map();
  for (const citation of lists.flat()) {
    if (!seen.has(citation.source.id)) seen.set(citation.source.id, citation.source);
  }
  const key = (source) => `${source.publishedDate || "9999"}\0${sourceLabel(source)}`;
  const ordered = [...seen.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const shown = new Map();
  for (const source of ordered) {
    const item = { label: sourceLabel(source), url: safeUrl(source.url) };
    shown.set(`${item.label}\0${item.url}`, item);
  }
  return [...shown.values()];
}

const cites = (sources) =>
  sources.length
    ? html`<span class="cites">Sources: ${sources.map((s, i) =>
        html`${s.url ? html`<a href="${s.url}">${s.label}</a>` : s.label}${i < sources.length - 1 ? ", " : ""}`)}</span>`
    : "";

const grade = (value) =>
  value
    ? html`<span class="grade grade-${value.toLowerCase()}">${LABELS.grades[value]}</span>`
    : html`<span class="grade grade-none">Not graded</span>`;

function heldFrom(t) {
  if (t.start) return when(partial(t.start));
  return t.evidenceFrom ? unsure(html`not stated (in post by ${onDay(t.evidenceFrom)})`) : unsure("not stated");
}

function heldTo(t) {
  if (t.end) return when(partial(t.end));
  return t.evidenceTo ? unsure(html`not stated (last shown in post ${onDay(t.evidenceTo)})`) : unsure("not stated");
}

function inspectionDate(i) {
  if (i.startDate) return onDay(i.startDate);
  return i.publishedDate ? html`published ${onDay(i.publishedDate)}` : html`date not stated`;
}

function interventions(c, h) {
  if (!c.improvementNotices.length && !c.improvementBoards.length) return "";
  const notices = c.improvementNotices.map((n) => html`<li class="band band-notice"><span class="band-text"><strong>${LABELS.noticeKinds[n.kind] || n.kind}</strong>: issued ${pdate(n.issued, "date not stated")}; lifted ${pdate(n.lifted, "not stated")}. ${cites(sourcesOf(n.citations))}</span></li>`);
  const boards = c.improvementBoards.map((b) => html`<li class="band band-board"><span class="band-text"><strong>Improvement board</strong>: ${b.name}, first met ${pdate(b.firstMeeting, "date not stated")}. ${cites(sourcesOf(b.citations))}</span></li>`);
  return html`<section class="interventions"><h${h} class="part">DfE intervention</h${h}><ul class="bands">${notices}${boards}</ul></section>`;
}

function inspectionRow(i) {
  const others = i.judgements.filter((j) => j.area !== "overall_effectiveness");
  const report = safeUrl(i.reportUrl);
  const kind = LABELS.kinds[i.kind];
  const phrase = i.startDate ? ` of ${dayText(i.startDate)}` : i.publishedDate ? ` published ${dayText(i.publishedDate)}` : "";
  return html`<tr>
<th scope="row">${inspectionDate(i)}</th>
<td>${kind}${i.framework ? ` (${i.framework})` : ""}${i.theme ? `: ${i.theme}` : ""}</td>
<td>${grade(i.overall)}</td>
<td>${others.length ? html`<ul>${others.map((j) => html`<li>${areaLabel(j.area)}: ${grade(j.grade)}</li>`)}</ul>` : "None given"}</td>
<td>${report ? html`<a href="${report}">Report<span class="vh"> on the ${kind.toLowerCase()}${phrase}</span></a> ` : ""}${cites(sourcesOf(i.citations, ...i.judgements.map((j) => j.citations)))}</td>
</tr>`;
}

function ratings(c, h) {
  const table = c.inspections.length
    ? html`<div class="scroll" role="region" aria-label="Ofsted rating history table" tabindex="0"><table>
<caption>Inspections and visits of ${c.name}, oldest first</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Type</th><th scope="col">Overall grade</th><th scope="col">Other judgements</th><th scope="col">Report and sources</th></tr></thead>
<tbody>${c.inspections.map(inspectionRow)}</tbody></table></div>`
    : html`<p>No inspections or visits are recorded.</p>`;
  return html`<section class="ratings"><h${h} class="part">Ofsted rating history</h${h}>${table}</section>`;
}

function tenureItem(t, council) {
  const name = t.person ? t.person.name : "Name not stated";
  const interim = t.interim ? html` <span class="interim">interim</span>` : "";
  const where = t.organisation.name !== council.name ? `, ${t.organisation.name}` : "";
  return html`<li><span class="who">${name}</span>${interim}${where}. From ${heldFrom(t)} to ${heldTo(t)}. ${cites(sourcesOf(t.citations))}</li>`;
}

function leaders(c, h) {
  if (!c.tenures.length) {
    return html`<section class="leaders"><h${h} class="part">Leadership timeline</h${h}><p>No leaders are recorded.</p></section>`;
  }
  const roles = Object.entries(LABELS.roles).map(([role, heading]) => {
    const held = c.tenures.filter((t) => t.role === role);
    return held.length
      ? html`<h${h + 1} class="role">${heading}</h${h + 1}><ol class="timeline">${held.map((t) => tenureItem(t, c))}</ol>`
      : "";
  });
  return html`<section class="leaders"><h${h} class="part">Leadership timeline</h${h}>
<p class="muted">Interim appointments are marked “interim”. Dates known only to the month or year, or not stated, are marked as uncertain.</p>
${roles}</section>`;
}

function sourceLine(c, dataset) {
  const all = [
    ...c.inspections.flatMap((i) => [...i.citations, ...i.judgements.flatMap((j) => j.citations)]),
    ...[...c.tenures, ...c.improvementNotices, ...c.improvementBoards].flatMap((x) => x.citations),
  ];
  const cited = new Set(all.map((citation) => citation.source.kind));
  const kinds = Object.entries(LABELS.sourceKinds).filter(([kind]) => cited.has(kind)).map(([, [, plural]]) => plural);
  const listed = kinds.length < 2 ? kinds[0] || "none cited" : kinds.slice(0, -1).join(", ") + " and " + kinds.at(-1);
  const where = `Sources: ${listed}, each linked where it is cited.`;
  if (!dataset) return `${where} Load date not recorded.`;
  return `${where} Data loaded ${dayText(dataset.loadedAt)} (version ${dataset.contentHash.slice(0, 8)}).`;
}

function council(data, parts, h) {
  const c = data.council;
  return html`<h${h} class="title">${c.name}: Ofsted ratings and leadership</h${h}>
${parts.includes("interventions") ? interventions(c, h + 1) : ""}
${parts.includes("ratings") ? ratings(c, h + 1) : ""}
${parts.includes("leaders") ? leaders(c, h + 1) : ""}
<p class="source-line">${sourceLine(c, data.dataset)}</p>`;
}

async function fetchCouncil(code) {
  const url = new URL(API);
  url.searchParams.set("query", QUERY);
  url.searchParams.set("variables", JSON.stringify({ code }));
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch {
    return { state: "down" }; // the API itself did not answer
  }
  if (response.status === 503) return { state: "down" };
  const answer = await response.json().catch(() => null);
  if (!response.ok || !answer || answer.errors || !answer.data) return { state: "failed" };
  return answer.data.council ? { state: "ready", data: answer.data } : { state: "unknown" };
}

class OfstedCouncil extends HTMLElement {
  static observedAttributes = ["code", "show", "heading-level"];
  #connected = false;
  #ticket = 0;

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
  }

  connectedCallback() {
    this.#connected = true;
    this.#load();
  }

  attributeChangedCallback() {
    // Attributes present at upgrade are reported before connectedCallback, which loads once for all.
    if (this.#connected) this.#load();
  }

  async #load() {
    const ticket = ++this.#ticket;
    const code = (this.getAttribute("code") || "").trim();
    if (!code) return this.#message("missing", LABELS.messages.missing);
    if (!CODE.test(code)) return this.#message("unknown", LABELS.messages.unknown.replace("{code}", code));
    this.#render(html`<p class="message" role="status">${LABELS.messages.loading}</p>`, "loading");
    const result = await fetchCouncil(code);
    if (ticket !== this.#ticket) return; // a newer code was asked for meanwhile
    if (result.state !== "ready") {
      return this.#message(result.state, LABELS.messages[result.state].replace("{code}", code));
    }
    const shown = PARTS.filter((p) => (this.getAttribute("show") || "").split(/\s+/).includes(p));
    const level = Math.min(4, Math.max(1, Number.parseInt(this.getAttribute("heading-level"), 10) || 2));
    this.#render(council(result.data, shown.length ? shown : PARTS, level), "ready");
  }

  #message(state, text) {
    this.#render(html`<p class="message" role="status">${text}</p>`, state);
  }

  #render(content, state) {
    const busy = state === "loading" ? html` aria-busy="true"` : "";
    this.shadowRoot.innerHTML = html`<style>${new Html(STYLE)}</style><div class="ofsted" lang="en"${busy}>${content}</div>`.text;
    this.dataset.state = state;
  }
}

if (!customElements.get("ofsted-council")) customElements.define("ofsted-council", OfstedCouncil);

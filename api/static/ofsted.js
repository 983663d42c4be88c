// <ofsted-council code="916"></ofsted-council>: a council's Ofsted ratings, leadership timeline and
// DfE intervention, from one cacheable GraphQL GET to the API that served this script.
// Attributes: code (a DfE local authority code), view ("card" for the compact card), show (any of
// "picture interventions ratings leaders"),
// heading-level (of the title, 1 to 4; default 2). The host gets data-state="loading", "ready",
// "unknown", "down" or "failed". Markup and wording match the iframe page
// (api/templates/council.html); a browser test holds the two to the same text.

// The server fills these three in when it serves this file (api/widgets.py), so the query, the
// styles and the wording are the iframe page's own.
const QUERY = /*QUERY*/"";
const STYLE = /*STYLE*/"";
const LABELS = /*LABELS*/{};

const API = new URL("/graphql", import.meta.url);
const PARTS = ["picture", "interventions", "ratings", "leaders"];
const CODE = /^[A-Za-z0-9]{1,12}$/;
const DOUBTFUL = ["ON_OR_BEFORE", "PLANNED", "BETWEEN", "APPROXIMATE"];

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
  else if (value.certainty === "BETWEEN" || value.certainty === "APPROXIMATE") text = "about " + text;
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

// Where no named director covers a rating, the API's answer in words (Inspection.leadership).
function unnamedDirector(i) {
  const answer = (i.leadership || []).find((a) => a.role === "DIRECTOR_OF_CHILDRENS_SERVICES");
  return answer && answer.status !== "NAMED" ? answer.text : null;
}

const ratedDirector = (i) => {
  const text = unnamedDirector(i);
  return text ? html` <span class="rated-dcs">${LABELS.ratedDirector} ${text}</span>` : "";
};

function inspectionRow(i) {
  const others = i.judgements.filter((j) => j.area !== "overall_effectiveness");
  const report = safeUrl(i.reportUrl);
  const kind = LABELS.kinds[i.kind];
  const phrase = i.startDate ? ` of ${dayText(i.startDate)}` : i.publishedDate ? ` published ${dayText(i.publishedDate)}` : "";
  return html`<tr>
<th scope="row">${inspectionDate(i)}</th>
<td>${kind}${i.framework ? ` (${i.framework})` : ""}${i.theme ? `: ${i.theme}` : ""}</td>
<td>${grade(i.overall)}${ratedDirector(i)}</td>
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

// The timeline picture: api/timeline.py draws the same on the server, with the same arithmetic
// function for function (a browser test holds the two SVGs equal).
const W = 320, LEFT = 10, RIGHT = 10, FADE = 8;
const FULL = ["INSPECTION", "REINSPECTION"];
const LEADER_ROLES = ["DIRECTOR_OF_CHILDRENS_SERVICES", "CHIEF_EXECUTIVE", "LEAD_MEMBER"];
const num = (v) => String(Math.round(v * 10) / 10);
const esc = (text) => piece(text);
const textWidth = (text, size) => text.length * size * 0.56;

function years(date) {
  const [y, m, d] = date.slice(0, 10).split("-").map(Number);
  return y + ((m || 1) - 1) / 12 + ((d || 1) - 1) / 372;
}

function periodEnd(date) {
  const size = date.slice(0, 10).split("-").length;
  return years(date) + (size === 2 ? 1 / 12 : size === 1 ? 1 : 0);
}

// The DfE interventions in the shape of the planned Council.interventions field; once it exists,
// this is `(c) => c.interventions` and the query asks for it.
const interventionsOf = (c) => c.interventions;

const firstLink = (citations) => (sourcesOf(citations).find((s) => s.url) || { url: null }).url;

function interventionBands(items) {
  return items.filter((item) => item.start).map((item) => {
    const link = firstLink(item.citations);
    const unchecked = item.citations.filter((c) => c.verified === false).map((c) => c.source.url);
    return {
      kind: item.kind,
      label: LABELS.interventionKinds[item.kind] || item.kind.replace(/_/g, " ").replace(/^(.)(.*)$/, (_, a, b) => a + b.toLowerCase()),
      name: item.name || null, start: item.start, end: item.end || null, link, verified: !unchecked.includes(link),
    };
  });
}

const inspectionDay = (i) => i.startDate || i.publishedDate;

function picture(c, today) {
  const days = c.inspections.map(inspectionDay).filter(Boolean);
  if (!days.length) days.push(...c.tenures.filter((t) => t.evidenceFrom).map((t) => t.evidenceFrom));
  const t0 = days.length ? Math.floor(years(days.reduce((a, b) => (b < a ? b : a)))) : Math.floor(years(today)) - 1;
  const p = { t0, t1: Math.max(years(today), t0 + 1), y: 4, back: [], front: [], marks: [] };
  p.x = (t) => LEFT + (t - p.t0) / (p.t1 - p.t0) * (W - LEFT - RIGHT);
  p.clip = (x) => Math.min(Math.max(x, LEFT), W - RIGHT);
  p.title = (text) => { p.front.push(`<text class="lane" x="${LEFT}" y="${num(p.y + 11)}">${esc(text)}</text>`); p.y += 16; };
  const top = p.y;
  drawInspections(p, c.inspections);
  drawBands(p, interventionBands(interventionsOf(c)));
  for (const role of LEADER_ROLES) {
    const held = c.tenures.filter((t) => t.role === role);
    if (held.length) drawLeaders(p, role, held);
  }
  drawAxis(p, top);
  drawLegend(p);
  return render(p, c.name);
}

function drawInspections(p, inspections) {
  p.title("Ofsted inspections");
  const cy = p.y + 8;
  const rows = [];
  for (const i of inspections) {
    const day = inspectionDay(i);
    if (!day) continue;
    const x = p.x(years(day));
    const kind = LABELS.kinds[i.kind];
    const when = i.startDate ? `${kind} of ${dayText(day)}` : `${kind} published ${dayText(day)}`;
    const link = safeUrl(i.reportUrl) || firstLink(i.citations);
    if (!FULL.includes(i.kind)) {
      p.marks.push({ shapes: `<circle class="visit" cx="${num(x)}" cy="${num(cy)}" r="3.5"/>`, link, lines: [when, "Visits are not graded"] });
      continue;
    }
    const word = i.overall ? LABELS.grades[i.overall] : "No overall grade";
    const fill = "fill-" + (i.overall || "none").toLowerCase();
    p.marks.push({ shapes: `<circle class="${fill}" cx="${num(x)}" cy="${num(cy)}" r="7"/>`, link, lines: [when, `Overall effectiveness: ${word}`] });
    placeLabel(p, rows, x, cy, word);
  }
  p.y = cy + 10 + 12 * Math.max(rows.length, 1) + 4;
}

function placeLabel(p, rows, x, cy, word) {
  const half = textWidth(word, 10) / 2;
  const centre = Math.min(Math.max(x, half + 1), W - half - 1);
  let row = rows.findIndex((end) => end + 4 <= centre - half);
  if (row < 0) { row = rows.length; rows.push(0); }
  rows[row] = centre + half;
  const base = cy + 19 + 12 * row;
  p.front.push(`<line class="leader" x1="${num(x)}" y1="${num(cy + 7)}" x2="${num(x)}" y2="${num(base - 9)}"/>`);
  p.front.push(`<text class="label" x="${num(centre)}" y="${num(base)}">${esc(word)}</text>`);
}

const rect = (cls, x, y, width, extra = "") =>
  width <= 0 ? "" : `<rect class="${cls}" x="${num(x)}" y="${num(y)}" width="${num(width)}" height="14"${extra ? " " + extra : ""}/>`;

function drawBands(p, bands) {
  if (!bands.length) return;
  p.title("DfE intervention");
  for (const band of bands) {
    const start = p.clip(p.x(years(band.start.date)));
    const end = p.clip(band.end ? p.x(years(band.end.date)) : W - RIGHT);
    const kind = band.kind === "IMPROVEMENT_BOARD" ? "band-board" : "band-notice";
    const solidEnd = band.end ? end : Math.max(start, end - 2 * FADE);
    let shapes = rect(kind, start, p.y, solidEnd - start);
    if (!band.end) shapes += rect(kind, solidEnd, p.y, end - solidEnd, 'mask="url(#tl-fade-out)"');
    const lx = Math.min(start + 3, W - RIGHT - textWidth(band.label, 9));
    p.front.push(`<text class="on-bar" x="${num(lx)}" y="${num(p.y + 10)}">${esc(band.label)}</text>`);
    const until = band.end ? partial(band.end).text : "not known (no end stated)";
    let second = `From ${partial(band.start).text} to ${until}`;
    if (!band.verified) second += `; ${LABELS.unverified}`;
    p.marks.push({ shapes, link: band.link, lines: [band.label + (band.name ? `: ${band.name}` : ""), second] });
    p.y += 18;
  }
}

function drawLeaders(p, role, held) {
  p.title(LABELS.roles[role]);
  const mid = p.y + 7;
  p.back.push(`<line class="gap" x1="${LEFT}" y1="${num(mid)}" x2="${W - RIGHT}" y2="${num(mid)}"/>`);
  held.forEach((t, index) => {
    const extent = tenureExtent(p, t);
    if (extent) drawTenure(p, role, index, t, extent);
  });
  p.y += 20;
}

function tenureExtent(p, t) {
  let fadeIn, fadeOut;
  if (t.start) {
    const a = p.x(years(t.start.date));
    if (DOUBTFUL.includes(t.start.certainty)) fadeIn = [a - FADE, a];
    else if (t.start.precision !== "DAY") fadeIn = [a, Math.max(p.x(periodEnd(t.start.date)), a + FADE)];
    else fadeIn = [a, a];
  } else if (t.evidenceFrom) {
    const a = p.x(years(t.evidenceFrom));
    fadeIn = [a - FADE, a];
  } else return null;
  if (t.end) {
    const b = p.x(years(t.end.date));
    if (t.end.certainty === "ON_OR_BEFORE") fadeOut = [b - FADE, b];
    else if (t.end.precision !== "DAY" || ["BETWEEN", "PLANNED", "APPROXIMATE"].includes(t.end.certainty)) fadeOut = [b, Math.max(p.x(periodEnd(t.end.date)), b + FADE)];
    else fadeOut = [b, b];
  } else {
    const b = t.evidenceTo ? p.x(years(t.evidenceTo)) : fadeIn[1];
    fadeOut = [b, b + FADE];
  }
  const solidEnd = Math.max(fadeOut[0], fadeIn[1]);
  return [p.clip(fadeIn[0]), p.clip(fadeIn[1]), p.clip(solidEnd), p.clip(fadeOut[1])];
}

function drawTenure(p, role, index, t, [fadeStart, solidStart, solidEnd, fadeEnd]) {
  const fill = t.interim ? ' fill="url(#tl-hatch)"' : "";
  const cls = `bar bar-${index % 2}` + (t.interim ? " interim" : "");
  const shapes = rect(cls, fadeStart, p.y, solidStart - fadeStart, `mask="url(#tl-fade-in)"${fill}`.trim())
    + rect(cls, solidStart, p.y, solidEnd - solidStart, fill.trim())
    + rect(cls, solidEnd, p.y, fadeEnd - solidEnd, `mask="url(#tl-fade-out)"${fill}`.trim());
  const name = t.person ? t.person.name : "Name not stated";
  if (textWidth(name, 9) + 4 <= solidEnd - solidStart) {
    p.front.push(`<text class="on-bar" x="${num(solidStart + 2)}" y="${num(p.y + 10)}">${esc(name)}</text>`);
  }
  const who = `${name}, ${t.interim ? "interim " : ""}${LABELS.roleNames[role]}`;
  p.marks.push({ shapes, link: firstLink(t.citations), lines: [who, `From ${heldText(t, "start")} to ${heldText(t, "end")}`] });
}

function heldText(t, which) {
  if (t[which]) return partial(t[which]).text;
  const seen = which === "start" ? t.evidenceFrom : t.evidenceTo;
  if (!seen) return "not stated";
  return which === "start" ? `not stated (in post by ${dayText(seen)})` : `not stated (last shown in post ${dayText(seen)})`;
}

function drawAxis(p, top) {
  const first = Math.ceil(p.t0), last = Math.floor(p.t1);
  const step = last - first <= 8 ? 1 : last - first <= 16 ? 2 : 5;
  p.y += 2;
  p.front.push(`<line class="axis" x1="${LEFT}" y1="${num(p.y)}" x2="${W - RIGHT}" y2="${num(p.y)}"/>`);
  for (let year = first; year <= last; year++) {
    if ((year - first) % step) continue;
    const x = p.x(year);
    p.back.push(`<line class="grid" x1="${num(x)}" y1="${num(top)}" x2="${num(x)}" y2="${num(p.y + 3)}"/>`);
    p.front.push(`<text class="year" x="${num(Math.min(Math.max(x, 12), W - 12))}" y="${num(p.y + 14)}">${year}</text>`);
  }
  p.y += 22;
}

function drawLegend(p) {
  const y = p.y;
  p.front.push(`<rect class="bar interim" x="${LEFT}" y="${num(y)}" width="16" height="10" fill="url(#tl-hatch)"/>`
    + `<text class="key" x="${LEFT + 20}" y="${num(y + 9)}">interim</text>`
    + `<rect class="bar bar-0" x="${LEFT + 66}" y="${num(y)}" width="16" height="10" mask="url(#tl-fade-out)"/>`
    + `<text class="key" x="${LEFT + 86}" y="${num(y + 9)}">date uncertain</text>`
    + `<line class="gap" x1="${LEFT + 164}" y1="${num(y + 5)}" x2="${LEFT + 180}" y2="${num(y + 5)}"/>`
    + `<text class="key" x="${LEFT + 184}" y="${num(y + 9)}">not known</text>`);
  p.y += 18;
}

function render(p, name) {
  const detailY = p.y + 10;
  const marks = p.marks.map((mark) => renderMark(mark, detailY)).join("");
  const prompt = `<text class="prompt" x="${LEFT}" y="${num(detailY)}">${esc(LABELS.picture.prompt)}</text>`;
  const label = `Timeline of ${name}'s Ofsted inspections, DfE intervention and leaders`;
  return `<svg class="tl" viewBox="0 0 ${W} ${num(detailY + 22)}" role="group" aria-label="${esc(label)}">`
    + `${LABELS.picture.defs}<g aria-hidden="true">${p.back.join("")}</g>${marks}`
    + `<g aria-hidden="true">${p.front.join("")}${prompt}</g></svg>`;
}

function renderMark(mark, detailY) {
  const [first, second] = mark.lines.map(esc);
  const words = esc(`${mark.lines[0]}: ${mark.lines[1]}`);
  const detail = `<g class="detail"><rect class="detail-ground" x="0" y="${num(detailY - 11)}" width="${W}" height="30"/>`
    + `<text x="${LEFT}" y="${num(detailY)}">${first}</text><text x="${LEFT}" y="${num(detailY + 13)}">${second}</text></g>`;
  if (mark.link) return `<a class="mark" href="${esc(mark.link)}" target="_blank" aria-label="${words}">${mark.shapes}${detail}</a>`;
  return `<g class="mark" tabindex="0" role="img" aria-label="${words}">${mark.shapes}${detail}</g>`;
}

const pictureFigure = (c) =>
  html`<figure class="picture">${new Html(picture(c, new Date().toISOString().slice(0, 10)))}<figcaption class="muted">${LABELS.picture.caption}</figcaption></figure>`;

// The compact card (view="card"); api/card.py gives the iframe page the same facts.
function directorLine(tenures) {
  const held = tenures.filter((t) => t.role === "DIRECTOR_OF_CHILDRENS_SERVICES");
  if (!held.length) return "not known";
  const key = (t) => [t.end && t.end.date, t.evidenceTo, t.start && t.start.date, t.evidenceFrom].find(Boolean) || "";
  const last = held.reduce((a, b) => (key(b) > key(a) ? b : a));
  if (last.end) return `not known since ${partial(last.end).text}`;
  const name = (last.person && last.person.name) || "name not stated";
  const interim = last.interim ? " (interim)" : "";
  if (last.evidenceTo) return `${name}${interim} (last shown in post ${dayText(last.evidenceTo)})`;
  return last.start ? `${name}${interim} (in post from ${partial(last.start).text})` : name + interim;
}

function card(c, h) {
  const graded = c.inspections.filter((i) => i.overall && inspectionDay(i));
  const latest = graded.at(-1);
  const full = new URL(`/embed/council/${encodeURIComponent(c.code)}`, import.meta.url);
  const grade = (g) => g.toLowerCase();
  return html`<h${h} class="title">${c.name}: Ofsted rating</h${h}>
${latest ? html`<p class="line">Latest grade: <span class="grade grade-${grade(latest.overall)}">${LABELS.grades[latest.overall]}</span>, ${latest.startDate ? dayText(latest.startDate) : `published ${dayText(inspectionDay(latest))}`}</p>` : html`<p class="line">No graded inspection is recorded.</p>`}
<p class="line"><abbr title="Director of children's services">DCS</abbr>: ${directorLine(c.tenures)}</p>
${latest && unnamedDirector(latest) ? html`<p class="line">${LABELS.ratedDirector} ${unnamedDirector(latest)}</p>` : ""}
${graded.length ? html`<p class="line strip-line">Grades: <span class="strip">${graded.slice(-6).map((i) => html`<span class="chip grade-${grade(i.overall)}"><span aria-hidden="true">${LABELS.gradeShort[i.overall]}</span><span class="vh">${LABELS.grades[i.overall]}</span> ${inspectionDay(i).slice(0, 4)}</span>`)}</span></p>` : ""}
<p class="line"><a href="${full.href}">Full history, leaders and sources<span class="vh"> for ${c.name}</span></a></p>`;
}

function council(data, parts, h) {
  const c = data.council;
  return html`<h${h} class="title">${c.name}: Ofsted ratings and leadership</h${h}>
${parts.includes("picture") ? pictureFigure(c) : ""}
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
  static observedAttributes = ["code", "show", "heading-level", "view"];
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
    const asCard = this.getAttribute("view") === "card";
    this.#render(asCard ? card(result.data.council, level) : council(result.data, shown.length ? shown : PARTS, level), "ready", asCard);
  }

  #message(state, text) {
    this.#render(html`<p class="message" role="status">${text}</p>`, state);
  }

  #render(content, state, asCard = false) {
    const busy = state === "loading" ? html` aria-busy="true"` : "";
    this.shadowRoot.innerHTML = html`<style>${new Html(STYLE)}</style><div class="ofsted${asCard ? " card" : ""}" lang="en"${busy}>${content}</div>`.text;
    this.dataset.state = state;
  }
}

if (!customElements.get("ofsted-council")) customElements.define("ofsted-council", OfstedCouncil);

// <ofsted-map region="South West" heading-level="2"></ofsted-map>: England's councils coloured by
// their latest grade, from one cacheable GET of /widgets/map.json; the markup matches /embed/map
// (api/templates/map.html), with buttons in place of the page's region links.
const MAP_DATA = new URL("/widgets/map.json", import.meta.url);

function regionBox(data, region) {
  if (!region) return data.viewBox;
  if (region === "London") return data.inset;
  const boxes = data.councils.filter((c) => c.region === region).map((c) => c.box);
  const [x0, y0] = [0, 1].map((k) => Math.min(...boxes.map((b) => b[k])) - 8);
  const [x1, y1] = [2, 3].map((k) => Math.max(...boxes.map((b) => b[k])) + 8);
  return [x0, y0, x1 - x0, y1 - y0];
}

function mapView(data, region, h) {
  const off = (c) => (region && c.region !== region ? html` class="hidden"` : "");
  const link = (c, d) => html`<a href="${c.href}" aria-label="${c.name}: ${c.grade}${c.judgements.length ? `. ${c.judgements.join("; ")}` : ""}"${off(c)}><path class="fill-${c.fill}" d="${d}"/><title>${c.name}: ${c.grade}</title></a>`;
  const [x, y, w, ht] = data.inset;
  const rows = [...data.councils].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).filter((c) => !region || c.region === region);
  const button = (value, label) => html`<li><button type="button" data-region="${value}" aria-pressed="${String(value === (region || ""))}">${label}</button></li>`;
  return html`<h${h} class="title">Ofsted ratings of England's councils</h${h}>
<p class="muted">Each council is coloured by its latest Ofsted grade; select one for its ratings and leaders. The table below gives the same in words.</p>
<nav aria-label="Regions"><ul class="regions">${button("", "All England")}${data.regions.map((r) => button(r, r))}</ul></nav>
<div class="map-wrap">
<svg class="map" viewBox="${regionBox(data, region).join(" ")}" role="group" aria-label="${data.label}${region ? `: ${region}` : ""}">${new Html(data.defs)}
<g aria-hidden="true">${data.councils.filter((c) => c.inset).map((c) => html`<path class="fill-${c.fill}" d="${c.d}"/>`)}</g>
${data.councils.filter((c) => !c.inset).map((c) => link(c, c.d))}
<g${region && region !== "London" ? html` class="hidden"` : ""}><rect class="inset-frame" x="${x}" y="${y}" width="${w}" height="${ht}"/><text class="inset-label" aria-hidden="true" x="${x + 6}" y="${y + 22}">London</text>
${data.councils.filter((c) => c.inset).map((c) => link(c, c.inset))}</g>
</svg>
<ul class="legend">${data.legend.map((item) => html`<li><span class="swatch fill-${item.fill}"></span>${item.label} (${item.count})</li>`)}</ul>
</div>
<p class="map-detail muted">Point at or tab to a council for its grade.</p>
<div class="scroll" role="region" aria-label="Table of councils and grades" tabindex="0"><table>
<caption>Councils and their latest Ofsted grade${region ? `: ${region}` : ""}</caption>
<thead><tr><th scope="col">Council</th><th scope="col">Region</th><th scope="col">Latest grade</th><th scope="col">Judgements (no overall grade)</th></tr></thead>
<tbody>${rows.map((c) => html`<tr><th scope="row"><a href="${c.href}">${c.name}</a></th><td>${c.region}</td><td>${c.grade}</td><td>${c.judgements.join("; ")}</td></tr>`)}</tbody>
</table></div>
<p class="source-line">Grades from the graph's inspections, each linked from the council's widget. Boundaries: ONS. ${data.licence}</p>`;
}

class OfstedMap extends HTMLElement {
  static observedAttributes = ["region", "heading-level"];
  #data = null;

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this.shadowRoot.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-region]");
      if (button) this.setAttribute("region", button.dataset.region);
    });
    const detail = (event) => {
      const link = event.target.closest && event.target.closest("svg a");
      const shown = this.shadowRoot.querySelector(".map-detail");
      if (link && shown) shown.textContent = link.getAttribute("aria-label");
    };
    this.shadowRoot.addEventListener("focusin", detail);
    this.shadowRoot.addEventListener("mouseover", detail);
  }

  async connectedCallback() {
    this.#show(html`<p class="message" role="status">${LABELS.messages.loading}</p>`, "loading");
    let response;
    try {
      response = await fetch(MAP_DATA, { headers: { Accept: "application/json" } });
    } catch {
      return this.#show(html`<p class="message" role="status">${LABELS.messages.down}</p>`, "down");
    }
    this.#data = response.ok ? await response.json().catch(() => null) : null;
    if (!this.#data) {
      const state = response.status === 503 ? "down" : "failed";
      return this.#show(html`<p class="message" role="status">${LABELS.messages[state]}</p>`, state);
    }
    this.#draw();
  }

  attributeChangedCallback() {
    if (this.#data) this.#draw();
  }

  #draw() {
    const asked = this.getAttribute("region") || "";
    const region = this.#data.regions.includes(asked) ? asked : "";
    const level = Math.min(4, Math.max(1, Number.parseInt(this.getAttribute("heading-level"), 10) || 2));
    const focused = this.shadowRoot.activeElement && this.shadowRoot.activeElement.dataset.region;
    this.#show(mapView(this.#data, region, level), "ready");
    if (focused !== undefined) this.shadowRoot.querySelector(`button[data-region="${CSS.escape(focused)}"]`)?.focus();
  }

  #show(content, state) {
    this.shadowRoot.innerHTML = html`<style>${new Html(STYLE)}</style><div class="ofsted" lang="en">${content}</div>`.text;
    this.dataset.state = state;
  }
}

if (!customElements.get("ofsted-map")) customElements.define("ofsted-map", OfstedMap);

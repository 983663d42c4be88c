// name: council_page
// One council's page in one query: the council (found by any of its codes) with the councils it
// replaced and that replaced it, and the lists asked for, each shaped as the answer nests them:
// every inspection with its judgements and sources, every leader's tenure with holder, organisation
// and sources, and the improvement notices, boards and interventions with theirs. Also the load the
// graph holds, so a page that shows its data's date needs no second query. A source carries the
// properties the API shows, not its file and digest: they were a third of the bytes of a page.
// params:
//   code   string  DfE LA code ("916"), ONS GSS code ("E10000013") or Ofsted URN ("80470")
//   parts  list    the lists to fetch: any of "inspections", "tenures", "notices_boards"
// returns: council (properties), predecessors, successors, inspections (rows as councils_inspections
//   gives them), tenures (rows as councils_leaders gives them), notices, boards, interventions (as
//   council_notices_boards gives them; empty when not asked), load (as dataset gives it, or null)
OPTIONAL MATCH (l:Load {id: 'current'})
CALL () {
  MATCH (c:Council)
  WHERE c.code = $code OR c.gss_code = $code OR c.ofsted_urn = $code
  RETURN c
  ORDER BY c.code
  LIMIT 1
}
CALL (c) {
  WITH c WHERE 'inspections' IN $parts
  MATCH (c)-[:HAD_INSPECTION]->(i:Inspection)
  CALL (i) {
    OPTIONAL MATCH (i)-[:HAS_JUDGEMENT]->(j:Judgement)
    OPTIONAL MATCH (j)-[jc:CITES]->(js:Source)
    WITH j, collect(CASE WHEN js IS NULL THEN NULL ELSE jc {.*, source: js {.id, .kind, .title, .publisher, .published_date, .url,
        .author, .read_date, .comment_on}} END) AS jcites
    ORDER BY j.id
    RETURN collect(CASE WHEN j IS NULL THEN NULL ELSE j {.*, citations: jcites} END) AS judgements
  }
  CALL (i) {
    OPTIONAL MATCH (i)-[ic:CITES]->(s:Source)
    RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE ic {.*, source: s {.id, .kind, .title, .publisher, .published_date, .url,
        .author, .read_date, .comment_on}} END) AS citations
  }
  WITH c, i, judgements, citations
  ORDER BY i.date, i.id
  RETURN collect({council_code: c.code, inspection: i {.*}, judgements: judgements, citations: citations})
         AS inspections
}
CALL (c) {
  WITH c WHERE 'tenures' IN $parts
  // Expanded from the council (a union of the three ways in), not a scan of every tenure.
  CALL (c) {
    MATCH (t:Tenure)-[:AT|SERVES]->(c)
    RETURN t
    UNION
    MATCH (t:Tenure)-[:AT]->(:ImprovementBoard)<-[:HAS_BOARD]-(c)
    RETURN t
  }
  MATCH (t)-[:AT]->(o:Organisation)
  OPTIONAL MATCH (p:Person)-[:HELD]->(t)
  CALL (t) {
    MATCH (t)-[tc:CITES]->(s:Source)
    RETURN collect(tc {.*, source: s {.id, .kind, .title, .publisher, .published_date, .url,
        .author, .read_date, .comment_on}}) AS citations
  }
  WITH c, t, p, o, citations
  ORDER BY t.role, coalesce(t.known_from, '9999'), t.id
  RETURN collect({council_code: c.code, tenure: t {.*}, person: p {.*}, organisation: o {.id, .name, .kind},
                  citations: citations}) AS tenures
}
CALL (c) {
  WITH c WHERE 'notices_boards' IN $parts
  OPTIONAL MATCH (c)-[:RECEIVED]->(n:ImprovementNotice)
  OPTIONAL MATCH (n)-[nc:CITES]->(ns:Source)
  WITH n, collect(CASE WHEN ns IS NULL THEN NULL ELSE nc {.*, source: ns {.id, .kind, .title, .publisher, .published_date, .url,
      .author, .read_date, .comment_on}} END) AS cites
  ORDER BY n.issued_date, n.id
  RETURN collect(CASE WHEN n IS NULL THEN NULL ELSE n {.*, citations: cites} END) AS notices
}
CALL (c) {
  WITH c WHERE 'notices_boards' IN $parts
  OPTIONAL MATCH (c)-[:HAS_BOARD]->(b:ImprovementBoard)
  OPTIONAL MATCH (b)-[bc:CITES]->(bs:Source)
  WITH b, collect(CASE WHEN bs IS NULL THEN NULL ELSE bc {.*, source: bs {.id, .kind, .title, .publisher, .published_date, .url,
      .author, .read_date, .comment_on}} END) AS cites
  ORDER BY b.first_meeting_date, b.id
  RETURN collect(CASE WHEN b IS NULL THEN NULL ELSE b {.*, citations: cites} END) AS boards
}
CALL (c) {
  WITH c WHERE 'notices_boards' IN $parts
  OPTIONAL MATCH (c)-[:SUBJECT_OF]->(i:Intervention)
  CALL (i) {
    OPTIONAL MATCH (i)-[ic:CITES]->(is:Source)
    RETURN collect(CASE WHEN is IS NULL THEN NULL ELSE ic {.*, source: is {.id, .kind, .title, .publisher, .published_date, .url,
        .author, .read_date, .comment_on}} END) AS cites
  }
  CALL (i) {
    OPTIONAL MATCH (p:Person)-[r:ROLE_IN]->(i)
    RETURN collect(CASE WHEN p IS NULL THEN NULL ELSE {id: p.id, name: p.name, role: r.role} END) AS people
  }
  WITH i, cites, people ORDER BY i.start_date, i.id
  RETURN collect(CASE WHEN i IS NULL THEN NULL ELSE i {.*, citations: cites, people: people} END) AS interventions
}
RETURN c {.*} AS council,
       [(p:Council)-[:SUCCEEDED_BY]->(c) | p {.*}] AS predecessors,
       [(c)-[:SUCCEEDED_BY]->(s:Council) | s {.*}] AS successors,
       inspections, tenures, notices, boards, interventions, l {.*} AS load

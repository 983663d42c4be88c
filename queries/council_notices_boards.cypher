// name: council_notices_boards
// The DfE improvement notices and improvement boards of several councils (from the seed facts), and
// every intervention published evidence describes, each with its citations and the people named in it.
// params:
//   council_codes  list  DfE LA codes, e.g. ["916"]
// returns: council_code, notices, boards, interventions (properties with citations and people)
UNWIND $council_codes AS code
MATCH (c:Council {code: code})
CALL (c) {
  OPTIONAL MATCH (c)-[:RECEIVED]->(n:ImprovementNotice)
  OPTIONAL MATCH (n)-[nc:CITES]->(ns:Source)
  WITH n, collect(CASE WHEN ns IS NULL THEN NULL ELSE nc {.*, source: ns {.*}} END) AS cites
  ORDER BY n.issued_date, n.id
  RETURN collect(CASE WHEN n IS NULL THEN NULL ELSE n {.*, citations: cites} END) AS notices
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_BOARD]->(b:ImprovementBoard)
  OPTIONAL MATCH (b)-[bc:CITES]->(bs:Source)
  WITH b, collect(CASE WHEN bs IS NULL THEN NULL ELSE bc {.*, source: bs {.*}} END) AS cites
  ORDER BY b.first_meeting_date, b.id
  RETURN collect(CASE WHEN b IS NULL THEN NULL ELSE b {.*, citations: cites} END) AS boards
}
CALL (c) {
  OPTIONAL MATCH (c)-[:SUBJECT_OF]->(i:Intervention)
  CALL (i) {
    OPTIONAL MATCH (i)-[ic:CITES]->(is:Source)
    RETURN collect(CASE WHEN is IS NULL THEN NULL ELSE ic {.*, source: is {.*}} END) AS cites
  }
  CALL (i) {
    OPTIONAL MATCH (p:Person)-[r:ROLE_IN]->(i)
    RETURN collect(CASE WHEN p IS NULL THEN NULL ELSE {id: p.id, name: p.name, role: r.role} END) AS people
  }
  WITH i, cites, people ORDER BY i.start_date, i.id
  RETURN collect(CASE WHEN i IS NULL THEN NULL ELSE i {.*, citations: cites, people: people} END) AS interventions
}
RETURN c.code AS council_code, notices, boards, interventions

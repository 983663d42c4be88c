// name: council_notices_boards
// The DfE improvement notices and improvement boards of several councils, each with its citations.
// params:
//   council_codes  list  DfE LA codes, e.g. ["916"]
// returns: council_code, notices (properties with citations), boards (properties with citations)
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
RETURN c.code AS council_code, notices, boards

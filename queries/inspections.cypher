// name: inspections
// Inspections and visits by id, each with its council, its judgements and the sources of each.
// params:
//   inspection_ids  list  inspection ids, e.g. ["916/inspection/2017-06-13"]
// returns: council_code, council (properties), inspection (properties), judgements (with citations), citations
UNWIND $inspection_ids AS id
MATCH (c:Council)-[:HAD_INSPECTION]->(i:Inspection {id: id})
CALL (i) {
  OPTIONAL MATCH (i)-[:HAS_JUDGEMENT]->(j:Judgement)
  OPTIONAL MATCH (j)-[jc:CITES]->(js:Source)
  WITH j, collect(CASE WHEN js IS NULL THEN NULL ELSE jc {.*, source: js {.*}} END) AS jcites
  ORDER BY j.id
  RETURN collect(CASE WHEN j IS NULL THEN NULL ELSE j {.*, citations: jcites} END) AS judgements
}
CALL (i) {
  OPTIONAL MATCH (i)-[ic:CITES]->(s:Source)
  RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE ic {.*, source: s {.*}} END) AS citations
}
RETURN c.code AS council_code, c {.*} AS council, i {.*} AS inspection, judgements, citations

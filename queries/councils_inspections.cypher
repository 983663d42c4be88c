// name: councils_inspections
// Every inspection and visit of several councils at once, oldest first, with judgements and the
// sources of each (council_inspections for a list of DfE codes, so a page of councils is one query).
// params:
//   council_codes  list  DfE LA codes, e.g. ["916", "919"]
// returns: council_code, inspection (properties), judgements (with citations), citations
UNWIND $council_codes AS code
MATCH (c:Council {code: code})-[:HAD_INSPECTION]->(i:Inspection)
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
RETURN c.code AS council_code, i {.*} AS inspection, judgements, citations
ORDER BY council_code, i.date, i.id

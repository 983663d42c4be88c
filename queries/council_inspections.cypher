// name: council_inspections
// Every inspection and visit of one council, oldest first, with judgements and the sources of each.
// params:
//   council_code  string  DfE LA code ("916"), ONS GSS code ("E10000013") or Ofsted URN ("80470")
// returns: inspection (properties), judgements (area, grade, wording, conflict, citations), citations
MATCH (c:Council)
WHERE c.code = $council_code OR c.gss_code = $council_code OR c.ofsted_urn = $council_code
MATCH (c)-[:HAD_INSPECTION]->(i:Inspection)
CALL (i) {
  OPTIONAL MATCH (i)-[:HAS_JUDGEMENT]->(j:Judgement)
  OPTIONAL MATCH (j)-[jc:CITES]->(js:Source)
  WITH j, collect(CASE WHEN js IS NULL THEN NULL ELSE jc {.*, source: js {.*}} END) AS jcites
  RETURN collect(CASE WHEN j IS NULL THEN NULL ELSE j {.*, citations: jcites} END) AS judgements
}
CALL (i) {
  OPTIONAL MATCH (i)-[ic:CITES]->(s:Source)
  RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE ic {.*, source: s {.*}} END) AS citations
}
RETURN c.code AS council_code, i {.*} AS inspection, judgements, citations
ORDER BY i.date, i.id

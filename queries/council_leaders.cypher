// name: council_leaders
// A council's leaders over time (every tenure at the council or serving it), earliest known first.
// params:
//   council_code  string  DfE LA code, ONS GSS code or Ofsted URN
// returns: tenure (properties), person (or null when no source names the holder), organisation, citations
MATCH (c:Council)
WHERE c.code = $council_code OR c.gss_code = $council_code OR c.ofsted_urn = $council_code
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
  RETURN collect(tc {.*, source: s {.*}}) AS citations
}
RETURN t {.*} AS tenure, p {.*} AS person, o {.id, .name, .kind} AS organisation, citations
ORDER BY t.role, coalesce(t.known_from, '9999'), t.id

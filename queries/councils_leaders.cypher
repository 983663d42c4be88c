// name: councils_leaders
// The leaders of several councils over time (council_leaders for a list of DfE codes): every tenure
// at the council, serving it, or on its improvement board, earliest known first.
// params:
//   council_codes  list  DfE LA codes, e.g. ["916", "919"]
// returns: council_code, tenure, person (or null when no source names the holder), organisation, citations
UNWIND $council_codes AS code
MATCH (c:Council {code: code})
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
RETURN c.code AS council_code, t {.*} AS tenure, p {.*} AS person,
       o {.id, .name, .kind} AS organisation, citations
ORDER BY council_code, t.role, coalesce(t.known_from, '9999'), t.id

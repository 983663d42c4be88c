// name: tenures
// Tenures by id, each with its holder (null when no source names one), organisation and citations.
// params:
//   tenure_ids  list  tenure ids, e.g. ["916-dcs-unnamed-2011"]
// returns: tenure, person, organisation, citations
UNWIND $tenure_ids AS id
MATCH (t:Tenure {id: id})-[:AT]->(o:Organisation)
OPTIONAL MATCH (p:Person)-[:HELD]->(t)
CALL (t) {
  MATCH (t)-[tc:CITES]->(s:Source)
  RETURN collect(tc {.*, source: s {.*}}) AS citations
}
RETURN t {.*} AS tenure, p {.*} AS person, o {.id, .name, .kind} AS organisation, citations

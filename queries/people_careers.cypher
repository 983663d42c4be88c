// name: people_careers
// The careers of several people at once (person_career for a list of ids), so the holders of a list
// of tenures cost one query: every tenure, at any employer, earliest known first, with citations.
// params:
//   person_ids  list  person ids, e.g. ["chris-spencer"]
// returns: person_id, tenure, person, organisation, citations
UNWIND $person_ids AS id
MATCH (p:Person {id: id})-[:HELD]->(t:Tenure)-[:AT]->(o:Organisation)
CALL (t) {
  OPTIONAL MATCH (t)-[tc:CITES]->(s:Source)
  RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE tc {.*, source: s {.*}} END) AS citations
}
RETURN p.id AS person_id, t {.*} AS tenure, p {.*} AS person, o {.id, .name, .kind} AS organisation, citations
ORDER BY person_id, coalesce(t.known_from, '9999'), t.id

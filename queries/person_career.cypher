// name: person_career
// One person's career as the sources show it: every tenure, at any employer, earliest known first
// (previous roles with unknown dates last), each with its citations.
// params:
//   person_id  string  the person's id, e.g. "chris-spencer"
// returns: person, tenure, organisation, citations
MATCH (p:Person {id: $person_id})-[:HELD]->(t:Tenure)-[:AT]->(o:Organisation)
CALL (t) {
  MATCH (t)-[tc:CITES]->(s:Source)
  RETURN collect(tc {.*, source: s {.*}}) AS citations
}
RETURN p {.*} AS person, t {.*} AS tenure, o {.id, .name, .kind, .code} AS organisation, citations
ORDER BY coalesce(t.known_from, '9999'), t.id

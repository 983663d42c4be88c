// name: person
// A person by id, or everyone with exactly this name (case-insensitive): two people can share a name.
// Each comes with the career the sources show (as person_career), so asking for one is one query.
// params:
//   person_id  string  the person's id, e.g. "chris-spencer"; null to search by name
//   name       string  the full name as the sources print it; null to look up by id
// returns: person (properties), career (tenure, person, organisation, citations; earliest known first)
MATCH (p:Person)
WHERE ($person_id IS NOT NULL AND p.id = $person_id)
   OR ($person_id IS NULL AND $name IS NOT NULL AND toLower(p.name) = toLower($name))
CALL (p) {
  OPTIONAL MATCH (p)-[:HELD]->(t:Tenure)-[:AT]->(o:Organisation)
  CALL (t) {
    OPTIONAL MATCH (t)-[tc:CITES]->(s:Source)
    RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE tc {.*, source: s {.*}} END) AS citations
  }
  WITH t, o, citations
  ORDER BY coalesce(t.known_from, '9999'), t.id
  RETURN collect(CASE WHEN t IS NULL THEN NULL
                 ELSE {tenure: t {.*}, person: p {.*}, organisation: o {.id, .name, .kind}, citations: citations}
                 END) AS career
}
RETURN p {.*} AS person, career
ORDER BY p.id

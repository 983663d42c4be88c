// name: people_who_led
// People who held a role at councils when those councils were given an overall grade: in post at the
// inspection's start or on its publication date (as leaders_when_rated has it), at `min_councils`
// different councils or more. People are one name (see Person.careerLink for how far sources join
// posts at different councils).
// params:
//   role            string   a role, e.g. "director_of_childrens_services"
//   grade           string   the overall grade, e.g. "INADEQUATE"
//   min_councils    integer  the fewest councils a person must have led at that grade
// returns: person, council_codes, inspection_ids (date order), tenures (tenure, person, organisation, citations)
MATCH (c:Council)-[:HAD_INSPECTION]->(i:Inspection {overall: $grade})
MATCH (p:Person)-[:HELD]->(t:Tenure {role: $role})-[:AT|SERVES]->(c)
WHERE t.known_from IS NOT NULL
  AND any(d IN [i.start_date, i.published_date] WHERE d IS NOT NULL
      AND substring(d, 0, size(t.known_from)) >= t.known_from
      AND substring(d, 0, size(t.known_to)) <= t.known_to)
WITH p, c, i, t
ORDER BY i.date, i.id
WITH p, collect(DISTINCT c.code) AS council_codes, collect(DISTINCT i.id) AS inspection_ids,
     collect(DISTINCT t) AS held
WHERE size(council_codes) >= $min_councils
CALL (p, held) {
  UNWIND held AS t
  MATCH (t)-[:AT]->(o:Organisation)
  CALL (t) {
    OPTIONAL MATCH (t)-[tc:CITES]->(s:Source)
    RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE tc {.*, source: s {.*}} END) AS citations
  }
  WITH t, o, citations
  ORDER BY t.known_from, t.id
  RETURN collect({tenure: t {.*}, person: p {.*}, organisation: o {.id, .name, .kind}, citations: citations})
         AS tenures
}
RETURN p {.*} AS person, council_codes, inspection_ids, tenures
ORDER BY size(council_codes) DESC, p.name, p.id

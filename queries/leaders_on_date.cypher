// name: leaders_on_date
// Who was in post at a council on a date, by what the sources show. A tenure counts when its known
// span (stated start/end, else the dates of evidence such as letters addressed to the holder) covers
// the date, compared at the span's own precision ("2017-06" covers "2017-06-13"). Anyone whose
// evidence does not reach the date is not listed: the graph does not guess.
// params:
//   council_code  string  DfE LA code, ONS GSS code or Ofsted URN
//   on_date       string  ISO date, e.g. "2017-06-13"
// returns: role, tenure, person, organisation, citations
MATCH (c:Council)
WHERE c.code = $council_code OR c.gss_code = $council_code OR c.ofsted_urn = $council_code
MATCH (t:Tenure)-[:AT|SERVES]->(c)
WHERE t.known_from IS NOT NULL
  AND substring($on_date, 0, size(t.known_from)) >= t.known_from
  AND substring($on_date, 0, size(t.known_to)) <= t.known_to
MATCH (t)-[:AT]->(o:Organisation)
OPTIONAL MATCH (p:Person)-[:HELD]->(t)
CALL (t) {
  MATCH (t)-[tc:CITES]->(s:Source)
  RETURN collect(tc {.*, source: s {.*}}) AS citations
}
RETURN t.role AS role, t {.*} AS tenure, p {.*} AS person, o {.id, .name, .kind} AS organisation, citations
ORDER BY role, t.known_from

// name: leaders_when_rated
// For each inspection of a council with a given overall grade, the leaders the sources show in post
// at its start or on its publication date.
// params:
//   council_code  string  DfE LA code, ONS GSS code or Ofsted URN
//   grade         string  OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, ADEQUATE or INADEQUATE
// returns: inspection, leaders (tenure, person, citations)
MATCH (c:Council)
WHERE c.code = $council_code OR c.gss_code = $council_code OR c.ofsted_urn = $council_code
MATCH (c)-[:HAD_INSPECTION]->(i:Inspection {overall: $grade})
CALL (c, i) {
  OPTIONAL MATCH (t:Tenure)-[:AT|SERVES]->(c)
  WHERE t.known_from IS NOT NULL
    AND any(d IN [i.start_date, i.published_date] WHERE d IS NOT NULL
        AND substring(d, 0, size(t.known_from)) >= t.known_from
        AND substring(d, 0, size(t.known_to)) <= t.known_to)
  OPTIONAL MATCH (p:Person)-[:HELD]->(t)
  CALL (t) {
    OPTIONAL MATCH (t)-[tc:CITES]->(s:Source)
    RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE tc {.*, source: s {.*}} END) AS citations
  }
  RETURN collect(CASE WHEN t IS NULL THEN NULL ELSE {tenure: t {.*}, person: p {.*}, citations: citations} END) AS leaders
}
RETURN i {.*} AS inspection, leaders
ORDER BY i.date

// name: leaders_when_rated
// For each inspection of a council (or of every council) with a given overall grade, the leaders
// the sources show in post at its start or on its publication date. The inspection comes with its
// judgements and the sources of each, and each leader with their organisation and citations, so the
// answer is one query.
// params:
//   council_code  string  DfE LA code, ONS GSS code or Ofsted URN; null for every council
//   grade         string  OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, ADEQUATE or INADEQUATE
// returns: council_code, council, inspection, judgements, citations, leaders (tenure, person, organisation, citations)
MATCH (c:Council)
WHERE $council_code IS NULL OR c.code = $council_code OR c.gss_code = $council_code
   OR c.ofsted_urn = $council_code
MATCH (c)-[:HAD_INSPECTION]->(i:Inspection {overall: $grade})
CALL (i) {
  OPTIONAL MATCH (i)-[:HAS_JUDGEMENT]->(j:Judgement)
  OPTIONAL MATCH (j)-[jc:CITES]->(js:Source)
  WITH j, collect(CASE WHEN js IS NULL THEN NULL ELSE jc {.*, source: js {.*}} END) AS jcites
  ORDER BY j.id
  RETURN collect(CASE WHEN j IS NULL THEN NULL ELSE j {.*, citations: jcites} END) AS judgements
}
CALL (i) {
  OPTIONAL MATCH (i)-[ic:CITES]->(s:Source)
  RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE ic {.*, source: s {.*}} END) AS citations
}
CALL (c, i) {
  OPTIONAL MATCH (t:Tenure)-[:AT|SERVES]->(c)
  WHERE t.known_from IS NOT NULL
    AND any(d IN [i.start_date, i.published_date] WHERE d IS NOT NULL
        AND substring(d, 0, size(t.known_from)) >= t.known_from
        AND substring(d, 0, size(t.known_to)) <= t.known_to)
  OPTIONAL MATCH (t)-[:AT]->(o:Organisation)
  OPTIONAL MATCH (p:Person)-[:HELD]->(t)
  CALL (t) {
    OPTIONAL MATCH (t)-[tc:CITES]->(s:Source)
    RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE tc {.*, source: s {.*}} END) AS tenure_citations
  }
  WITH t, p, o, tenure_citations
  ORDER BY t.role, t.known_from, t.id
  RETURN collect(CASE WHEN t IS NULL THEN NULL
                 ELSE {tenure: t {.*}, person: p {.*}, organisation: o {.id, .name, .kind},
                       citations: tenure_citations}
                 END) AS leaders
}
RETURN c.code AS council_code, c {.*} AS council, i {.*} AS inspection, judgements, citations, leaders
ORDER BY i.date, council_code, i.id

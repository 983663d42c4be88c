// name: leadership_changes
// For each leadership role, who the sources show in post at each of two inspections, who is shown
// taking up the post in between, and whether it changed: true where a holder is shown starting in
// the post between the two (or two different named holders), false where the same tenure covers
// both, null where the evidence cannot tell. Each holder comes with their organisation and citations.
// params:
//   council_code     string  DfE LA code, ONS GSS code or Ofsted URN
//   from_inspection  string  id of the earlier inspection
//   to_inspection    string  id of the later inspection
// returns: role, before, between, after (each a list of {tenure, person, organisation, citations}), changed
MATCH (c:Council)
WHERE c.code = $council_code OR c.gss_code = $council_code OR c.ofsted_urn = $council_code
MATCH (c)-[:HAD_INSPECTION]->(a:Inspection {id: $from_inspection})
MATCH (c)-[:HAD_INSPECTION]->(b:Inspection {id: $to_inspection})
UNWIND ['director_of_childrens_services', 'chief_executive', 'lead_member'] AS role
CALL (c, a, role) {
  OPTIONAL MATCH (t:Tenure {role: role})-[:AT]->(c)
  WHERE t.known_from IS NOT NULL
    AND any(d IN [a.start_date, a.published_date] WHERE d IS NOT NULL
        AND substring(d, 0, size(t.known_from)) >= t.known_from
        AND substring(d, 0, size(t.known_to)) <= t.known_to)
  OPTIONAL MATCH (p:Person)-[:HELD]->(t)
  CALL (t) {
    OPTIONAL MATCH (t)-[tc:CITES]->(s:Source)
    RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE tc {.*, source: s {.*}} END) AS citations
  }
  WITH t, p, citations
  ORDER BY t.known_from, t.id
  RETURN collect(CASE WHEN t IS NULL THEN NULL
                 ELSE {tenure: t {.*}, person: p {.*}, organisation: c {.id, .name, .kind}, citations: citations}
                 END) AS before
}
CALL (c, b, role) {
  OPTIONAL MATCH (t:Tenure {role: role})-[:AT]->(c)
  WHERE t.known_from IS NOT NULL
    AND any(d IN [b.start_date, b.published_date] WHERE d IS NOT NULL
        AND substring(d, 0, size(t.known_from)) >= t.known_from
        AND substring(d, 0, size(t.known_to)) <= t.known_to)
  OPTIONAL MATCH (p:Person)-[:HELD]->(t)
  CALL (t) {
    OPTIONAL MATCH (t)-[tc:CITES]->(s:Source)
    RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE tc {.*, source: s {.*}} END) AS citations
  }
  WITH t, p, citations
  ORDER BY t.known_from, t.id
  RETURN collect(CASE WHEN t IS NULL THEN NULL
                 ELSE {tenure: t {.*}, person: p {.*}, organisation: c {.id, .name, .kind}, citations: citations}
                 END) AS after
}
// Holders shown starting in the post after the first inspection and by the second: a stated start, an
// appointment or a taking-up of post dated between the two (compared at the date's own precision).
CALL (c, a, b, role) {
  WITH c, role, coalesce(a.published_date, a.end_date, a.start_date) AS from_day,
       coalesce(b.start_date, b.published_date) AS to_day
  OPTIONAL MATCH (t:Tenure {role: role})-[:AT]->(c)
  CALL (t) {
    OPTIONAL MATCH (t)-[e:CITES]->()
    WHERE e.evidence IN ['appointed', 'takes_up_post'] AND e.date IS NOT NULL
    RETURN collect(e.date) AS announced
  }
  WITH c, t, announced + [t.start_date] AS candidates, from_day, to_day
  WITH c, t, any(d IN candidates WHERE d IS NOT NULL
                 AND d > left(from_day, size(toString(d))) AND d <= left(to_day, size(toString(d)))) AS arrived
  WITH c, CASE WHEN arrived THEN t END AS t
  OPTIONAL MATCH (p:Person)-[:HELD]->(t)
  CALL (t) {
    OPTIONAL MATCH (t)-[tc:CITES]->(s:Source)
    RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE tc {.*, source: s {.*}} END) AS citations
  }
  WITH t, p, citations
  ORDER BY t.known_from, t.id
  RETURN collect(CASE WHEN t IS NULL THEN NULL
                 ELSE {tenure: t {.*}, person: p {.*}, organisation: c {.id, .name, .kind}, citations: citations}
                 END) AS between
}
WITH role, before, between, after,
     [x IN before | coalesce(x.person.id, 'tenure:' + x.tenure.id)] AS before_ids,
     [x IN after | coalesce(x.person.id, 'tenure:' + x.tenure.id)] AS after_ids
RETURN role, before, between, after,
  CASE
    // Someone other than the first holder took up the post in between.
    WHEN size(before) > 0 AND any(x IN between WHERE NOT x.tenure.id IN [y IN before | y.tenure.id]) THEN true
    WHEN size(before) = 0 OR size(after) = 0 THEN null
    // The same tenure on both sides: no change, even if its holder is unnamed.
    WHEN all(x IN before_ids WHERE x IN after_ids) AND all(x IN after_ids WHERE x IN before_ids) THEN false
    // An unnamed holder on either side could be the named one on the other: unknown.
    WHEN any(x IN before + after WHERE x.person IS NULL) THEN null
    ELSE true
  END AS changed

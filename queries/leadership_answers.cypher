// name: leadership_answers
// For each of several inspections and each of the DCS and the chief executive, what the graph can say
// about who held the post then, as one of four answers:
//   NAMED    a tenure with a named holder covers the inspection's start or publication date
//   UNNAMED  only a tenure whose holder is unknown covers it ("The DCS has been in post since ...")
//   BOUNDED  nothing covers it: the nearest evidence before (last_before) and after (first_after)
//   NONE     the council has no evidence for the role at all (a tenure known only by its end is evidence too)
// Covering is the rule leaders_when_rated uses: the tenure's known span, compared at its own precision.
// last_before is the tenure whose known span ends latest before the inspection's first day (its
// known_to is the date), first_after the one whose span starts earliest after it (its known_from);
// both are given for every answer, so a NAMED answer also shows who came before and after.
// A trust's chief executive answers for the chief executive of a council whose services it runs.
// The inspections are those listed, and, when a council is given, every graded inspection of it (a
// full inspection or re-inspection with an overall grade: those the answers are for), so a council
// page can ask for its answers alongside its own query rather than after it.
// params:
//   inspection_ids  list    Inspection ids, e.g. ["916/inspection/2017-02-27"]; null or [] for none
//   council_code    string  DfE LA code, ONS GSS code or Ofsted URN (the council as council_page finds it); null for none
// returns: inspection_id, role, status, last_before, first_after (each {date, tenure, person, organisation, citations} or null)
CALL () {
  UNWIND coalesce($inspection_ids, []) AS inspection_id
  MATCH (c:Council)-[:HAD_INSPECTION]->(i:Inspection {id: inspection_id})
  RETURN c, i
  UNION
  CALL () {
    MATCH (c:Council)
    WHERE $council_code IS NOT NULL
      AND (c.code = $council_code OR c.gss_code = $council_code OR c.ofsted_urn = $council_code)
    RETURN c
    ORDER BY c.code
    LIMIT 1
  }
  MATCH (c)-[:HAD_INSPECTION]->(i:Inspection)
  WHERE i.overall IS NOT NULL AND i.kind IN ['inspection', 'reinspection']
  RETURN c, i
}
WITH c, i, i.id AS inspection_id, coalesce(i.start_date, i.published_date, i.date) AS day
UNWIND ['director_of_childrens_services', 'chief_executive'] AS role
WITH c, i, inspection_id, day, role,
     CASE role WHEN 'chief_executive' THEN ['chief_executive', 'trust_chief_executive'] ELSE [role] END AS roles
CALL (c, i, roles) {
  OPTIONAL MATCH (t:Tenure)-[:AT|SERVES]->(c)
  WHERE (t.known_from IS NOT NULL OR t.known_to IS NOT NULL) AND t.role IN roles
  WITH t,
       t IS NOT NULL AND any(d IN [i.start_date, i.published_date] WHERE d IS NOT NULL
         AND substring(d, 0, size(t.known_from)) >= t.known_from
         AND substring(d, 0, size(t.known_to)) <= t.known_to) AS covers
  WITH count(t) AS evidence,
       sum(CASE WHEN covers AND EXISTS { (:Person)-[:HELD]->(t) } THEN 1 ELSE 0 END) AS named,
       sum(CASE WHEN covers THEN 1 ELSE 0 END) AS covering
  RETURN CASE WHEN named > 0 THEN 'NAMED' WHEN covering > 0 THEN 'UNNAMED'
              WHEN evidence > 0 THEN 'BOUNDED' ELSE 'NONE' END AS status
}
CALL (c, day, roles) {
  OPTIONAL MATCH (t:Tenure)-[:AT|SERVES]->(c)
  WHERE t.known_to IS NOT NULL AND t.role IN roles AND substring(day, 0, size(t.known_to)) > t.known_to
  WITH t ORDER BY t.known_to DESC, t.id LIMIT 1
  OPTIONAL MATCH (t)-[:AT]->(o:Organisation)
  OPTIONAL MATCH (p:Person)-[:HELD]->(t)
  OPTIONAL MATCH (t)-[tc:CITES]->(s:Source)
  WITH t, o, p, collect(CASE WHEN s IS NULL THEN NULL ELSE tc {.*, source: s {.*}} END) AS citations
  RETURN CASE WHEN t IS NULL THEN NULL ELSE {date: t.known_to, tenure: t {.*}, person: p {.*},
         organisation: o {.id, .name, .kind}, citations: citations} END AS last_before
}
CALL (c, day, roles) {
  OPTIONAL MATCH (t:Tenure)-[:AT|SERVES]->(c)
  WHERE t.known_from IS NOT NULL AND t.role IN roles AND substring(day, 0, size(t.known_from)) < t.known_from
  WITH t ORDER BY t.known_from, t.id LIMIT 1
  OPTIONAL MATCH (t)-[:AT]->(o:Organisation)
  OPTIONAL MATCH (p:Person)-[:HELD]->(t)
  OPTIONAL MATCH (t)-[tc:CITES]->(s:Source)
  WITH t, o, p, collect(CASE WHEN s IS NULL THEN NULL ELSE tc {.*, source: s {.*}} END) AS citations
  RETURN CASE WHEN t IS NULL THEN NULL ELSE {date: t.known_from, tenure: t {.*}, person: p {.*},
         organisation: o {.id, .name, .kind}, citations: citations} END AS first_after
}
RETURN inspection_id, role, status, last_before, first_after
ORDER BY inspection_id, role

// name: leadership_coverage
// How well the graph answers "who led this council when it was rated X": for every graded inspection
// or re-inspection and each of the DCS and the chief executive, one of four answers, counted by era
// (by framework, since many SIF inspections carry only a publication date: SIF ran 2013-17, ILACS
// from 2018, the frameworks before them 2009-12) and again for the inadequate ones.
//   NAMED    a tenure with a named holder covers the inspection's start or publication date
//   UNNAMED  only a tenure whose holder is unknown covers it (e.g. "The DCS has been in post since ...")
//   BOUNDED  the council has evidence for the role, but none of it covers the inspection
//   NONE     the council has no evidence for the role at all (a tenure known only by its end is evidence too)
// Covering is the rule leaders_when_rated uses: the tenure's known span, compared at its own precision.
// A trust's chief executive answers for the chief executive of a council whose services it runs.
// params: (none)
// returns: era, role, named, unnamed, bounded, none, inspections
MATCH (c:Council)-[:HAD_INSPECTION]->(i:Inspection)
WHERE i.kind IN ['inspection', 'reinspection'] AND i.overall IS NOT NULL
UNWIND ['director_of_childrens_services', 'chief_executive'] AS role
CALL (c, i, role) {
  OPTIONAL MATCH (t:Tenure)-[:AT|SERVES]->(c)
  WHERE (t.known_from IS NOT NULL OR t.known_to IS NOT NULL)
    AND (t.role = role OR (role = 'chief_executive' AND t.role = 'trust_chief_executive'))
  WITH t,
       t IS NOT NULL AND any(d IN [i.start_date, i.published_date] WHERE d IS NOT NULL
         AND substring(d, 0, size(t.known_from)) >= t.known_from
         AND substring(d, 0, size(t.known_to)) <= t.known_to) AS covers
  OPTIONAL MATCH (p:Person)-[:HELD]->(t)
  WITH count(t) AS evidence, sum(CASE WHEN covers AND p IS NOT NULL THEN 1 ELSE 0 END) AS named,
       sum(CASE WHEN covers AND p IS NULL THEN 1 ELSE 0 END) AS unnamed
  RETURN CASE WHEN named > 0 THEN 'NAMED' WHEN unnamed > 0 THEN 'UNNAMED'
              WHEN evidence > 0 THEN 'BOUNDED' ELSE 'NONE' END AS status
}
WITH i, role, status,
     CASE WHEN i.framework STARTS WITH 'SIF' THEN '2013-17 SIF' WHEN i.framework STARTS WITH 'ILACS'
          THEN '2018-26 ILACS' ELSE '2009-12' END AS era
UNWIND [era] + CASE WHEN i.overall = 'INADEQUATE' THEN ['inadequate'] ELSE [] END AS bucket
WITH bucket AS era, role, count(*) AS inspections,
     sum(CASE status WHEN 'NAMED' THEN 1 ELSE 0 END) AS named,
     sum(CASE status WHEN 'UNNAMED' THEN 1 ELSE 0 END) AS unnamed,
     sum(CASE status WHEN 'BOUNDED' THEN 1 ELSE 0 END) AS bounded,
     sum(CASE status WHEN 'NONE' THEN 1 ELSE 0 END) AS none
RETURN era, role, named, unnamed, bounded, none, inspections
ORDER BY era = 'inadequate', era, role

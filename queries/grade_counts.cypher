// name: grade_counts
// How many judgements of one area (overall effectiveness by default) gave each grade, among the
// inspections that match a filter, optionally by year of publication (else of the visit), framework
// or region, with the sources that state those judgements.
// params:
//   count_area      string   the judgement area counted, e.g. "overall_effectiveness"
//   by              string   NONE, YEAR, FRAMEWORK or REGION
//   council_code    string   DfE LA code, ONS GSS code or Ofsted URN; null for every council
//   region          string   region name, case-insensitive, e.g. "South West"; null for all
//   current_only    boolean  true keeps councils that exist today; null or false for all
//   kinds           list     inspection kinds, e.g. ["inspection", "reinspection"]; null for all
//   frameworks      list     frameworks, e.g. ["ILACS standard", "ILACS short"]; null for all
//   overall         list     overall grades, e.g. ["INADEQUATE"]; null for all (ungraded included)
//   area            string   a judgement area the inspection must have, e.g. "help_and_protection"; null for any
//   area_grades     list     grades that judgement must have, e.g. ["GOOD"]; null for any (needs area)
//   published_from  string   earliest publication date, ISO, e.g. "2018-01-01"; null for no bound
//   published_to    string   latest publication date, ISO, e.g. "2025-03-31"; null for no bound
// returns: key (null when by is NONE), grade, count, sources (ids of the sources cited, sorted)
MATCH (c:Council)-[:HAD_INSPECTION]->(i:Inspection)
// The inspection filter (the same lines in every query across councils). Null filters match all.
WHERE ($council_code IS NULL OR c.code = $council_code OR c.gss_code = $council_code
       OR c.ofsted_urn = $council_code)
  AND ($region IS NULL OR toLower(c.region) = toLower($region))
  AND (NOT coalesce($current_only, false) OR coalesce(c.current, false))
  AND ($kinds IS NULL OR i.kind IN $kinds)
  AND ($frameworks IS NULL OR i.framework IN $frameworks)
  AND ($overall IS NULL OR i.overall IN $overall)
  AND ($published_from IS NULL OR i.published_date >= $published_from)
  AND ($published_to IS NULL OR i.published_date <= $published_to)
  AND ($area IS NULL OR EXISTS {
        MATCH (i)-[:HAS_JUDGEMENT]->(fj:Judgement {area: $area})
        WHERE $area_grades IS NULL OR fj.grade IN $area_grades
      })
MATCH (i)-[:HAS_JUDGEMENT]->(j:Judgement {area: $count_area})
WITH CASE $by
       WHEN 'YEAR' THEN substring(coalesce(i.published_date, i.date), 0, 4)
       WHEN 'FRAMEWORK' THEN i.framework
       WHEN 'REGION' THEN c.region
     END AS key, j
WITH key, j.grade AS grade, collect(j) AS judgements
CALL (judgements) {
  UNWIND judgements AS j
  OPTIONAL MATCH (j)-[:CITES]->(s:Source)
  WITH DISTINCT s.id AS id WHERE id IS NOT NULL
  ORDER BY id
  RETURN collect(id) AS sources
}
RETURN key, grade, size(judgements) AS count, sources
ORDER BY key,
         CASE grade WHEN 'OUTSTANDING' THEN 0 WHEN 'GOOD' THEN 1 WHEN 'REQUIRES_IMPROVEMENT' THEN 2
                    WHEN 'ADEQUATE' THEN 3 ELSE 4 END

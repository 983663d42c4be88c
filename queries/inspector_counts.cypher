// name: inspector_counts
// The lead inspectors named for the inspections that match a filter, most inspections first, with
// the sources cited for those inspections (the reports and tables that name the lead inspector).
// params:
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
//   limit           integer  how many inspectors to return
// returns: name, count (inspections led), sources (ids of the sources cited, sorted)
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
  AND i.lead_inspector IS NOT NULL
WITH i.lead_inspector AS name, collect(i) AS led
ORDER BY size(led) DESC, name
LIMIT $limit
CALL (led) {
  UNWIND led AS i
  OPTIONAL MATCH (i)-[:CITES]->(s:Source)
  WITH DISTINCT s.id AS id WHERE id IS NOT NULL
  ORDER BY id
  RETURN collect(id) AS sources
}
RETURN name, size(led) AS count, sources
ORDER BY count DESC, name

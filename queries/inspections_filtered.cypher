// name: inspections_filtered
// Inspections and visits of every council that match a filter, sorted, one page at a time: each with
// its council, its judgements and the sources of each, and the number of matches in all.
// Published order uses the publication date, else the visit's date (a few visits have none).
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
//   sort            string   PUBLISHED_ASC, PUBLISHED_DESC or COUNCIL_ASC (council name, then published)
//   skip            integer  how many matches to pass over
//   limit           integer  how many to return
// returns: total (every match), inspections (council_code, council, inspection, judgements, citations)
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
WITH c, i, coalesce(i.published_date, i.date) AS published
ORDER BY CASE WHEN $sort = 'COUNCIL_ASC' THEN c.name END,
         CASE WHEN $sort = 'PUBLISHED_DESC' THEN published END DESC,
         published, c.code, i.id
WITH collect({council: c, inspection: i}) AS matches
CALL (matches) {
  WITH matches[$skip..($skip + $limit)] AS page
  UNWIND range(0, size(page) - 1) AS n
  WITH n, page[n].council AS c, page[n].inspection AS i
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
  WITH n, {council_code: c.code, council: c {.*}, inspection: i {.*}, judgements: judgements,
           citations: citations} AS row
  ORDER BY n
  RETURN collect(row) AS inspections
}
RETURN size(matches) AS total, inspections

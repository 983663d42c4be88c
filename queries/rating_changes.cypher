// name: rating_changes
// Councils whose overall grade went from one grade to another, among the inspections that match a
// filter, each council's inspections taken in date order. Consecutive: the `to` inspection is the
// next one with an overall grade after the `from` one. Otherwise any later one, as long as no
// inspection between them was rated either grade (so each change is counted once). Inspections
// without an overall grade between the two (the post-reform reports from June 2026) are listed as
// skipped; graded ones between them (only when not consecutive) as via.
// An inspection belongs to the council that existed then: changes never cross a reorganisation.
// params:
//   from_grade      string   the earlier overall grade, e.g. "INADEQUATE"
//   to_grade        string   the later overall grade, e.g. "GOOD"
//   consecutive     boolean  true: the next graded inspection; false: any later one
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
// returns: council_code, from_id, to_id, skipped_ids, via_ids (inspection ids; ordered by council, date),
//   council (properties), from_inspection, to_inspection (properties), skipped, via (lists of properties)
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
WITH c, i
ORDER BY i.date, i.id
WITH c, collect(i) AS seq
WITH c, seq, [n IN range(0, size(seq) - 1) WHERE seq[n].overall IS NOT NULL] AS graded
UNWIND range(0, size(graded) - 2) AS p
UNWIND range(p + 1, size(graded) - 1) AS q
WITH c, seq, graded, p, q
WHERE seq[graded[p]].overall = $from_grade AND seq[graded[q]].overall = $to_grade
  AND (q = p + 1 OR (NOT coalesce($consecutive, true)
       AND none(k IN range(p + 1, q - 1) WHERE seq[graded[k]].overall IN [$from_grade, $to_grade])))
WITH c, seq[graded[p]] AS f, seq[graded[q]] AS t,
     [k IN range(graded[p] + 1, graded[q] - 1)
        WHERE seq[k].overall IS NULL AND seq[k].kind IN ['inspection', 'reinspection'] | seq[k]] AS skipped,
     [k IN range(p + 1, q - 1) | seq[graded[k]]] AS via
RETURN c.code AS council_code,
       f.id AS from_id,
       t.id AS to_id,
       [s IN skipped | s.id] AS skipped_ids,
       [v IN via | v.id] AS via_ids,
       c {.*} AS council,
       f {.*} AS from_inspection,
       t {.*} AS to_inspection,
       [s IN skipped | s {.*}] AS skipped,
       [v IN via | v {.*}] AS via
ORDER BY council_code, f.date, from_id

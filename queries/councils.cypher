// name: councils
// Councils matching a name search (any spelling the sources use, or a code), a region and the grade
// of their latest graded inspection, ordered by name, one page at a time. Null filters match all.
// params:
//   search  string   part of a name or alias, case-insensitive, or an exact code; null for all
//   region  string   region name, case-insensitive, e.g. "South West"; null for all
//   grade   string   overall grade of the latest graded inspection, e.g. "INADEQUATE"; null for all
//   skip    integer  how many matching councils to pass over
//   limit   integer  how many to return
// returns: total (every match), councils (one page: properties with predecessors and successors)
MATCH (c:Council)
WHERE ($search IS NULL
       OR toLower(c.name) CONTAINS toLower($search)
       OR toLower(coalesce(c.aliases_text, '')) CONTAINS toLower($search)
       OR $search IN [c.code, c.gss_code, c.ofsted_urn])
  AND ($region IS NULL OR toLower(c.region) = toLower($region))
// The latest grade is worked out only when a grade is asked for: a plain list does not pay for it.
CALL (c) {
  OPTIONAL MATCH (c)-[:HAD_INSPECTION]->(i:Inspection)
  WHERE $grade IS NOT NULL AND i.overall IS NOT NULL
  WITH i ORDER BY i.date DESC, i.id DESC LIMIT 1
  RETURN i.overall AS latest_grade
}
WITH c, latest_grade
WHERE $grade IS NULL OR latest_grade = $grade
WITH c ORDER BY c.name, c.code
WITH collect(c) AS matches
RETURN size(matches) AS total,
       [c IN matches[$skip..($skip + $limit)] | c {.*,
          predecessors: [(p:Council)-[:SUCCEEDED_BY]->(c) | p {.*}],
          successors: [(c)-[:SUCCEEDED_BY]->(s:Council) | s {.*}]}] AS councils

// name: map_grades
// Every current council with its latest inspection (not a visit) and that inspection's judgements,
// and its latest inspection with an overall grade: what the England map widget colours each council
// by. Reports published from mid-2026 give no overall grade, so the two can differ.
// params: (none)
// returns: code, name, region, latest (inspection properties with judgements, or null), graded (inspection properties, or null)
MATCH (c:Council {current: true})
CALL (c) {
  OPTIONAL MATCH (c)-[:HAD_INSPECTION]->(i:Inspection)
  WHERE i.kind IN ['inspection', 'reinspection']
  WITH i ORDER BY i.date DESC, i.id DESC LIMIT 1
  RETURN CASE WHEN i IS NULL THEN NULL
         ELSE i {.*, judgements: [(i)-[:HAS_JUDGEMENT]->(j:Judgement) | j {.area, .grade}]} END AS latest
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAD_INSPECTION]->(i:Inspection)
  WHERE i.overall IS NOT NULL
  WITH i ORDER BY i.date DESC, i.id DESC LIMIT 1
  RETURN CASE WHEN i IS NULL THEN NULL ELSE i {.*} END AS graded
}
RETURN c.code AS code, c.name AS name, c.region AS region, latest, graded
ORDER BY code

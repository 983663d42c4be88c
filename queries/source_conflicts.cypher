// name: source_conflicts
// Where sources disagree: judgements whose sources state different grades, and inspections whose
// sources disagree on a date or the inspector. Optionally for one council (null = all councils).
// params:
//   council_code  string  DfE LA code, ONS GSS code or Ofsted URN, or null for every council
// returns: council_code, inspection_id, field, detail, statements (value and source per statement)
MATCH (c:Council)-[:HAD_INSPECTION]->(i:Inspection)
WHERE $council_code IS NULL OR c.code = $council_code OR c.gss_code = $council_code
   OR c.ofsted_urn = $council_code
CALL (i) {
  MATCH (i)-[:HAS_JUDGEMENT]->(j:Judgement {conflict: true})
  MATCH (j)-[jc:CITES]->(s:Source)
  WITH j, collect({value: jc.value, quote: jc.quote, row: jc.row, page: jc.page, source: s.id}) AS statements
  RETURN j.area AS field, 'the sources state different grades' AS detail, statements
  UNION ALL
  UNWIND coalesce(i.conflicts, []) AS sentence
  RETURN 'inspection' AS field, sentence AS detail, [] AS statements
}
RETURN c.code AS council_code, i.id AS inspection_id, field, detail, statements
ORDER BY council_code, inspection_id, field

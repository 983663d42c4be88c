// name: write_judgements
// Every judgement, under its inspection.
// params:
//   rows  list  {inspection_id, props} per judgement
// returns: nothing
UNWIND $rows AS r
MATCH (i:Inspection {id: r.inspection_id})
CREATE (i)-[:HAS_JUDGEMENT]->(j:Judgement) SET j = r.props

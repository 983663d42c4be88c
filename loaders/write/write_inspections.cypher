// name: write_inspections
// Every reconciled inspection, under its council.
// params:
//   rows  list  {council_code, props} per inspection
// returns: nothing
UNWIND $rows AS r
MATCH (c:Council {code: r.council_code})
CREATE (c)-[:HAD_INSPECTION]->(i:Inspection) SET i = r.props

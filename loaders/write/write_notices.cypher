// name: write_notices
// Every DfE improvement notice, received by its council.
// params:
//   rows  list  {council_code, props} per notice
// returns: nothing
UNWIND $rows AS r
MATCH (c:Council {code: r.council_code})
CREATE (c)-[:RECEIVED]->(n:ImprovementNotice) SET n = r.props

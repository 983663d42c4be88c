// name: write_boards
// Every improvement board (also an Organisation), held by its council.
// params:
//   rows  list  {council_code, props} per board
// returns: nothing
UNWIND $rows AS r
MATCH (c:Council {code: r.council_code})
CREATE (c)-[:HAS_BOARD]->(b:ImprovementBoard:Organisation) SET b = r.props

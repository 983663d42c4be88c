// name: link_successors
// A former council points at the councils that succeeded it, dated by its end.
// params:
//   rows  list  {from, to, date} per pair
// returns: nothing
UNWIND $rows AS r
MATCH (old:Council {code: r.from}), (new:Council {code: r.to})
CREATE (old)-[:SUCCEEDED_BY {date: r.date}]->(new)

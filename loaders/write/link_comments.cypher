// name: link_comments
// A reader comment points at the article it was posted under.
// params:
//   rows  list  {id, comment_on} per comment
// returns: nothing
UNWIND $rows AS r
MATCH (c:Source {id: r.id}), (a:Source {id: r.comment_on})
CREATE (c)-[:COMMENT_ON]->(a)

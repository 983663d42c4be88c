// name: link_replies
// A reader comment replying to another points at it.
// params:
//   rows  list  {id, reply_to} per reply
// returns: nothing
UNWIND $rows AS r
MATCH (c:Source {id: r.id}), (p:Source {id: r.reply_to})
CREATE (c)-[:REPLY_TO]->(p)

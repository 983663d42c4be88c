// name: cite
// Every citation of one node kind. The writer puts the kind's label and key from
// loaders/model/kinds.py in place of Label and key: one statement per label, so each MATCH uses that
// label's unique-key index (a label cannot be a parameter).
// params:
//   rows  list  {node_id, source_id, props} per citation
// returns: nothing
UNWIND $rows AS r MATCH (n:Label {key: r.node_id}), (s:Source {id: r.source_id})
CREATE (n)-[c:CITES]->(s) SET c = r.props

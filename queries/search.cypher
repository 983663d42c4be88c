// name: search
// People, councils and sources whose names, titles or publishers match a Lucene full-text query
// (the API escapes the text a user types), best match first.
// params:
//   query           string   a Lucene query for the full-text indexes, e.g. "spencer"
//   limit           integer  how many hits to return
// returns: kind (PERSON, COUNCIL or SOURCE), node (properties), score
CALL () {
  CALL db.index.fulltext.queryNodes('person_names', $query, {limit: $limit}) YIELD node, score
  RETURN 'PERSON' AS kind, node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('council_names', $query, {limit: $limit}) YIELD node, score
  RETURN 'COUNCIL' AS kind, node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('source_text', $query, {limit: $limit}) YIELD node, score
  RETURN 'SOURCE' AS kind, node, score
}
RETURN kind, node {.*} AS node, score
ORDER BY score DESC, kind, node.id
LIMIT $limit

// name: read_load
// The graph's Load stamp. A map projection, not l.content_hash: naming a property key the database
// has never seen (the first load) makes Neo4j send a warning that the driver logs as noise.
// returns: load
MATCH (l:Load {id: 'current'}) RETURN l {.*} AS load

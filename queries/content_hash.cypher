// name: content_hash
// The content hash of the load the graph holds: a load writes it in the same transaction as the data,
// so it changes exactly when the answers can. The API reads it before each request to key its cache
// of repeat answers. No row before the first load.
// params: (none)
// returns: content_hash
MATCH (l:Load {id: 'current'})
RETURN l.content_hash AS content_hash

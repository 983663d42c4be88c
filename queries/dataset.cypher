// name: dataset
// The load the graph holds now: when it was written, the hash of its content (it changes exactly
// when the data does) and how many records of each kind it wrote. No row before the first load.
// A map projection, so a graph that has never seen these property keys answers without a warning.
// params: (none)
// returns: load (id 'current', content_hash, loaded_at, counts as a JSON object in text)
MATCH (l:Load {id: 'current'})
RETURN l {.*} AS load

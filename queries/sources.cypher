// name: sources
// Sources by id: documents, data files, articles and reader comments (with the article they are under).
// params:
//   source_ids  list  source ids, e.g. ["data:ofsted/la_inspections.csv"]
// returns: source (properties)
UNWIND $source_ids AS id
MATCH (s:Source {id: id})
RETURN s {.*} AS source

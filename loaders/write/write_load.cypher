// name: write_load
// Stamps the graph with what was loaded and when (bookkeeping, not content).
// params:
//   content_hash  string  digest of the content written
//   loaded_at  string  ISO time of the load
//   counts  string  JSON of the counts written
//   report_folders  list  researchers' folders of report PDFs
// returns: nothing
MERGE (l:Load {id: 'current'})
SET l.content_hash = $content_hash, l.loaded_at = $loaded_at, l.counts = $counts,
    l.report_folders = $report_folders

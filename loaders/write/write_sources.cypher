// name: write_sources
// Every Source node, its properties as the loader read them.
// params:
//   rows  list  one map of properties per source
// returns: nothing
UNWIND $rows AS r
CREATE (s:Source) SET s = r

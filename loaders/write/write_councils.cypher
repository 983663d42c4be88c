// name: write_councils
// Every council, which is also an Organisation (id "council:<code>").
// params:
//   rows  list  one map of properties per council
// returns: nothing
UNWIND $rows AS r
CREATE (c:Council:Organisation) SET c = r

// name: write_organisations
// Every organisation other than a council or an improvement board.
// params:
//   rows  list  {id, name, kind} per organisation
// returns: nothing
UNWIND $rows AS r
CREATE (o:Organisation) SET o = r

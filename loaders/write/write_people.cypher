// name: write_people
// Every person.
// params:
//   rows  list  {id, name} per person
// returns: nothing
UNWIND $rows AS r
CREATE (p:Person) SET p = r

// name: write_interventions
// Every DfE intervention from published evidence, at its council, with the people named in it.
// params:
//   rows  list  {council_code, people: [{person_id, role}], props} per intervention
// returns: nothing
UNWIND $rows AS r
MATCH (c:Council {code: r.council_code})
CREATE (c)-[:SUBJECT_OF]->(i:Intervention) SET i = r.props
WITH i, r
UNWIND r.people AS member
MATCH (p:Person {id: member.person_id})
CREATE (p)-[:ROLE_IN {role: member.role}]->(i)

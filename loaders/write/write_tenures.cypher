// name: write_tenures
// Every tenure at its organisation, held by its person where named, serving a council where stated.
// params:
//   rows  list  {organisation_id, person_id, serves_council, props} per tenure
// returns: nothing
UNWIND $rows AS r
MATCH (o:Organisation {id: r.organisation_id})
CREATE (t:Tenure)-[:AT]->(o) SET t = r.props
WITH t, r
OPTIONAL MATCH (p:Person {id: r.person_id})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (p)-[:HELD]->(t))
WITH t, r
OPTIONAL MATCH (served:Council {code: r.serves_council})
FOREACH (_ IN CASE WHEN served IS NULL THEN [] ELSE [1] END | CREATE (t)-[:SERVES]->(served))

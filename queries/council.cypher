// name: council
// One council, current or former, found by any of its codes, with the councils it replaced and the
// councils that replaced it.
// params:
//   code  string  DfE LA code ("916"), ONS GSS code ("E10000013") or Ofsted URN ("80470")
// returns: council (properties), predecessors, successors (each a list of council properties)
MATCH (c:Council)
WHERE c.code = $code OR c.gss_code = $code OR c.ofsted_urn = $code
RETURN c {.*} AS council,
       [(p:Council)-[:SUCCEEDED_BY]->(c) | p {.*}] AS predecessors,
       [(c)-[:SUCCEEDED_BY]->(s:Council) | s {.*}] AS successors
ORDER BY c.code
LIMIT 1

// name: council
// Councils, current or former, each found by any of its codes, with the councils it replaced and the
// councils that replaced it. Takes a list so that every council one request asks for is one query.
// params:
//   codes  list  DfE LA codes ("916"), ONS GSS codes ("E10000013") or Ofsted URNs ("80470")
// returns: code (as asked), council (properties), predecessors, successors (each a list of council properties)
UNWIND $codes AS code
CALL (code) {
  MATCH (c:Council)
  WHERE c.code = code OR c.gss_code = code OR c.ofsted_urn = code
  RETURN c
  ORDER BY c.code
  LIMIT 1
}
RETURN code,
       c {.*} AS council,
       [(p:Council)-[:SUCCEEDED_BY]->(c) | p {.*}] AS predecessors,
       [(c)-[:SUCCEEDED_BY]->(s:Council) | s {.*}] AS successors

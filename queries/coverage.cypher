// name: coverage
// What the graph holds, and what it cannot vouch for: counts of each kind of node, councils without
// inspections or leaders, and facts without a citation (should be zero).
// params: (none)
// returns: measure, value
CALL () {
  MATCH (c:Council) RETURN 'councils' AS measure, count(c) AS value
  UNION ALL MATCH (c:Council {current: true}) RETURN 'current councils' AS measure, count(c) AS value
  UNION ALL MATCH (i:Inspection) RETURN 'inspections and visits' AS measure, count(i) AS value
  UNION ALL MATCH (i:Inspection {kind: 'focused_visit'}) RETURN 'focused visits' AS measure, count(i) AS value
  UNION ALL MATCH (i:Inspection {kind: 'monitoring_visit'}) RETURN 'monitoring visits' AS measure, count(i) AS value
  UNION ALL MATCH (j:Judgement) RETURN 'judgements' AS measure, count(j) AS value
  UNION ALL MATCH (j:Judgement {conflict: true}) RETURN 'judgements with conflicting sources' AS measure, count(j) AS value
  UNION ALL MATCH (p:Person) RETURN 'people' AS measure, count(p) AS value
  UNION ALL MATCH (t:Tenure) RETURN 'tenures' AS measure, count(t) AS value
  UNION ALL MATCH (n:ImprovementNotice) RETURN 'improvement notices' AS measure, count(n) AS value
  UNION ALL MATCH (b:ImprovementBoard) RETURN 'improvement boards' AS measure, count(b) AS value
  UNION ALL MATCH (s:Source) RETURN 'sources' AS measure, count(s) AS value
  UNION ALL MATCH (s:Source {kind: 'reader_comment'}) RETURN 'reader comments' AS measure, count(s) AS value
  UNION ALL MATCH ()-[r:CITES]->() RETURN 'citations' AS measure, count(r) AS value
  UNION ALL
  MATCH (c:Council {current: true}) WHERE NOT (c)-[:HAD_INSPECTION]->()
  RETURN 'current councils without an inspection' AS measure, count(c) AS value
  UNION ALL
  MATCH (c:Council) WHERE (c)-[:HAD_INSPECTION]->(:Inspection {kind: 'focused_visit'})
    AND NOT (:Tenure {role: 'director_of_childrens_services'})-[:AT]->(c)
  RETURN 'councils with a focused visit but no known DCS' AS measure, count(c) AS value
  UNION ALL
  MATCH (n) WHERE (n:Council OR n:Inspection OR n:Judgement OR n:Tenure OR n:Person
    OR n:ImprovementNotice OR n:ImprovementBoard) AND NOT (n)-[:CITES]->(:Source)
  RETURN 'facts without a citation' AS measure, count(n) AS value
}
RETURN measure, value

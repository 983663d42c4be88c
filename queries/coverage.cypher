// name: coverage
// What the graph holds, and what it cannot vouch for: counts of each kind of node, councils without
// inspections or leaders, and facts without a citation (should be zero).
// Counts are taken before naming them, so a measure with nothing to count still shows 0.
// params: (none)
// returns: measure, value
CALL () {
  MATCH (c:Council) WITH count(c) AS value RETURN 'councils' AS measure, value
  UNION ALL MATCH (c:Council {current: true}) WITH count(c) AS value RETURN 'current councils' AS measure, value
  UNION ALL MATCH (i:Inspection) WITH count(i) AS value RETURN 'inspections and visits' AS measure, value
  UNION ALL MATCH (i:Inspection {kind: 'focused_visit'}) WITH count(i) AS value RETURN 'focused visits' AS measure, value
  UNION ALL MATCH (i:Inspection {kind: 'monitoring_visit'}) WITH count(i) AS value RETURN 'monitoring visits' AS measure, value
  UNION ALL MATCH (j:Judgement) WITH count(j) AS value RETURN 'judgements' AS measure, value
  UNION ALL MATCH (j:Judgement {conflict: true}) WITH count(j) AS value RETURN 'judgements with conflicting sources' AS measure, value
  UNION ALL MATCH (p:Person) WITH count(p) AS value RETURN 'people' AS measure, value
  UNION ALL MATCH (t:Tenure) WITH count(t) AS value RETURN 'tenures' AS measure, value
  UNION ALL MATCH (n:ImprovementNotice) WITH count(n) AS value RETURN 'improvement notices' AS measure, value
  UNION ALL MATCH (b:ImprovementBoard) WITH count(b) AS value RETURN 'improvement boards' AS measure, value
  UNION ALL MATCH (s:Source) WITH count(s) AS value RETURN 'sources' AS measure, value
  UNION ALL MATCH (s:Source {kind: 'web_page'}) WITH count(s) AS value RETURN 'published web pages (unverified)' AS measure, value
  UNION ALL MATCH (c:Council) WHERE (c)-[:SUBJECT_OF]->(:Intervention) OR (c)-[:RECEIVED]->(:ImprovementNotice)
  WITH count(c) AS value RETURN 'councils with a DfE intervention' AS measure, value
  UNION ALL
  UNWIND ['improvement_notice', 'statutory_direction', 'commissioner', 'childrens_trust',
          'alternative_delivery', 'improvement_board', 'dfe_adviser'] AS kind
  OPTIONAL MATCH (i:Intervention {kind: kind})
  WITH kind, count(i) AS value RETURN 'interventions: ' + kind AS measure, value
  UNION ALL
  UNWIND range(2009, 2018) AS year
  OPTIONAL MATCH (:Tenure)-[r:CITES]->(:Source {kind: 'web_page'}) WHERE r.date STARTS WITH toString(year)
  WITH year, count(r) AS value RETURN 'published leader facts ' + toString(year) AS measure, value
  UNION ALL MATCH (s:Source {kind: 'reader_comment'}) WITH count(s) AS value RETURN 'reader comments' AS measure, value
  UNION ALL MATCH ()-[r:CITES]->() WITH count(r) AS value RETURN 'citations' AS measure, value
  UNION ALL
  MATCH (c:Council {current: true}) WHERE NOT (c)-[:HAD_INSPECTION]->()
  WITH count(c) AS value RETURN 'current councils without an inspection' AS measure, value
  UNION ALL
  MATCH (c:Council) WHERE (c)-[:HAD_INSPECTION]->(:Inspection {kind: 'focused_visit'})
    AND NOT (:Tenure {role: 'director_of_childrens_services'})-[:AT]->(c)
  WITH count(c) AS value RETURN 'councils with a focused visit but no known DCS' AS measure, value
  UNION ALL
  MATCH (n) WHERE (n:Council OR n:Inspection OR n:Judgement OR n:Tenure OR n:Person
    OR n:ImprovementNotice OR n:ImprovementBoard OR n:Intervention) AND NOT (n)-[:CITES]->(:Source)
  WITH count(n) AS value RETURN 'facts without a citation' AS measure, value
}
RETURN measure, value

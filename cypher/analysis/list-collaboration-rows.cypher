MATCH (c:Collaboration)
RETURN c {.*} AS node,
  [(a:Actor)-[:PARTICIPATES_IN]->(c) | a.id] AS participants,
  [(c)-[:THROUGH]->(f:Forum) | f.id] AS forums,
  [(c)-[:ON]->(x:Activity) | x.id] AS activities,
  [(s:Assessment)-[:OF]->(c) | s.id] AS assessments

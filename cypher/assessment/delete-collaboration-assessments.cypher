// A collaboration's assessments and their answers, removed with it: they mean nothing without it.
MATCH (s:Assessment)-[:OF]->(c:Entity {id: $id})
OPTIONAL MATCH (r:Response)-[:RESPONDS_TO]->(s)
WITH s, collect(r) AS responses, s.id AS assessment
FOREACH (response IN responses | DETACH DELETE response)
DETACH DELETE s
RETURN assessment

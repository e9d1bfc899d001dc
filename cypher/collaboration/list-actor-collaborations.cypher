// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (a:Entity)
WHERE a.id IN $ids
MATCH (a:Actor)-[:PARTICIPATES_IN]->(c:Collaboration)
RETURN a.id AS key, c {.*} AS node
ORDER BY c.name

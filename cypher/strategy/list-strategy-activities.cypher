// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (s:Entity)
WHERE s.id IN $ids
MATCH (x:Activity)-[:IMPLEMENTS]->(s:Strategy)
RETURN s.id AS key, x {.*} AS node
ORDER BY x.name

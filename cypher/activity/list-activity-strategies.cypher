// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (x:Entity)
WHERE x.id IN $ids
MATCH (x:Activity)-[:IMPLEMENTS]->(s:Strategy)
RETURN x.id AS key, s {.*} AS node
ORDER BY s.name

// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (g:Entity)
WHERE g.id IN $ids
MATCH (f:Forum)-[:WORKS_ON]->(g:Goal)
RETURN g.id AS key, f {.*} AS node
ORDER BY f.name

// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (f:Entity)
WHERE f.id IN $ids
MATCH (f:Forum)-[:WORKS_ON]->(g:Goal)
RETURN f.id AS key, g {.*} AS node
ORDER BY g.text

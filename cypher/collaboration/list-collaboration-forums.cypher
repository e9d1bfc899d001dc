// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (c:Entity)
WHERE c.id IN $ids
MATCH (c:Collaboration)-[:THROUGH]->(f:Forum)
RETURN c.id AS key, f {.*} AS node
ORDER BY f.name

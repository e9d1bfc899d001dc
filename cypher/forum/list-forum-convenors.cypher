// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (f:Entity)
WHERE f.id IN $ids
MATCH (a:Actor)-[:CONVENES]->(f:Forum)
RETURN f.id AS key, a {.*} AS node
ORDER BY a.name

// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (f:Entity)
WHERE f.id IN $ids
MATCH (f:Forum)-[:COORDINATES]->(x:Activity)
RETURN f.id AS key, x {.*} AS node
ORDER BY x.name

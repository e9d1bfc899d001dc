// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (x:Entity)
WHERE x.id IN $ids
MATCH (f:Forum)-[:COORDINATES]->(x:Activity)
RETURN x.id AS key, f {.*} AS node
ORDER BY f.name

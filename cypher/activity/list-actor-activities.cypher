// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (a:Entity)
WHERE a.id IN $ids
MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(x:Activity)
RETURN a.id AS key, x {.*} AS node
ORDER BY x.name

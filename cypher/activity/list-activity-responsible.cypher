// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (x:Entity)
WHERE x.id IN $ids
MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(x:Activity)
RETURN x.id AS key, a {.*} AS node
ORDER BY a.name

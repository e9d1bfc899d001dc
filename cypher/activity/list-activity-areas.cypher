// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (x:Entity)
WHERE x.id IN $ids
MATCH (x:Activity)-[:IN_AREA]->(a:Area)
RETURN x.id AS key, a {.*} AS node
ORDER BY a.name

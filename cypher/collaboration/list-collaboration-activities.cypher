// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (c:Entity)
WHERE c.id IN $ids
MATCH (c:Collaboration)-[:ON]->(x:Activity)
RETURN c.id AS key, x {.*} AS node
ORDER BY x.name

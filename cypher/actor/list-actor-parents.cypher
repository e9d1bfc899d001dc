// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (a:Entity)
WHERE a.id IN $ids
MATCH (a:Actor)-[:PART_OF]->(p:Actor)
RETURN a.id AS key, p {.*} AS node
ORDER BY p.name

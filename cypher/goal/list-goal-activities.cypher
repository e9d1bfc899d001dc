// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (g:Entity)
WHERE g.id IN $ids
MATCH (x:Activity)-[:CONTRIBUTES_TO]->(g:Goal)
RETURN g.id AS key, x {.*} AS node
ORDER BY x.name

// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (x:Entity)
WHERE x.id IN $ids
MATCH (x:Activity)-[:CONTRIBUTES_TO]->(g:Goal)
RETURN x.id AS key, g {.*} AS node
ORDER BY g.text

// Starts from the indexed Entity id, then walks to the neighbours; the link carries its own source.
MATCH (x:Entity)
WHERE x.id IN $ids
MATCH (x:Activity)-[r:CONTRIBUTES_TO]->(g:Goal)
RETURN x.id AS key, g {.*} AS node, r {.*} AS rel
ORDER BY g.text

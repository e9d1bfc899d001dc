// Starts from the indexed Entity id, then walks to the neighbours; the link carries its own source.
MATCH (x:Entity)
WHERE x.id IN $ids
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(x:Activity)
RETURN x.id AS key, a {.*} AS node, r {.*} AS rel
ORDER BY a.name

// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (a:Entity)
WHERE a.id IN $ids
MATCH (a:Actor)-[r:MEMBER_OF]->(f:Forum)
RETURN a.id AS key, f {.*} AS node, r {.*} AS rel
ORDER BY f.name

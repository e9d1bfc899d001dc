// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (f:Entity)
WHERE f.id IN $ids
MATCH (a:Actor)-[r:MEMBER_OF]->(f:Forum)
RETURN f.id AS key, a {.*} AS node, r {.*} AS rel
ORDER BY a.name

// What each person answers for: starts from the indexed Entity id, then walks to the målområden.
MATCH (p:Entity)
WHERE p.id IN $ids
MATCH (p:Person)-[r:OFFICIAL_OF]->(x:Entity)
RETURN p.id AS key, x {.*} AS node, r {.*} AS rel
ORDER BY x.id

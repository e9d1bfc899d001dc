// The officials of målområden or the overarching goal: starts from the indexed Entity id, then walks to the people.
MATCH (x:Entity)
WHERE x.id IN $ids
MATCH (p:Person)-[r:OFFICIAL_OF]->(x)
RETURN x.id AS key, p {.*} AS node, r {.*} AS rel
ORDER BY p.name

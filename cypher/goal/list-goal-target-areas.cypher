// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (g:Entity)
WHERE g.id IN $ids
MATCH (g:Goal)-[:IN_TARGET_AREA]->(t:TargetArea)
RETURN g.id AS key, t {.*} AS node
ORDER BY t.name

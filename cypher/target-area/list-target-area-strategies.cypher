// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (t:Entity)
WHERE t.id IN $ids
MATCH (s:Strategy)-[:IN_TARGET_AREA]->(t:TargetArea)
RETURN t.id AS key, s {.*} AS node
ORDER BY s.name

// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (s:Entity)
WHERE s.id IN $ids
MATCH (s:Strategy)-[:IN_TARGET_AREA]->(t:TargetArea)
RETURN s.id AS key, t {.*} AS node
ORDER BY t.name

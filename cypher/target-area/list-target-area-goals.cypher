// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (t:Entity)
WHERE t.id IN $ids
MATCH (g:Goal)-[:IN_TARGET_AREA]->(t:TargetArea)
RETURN t.id AS key, g {.*} AS node
ORDER BY g.text

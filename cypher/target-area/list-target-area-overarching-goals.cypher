// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (t:Entity)
WHERE t.id IN $ids
MATCH (t:TargetArea)-[:SERVES]->(o:OverarchingGoal)
RETURN t.id AS key, o {.*} AS node
ORDER BY o.text

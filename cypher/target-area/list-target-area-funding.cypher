// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (t:Entity)
WHERE t.id IN $ids
MATCH (f:Funding)-[:FUNDS]->(t:TargetArea)
RETURN t.id AS key, f {.*} AS node
ORDER BY f.year

// The styrdokument that govern an activity, forum or goal.
// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (n:Entity)
WHERE n.id IN $ids
MATCH (n:Entity)-[:GOVERNED_BY]->(d:PolicyDocument)
RETURN n.id AS key, d {.*} AS node
ORDER BY d.title

// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (c:Entity)
WHERE c.id IN $ids
MATCH (a:Actor)-[r:PARTICIPATES_IN]->(c:Collaboration)
RETURN c.id AS key, a {.*} AS node, r {.*} AS rel
ORDER BY a.name

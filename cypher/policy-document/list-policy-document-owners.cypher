// Starts from the indexed Entity id, then walks to the neighbours.
MATCH (d:Entity)
WHERE d.id IN $ids
MATCH (a:Actor)-[:OWNS]->(d:PolicyDocument)
RETURN d.id AS key, a {.*} AS node
ORDER BY a.name

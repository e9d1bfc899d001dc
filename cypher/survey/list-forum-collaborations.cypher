// The collaborations realised through forum $id: a round for each at once.
MATCH (f:Entity {id: $id})
WHERE f:Forum
MATCH (c:Collaboration)-[:THROUGH]->(f)
RETURN c.id AS id
ORDER BY c.name

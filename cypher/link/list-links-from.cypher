// The relationships of type $type out of a node, with what they hold: the current set an update replaces.
MATCH (a:Entity {id: $id})-[r]->(b:Entity)
WHERE type(r) = $type
RETURN a.id AS from, b.id AS to, r {.*} AS props
ORDER BY to

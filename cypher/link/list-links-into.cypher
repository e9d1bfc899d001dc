// The relationships of type $type into a node, with what they hold: the current set an update replaces.
MATCH (a:Entity)-[r]->(b:Entity {id: $id})
WHERE type(r) = $type
RETURN a.id AS from, b.id AS to, r {.*} AS props
ORDER BY from

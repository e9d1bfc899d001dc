// Removes the relationship of type $type from one node to another; returns what it held.
MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
WHERE type(r) = $type
WITH a, b, r, r {.*} AS props
DELETE r
RETURN a.id AS from, b.id AS to, props

// Removes every relationship of type $type into a node: how a single-valued
// link (a forum's convenor, a document's owner) is replaced.
MATCH (a:Entity)-[r]->(b:Entity {id: $to})
WHERE type(r) = $type
WITH a, b, r, r {.*} AS props
DELETE r
RETURN a.id AS from, b.id AS to, props

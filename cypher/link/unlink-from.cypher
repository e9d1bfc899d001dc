// Removes every relationship of type $type out of a node: how a single-valued
// link (a goal's målområde) is replaced.
MATCH (a:Entity {id: $from})-[r]->(b:Entity)
WHERE type(r) = $type
WITH a, b, r, r {.*} AS props
DELETE r
RETURN a.id AS from, b.id AS to, props

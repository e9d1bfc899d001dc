// The relationship of type $type from one node to another, if there is one.
MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
WHERE type(r) = $type
RETURN r {.*} AS props

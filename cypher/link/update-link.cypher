// Sets $props on a relationship of $version and counts the version up (a
// relationship written before versions existed counts as version 1).
MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
WHERE type(r) = $type AND coalesce(r.version, 1) = $version
SET r += $props, r.version = $version + 1
RETURN r {.*} AS props

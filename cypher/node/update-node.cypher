// Sets $props on a node of $version and counts the version up; a null in
// $props removes that property. No row back means the version was stale.
MATCH (n:Entity {id: $id})
WHERE n.version = $version
SET n += $props, n.version = $version + 1
RETURN n {.*} AS node

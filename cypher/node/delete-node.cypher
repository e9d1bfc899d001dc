// Removes a node of $version with its relationships; 0 means the version was stale.
MATCH (n:Entity {id: $id})
WHERE n.version = $version
DETACH DELETE n
RETURN count(*) AS count

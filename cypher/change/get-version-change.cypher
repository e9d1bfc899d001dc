// The change that made a node's current version, if any (seeded nodes have none).
MATCH (n:Entity {id: $id})<-[r:CHANGED]-(c:Change)
WHERE r.version = n.version
RETURN c {.by, .byName, .at} AS change
ORDER BY c.at DESC
LIMIT 1

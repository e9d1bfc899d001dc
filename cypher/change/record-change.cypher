// One write's audit record: who, when, what (before and after as JSON text,
// since Neo4j stores no maps), linked to each changed node that still exists.
// The link to a node whose version this write set carries that version, so a
// stale write can name who made the current one. `subjects` keeps the ids
// for nodes the write deleted.
CREATE (c:Change {id: $id, at: $at, by: $by, byName: $byName, operation: $operation, before: $before, after: $after, subjects: $subjects})
WITH c
MATCH (n:Entity)
WHERE n.id IN $subjects
CREATE (c)-[r:CHANGED]->(n)
SET r.version = CASE WHEN n.id IN $versioned THEN n.version ELSE null END
RETURN count(r) AS count

// Reads the nodes a write is about, after taking their write locks: on Neo4j
// the SET blocks until no other transaction holds them, so the version read
// after it is the committed one and two writers cannot both pass a version
// check. It writes nothing (the property is removed at once).
MATCH (n:Entity)
WHERE n.id IN $ids
SET n.writeLock = true
REMOVE n.writeLock
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Entity'][0] AS label

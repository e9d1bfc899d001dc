// Reads a relationship after taking its write lock (see node/lock-nodes).
MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
WHERE type(r) = $type
SET r.writeLock = true
REMOVE r.writeLock
RETURN r {.*} AS props

// The latest change that touched both ends of a relationship: who last edited it.
MATCH (a:Entity {id: $from})<-[:CHANGED]-(c:Change)-[:CHANGED]->(b:Entity {id: $to})
RETURN c {.by, .byName, .at} AS change
ORDER BY c.at DESC
LIMIT 1

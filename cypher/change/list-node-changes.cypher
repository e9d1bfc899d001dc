// One page of a node's changes, newest first, and how many there are.
MATCH (n:Entity {id: $id})<-[:CHANGED]-(c:Change)
WITH c ORDER BY c.at DESC, c.id DESC
WITH collect(c {.*}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page

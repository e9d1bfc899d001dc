// Restores the audit trail's links from a backup: $rows: [{from, to, props}], from a Change to a domain node.
UNWIND $rows AS row
MATCH (c:Change {id: row.from})
MATCH (n:Entity {id: row.to})
CREATE (c)-[r:CHANGED]->(n)
SET r += row.props
RETURN count(r) AS count

// Creates or updates Person nodes from $rows: [{id, props}]. A new node starts at version 1.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.version = 1
SET n:Person, n += row.props
RETURN count(n) AS count

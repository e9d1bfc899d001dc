// Sets props on many nodes, each only at the version in its row: [{id, version, props}];
// counts each version up. A node that has moved on returns no row.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WHERE n.version = row.version
SET n += row.props, n.version = row.version + 1
RETURN n.id AS id

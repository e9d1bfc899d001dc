// Links $rows: [{from, to, props}] by IN_TARGET_AREA; linking twice keeps one relationship.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:IN_TARGET_AREA]->(b)
SET r += row.props
RETURN count(r) AS count

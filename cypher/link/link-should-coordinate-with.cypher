// Links $rows: [{from, to, props}] by SHOULD_COORDINATE_WITH; linking twice keeps one relationship.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:SHOULD_COORDINATE_WITH]->(b)
SET r += row.props
RETURN count(r) AS count

// Links $rows: [{from, to, props}] by OFFICIAL_OF; linking twice keeps one relationship.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:OFFICIAL_OF]->(b)
SET r += row.props
RETURN count(r) AS count

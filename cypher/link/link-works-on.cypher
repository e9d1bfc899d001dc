// Links $rows: [{from, to, props}] by WORKS_ON; linking twice keeps one relationship.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:WORKS_ON]->(b)
SET r += row.props
RETURN count(r) AS count

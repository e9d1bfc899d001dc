// Links $rows: [{from, to, props}] by RESPONSIBLE_FOR; linking twice keeps one relationship.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:RESPONSIBLE_FOR]->(b)
SET r += row.props
RETURN count(r) AS count

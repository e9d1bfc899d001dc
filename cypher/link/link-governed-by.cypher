// Links $rows: [{from, to, props}] by GOVERNED_BY; linking twice keeps one relationship.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:GOVERNED_BY]->(b)
SET r += row.props
RETURN count(r) AS count

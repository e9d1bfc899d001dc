// Removes the relationships of type $type between each pair in $rows: [{from, to}].
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
WHERE type(r) = $type
DELETE r
RETURN count(*) AS count

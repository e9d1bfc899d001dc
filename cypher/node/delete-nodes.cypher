// Removes nodes and their relationships by id.
MATCH (n:Entity)
WHERE n.id IN $ids
DETACH DELETE n
RETURN count(*) AS count

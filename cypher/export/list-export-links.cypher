// Every relationship between domain nodes for a graph file, by its type.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS from, type(r) AS type, b.id AS to
ORDER BY from, type, to

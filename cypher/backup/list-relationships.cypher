// Every relationship from a node with an id (a domain node or a Change), for a backup;
// a Response's two relationships are kept with the Response itself.
MATCH (a)-[r]->(b)
WHERE a.id IS NOT NULL
RETURN a.id AS from, type(r) AS type, b.id AS to, r {.*} AS props

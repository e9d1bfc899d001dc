// Every relationship between a node and other domain nodes: what a deletion takes with it.
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, r {.*} AS props
ORDER BY type, from, to
